// Tasks 1.1 and 1.2: σ(z) = 1/(1+e^-z) and σ'(z) = σ(z)(1-σ(z)).
// Pinned values were computed independently with numpy: 1/(1+np.exp(-z)).
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "01_perceptron/sigmoid.hpp"
#include "bp/random.hpp"
#include "gradcheck.hpp"
#include "stage1_places.hpp"

namespace {

using bp::perceptron::sigmoid;
using bp::perceptron::sigmoid_prime;
using bp::test::describe;
namespace places = bp::test::stage1;

TEST(Sigmoid, IsOneHalfAtZero) {
  EXPECT_EQ(sigmoid(0.0), 0.5) << "σ(0) = 1/(1+e^0) = 1/2" << describe(places::kSigmoid);
}

TEST(Sigmoid, MatchesTheDefinitionAtModerateArguments) {
  EXPECT_DOUBLE_EQ(sigmoid(1.0), 0.7310585786300049) << describe(places::kSigmoid);
  EXPECT_DOUBLE_EQ(sigmoid(-1.0), 0.2689414213699951) << describe(places::kSigmoid);
  EXPECT_DOUBLE_EQ(sigmoid(2.0), 0.8807970779778825) << describe(places::kSigmoid);
  EXPECT_DOUBLE_EQ(sigmoid(-3.0), 0.04742587317756678) << describe(places::kSigmoid);
}

TEST(Sigmoid, IsExactlyOneAtPlusOneThousand) {
  // e^-1000 underflows to 0, so the exact answer in double is 1. The form e^z/(1+e^z)
  // gives inf/inf = NaN here.
  EXPECT_EQ(sigmoid(1000.0), 1.0) << describe(places::kSigmoid);
}

TEST(Sigmoid, IsExactlyZeroAtMinusOneThousand) {
  EXPECT_EQ(sigmoid(-1000.0), 0.0) << describe(places::kSigmoid);
}

TEST(Sigmoid, KeepsFullRelativeAccuracyForVeryNegativeArguments) {
  // σ(-36.8) = 1.0422287905595918e-16: tiny but representable; 1 - σ(36.8) would round to 0.
  EXPECT_NEAR(sigmoid(-36.8) / 1.0422287905595918e-16, 1.0, 1e-12) << describe(places::kSigmoid);
}

TEST(Sigmoid, IsFiniteAndWithinZeroAndOneEverywhere) {
  const double huge = std::numeric_limits<double>::max();
  const double inf = std::numeric_limits<double>::infinity();
  for (double z : {-inf, -huge, -1e300, -1e5, -745.2, -709.8, -50.0, 0.0, 50.0, 709.8, 745.2, 1e5,
                   1e300, huge, inf}) {
    const double value = sigmoid(z);
    ASSERT_TRUE(std::isfinite(value)) << "σ(" << z << ") = " << value << describe(places::kSigmoid);
    ASSERT_GE(value, 0.0) << "σ(" << z << ")" << describe(places::kSigmoid);
    ASSERT_LE(value, 1.0) << "σ(" << z << ")" << describe(places::kSigmoid);
  }
}

TEST(Sigmoid, SatisfiesSigmaOfMinusZEqualsOneMinusSigmaOfZ) {
  bp::Rng rng(11);
  for (int i = 0; i < 100; ++i) {
    const double z = rng.uniform(-20.0, 20.0);
    EXPECT_NEAR(sigmoid(-z), 1.0 - sigmoid(z), 1e-15)
        << "at z = " << z << describe(places::kSigmoid);
  }
}

TEST(SigmoidPrime, IsOneQuarterAtZero) {
  EXPECT_EQ(sigmoid_prime(0.0), 0.25) << "σ'(0) = ½ · ½" << describe(places::kSigmoidPrime);
}

TEST(SigmoidPrime, TakesThePreActivationZNotTheActivation) {
  // σ'(2) = σ(2)(1-σ(2)) = 0.10499358540350645; σ'(σ(2)) would be about 0.2. The tolerance
  // allows the rounding of 1 - σ(z), which loses a few bits when σ(z) is near 1.
  EXPECT_NEAR(sigmoid_prime(2.0), 0.10499358540350645, 1e-14) << describe(places::kSigmoidPrime);
  EXPECT_NEAR(sigmoid_prime(-3.0), 0.04517665973091214, 1e-14) << describe(places::kSigmoidPrime);
}

TEST(SigmoidPrime, MatchesTheNumericDerivativeOfTheSigmoid) {
  // The numeric side differentiates the student's sigmoid, which the Sigmoid tests pin.
  bp::Rng rng(12);
  for (int i = 0; i < 200; ++i) {
    const double z = rng.uniform(-10.0, 10.0);
    const bp::check::Result r = bp::check::check_derivative(
        "σ'(z)", [](double t) { return sigmoid(t); }, z, sigmoid_prime(z));
    ASSERT_TRUE(bp::check::passes(r)) << "at z = " << z << describe(places::kSigmoidPrime);
  }
}

TEST(SigmoidPrime, IsZeroNotNaNFarFromTheOrigin) {
  EXPECT_EQ(sigmoid_prime(1000.0), 0.0) << describe(places::kSigmoidPrime);
  EXPECT_EQ(sigmoid_prime(-1000.0), 0.0) << describe(places::kSigmoidPrime);
}

}  // namespace
