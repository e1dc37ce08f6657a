// The checker perturbs the caller's live parameters; afterwards they must be exactly what they
// were, bit for bit, or a gradient test would silently change the network it tests.
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "bp/eigen.hpp"
#include "gradcheck.hpp"

namespace {

using bp::check::block;
using bp::check::check_gradient;

// Values where θ + h - h differs from θ, so only assigning the saved double restores them.
Eigen::MatrixXd awkward_values() {
  Eigen::MatrixXd w(2, 3);
  w << 0.1, 1.0 / 3.0, -7.3e-5, 1e8 + 0.1, -2.0 / 3.0, 5e-320;
  return w;
}

bool same_bits(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) == 0;
}

double smooth_cost(const Eigen::MatrixXd& w) { return (w.array() * w.array()).sum() * 0.5; }

TEST(ParameterRestoration, UndoingTheStepByArithmeticWouldNotBeExact) {
  // Why the checker assigns the saved value back: a tiny θ is lost entirely in θ + h - h.
  const double theta = 5e-320;
  const double h = bp::check::step_for(theta);
  EXPECT_NE((theta + h) - h, theta);
}

TEST(ParameterRestoration, RestoresAScalarBitForBit) {
  double w = 0.1;
  const double before = w;
  (void)check_gradient([&] { return w * w; }, {block("w", w, 0.2)});
  EXPECT_EQ(std::memcmp(&w, &before, sizeof(double)), 0);
}

TEST(ParameterRestoration, RestoresEveryEntryOfAMatrixBitForBit) {
  Eigen::MatrixXd w = awkward_values();
  const Eigen::MatrixXd before = w;
  const Eigen::MatrixXd g = w;  // the gradient of ½‖w‖²
  const bp::check::Result r = check_gradient([&] { return smooth_cost(w); }, {block("W", w, g)});
  EXPECT_TRUE(r.passed) << r.report;
  EXPECT_TRUE(same_bits(w, before));
}

TEST(ParameterRestoration, RestoresParametersAfterAFailingCheck) {
  Eigen::MatrixXd w = awkward_values();
  const Eigen::MatrixXd before = w;
  const Eigen::MatrixXd wrong = -w;
  const bp::check::Result r =
      check_gradient([&] { return smooth_cost(w); }, {block("W", w, wrong)});
  EXPECT_FALSE(r.passed);
  EXPECT_TRUE(same_bits(w, before));
}

TEST(ParameterRestoration, RestoresTheParameterWhenTheCostThrows) {
  double w = 0.1;
  const double before = w;
  const auto cost = [&] {
    if (w != before) throw std::runtime_error("cost failed");
    return w;
  };
  EXPECT_THROW((void)check_gradient(cost, {block("w", w, 1.0)}), std::runtime_error);
  EXPECT_EQ(std::memcmp(&w, &before, sizeof(double)), 0);
}

TEST(ParameterRestoration, PerturbsOneEntryAtATime) {
  Eigen::MatrixXd w = awkward_values();
  const Eigen::MatrixXd before = w;
  Eigen::Index most_changed = 0;
  const auto cost = [&] {
    Eigen::Index changed = 0;
    for (Eigen::Index k = 0; k < w.size(); ++k) {
      if (std::memcmp(w.data() + k, before.data() + k, sizeof(double)) != 0) ++changed;
    }
    most_changed = std::max(most_changed, changed);
    return smooth_cost(w);
  };
  (void)check_gradient(cost, {block("W", w, Eigen::MatrixXd(w))});
  EXPECT_EQ(most_changed, 1);
}

TEST(ParameterRestoration, CostsFourEvaluationsPerEntryPlusOne) {
  Eigen::MatrixXd w = awkward_values();
  int calls = 0;
  const auto cost = [&] {
    ++calls;
    return smooth_cost(w);
  };
  (void)check_gradient(cost, {block("W", w, Eigen::MatrixXd(w))});
  EXPECT_EQ(calls, 4 * 6 + 1);
}

}  // namespace
