// Task 3.2: f'(Z) entry by entry, from Z and the cached A = f(Z).
// The numeric side differentiates the tests' own activations (reference.hpp), and A is
// computed by the tests too, so these tests do not depend on task 3.1.
#include <cmath>
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
using bp::mlp::activation_prime;
using bp::mlp::Matrix;
using bp::test::describe;
using namespace bp::test::stage3;
namespace places = bp::test::stage3;

Matrix reference_activate(Activation f, const Matrix& Z) {
  return Z.unaryExpr([f](double z) { return reference_f(f, z); });
}

const Matrix kRow = mat({{-2.0, -0.5, 0.0, 0.5, 3.0}});

class ActivationPrime : public ::testing::TestWithParam<Activation> {};

TEST_P(ActivationPrime, MatchesTheCheckerAwayFromKinks) {
  const Activation f = GetParam();
  bp::Rng rng(41);
  // Entries in ±[0.05, 4]: never within a finite-difference step of ReLU's kink at 0.
  Matrix Z = uniform_matrix(4, 3, rng, 0.05, 4.0);
  for (Eigen::Index i = 0; i < Z.rows(); ++i)
    for (Eigen::Index j = 0; j < Z.cols(); ++j)
      if (rng.uniform() < 0.5) Z(i, j) = -Z(i, j);
  const Matrix A = reference_activate(f, Z);
  const Matrix prime = activation_prime(f, Z, A);
  ASSERT_EQ(bp::shape_of(prime), "4 x 3") << describe(places::kActivationPrime);
  for (Eigen::Index i = 0; i < Z.rows(); ++i)
    for (Eigen::Index j = 0; j < Z.cols(); ++j) {
      const std::string name = std::string(bp::mlp::to_string(f)) + "'(z)";
      const auto fz = [f](double z) { return reference_f(f, z); };
      EXPECT_TRUE(bp::check::passes(bp::check::check_derivative(name, fz, Z(i, j), prime(i, j))))
          << "activation_prime(" << bp::mlp::to_string(f) << ", Z, A) entry (" << i << ", " << j
          << ") at z = " << Z(i, j) << ", a = f(z) = " << A(i, j)
          << describe(places::kActivationPrime);
    }
}

INSTANTIATE_TEST_SUITE_P(Elementwise, ActivationPrime,
                         ::testing::Values(Activation::identity, Activation::sigmoid,
                                           Activation::tanh, Activation::relu,
                                           Activation::leaky_relu));

TEST(ActivationPrimeValues, IdentityPrimeIsOne) {
  EXPECT_TRUE(same_bits(activation_prime(Activation::identity, kRow, kRow), Matrix::Ones(1, 5)))
      << describe(places::kActivationPrime);
}

TEST(ActivationPrimeValues, SigmoidPrimeIsAOneMinusAAtZ) {
  // σ'(z) = σ(z)(1 - σ(z)) at z = -2, -0.5, 0, 0.5, 3 (numpy). σ(a)(1 - σ(a)) is wrong.
  const Matrix expected =
      mat({{0.1049935854035065, 0.2350037122015945, 0.25, 0.2350037122015945, 0.045176659730912}});
  EXPECT_TRUE(all_near(
      activation_prime(Activation::sigmoid, kRow, reference_activate(Activation::sigmoid, kRow)),
      expected, 1e-15))
      << "activation_prime(sigmoid, Z, A)" << describe(places::kActivationPrime);
}

TEST(ActivationPrimeValues, TanhPrimeIsOneMinusASquared) {
  // 1 - tanh²(z) at z = -2, -0.5, 0, 0.5, 3 (numpy). a(1 - a) is the sigmoid's, not tanh's.
  const Matrix expected = mat(
      {{0.07065082485316443, 0.7864477329659274, 1.0, 0.7864477329659274, 0.009866037165440211}});
  EXPECT_TRUE(
      all_near(activation_prime(Activation::tanh, kRow, reference_activate(Activation::tanh, kRow)),
               expected, 1e-15))
      << "activation_prime(tanh, Z, A)" << describe(places::kActivationPrime);
}

TEST(ActivationPrimeValues, ReluPrimeIsZeroAtTheKink) {
  // The kit's convention: ReLU'(0) = 0 (DESIGN.md §2).
  EXPECT_TRUE(same_bits(
      activation_prime(Activation::relu, kRow, reference_activate(Activation::relu, kRow)),
      mat({{0.0, 0.0, 0.0, 1.0, 1.0}})))
      << "activation_prime(relu, Z, A) at z = -2, -0.5, 0, 0.5, 3"
      << describe(places::kActivationPrime);
}

TEST(ActivationPrimeValues, LeakyReluPrimeIsOneHundredthAtAndBelowZero) {
  // Slope α = 0.01 for z ≤ 0, so leaky ReLU'(0) = α.
  EXPECT_TRUE(same_bits(activation_prime(Activation::leaky_relu, kRow,
                                         reference_activate(Activation::leaky_relu, kRow)),
                        mat({{0.01, 0.01, 0.01, 1.0, 1.0}})))
      << "activation_prime(leaky_relu, Z, A) at z = -2, -0.5, 0, 0.5, 3"
      << describe(places::kActivationPrime);
}

TEST(ActivationPrimeValues, SigmoidPrimeIsZeroNotNaNFarOut) {
  const Matrix Z = mat({{1000.0, -1000.0}});
  EXPECT_TRUE(
      same_bits(activation_prime(Activation::sigmoid, Z, mat({{1.0, 0.0}})), mat({{0.0, 0.0}})))
      << "activation_prime(sigmoid, [1000, -1000], [1, 0])" << describe(places::kActivationPrime);
}

TEST(ActivationPrimeValues, TanhPrimeIsZeroNotNaNFarOut) {
  // tanh(±1000) = ±1 exactly, so 1 - a² = 0 exactly.
  const Matrix Z = mat({{1000.0, -1000.0}});
  EXPECT_TRUE(
      same_bits(activation_prime(Activation::tanh, Z, mat({{1.0, -1.0}})), mat({{0.0, 0.0}})))
      << "activation_prime(tanh, [1000, -1000], [1, -1])" << describe(places::kActivationPrime);
}

TEST(ActivationPrimeArguments, ThrowsForSoftmaxWhoseDerivativeIsAJacobian) {
  const Matrix Z = mat({{1.0, 2.0}});
  EXPECT_TRUE(throws_invalid_argument(
      [&] {
        activation_prime(Activation::softmax, Z, reference_activate(Activation::identity, Z));
      },
      {"softmax"}))
      << "activation_prime(softmax, ...) must refer to activation_backward"
      << describe(places::kActivationPrime);
}

TEST(ActivationPrimeArguments, ThrowsWhenZAndADifferInShape) {
  EXPECT_TRUE(throws_invalid_argument(
      [] { activation_prime(Activation::tanh, Matrix::Zero(2, 3), Matrix::Zero(3, 2)); },
      {"2 x 3", "3 x 2"}))
      << "activation_prime(tanh, Z 2 x 3, A 3 x 2)" << describe(places::kActivationPrime);
}

}  // namespace
