// A corner (ReLU or |x| at 0) within the finite-difference step makes the numeric derivative
// meaningless there; the checker says "kink, probably not a bug" instead of failing, but still
// fails a derivative that no side of the corner supports.
#include <algorithm>
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "bp/eigen.hpp"
#include "gradcheck.hpp"

namespace {

using bp::check::check_derivative;
using bp::check::Result;

double relu(double x) { return std::max(0.0, x); }

TEST(Kink, AbsoluteValueAtZeroIsAKinkNotAFailure) {
  const Result r = check_derivative(
      "w", [](double t) { return std::abs(t); }, 0.0, 0.0);
  EXPECT_TRUE(r.passed) << r.report;
  EXPECT_TRUE(r.entries[0].kink) << r.report;
}

TEST(Kink, ReluAtZeroWithDerivativeZeroIsAKinkNotAFailure) {
  const Result r = check_derivative("w", relu, 0.0, 0.0);
  EXPECT_TRUE(r.passed) << r.report;
  EXPECT_TRUE(r.entries[0].kink) << r.report;
}

TEST(Kink, ReluAtZeroWithTheRightSlopeIsAKinkNotAFailure) {
  const Result r = check_derivative("w", relu, 0.0, 1.0);
  EXPECT_TRUE(r.passed) << r.report;
  EXPECT_TRUE(r.entries[0].kink) << r.report;
}

TEST(Kink, ReluCornerJustInsideTheStepIsAKink) {
  // The corner sits 1e-7 below θ, well within h ≈ 6e-6.
  const Result r = check_derivative("w", relu, 1e-7, 1.0);
  EXPECT_TRUE(r.passed) << r.report;
  EXPECT_TRUE(r.entries[0].kink) << r.report;
}

TEST(Kink, ReportSaysKinkProbablyNotABug) {
  const Result r = check_derivative("w", relu, 0.0, 0.0);
  EXPECT_NE(r.report.find("kink within the step at w, probably not a bug"), std::string::npos)
      << r.report;
}

TEST(Kink, WrongDerivativeNextToAKinkStillFails) {
  const Result r = check_derivative("w", relu, 1e-7, -1.0);
  EXPECT_FALSE(r.passed) << r.report;
  EXPECT_FALSE(r.entries[0].kink) << r.report;
}

TEST(Kink, DerivativeOutsideBothSlopesOfAbsoluteValueStillFails) {
  const Result r = check_derivative(
      "w", [](double t) { return std::abs(t); }, 0.0, 2.0);
  EXPECT_FALSE(r.passed) << r.report;
}

TEST(Kink, ReluAwayFromZeroIsNoKink) {
  const Result r = check_derivative("w", relu, 0.01, 1.0);
  EXPECT_TRUE(r.passed) << r.report;
  EXPECT_EQ(r.kinks(), 0u) << r.report;
}

TEST(Kink, SteepSmoothFunctionIsNoKink) {
  // exp at 50 and sin at 1000 have large higher derivatives at the scale of their steps, but
  // no corner.
  EXPECT_EQ(check_derivative(
                "w", [](double t) { return std::exp(t); }, 50.0, std::exp(50.0))
                .kinks(),
            0u);
  EXPECT_EQ(check_derivative(
                "w", [](double t) { return std::sin(t); }, 1000.0, std::cos(1000.0))
                .kinks(),
            0u);
  EXPECT_EQ(check_derivative(
                "w", [](double t) { return std::tanh(100.0 * t); }, 0.01,
                100.0 / (std::cosh(1.0) * std::cosh(1.0)))
                .kinks(),
            0u);
}

TEST(Kink, SlightlyWrongDerivativeOfASteepSmoothFunctionStillFails) {
  const Result r = check_derivative(
      "w", [](double t) { return std::exp(t); }, 50.0, 1.001 * std::exp(50.0));
  EXPECT_FALSE(r.passed) << r.report;
}

TEST(Kink, ReluUnitAtZeroInAMatrixBlockIsNamedAsAKink) {
  // C(W) = Σ_ij relu(W_ij x_j) with the pre-activation of W(0,1) exactly 0.
  Eigen::MatrixXd w(2, 2);
  w << 0.4, 0.0, -0.3, 0.7;
  const double x[2] = {1.5, -2.0};
  const auto cost = [&] {
    double c = 0.0;
    for (Eigen::Index j = 0; j < 2; ++j) {
      for (Eigen::Index i = 0; i < 2; ++i) c += relu(w(i, j) * x[j]);
    }
    return c;
  };
  Eigen::MatrixXd g(2, 2);
  g << 1.5, 0.0, 0.0, 0.0;  // relu'(0) = 0 by the kit's convention
  const Result r = bp::check::check_gradient(cost, {bp::check::block("W1", w, g)});
  EXPECT_TRUE(r.passed) << r.report;
  EXPECT_EQ(r.kinks(), 1u) << r.report;
  EXPECT_TRUE(r.find("W1(0,1)")->kink) << r.report;
  EXPECT_NE(r.report.find("kink within the step at W1(0,1), probably not a bug"), std::string::npos)
      << r.report;
}

}  // namespace
