// Stage 2, tasks 2.6 and 2.7: one gradient-descent step, first from a given gradient, then
// fused with the backward pass, where every gradient must still be the one at the OLD
// parameters.
#include <array>
#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "reference.hpp"

namespace bp::test::stage2 {
namespace {

// ---- Task 2.6: gradient_step ------------------------------------------------------------

TEST(Stage2GradientStep, SubtractsEtaTimesEachParametersOwnGradient) {
  // Four different gradients, so a parameter updated with another one's gradient shows.
  const Params p{0.5, -0.25, -1.0, 0.75};
  Gradient g;
  g.dC_dw1 = 0.125;
  g.dC_db1 = -0.375;
  g.dC_dw2 = 0.625;
  g.dC_db2 = -0.875;
  const double eta = 0.5;
  const Params q = bp::hidden::gradient_step(p, g, eta);
  EXPECT_DOUBLE_EQ(q.w1, 0.5 - 0.5 * 0.125) << "w1 ← w1 - η ∂C/∂w1" << where(kGradientStep);
  EXPECT_DOUBLE_EQ(q.b1, -0.25 + 0.5 * 0.375) << "b1 ← b1 - η ∂C/∂b1" << where(kGradientStep);
  EXPECT_DOUBLE_EQ(q.w2, -1.0 - 0.5 * 0.625) << "w2 ← w2 - η ∂C/∂w2" << where(kGradientStep);
  EXPECT_DOUBLE_EQ(q.b2, 0.75 + 0.5 * 0.875) << "b2 ← b2 - η ∂C/∂b2" << where(kGradientStep);
}

TEST(Stage2GradientStep, LowersTheCostWithASmallLearningRate) {
  bp::Rng rng(2601);
  SCOPED_TRACE("seed 2601");
  for (int i = 0; i < 100; ++i) {
    const Sample s = random_sample(rng);
    const Params q = bp::hidden::gradient_step(s.p, numeric_gradient(s.p, s.x, s.y), 1e-3);
    ASSERT_LT(cost_change(s.p, q, s.x, s.y), 0.0)
        << describe_point(s) << ": a small step against the gradient must lower the cost. Descent "
        << "subtracts: θ ← θ - η ∂C/∂θ." << where(kGradientStep);
  }
}

// ---- Task 2.7: backprop_step ------------------------------------------------------------

// θ' must equal θ - η n, n the checker's numeric derivative at the old parameters; the
// difference θ' - θ cancels digits, so the tolerance is relative to the step, plus 2 ulps.
bool moved_by(double before, double after, double step) {
  const double want = before - step;
  const double ulp =
      std::nextafter(std::abs(want), std::numeric_limits<double>::infinity()) - std::abs(want);
  // 1e-9: the numeric gradient's absolute accuracy (about 1e-10) times η up to 4, with room.
  return std::abs(after - want) <= 1e-7 * std::abs(step) + 1e-9 + 2 * ulp;
}

TEST(Stage2BackpropStep, MatchesThePinnedStep) {
  // At the pinned point with η = 1 (gradients as in Stage2Gradient.MatchesThePinnedValues):
  //   w1 ← 0.5 - 1·0.0347569784     = 0.4652430216
  //   b1 ← 0 - 1·0.0347569784       = -0.0347569784
  //   w2 ← -1 - 1·(-0.0920615481)   = -0.9079384519
  //   b2 ← 0 - 1·(-0.1478996995)    = 0.1478996995
  // (With the new w2 in δ1, δ1 = -0.1478996995·(-0.9079384519)·0.2350037122 = 0.0315571972
  // and w1 would come out 0.4684428028: wrong.)
  const Sample s = pinned_sample();
  const Params q = bp::hidden::backprop_step(s.p, s.x, s.y, 1.0);
  EXPECT_NEAR(q.w1, 0.4652430216, 1e-9)
      << "w1 ← w1 - η δ1 x, δ1 with the OLD w2 (0.4684428028 means δ1 used the new w2)"
      << where(kBackpropStep);
  EXPECT_NEAR(q.b1, -0.0347569784, 1e-9) << "b1 ← b1 - η δ1" << where(kBackpropStep);
  EXPECT_NEAR(q.w2, -0.9079384519, 1e-9) << "w2 ← w2 - η δ2 a1" << where(kBackpropStep);
  EXPECT_NEAR(q.b2, 0.1478996995, 1e-9) << "b2 ← b2 - η δ2" << where(kBackpropStep);
}

TEST(Stage2BackpropStep, MovesEveryParameterByMinusEtaTimesTheGradientAtTheOldParameters) {
  bp::Rng rng(2701);
  SCOPED_TRACE("seed 2701");
  const double eta = 0.75;
  for (int i = 0; i < 200; ++i) {
    const Sample s = i % 4 == 3 ? saturated_sample(rng, i) : random_sample(rng);
    const Params q = bp::hidden::backprop_step(s.p, s.x, s.y, eta);
    const std::array<std::pair<const char*, double Params::*>, 4> params = {
        {{"w1", &Params::w1}, {"b1", &Params::b1}, {"w2", &Params::w2}, {"b2", &Params::b2}}};
    for (const auto& [name, member] : params) {
      const auto cost_of = [&, member = member](double theta) {
        Params moved = s.p;
        moved.*member = theta;
        return cost_change(s.p, moved, s.x, s.y);
      };
      const double n = bp::check::numeric_derivative(cost_of, s.p.*member).value;
      ASSERT_TRUE(moved_by(s.p.*member, q.*member, eta * n))
          << describe_point(s) << ", η=" << eta << ": " << name << " went from " << s.p.*member
          << " to " << q.*member << ", want " << s.p.*member - eta * n << " = " << name
          << " - η ∂C/∂" << name << " with ∂C/∂" << name << " = " << n << " at the old parameters"
          << where(kBackpropStep);
    }
  }
}

TEST(Stage2BackpropStep, UsesTheOldW2ForTheHiddenLayer) {
  // Points where one step changes w2 a lot (large η, large δ2 a1), so δ1 computed with
  // the new w2 is far from δ1 with the old one.
  bp::Rng rng(2702);
  SCOPED_TRACE("seed 2702");
  const double eta = 4.0;
  for (int i = 0; i < 100; ++i) {
    Sample s = random_sample(rng);
    s.y = rng.uniform() < 0.5 ? 0.0 : 1.0;
    const Gradient g = numeric_gradient(s.p, s.x, s.y);
    const double w2_new = s.p.w2 - eta * g.dC_dw2;
    const double delta1_with_new_w2 = g.delta2 * w2_new * ref_sigmoid_prime(s.p.w1 * s.x + s.p.b1);
    const Params q = bp::hidden::backprop_step(s.p, s.x, s.y, eta);
    const bool ok =
        moved_by(s.p.w1, q.w1, eta * g.dC_dw1) && moved_by(s.p.b1, q.b1, eta * g.dC_db1);
    const bool used_new_w2 = moved_by(s.p.w1, q.w1, eta * delta1_with_new_w2 * s.x) &&
                             moved_by(s.p.b1, q.b1, eta * delta1_with_new_w2);
    ASSERT_TRUE(ok) << describe_point(s) << ", η=" << eta << ": w1 → " << q.w1 << ", b1 → " << q.b1
                    << "; want " << s.p.w1 - eta * g.dC_dw1 << ", " << s.p.b1 - eta * g.dC_db1
                    << (used_new_w2 ? ". That is what δ1 gives with the NEW w2: compute δ1 with "
                                      "the w2 of the forward pass (the old one)."
                                    : "")
                    << where(kBackpropStep);
  }
}

TEST(Stage2BackpropStep, LeavesItsInputUnchanged) {
  const Sample s = pinned_sample();
  const Params p = s.p;
  const Params q = bp::hidden::backprop_step(p, s.x, s.y, 0.5);
  EXPECT_TRUE(same_bits(p, s.p)) << "backprop_step returns new parameters; p stays as it was"
                                 << where(kBackpropStep);
  EXPECT_FALSE(same_bits(q, p)) << "backprop_step returned its input unchanged"
                                << where(kBackpropStep);
}

}  // namespace
}  // namespace bp::test::stage2
