// Task 3.1: the activations on a batch, and their names.
// Pinned values computed independently with numpy (1/(1+np.exp(-z)), np.tanh, and softmax
// as np.exp(z - z.max(axis=1)) normalised row by row).
#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "03_vectorized/activations.hpp"
#include "bp/random.hpp"
#include "reference.hpp"
#include "stage3_places.hpp"
#include "stage3_support.hpp"

namespace {

using bp::mlp::activate;
using bp::mlp::Activation;
using bp::mlp::kActivationNames;
using bp::mlp::Matrix;
using bp::mlp::parse_activation;
using bp::test::describe;
using namespace bp::test::stage3;
namespace places = bp::test::stage3;

const Matrix kRow = mat({{-2.0, -0.5, 0.0, 0.5, 3.0}});

TEST(ParseActivation, KnowsEveryNameOfTheTable) {
  for (const bp::mlp::ActivationName& a : kActivationNames)
    EXPECT_EQ(parse_activation(a.name), a.f)
        << "parse_activation(\"" << a.name << "\")" << describe(places::kParseActivation);
}

TEST(ParseActivation, RejectsAnUnknownNameAndListsTheValidOnes) {
  EXPECT_TRUE(throws_invalid_argument(
      [] { parse_activation("sigmoidd"); },
      {"sigmoidd", "identity", "sigmoid", "tanh", "relu", "leaky_relu", "softmax"}))
      << "parse_activation(\"sigmoidd\")" << describe(places::kParseActivation);
}

TEST(ParseActivation, IsCaseSensitive) {
  EXPECT_TRUE(throws_invalid_argument([] { parse_activation("ReLU"); }, {"ReLU"}))
      << "parse_activation(\"ReLU\")" << describe(places::kParseActivation);
}

TEST(IdentityActivation, ReturnsZUnchanged) {
  EXPECT_TRUE(same_bits(activate(Activation::identity, kRow), kRow))
      << "activate(identity, Z)" << describe(places::kActivate);
}

TEST(SigmoidActivation, MatchesTheDefinitionAtModerateArguments) {
  const Matrix expected =
      mat({{0.11920292202211755, 0.3775406687981454, 0.5, 0.6224593312018546, 0.9525741268224334}});
  EXPECT_TRUE(all_near(activate(Activation::sigmoid, kRow), expected, 1e-15))
      << "activate(sigmoid, Z), σ(z) = 1/(1+e^-z)" << describe(places::kActivate);
}

TEST(SigmoidActivation, OfPlusAndMinusThousandIsExactlyOneAndZero) {
  // e^-1000 underflows to 0: σ(1000) is exactly 1 and σ(-1000) exactly 0 in double.
  // e^z/(1+e^z) at z = 1000 is inf/inf = NaN; 1/(1+e^-z) at z = -1000 is 1/inf = 0.
  EXPECT_TRUE(same_bits(activate(Activation::sigmoid, mat({{1000.0, -1000.0}})), mat({{1.0, 0.0}})))
      << "activate(sigmoid, [1000, -1000])" << describe(places::kActivate);
}

TEST(SigmoidActivation, IsFiniteAndWithinZeroAndOneEverywhere) {
  const double inf = std::numeric_limits<double>::infinity();
  const Matrix Z =
      mat({{-inf, -1e300, -745.2, -709.8, -50.0, 0.0, 50.0, 709.8, 745.2, 1e300, inf}});
  const Matrix A = activate(Activation::sigmoid, Z);
  ASSERT_EQ(A.cols(), Z.cols()) << describe(places::kActivate);
  for (Eigen::Index j = 0; j < Z.cols(); ++j)
    EXPECT_TRUE(std::isfinite(A(0, j)) && A(0, j) >= 0.0 && A(0, j) <= 1.0)
        << "σ(" << Z(0, j) << ") = " << A(0, j) << describe(places::kActivate);
}

TEST(SigmoidActivation, IsAppliedToEveryEntryOfABatch) {
  bp::Rng rng(31);
  const Matrix Z = normal_matrix(4, 3, rng, 3.0);
  Matrix expected(4, 3);
  for (Eigen::Index i = 0; i < 4; ++i)
    for (Eigen::Index j = 0; j < 3; ++j) expected(i, j) = reference_f(Activation::sigmoid, Z(i, j));
  EXPECT_TRUE(all_near(activate(Activation::sigmoid, Z), expected, 1e-15))
      << "activate(sigmoid, Z) for a 4 x 3 batch" << describe(places::kActivate);
}

TEST(TanhActivation, MatchesTheDefinition) {
  const Matrix expected = mat(
      {{-0.9640275800758169, -0.46211715726000974, 0.0, 0.46211715726000974, 0.9950547536867305}});
  EXPECT_TRUE(all_near(activate(Activation::tanh, kRow), expected, 1e-15))
      << "activate(tanh, Z)" << describe(places::kActivate);
}

TEST(TanhActivation, OfPlusAndMinusThousandIsExactlyOneAndMinusOne) {
  // tanh(±1000) rounds to exactly ±1 in double. (e^z - e^-z)/(e^z + e^-z) is inf/inf = NaN
  // for |z| beyond about 710, where e^|z| overflows.
  EXPECT_TRUE(same_bits(activate(Activation::tanh, mat({{1000.0, -1000.0}})), mat({{1.0, -1.0}})))
      << "activate(tanh, [1000, -1000])" << describe(places::kActivate);
}

TEST(TanhActivation, IsFiniteForLargeEntriesOfABatch) {
  // Large and moderate entries mixed in a 2 x 3 batch (numpy: np.tanh).
  const Matrix Z = mat({{1000.0, -0.5, -720.0}, {0.5, 710.5, -1e300}});
  const Matrix expected =
      mat({{1.0, -0.46211715726000974, -1.0}, {0.46211715726000974, 1.0, -1.0}});
  EXPECT_TRUE(all_near(activate(Activation::tanh, Z), expected, 1e-15))
      << "activate(tanh, Z) with entries up to ±1e300: never NaN" << describe(places::kActivate);
}

TEST(ReluActivation, ZeroesNonPositivesAndKeepsPositives) {
  EXPECT_TRUE(same_bits(activate(Activation::relu, kRow), mat({{0.0, 0.0, 0.0, 0.5, 3.0}})))
      << "activate(relu, Z), max(z, 0)" << describe(places::kActivate);
}

TEST(LeakyReluActivation, ScalesNonPositivesByOneHundredth) {
  EXPECT_TRUE(all_near(activate(Activation::leaky_relu, kRow),
                       mat({{-0.02, -0.005, 0.0, 0.5, 3.0}}), 1e-16))
      << "activate(leaky_relu, Z): z for z > 0, 0.01 z for z ≤ 0" << describe(places::kActivate);
}

TEST(Softmax, MatchesTheDefinitionRowByRow) {
  const Matrix Z = mat({{1.0, 2.0, 3.0}, {-1.0, 0.0, 5.0}});
  const Matrix expected = mat({{0.09003057317038043, 0.24472847105479767, 0.6652409557748218},
                               {0.0024561149044509535, 0.006676412513376451, 0.9908674725821726}});
  EXPECT_TRUE(all_near(activate(Activation::softmax, Z), expected, 1e-15))
      << "activate(softmax, Z)" << describe(places::kActivate);
}

TEST(Softmax, RowsSumToOne) {
  bp::Rng rng(32);
  const Matrix A = activate(Activation::softmax, normal_matrix(6, 4, rng, 5.0));
  ASSERT_EQ(A.rows(), 6) << describe(places::kActivate);
  for (Eigen::Index i = 0; i < A.rows(); ++i)
    EXPECT_NEAR(A.row(i).sum(), 1.0, 1e-15) << "row " << i << describe(places::kActivate);
}

TEST(Softmax, OfPlusAndMinusThousandIsOneAndZero) {
  // Without subtracting the row maximum, e^1000 overflows: inf/inf = NaN.
  EXPECT_TRUE(same_bits(activate(Activation::softmax, mat({{1000.0, 0.0}})), mat({{1.0, 0.0}})))
      << "activate(softmax, [1000, 0])" << describe(places::kActivate);
}

TEST(Softmax, OfTwoMinusThousandsIsOneHalfEach) {
  // Without subtracting the row maximum, e^-1000 underflows: 0/0 = NaN.
  EXPECT_TRUE(
      same_bits(activate(Activation::softmax, mat({{-1000.0, -1000.0}})), mat({{0.5, 0.5}})))
      << "activate(softmax, [-1000, -1000])" << describe(places::kActivate);
}

TEST(Softmax, TreatsEverySampleSeparately) {
  // Rows are samples: each row is normalised on its own, and a large entry in one row does
  // not change another row.
  EXPECT_TRUE(same_bits(activate(Activation::softmax, mat({{0.0, 0.0}, {1000.0, 1000.0}})),
                        mat({{0.5, 0.5}, {0.5, 0.5}})))
      << "activate(softmax, [[0, 0], [1000, 1000]])" << describe(places::kActivate);
}

TEST(Activate, KeepsTheShapeOfZForEveryActivation) {
  bp::Rng rng(33);
  const Matrix Z = normal_matrix(5, 3, rng);
  for (const bp::mlp::ActivationName& a : kActivationNames) {
    const Matrix A = activate(a.f, Z);
    EXPECT_EQ(bp::shape_of(A), "5 x 3")
        << "activate(" << a.name << ", Z) with Z 5 x 3" << describe(places::kActivate);
  }
}

}  // namespace
