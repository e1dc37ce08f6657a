// Stage 2, task 2.2: each factor of the chain rule on its own, so a wrong factor is named
// rather than hidden inside a wrong product. Each test compares one factor with the
// checker's numeric derivative of the one small function that factor is the slope of.
#include <string>

#include <gtest/gtest.h>

#include "reference.hpp"

namespace bp::test::stage2 {
namespace {

constexpr int kPoints = 100;

// Runs `check` at kPoints seeded random samples; each call returns the checker's verdict
// for one factor at one sample.
template <typename Check>
void at_random_points(std::uint64_t seed, Check check) {
  bp::Rng rng(seed);
  SCOPED_TRACE("seed " + std::to_string(seed));
  for (int i = 0; i < kPoints; ++i) {
    const Sample s = random_sample(rng);
    const ChainFactors c = bp::hidden::chain_factors(s.p, s.x, s.y);
    const Forward f = ref_forward(s.p, s.x);
    const bp::check::Result r = check(s, f, c);
    ASSERT_TRUE(bp::check::passes(r)) << describe_point(s) << where(kChainFactors);
  }
}

TEST(Stage2ChainFactors, CostSlopeInThePredictionIsA2MinusY) {
  at_random_points(2201, [](const Sample& s, const Forward& f, const ChainFactors& c) {
    const auto cost_of_a2 = [&](double a2) { return 0.5 * (a2 - s.y) * (a2 - s.y); };
    return bp::check::check_derivative("∂C/∂a2 (dC_da2)", cost_of_a2, f.a2, c.dC_da2);
  });
}

TEST(Stage2ChainFactors, OutputSigmoidSlopeIsSigmaPrimeOfZ2) {
  at_random_points(2202, [](const Sample&, const Forward& f, const ChainFactors& c) {
    bp::check::Options o;
    o.suspect_factors = {{"σ'(a2) / σ'(z2): σ' taken at a2 instead of z2",
                          ref_sigmoid_prime(f.a2) / ref_sigmoid_prime(f.z2)}};
    return bp::check::check_derivative("∂a2/∂z2 (da2_dz2)", ref_sigmoid, f.z2, c.da2_dz2, o);
  });
}

TEST(Stage2ChainFactors, OutputLayerSlopeInTheHiddenActivationIsW2NotW1) {
  at_random_points(2203, [](const Sample& s, const Forward& f, const ChainFactors& c) {
    // z2 = w2 a1 + b2 as a function of a1: its slope is the weight between the two neurons.
    const auto z2_of_a1 = [&](double a1) { return s.p.w2 * a1 + s.p.b2; };
    bp::check::Options o;
    o.suspect_factors = {{"w1 / w2: w1 used where w2 belongs", s.p.w1 / s.p.w2}};
    return bp::check::check_derivative("∂z2/∂a1 (dz2_da1)", z2_of_a1, f.a1, c.dz2_da1, o);
  });
}

TEST(Stage2ChainFactors, HiddenSigmoidSlopeIsSigmaPrimeOfZ1NotOfA1) {
  at_random_points(2204, [](const Sample&, const Forward& f, const ChainFactors& c) {
    bp::check::Options o;
    o.suspect_factors = {{"σ'(a1) / σ'(z1): σ' taken at a1 instead of z1",
                          ref_sigmoid_prime(f.a1) / ref_sigmoid_prime(f.z1)}};
    return bp::check::check_derivative("∂a1/∂z1 (da1_dz1)", ref_sigmoid, f.z1, c.da1_dz1, o);
  });
}

TEST(Stage2ChainFactors, HiddenLayerSlopeInW1IsTheInputX) {
  at_random_points(2205, [](const Sample& s, const Forward&, const ChainFactors& c) {
    const auto z1_of_w1 = [&](double w1) { return w1 * s.x + s.p.b1; };
    return bp::check::check_derivative("∂z1/∂w1 (dz1_dw1)", z1_of_w1, s.p.w1, c.dz1_dw1);
  });
}

TEST(Stage2ChainFactors, OutputLayerSlopeInW2IsTheHiddenActivationA1) {
  at_random_points(2206, [](const Sample& s, const Forward& f, const ChainFactors& c) {
    const auto z2_of_w2 = [&](double w2) { return w2 * f.a1 + s.p.b2; };
    bp::check::Options o;
    o.suspect_factors = {
        {"x / a1: the network input x used where layer 2's input a1 belongs", s.x / f.a1}};
    return bp::check::check_derivative("∂z2/∂w2 (dz2_dw2)", z2_of_w2, s.p.w2, c.dz2_dw2, o);
  });
}

TEST(Stage2ChainFactors, MultiplyAlongThePathToTheGradientOfW1) {
  // The five factors from C down to w1, multiplied, are ∂C/∂w1: the chain rule itself.
  at_random_points(2207, [](const Sample& s, const Forward&, const ChainFactors& c) {
    Params live = s.p;
    const auto cost = [&] { return cost_change(s.p, live, s.x, s.y); };
    const double product = c.dC_da2 * c.da2_dz2 * c.dz2_da1 * c.da1_dz1 * c.dz1_dw1;
    return bp::check::check_gradient(
        cost, {bp::check::block("∂C/∂a2·∂a2/∂z2·∂z2/∂a1·∂a1/∂z1·∂z1/∂w1", live.w1, product)});
  });
}

}  // namespace
}  // namespace bp::test::stage2
