// The numeric side of every gradient test: Richardson-extrapolated central differences with an
// exactly representable step. If these are wrong, every other test in the kit is wrong too.
#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "gradcheck.hpp"

namespace {

using bp::check::numeric_derivative;
using bp::check::step_for;

double relative_error(double approx, double exact) {
  return std::abs(approx - exact) / std::max(std::abs(exact), 1e-300);
}

// p(x) = 3x⁴ - 2x³ + x - 5: its fifth derivative is 0, so Richardson's O(h⁴) term vanishes and
// only rounding is left.
double poly(double x) { return ((3.0 * x - 2.0) * x * x + 1.0) * x - 5.0; }
double poly_prime(double x) { return (12.0 * x - 6.0) * x * x + 1.0; }

TEST(NumericDerivative, IsAccurateToTenDigitsForExp) {
  for (const double x : {-3.0, -0.5, 0.0, 0.7, 2.0, 5.0}) {
    const double n = numeric_derivative([](double t) { return std::exp(t); }, x).value;
    EXPECT_LT(relative_error(n, std::exp(x)), 1e-10) << "at x = " << x;
  }
}

TEST(NumericDerivative, IsAccurateToTenDigitsForSin) {
  for (const double x : {-2.0, 0.3, 1.0, 4.0}) {
    const double n = numeric_derivative([](double t) { return std::sin(t); }, x).value;
    EXPECT_LT(std::abs(n - std::cos(x)), 1e-10) << "at x = " << x;
  }
}

TEST(NumericDerivative, IsAccurateForSinAtLargeTheta) {
  // The step grows with |θ| (h ≈ 6e-3 at θ = 1000), yet the O(h⁴) error stays far below 1e-9.
  for (const double x : {250.0, -1000.0, 1000.0}) {
    const double n = numeric_derivative([](double t) { return std::sin(t); }, x).value;
    EXPECT_LT(std::abs(n - std::cos(x)), 1e-9) << "at x = " << x;
  }
}

TEST(NumericDerivative, IsAccurateForAPolynomialAtSmallTheta) {
  for (const double x : {0.0, 1e-12, -3e-7, 1e-3}) {
    const double n = numeric_derivative(poly, x).value;
    EXPECT_LT(std::abs(n - poly_prime(x)), 1e-9) << "at x = " << x;
  }
}

TEST(NumericDerivative, IsAccurateForAPolynomialAtLargeTheta) {
  for (const double x : {30.0, -250.0, 1e4}) {
    const double n = numeric_derivative(poly, x).value;
    EXPECT_LT(relative_error(n, poly_prime(x)), 1e-10) << "at x = " << x;
  }
}

TEST(NumericDerivative, ErrorEstimateCoversTheActualError) {
  const std::vector<double> xs = {-2.0, 0.0, 0.4, 3.0, 40.0};
  for (const double x : xs) {
    const bp::check::Numeric e = numeric_derivative([](double t) { return std::exp(t); }, x);
    EXPECT_LE(std::abs(e.value - std::exp(x)), e.error) << "exp at x = " << x;
    const bp::check::Numeric s = numeric_derivative([](double t) { return std::sin(t); }, x);
    EXPECT_LE(std::abs(s.value - std::cos(x)), s.error) << "sin at x = " << x;
  }
}

TEST(NumericDerivative, ErrorEstimateIsSmallForSmoothFunctions) {
  const bp::check::Numeric e = numeric_derivative([](double t) { return std::exp(t); }, 1.0);
  EXPECT_LT(e.error, 1e-8);
  EXPECT_GT(e.error, 0.0);
}

TEST(NumericDerivative, IsNotFiniteWhenTheFunctionIsNot) {
  const double n = numeric_derivative([](double t) { return std::log(t); }, 0.0).value;
  EXPECT_FALSE(std::isfinite(n));
}

TEST(Step, IsExactlyRepresentableAtEveryTheta) {
  const std::vector<double> thetas = {0.0, 1e-300, -1e-7, 1e-7, 0.1, -0.3,        1.0 / 3.0,
                                      1.0, -2.75,  3.7,   10.1, 1e5, -123456.789, 1e12};
  for (const double theta : thetas) {
    const double h = step_for(theta);
    const double plus = theta + h;
    EXPECT_EQ(plus - theta, h) << "at θ = " << theta;
  }
}

TEST(Step, IsCubeRootOfEpsilonTimesTheMagnitudeOfTheta) {
  const double c = std::cbrt(std::numeric_limits<double>::epsilon());
  for (const double theta : {0.0, 0.5, -1.0, 7.0, -1e6}) {
    const double expected = c * std::max(1.0, std::abs(theta));
    EXPECT_LT(relative_error(step_for(theta), expected), 1e-9) << "at θ = " << theta;
  }
}

TEST(Step, IsPositiveForNegativeTheta) { EXPECT_GT(step_for(-42.0), 0.0); }

TEST(DifferenceQuotients, ForwardDifferenceErrorHalvesWithTheStep) {
  const auto f = [](double t) { return std::exp(t); };
  const double e1 = std::abs(bp::check::forward_difference(f, 0.5, 1e-3) - std::exp(0.5));
  const double e2 = std::abs(bp::check::forward_difference(f, 0.5, 5e-4) - std::exp(0.5));
  EXPECT_NEAR(e1 / e2, 2.0, 0.01);
}

TEST(DifferenceQuotients, CentralDifferenceErrorQuartersWithTheStep) {
  const auto f = [](double t) { return std::exp(t); };
  const double e1 = std::abs(bp::check::central_difference(f, 0.5, 1e-2) - std::exp(0.5));
  const double e2 = std::abs(bp::check::central_difference(f, 0.5, 5e-3) - std::exp(0.5));
  EXPECT_NEAR(e1 / e2, 4.0, 0.01);
}

TEST(DifferenceQuotients, RichardsonErrorShrinksSixteenfoldWithTheStep) {
  const auto f = [](double t) { return std::exp(t); };
  const double e1 = std::abs(bp::check::richardson_difference(f, 0.5, 0.2) - std::exp(0.5));
  const double e2 = std::abs(bp::check::richardson_difference(f, 0.5, 0.1) - std::exp(0.5));
  EXPECT_NEAR(e1 / e2, 16.0, 0.2);
}

TEST(DifferenceQuotients, RichardsonAtTheCheckerStepAgreesWithNumericDerivative) {
  // Same formula; they differ only by rounding (the textbook version does not make h/2
  // representable, which at θ = 0.3 costs about 1e-11).
  const auto f = [](double t) { return std::sin(t); };
  const double x = 0.3;
  EXPECT_NEAR(bp::check::richardson_difference(f, x, step_for(x)), numeric_derivative(f, x).value,
              1e-10);
}

}  // namespace
