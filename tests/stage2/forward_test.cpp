// Stage 2, task 2.1: the forward pass of the net with one hidden neuron.
#include <cmath>

#include <gtest/gtest.h>

#include "reference.hpp"

namespace bp::test::stage2 {
namespace {

TEST(Stage2Forward, KeepsEveryIntermediateValueAtThePinnedPoint) {
  // x = 1, w1 = 0.5, b1 = 0, w2 = -1, b2 = 0 (DESIGN.md §2), worked out by hand:
  //   z1 = 0.5·1 + 0 = 0.5
  //   a1 = 1/(1 + e^-0.5) = 1/(1 + 0.6065306597) = 0.6224593312
  //   z2 = -1·0.6224593312 + 0 = -0.6224593312
  //   a2 = 1/(1 + e^0.6224593312) = 1/(1 + 1.8635053879) = 0.3492223218
  const Sample s = pinned_sample();
  const Forward f = bp::hidden::forward(s.p, s.x);
  EXPECT_NEAR(f.z1, 0.5, 1e-12) << "z1 = w1 x + b1" << where(kForward);
  EXPECT_NEAR(f.a1, 0.6224593312, 1e-9) << "a1 = σ(z1)" << where(kForward);
  EXPECT_NEAR(f.z2, -0.6224593312, 1e-9)
      << "z2 = w2 a1 + b2 (the input of layer 2 is a1)" << where(kForward);
  EXPECT_NEAR(f.a2, 0.3492223218, 1e-9) << "a2 = σ(z2)" << where(kForward);
}

TEST(Stage2Forward, FeedsTheHiddenActivationIntoTheOutputNeuronAtRandomPoints) {
  bp::Rng rng(2101);
  SCOPED_TRACE("seed 2101");
  for (int i = 0; i < 200; ++i) {
    const Sample s = random_sample(rng);
    const Forward want = ref_forward(s.p, s.x);
    const Forward got = bp::hidden::forward(s.p, s.x);
    const bool ok =
        close_relative(got.z1, want.z1, 1e-12) && close_relative(got.a1, want.a1, 1e-12) &&
        close_relative(got.z2, want.z2, 1e-12) && close_relative(got.a2, want.a2, 1e-12);
    ASSERT_TRUE(ok) << describe_point(s) << ":\n  got  z1=" << got.z1 << " a1=" << got.a1
                    << " z2=" << got.z2 << " a2=" << got.a2 << "\n  want z1=" << want.z1
                    << " a1=" << want.a1 << " z2=" << want.z2 << " a2=" << want.a2
                    << "\n  z1 = w1 x + b1, a1 = σ(z1), z2 = w2 a1 + b2, a2 = σ(z2)"
                    << where(kForward);
  }
}

TEST(Stage2Forward, StaysFiniteWhenBothNeuronsSaturate) {
  // z1 = 1000 gives a1 = 1 exactly; z2 = -1000 + 0 then gives a2 = 0 exactly.
  const Forward f = bp::hidden::forward(Params{1000.0, 0.0, -1000.0, 0.0}, 1.0);
  EXPECT_EQ(f.a1, 1.0) << "σ(1000) must be exactly 1" << where(kForward);
  EXPECT_EQ(f.z2, -1000.0) << where(kForward);
  EXPECT_EQ(f.a2, 0.0) << "σ(-1000) must be exactly 0, not NaN" << where(kForward);
  const Forward g = bp::hidden::forward(Params{-1000.0, 0.0, 1000.0, -1000.0}, 1.0);
  EXPECT_TRUE(std::isfinite(g.a1) && std::isfinite(g.a2))
      << "a1=" << g.a1 << ", a2=" << g.a2 << where(kForward);
  EXPECT_EQ(g.a2, 0.0) << where(kForward);
}

// Cross-stage consistency: layer 2 is a stage 1 perceptron whose input is a1.
TEST(Stage2ForwardMatchesStage1, OutputLayerIsTheStage1PerceptronFedTheHiddenActivation) {
  bp::Rng rng(2102);
  SCOPED_TRACE("seed 2102");
  for (int i = 0; i < 200; ++i) {
    const Sample s = random_sample(rng);
    const Forward f = bp::hidden::forward(s.p, s.x);
    const bp::perceptron::Forward out =
        bp::perceptron::forward(bp::perceptron::Params{s.p.w2, s.p.b2}, f.a1);
    ASSERT_TRUE(within_ulps(f.z2, out.z, 4) && within_ulps(f.a2, out.a, 4))
        << describe_point(s) << ": stage 2 gives z2=" << f.z2 << ", a2=" << f.a2
        << " but the stage 1 perceptron with w=w2, b=b2 and input a1=" << f.a1
        << " gives z=" << out.z << ", a=" << out.a
        << ". The output neuron is exactly a stage 1 perceptron whose input is a1."
        << where(kForward);
  }
}

}  // namespace
}  // namespace bp::test::stage2
