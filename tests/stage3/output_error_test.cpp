// Task 3.5: ∂C/∂A of the MSE and the output error Δ^(L) = ∂C/∂Z^(L) for every pair of
// output activation and cost. The numeric side differentiates the tests' own mean cost of
// the logits Z (reference.hpp); A = f(Z) is computed by the tests too.
#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include "03_vectorized/costs.hpp"
#include "bp/random.hpp"
#include "gradcheck.hpp"
#include "reference.hpp"
#include "stage3_places.hpp"
#include "stage3_support.hpp"

namespace {

using bp::mlp::Activation;
using bp::mlp::Cost;
using bp::mlp::Matrix;
using bp::mlp::mse_gradient;
using bp::mlp::output_error;
using bp::test::describe;
using namespace bp::test::stage3;
namespace places = bp::test::stage3;

TEST(MseGradient, IsAMinusYOverM) {
  // ∂/∂A of (1/2m) Σ (A - Y)² is (A - Y)/m: the ½ cancels the 2 of the square (numpy).
  const Matrix A = mat({{0.2, 0.7}, {1.0, -0.5}, {0.0, 0.3}});
  const Matrix Y = mat({{0.0, 1.0}, {1.0, 0.5}, {0.5, 0.3}});
  const Matrix expected = mat({{0.06666666666666667, -0.10000000000000002},
                               {0.0, -0.3333333333333333},
                               {-0.16666666666666666, 0.0}});
  EXPECT_TRUE(all_near(mse_gradient(A, Y), expected, 1e-15))
      << "mse_gradient(A, Y), m = 3" << describe(places::kMseGradient);
}

TEST(MseGradient, ThrowsWhenTheShapesDiffer) {
  EXPECT_TRUE(throws_invalid_argument([] { mse_gradient(Matrix::Zero(3, 2), Matrix::Zero(2, 3)); },
                                      {"3 x 2", "2 x 3"}))
      << describe(places::kMseGradient);
}

struct OutputCase {
  Activation f;
  Cost c;
  Eigen::Index n;
  bool soft_class_rows = false;  // cross-entropy targets: rows summing to 1, not one-hot
};

void PrintTo(const OutputCase& c, std::ostream* os) {
  *os << bp::mlp::to_string(c.f) << "_with_" << bp::mlp::to_string(c.c);
  if (c.c == Cost::binary_cross_entropy && c.n > 1) *os << "_" << c.n << "_outputs";
  if (c.soft_class_rows) *os << "_soft_targets";
}

class OutputError : public ::testing::TestWithParam<OutputCase> {};

TEST_P(OutputError, MatchesTheCheckerForABatchOfFour) {
  const OutputCase pc = GetParam();
  bp::Rng rng(61 + static_cast<std::uint64_t>(pc.n));
  const Eigen::Index m = 4;
  Matrix Z = uniform_matrix(m, pc.n, rng, 0.05, 2.5);  // away from ReLU's kink
  for (Eigen::Index i = 0; i < Z.rows(); ++i)
    for (Eigen::Index j = 0; j < Z.cols(); ++j)
      if (rng.uniform() < 0.5) Z(i, j) = -Z(i, j);
  const Matrix Y = pc.soft_class_rows ? soft_class_targets(m, pc.n, rng)
                                      : random_targets(pc.f, pc.c, m, pc.n, rng);
  const Matrix Delta = output_error(pc.f, pc.c, Z, reference_activate(pc.f, Z), Y);
  bp::check::Options options;
  options.batch_size = static_cast<double>(m);
  const bp::check::Result r =
      bp::check::check_gradient([&] { return reference_output_cost(pc.f, pc.c, Z, Y); },
                                {bp::check::block("Z", Z, Delta)}, options);
  EXPECT_TRUE(bp::check::passes(r))
      << "output_error(" << bp::mlp::to_string(pc.f) << ", " << bp::mlp::to_string(pc.c)
      << ", Z, A, Y), Z " << m << " x " << pc.n << ", Y\n    " << show(Y)
      << describe(places::kOutputError);
}

INSTANTIATE_TEST_SUITE_P(
    EveryPair, OutputError,
    ::testing::Values(OutputCase{Activation::identity, Cost::mse, 2},
                      OutputCase{Activation::sigmoid, Cost::mse, 2},
                      OutputCase{Activation::tanh, Cost::mse, 2},
                      OutputCase{Activation::relu, Cost::mse, 2},
                      OutputCase{Activation::leaky_relu, Cost::mse, 2},
                      OutputCase{Activation::softmax, Cost::mse, 3},
                      OutputCase{Activation::sigmoid, Cost::binary_cross_entropy, 1},
                      OutputCase{Activation::softmax, Cost::cross_entropy, 3},
                      // Two sigmoid outputs: the 1/m of the mean, not 1/(m n).
                      OutputCase{Activation::sigmoid, Cost::binary_cross_entropy, 2},
                      // "Any rows summing to 1 work": (A - Y)/m holds for soft targets too.
                      OutputCase{Activation::softmax, Cost::cross_entropy, 3, true}));

TEST(OutputErrorShortcut, IsAMinusYOverMForTheMatchedPairs) {
  bp::Rng rng(62);
  const Matrix Z = normal_matrix(5, 3, rng);
  for (const OutputCase pc : {OutputCase{Activation::identity, Cost::mse, 3},
                              OutputCase{Activation::sigmoid, Cost::binary_cross_entropy, 3},
                              OutputCase{Activation::softmax, Cost::cross_entropy, 3}}) {
    const Matrix A = reference_activate(pc.f, Z);
    const Matrix Y = random_targets(pc.f, pc.c, 5, 3, rng);
    EXPECT_TRUE(all_near(output_error(pc.f, pc.c, Z, A, Y), (A - Y) / 5.0, 1e-15))
        << "output_error(" << bp::mlp::to_string(pc.f) << ", " << bp::mlp::to_string(pc.c)
        << ", Z, A, Y) with m = 5" << describe(places::kOutputError);
  }
}

TEST(OutputErrorArguments, ThrowsForBinaryCrossEntropyWithoutASigmoidOutput) {
  const Matrix Z = Matrix::Zero(2, 1);
  EXPECT_TRUE(throws_invalid_argument(
      [&] { output_error(Activation::identity, Cost::binary_cross_entropy, Z, Z, Z); },
      {"binary_cross_entropy", "identity"}))
      << describe(places::kOutputError);
}

TEST(OutputErrorArguments, ThrowsForCrossEntropyWithoutASoftmaxOutput) {
  const Matrix Z = Matrix::Zero(2, 3);
  EXPECT_TRUE(throws_invalid_argument(
      [&] { output_error(Activation::sigmoid, Cost::cross_entropy, Z, Z, Z); },
      {"cross_entropy", "sigmoid"}))
      << describe(places::kOutputError);
}

TEST(OutputErrorArguments, ThrowsWhenYDiffersInShape) {
  const Matrix Z = Matrix::Zero(5, 3);
  EXPECT_TRUE(throws_invalid_argument(
      [&] { output_error(Activation::identity, Cost::mse, Z, Z, Matrix::Zero(5, 2)); },
      {"5 x 3", "5 x 2"}))
      << describe(places::kOutputError);
}

}  // namespace
