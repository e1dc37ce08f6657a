// Stage 2, task 2.5: the whole gradient by backpropagation, against the trusted checker.
#include <string>

#include <gtest/gtest.h>

#include "reference.hpp"

namespace bp::test::stage2 {
namespace {

// Checks all four parameter gradients of one sample against the checker's numeric
// derivatives of the cost (every entry relative: see cost_change in reference.hpp).
bp::check::Result check_all_four(const Sample& s, const Gradient& g) {
  const Forward f = ref_forward(s.p, s.x);
  Params live = s.p;
  const auto cost = [&] { return cost_change(s.p, live, s.x, s.y); };
  bp::check::Options o = relative_options();
  o.suspect_factors = {
      {"w1 / w2: w1 used where w2 belongs in δ1", s.p.w1 / s.p.w2},
      {"1 / w2: the factor w2 is missing from δ1", 1.0 / s.p.w2},
      {"1 / σ'(z1): the factor σ'(z1) is missing from δ1", 1.0 / ref_sigmoid_prime(f.z1)},
      {"σ'(a1) / σ'(z1): σ' taken at a1 instead of z1",
       ref_sigmoid_prime(f.a1) / ref_sigmoid_prime(f.z1)},
      {"1 / σ'(z2): the factor σ'(z2) is missing from δ2", 1.0 / ref_sigmoid_prime(f.z2)},
      {"x / a1: x used where a1 belongs in ∂C/∂w2", s.x / f.a1}};
  return bp::check::check_gradient(
      cost,
      {bp::check::block("w1", live.w1, g.dC_dw1), bp::check::bias_block("b1", live.b1, g.dC_db1),
       bp::check::block("w2", live.w2, g.dC_dw2), bp::check::bias_block("b2", live.b2, g.dC_db2)},
      o);
}

TEST(Stage2Gradient, MatchesThePinnedValues) {
  // At the pinned point (DESIGN.md §2; a1 = 0.6224593312, a2 = 0.3492223218, x = y = 1,
  // w2 = -1; δ2 and δ1 as in Stage2OutputError and Stage2HiddenError):
  //   δ2     = (a2 - y) σ'(z2) = -0.6507776782 · 0.2272660918      = -0.1478996995
  //   ∂C/∂w2 = δ2 a1           = -0.1478996995 · 0.6224593312      = -0.0920615481
  //   ∂C/∂b2 = δ2                                                   = -0.1478996995
  //   δ1     = δ2 w2 σ'(z1)    = -0.1478996995 · (-1) · 0.2350037122 = 0.0347569784
  //   ∂C/∂w1 = δ1 x            = 0.0347569784 · 1                   = 0.0347569784
  //   ∂C/∂b1 = δ1                                                   = 0.0347569784
  const Sample s = pinned_sample();
  const Gradient g = bp::hidden::gradient(s.p, s.x, s.y);
  EXPECT_NEAR(g.delta2, -0.1478996995, 1e-9) << "δ2 = (a2 - y) σ'(z2)" << where(kGradient);
  EXPECT_NEAR(g.dC_dw2, -0.0920615481, 1e-9) << "∂C/∂w2 = δ2 a1" << where(kGradient);
  EXPECT_NEAR(g.dC_db2, -0.1478996995, 1e-9) << "∂C/∂b2 = δ2" << where(kGradient);
  EXPECT_NEAR(g.delta1, 0.0347569784, 1e-9) << "δ1 = δ2 w2 σ'(z1)" << where(kGradient);
  EXPECT_NEAR(g.dC_dw1, 0.0347569784, 1e-9) << "∂C/∂w1 = δ1 x" << where(kGradient);
  EXPECT_NEAR(g.dC_db1, 0.0347569784, 1e-9) << "∂C/∂b1 = δ1" << where(kGradient);
}

TEST(Stage2Gradient, MatchesTheCheckerAtRandomPoints) {
  bp::Rng rng(2501);
  SCOPED_TRACE("seed 2501");
  for (int i = 0; i < 200; ++i) {
    const Sample s = random_sample(rng);
    const Gradient g = bp::hidden::gradient(s.p, s.x, s.y);
    ASSERT_TRUE(bp::check::passes(check_all_four(s, g))) << describe_point(s) << where(kGradient);
  }
}

TEST(Stage2Gradient, MatchesTheCheckerWhereTheNeuronsSaturate) {
  bp::Rng rng(2502);
  SCOPED_TRACE("seed 2502");
  for (int i = 0; i < 300; ++i) {
    const Sample s = saturated_sample(rng, i);
    const Gradient g = bp::hidden::gradient(s.p, s.x, s.y);
    ASSERT_TRUE(bp::check::passes(check_all_four(s, g))) << describe_point(s) << where(kGradient);
  }
}

TEST(Stage2Gradient, ReportsTheErrorsDelta2AndDelta1ItUsed) {
  bp::Rng rng(2503);
  SCOPED_TRACE("seed 2503");
  // Away from saturation, where the numeric δ is accurate to ~1e-10; at saturated points the
  // deltas are covered through ∂C/∂b2 = δ2 and ∂C/∂b1 = δ1 in the checker tests above.
  for (int i = 0; i < 200; ++i) {
    const Sample s = random_sample(rng);
    const Gradient want = numeric_gradient(s.p, s.x, s.y);
    const Gradient g = bp::hidden::gradient(s.p, s.x, s.y);
    // 1e-10: the numeric δ's own absolute accuracy (rounding of C ≈ 1e-16 over h ≈ 6e-6).
    ASSERT_TRUE(std::abs(g.delta2 - want.delta2) <=
                1e-6 * std::max(std::abs(g.delta2), std::abs(want.delta2)) + 1e-10)
        << describe_point(s) << ": delta2 = " << g.delta2
        << ", want δ2 = (a2 - y) σ'(z2) = " << want.delta2 << where(kGradient);
    ASSERT_TRUE(std::abs(g.delta1 - want.delta1) <=
                1e-6 * std::max(std::abs(g.delta1), std::abs(want.delta1)) + 1e-10)
        << describe_point(s) << ": delta1 = " << g.delta1
        << ", want δ1 = δ2 w2 σ'(z1) = " << want.delta1 << where(kGradient);
  }
}

TEST(Stage2Gradient, DoesNotChangeTheParameters) {
  const Sample s = pinned_sample();
  Params p = s.p;
  const Params before = p;
  (void)bp::hidden::gradient(p, s.x, s.y);
  EXPECT_TRUE(same_bits(p, before)) << "gradient must not change p" << where(kGradient);
}

// Cross-stage consistency: layer 2 is a stage 1 perceptron whose input is a1, so its part
// of the gradient is the perceptron's gradient, computed by the same arithmetic.
TEST(Stage2GradientMatchesStage1, OutputLayerGradientIsTheStage1PerceptronGradientFedA1) {
  bp::Rng rng(2504);
  SCOPED_TRACE("seed 2504");
  for (int i = 0; i < 200; ++i) {
    const Sample s = random_sample(rng);
    // The student's own a1, so that both stages start from the same bits.
    const double a1 = bp::hidden::forward(s.p, s.x).a1;
    const Gradient g = bp::hidden::gradient(s.p, s.x, s.y);
    const bp::perceptron::Gradient out =
        bp::perceptron::gradient(bp::perceptron::Params{s.p.w2, s.p.b2}, a1, s.y);
    ASSERT_TRUE(within_ulps(g.delta2, out.delta, 4) && within_ulps(g.dC_dw2, out.dC_dw, 4) &&
                within_ulps(g.dC_db2, out.dC_db, 4))
        << describe_point(s) << ": stage 2 gives δ2=" << g.delta2 << ", ∂C/∂w2=" << g.dC_dw2
        << ", ∂C/∂b2=" << g.dC_db2 << "; the stage 1 perceptron with w=w2, b=b2, input a1=" << a1
        << " gives δ=" << out.delta << ", ∂C/∂w=" << out.dC_dw << ", ∂C/∂b=" << out.dC_db
        << where(kGradient);
  }
}

}  // namespace
}  // namespace bp::test::stage2
