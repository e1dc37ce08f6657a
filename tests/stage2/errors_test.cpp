// Stage 2, tasks 2.3 and 2.4: the output error δ2 = ∂C/∂z2 and the hidden error
// δ1 = ∂C/∂z1. Each is checked as a derivative of the cost with respect to a pre-activation,
// with the forward pass built here, so these tests depend on nothing but the one function.
#include <string>

#include <gtest/gtest.h>

#include "reference.hpp"

namespace bp::test::stage2 {
namespace {

// Every δ check stays relative (atol = 0): at saturated points δ is as small as 1e-26, and
// an absolute tolerance would accept any tiny number there, including a wrong one.
bp::check::Options delta_options() { return relative_options(); }

// The suspects for δ1: each classic slip multiplies δ1 by one of these factors.
bp::check::Options hidden_error_options(const Params& p, const Forward& f) {
  bp::check::Options o = relative_options();
  o.suspect_factors = {{"w1 / w2: w1 used where w2 belongs (∂z2/∂a1 = w2)", p.w1 / p.w2},
                       {"1 / w2: the factor w2 is missing (δ1 = δ2 w2 σ'(z1))", 1.0 / p.w2},
                       {"1 / σ'(z1): the factor σ'(z1) is missing", 1.0 / ref_sigmoid_prime(f.z1)},
                       {"σ'(a1) / σ'(z1): σ' taken at a1 instead of z1",
                        ref_sigmoid_prime(f.a1) / ref_sigmoid_prime(f.z1)}};
  return o;
}

// ---- Task 2.3: δ2 ------------------------------------------------------------------------

bp::check::Result check_output_error(const Sample& s) {
  const Forward f = ref_forward(s.p, s.x);
  const double delta2 = bp::hidden::output_error(f, s.y);
  const auto cost_of_z2 = [&](double z2) { return cost_change_in_z2(f.z2, z2, s.y); };
  return bp::check::check_derivative("δ2 = ∂C/∂z2", cost_of_z2, f.z2, delta2, delta_options());
}

TEST(Stage2OutputError, MatchesThePinnedValue) {
  // At the pinned point a2 = 0.3492223218, z2 = -0.6224593312 (see Stage2Forward), y = 1:
  //   σ'(z2) = a2 (1 - a2) = 0.3492223218 · 0.6507776782 = 0.2272660918
  //   δ2 = (a2 - y) σ'(z2) = -0.6507776782 · 0.2272660918 = -0.1478996995
  const Sample s = pinned_sample();
  EXPECT_NEAR(bp::hidden::output_error(ref_forward(s.p, s.x), s.y), -0.1478996995, 1e-9)
      << "δ2 = (a2 - y) σ'(z2)" << where(kOutputError);
}

TEST(Stage2OutputError, MatchesTheCheckerAtRandomPoints) {
  bp::Rng rng(2301);
  SCOPED_TRACE("seed 2301");
  for (int i = 0; i < 200; ++i) {
    const Sample s = random_sample(rng);
    ASSERT_TRUE(bp::check::passes(check_output_error(s)))
        << describe_point(s) << where(kOutputError);
  }
}

TEST(Stage2OutputError, MatchesTheCheckerWhereTheOutputNeuronSaturates) {
  bp::Rng rng(2302);
  SCOPED_TRACE("seed 2302");
  for (int i = 0; i < 200; ++i) {
    const Sample s = saturated_sample(rng, false, true);
    ASSERT_TRUE(bp::check::passes(check_output_error(s)))
        << describe_point(s) << where(kOutputError);
  }
}

TEST(Stage2OutputError, PushesThePredictionTowardsTheTarget) {
  // Gradient descent moves z2 by -η δ2, so δ2 must have the sign of a2 - y: positive when
  // the prediction is too high, negative when it is too low.
  const Forward f = ref_forward(Params{0.0, 0.0, 1.0, 0.5}, 1.0);  // a2 = σ(1) ≈ 0.73
  EXPECT_GT(bp::hidden::output_error(f, 0.0), 0.0) << "a2 > y = 0" << where(kOutputError);
  EXPECT_LT(bp::hidden::output_error(f, 1.0), 0.0) << "a2 < y = 1" << where(kOutputError);
}

// ---- Task 2.4: δ1 ------------------------------------------------------------------------

// δ1 with the student's hidden_error, given the exact δ2, against the numeric ∂C/∂z1.
bp::check::Result check_hidden_error(const Sample& s) {
  const Forward f = ref_forward(s.p, s.x);
  const double delta2 = (f.a2 - s.y) * ref_sigmoid_prime(f.z2);
  const double delta1 = bp::hidden::hidden_error(s.p, f, delta2);
  const auto cost_of_z1 = [&](double z1) { return cost_change_in_z1(s.p, f.z1, z1, s.y); };
  return bp::check::check_derivative("δ1 = ∂C/∂z1", cost_of_z1, f.z1, delta1,
                                     hidden_error_options(s.p, f));
}

TEST(Stage2HiddenError, MatchesThePinnedValue) {
  // At the pinned point z1 = 0.5, a1 = 0.6224593312, w2 = -1, δ2 = -0.1478996995:
  //   σ'(z1) = a1 (1 - a1) = 0.6224593312 · 0.3775406688 = 0.2350037122
  //   δ1 = δ2 w2 σ'(z1) = -0.1478996995 · (-1) · 0.2350037122 = 0.0347569784
  const Sample s = pinned_sample();
  const Forward f = ref_forward(s.p, s.x);
  EXPECT_NEAR(bp::hidden::hidden_error(s.p, f, -0.1478996995274155), 0.0347569784, 1e-9)
      << "δ1 = δ2 w2 σ'(z1)" << where(kHiddenError);
}

TEST(Stage2HiddenError, MatchesTheCheckerAtRandomPoints) {
  bp::Rng rng(2401);
  SCOPED_TRACE("seed 2401");
  for (int i = 0; i < 200; ++i) {
    const Sample s = random_sample(rng);
    ASSERT_TRUE(bp::check::passes(check_hidden_error(s)))
        << describe_point(s) << where(kHiddenError);
  }
}

TEST(Stage2HiddenError, MatchesTheCheckerWhereTheNeuronsSaturate) {
  bp::Rng rng(2402);
  SCOPED_TRACE("seed 2402");
  for (int i = 0; i < 300; ++i) {
    const Sample s = saturated_sample(rng, i);
    ASSERT_TRUE(bp::check::passes(check_hidden_error(s)))
        << describe_point(s) << where(kHiddenError);
  }
}

TEST(Stage2HiddenError, CarriesTheOutputWeightW2NotW1) {
  // w1 = 3 and w2 = -0.5 differ in size and sign, so w1 in place of w2 cannot hide.
  const Params p{3.0, -1.0, -0.5, 0.25};
  const Forward f = ref_forward(p, 0.5);
  const double delta2 = 0.125;
  const double want = delta2 * p.w2 * ref_sigmoid_prime(f.z1);
  const double got = bp::hidden::hidden_error(p, f, delta2);
  EXPECT_TRUE(close_relative(got, want, 1e-9))
      << "hidden_error gave " << got << ", want δ2 w2 σ'(z1) = " << want
      << (close_relative(got, delta2 * p.w1 * ref_sigmoid_prime(f.z1), 1e-9)
              ? ": that is δ2 w1 σ'(z1). a1 reaches z2 through w2, so ∂z2/∂a1 = w2."
              : "")
      << where(kHiddenError);
}

}  // namespace
}  // namespace bp::test::stage2
