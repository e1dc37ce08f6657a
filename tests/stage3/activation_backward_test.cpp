// Task 3.3: Δ = ∂C/∂Z from G = ∂C/∂A, through any activation (softmax: the row-wise
// Jacobian product). The numeric side differentiates C(Z) = Σ_ij G_ij f(Z)_ij with the
// tests' own activations, whose gradient with respect to Z is exactly what
// activation_backward must return.
#include <string>

#include <gtest/gtest.h>

#include "03_vectorized/activations.hpp"
#include "bp/random.hpp"
#include "gradcheck.hpp"
#include "reference.hpp"
#include "stage3_places.hpp"
#include "stage3_support.hpp"

namespace {

using bp::mlp::Activation;
using bp::mlp::activation_backward;
using bp::mlp::Matrix;
using bp::test::describe;
using namespace bp::test::stage3;
namespace places = bp::test::stage3;

class ActivationBackward : public ::testing::TestWithParam<Activation> {};

TEST_P(ActivationBackward, MatchesTheCheckerForAWeightedSumOfActivations) {
  const Activation f = GetParam();
  bp::Rng rng(51);
  Matrix Z = uniform_matrix(4, 3, rng, 0.05, 3.0);  // away from ReLU's kink
  for (Eigen::Index i = 0; i < Z.rows(); ++i)
    for (Eigen::Index j = 0; j < Z.cols(); ++j)
      if (rng.uniform() < 0.5) Z(i, j) = -Z(i, j);
  const Matrix G = normal_matrix(4, 3, rng);
  const Matrix Delta = activation_backward(f, Z, reference_activate(f, Z), G);
  const bp::check::Result r =
      bp::check::check_gradient([&] { return G.cwiseProduct(reference_activate(f, Z)).sum(); },
                                {bp::check::block("Z", Z, Delta)});
  EXPECT_TRUE(bp::check::passes(r))
      << "activation_backward(" << bp::mlp::to_string(f) << ", Z, A, G) for a 4 x 3 batch"
      << describe(places::kActivationBackward);
}

INSTANTIATE_TEST_SUITE_P(EveryActivation, ActivationBackward,
                         ::testing::Values(Activation::identity, Activation::sigmoid,
                                           Activation::tanh, Activation::relu,
                                           Activation::leaky_relu, Activation::softmax));

TEST(SoftmaxBackward, MatchesThePinnedJacobianProduct) {
  // Row i: (diag(s) - s sᵀ) g with s = softmax(z_i), g = G's row i (numpy, with the full
  // Jacobian matrix).
  const Matrix Z = mat({{1.0, 2.0, 3.0}, {-1.0, 0.0, 5.0}});
  const Matrix G = mat({{0.5, -1.0, 2.0}, {1.5, 0.25, -0.75}});
  const Matrix expected =
      mat({{-0.05678847003696692, -0.5214597727496747, 0.5782482427866418},
           {0.0054962873727785804, 0.006594942447692357, -0.012091229820470973}});
  EXPECT_TRUE(all_near(
      activation_backward(Activation::softmax, Z, reference_activate(Activation::softmax, Z), G),
      expected, 1e-14))
      << "activation_backward(softmax, Z, A, G)" << describe(places::kActivationBackward);
}

TEST(SoftmaxBackward, SumsToZeroInEveryRow) {
  // Σ_k s_k (g_k - g·s) = g·s - (g·s) Σ_k s_k = 0: adding a constant to a row of Z does
  // not change the softmax, so the gradient has no component along (1, ..., 1).
  bp::Rng rng(52);
  const Matrix Z = normal_matrix(5, 4, rng, 2.0);
  const Matrix Delta = activation_backward(
      Activation::softmax, Z, reference_activate(Activation::softmax, Z), normal_matrix(5, 4, rng));
  ASSERT_EQ(bp::shape_of(Delta), "5 x 4") << describe(places::kActivationBackward);
  for (Eigen::Index i = 0; i < Delta.rows(); ++i)
    EXPECT_NEAR(Delta.row(i).sum(), 0.0, 1e-15)
        << "row " << i << " of activation_backward(softmax, Z, A, G)"
        << describe(places::kActivationBackward);
}

TEST(ActivationBackwardArguments, ThrowsWhenGDiffersInShapeForSoftmax) {
  EXPECT_TRUE(throws_invalid_argument(
      [] {
        activation_backward(Activation::softmax, Matrix::Zero(2, 3), Matrix::Zero(2, 3),
                            Matrix::Zero(2, 4));
      },
      {"2 x 3", "2 x 4"}))
      << "activation_backward(softmax, Z 2 x 3, A 2 x 3, G 2 x 4)"
      << describe(places::kActivationBackward);
}

TEST(ActivationBackwardArguments, ThrowsWhenGDiffersInShapeForElementwiseActivations) {
  EXPECT_TRUE(throws_invalid_argument(
      [] {
        activation_backward(Activation::sigmoid, Matrix::Zero(2, 3), Matrix::Zero(2, 3),
                            Matrix::Zero(3, 3));
      },
      {"2 x 3", "3 x 3"}))
      << "activation_backward(sigmoid, Z 2 x 3, A 2 x 3, G 3 x 3)"
      << describe(places::kActivationBackward);
}

}  // namespace
