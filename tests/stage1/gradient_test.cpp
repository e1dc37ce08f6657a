// Task 1.5: δ = (a - y) σ'(z), ∂C/∂w = δ x, ∂C/∂b = δ.
// The numeric side differentiates the tests' own reference cost (reference.hpp), never the
// student's code.
#include <cstring>

#include <gtest/gtest.h>

#include "01_perceptron/perceptron.hpp"
#include "bp/random.hpp"
#include "gradcheck.hpp"
#include "reference.hpp"
#include "stage1_places.hpp"

namespace {

using bp::perceptron::gradient;
using bp::perceptron::Gradient;
using bp::perceptron::Params;
using bp::test::describe;
using bp::test::stage1::reference_cost;
using bp::test::stage1::reference_sigmoid;
namespace places = bp::test::stage1;

// Suspects for the checker's hint: a gradient off by σ'(z) (derivative missing) or by
// σ'(a)/σ'(z) (derivative evaluated at the activation instead of the pre-activation).
bp::check::Options options_at(double z) {
  const double s = reference_sigmoid(z);
  const double sa = reference_sigmoid(s);
  bp::check::Options o;
  o.suspect_factors = {
      {"σ'(z): the activation derivative is missing from δ", s * (1.0 - s)},
      {"σ'(a)/σ'(z): σ' was evaluated at a instead of z", sa * (1.0 - sa) / (s * (1.0 - s))}};
  return o;
}

struct Point {
  double w, b, x, y;
};

Point random_point(bp::Rng& rng) {
  return Point{rng.uniform(-3.0, 3.0), rng.uniform(-2.0, 2.0), rng.uniform(-3.0, 3.0),
               rng.uniform() < 0.5 ? 0.0 : 1.0};
}

TEST(Gradient, GivesThePinnedDeltaOfTheDesign) {
  // DESIGN.md §2: w = 0.5, b = 0, x = 1, y = 1: a = 0.6224593312,
  // δ = (a - 1) a (1 - a) = -0.0887235 = ∂C/∂w = ∂C/∂b.
  const Gradient g = gradient(Params{0.5, 0.0}, 1.0, 1.0);
  EXPECT_NEAR(g.delta, -0.0887235, 5e-8) << describe(places::kGradient);
  EXPECT_NEAR(g.dC_dw, -0.0887235, 5e-8) << describe(places::kGradient);
  EXPECT_NEAR(g.dC_db, -0.0887235, 5e-8) << describe(places::kGradient);
}

TEST(Gradient, ScalesTheWeightGradientByTheInput) {
  // w = -0.3, b = 0.1, x = 2, y = 0: z = -0.5, a = 0.3775406687981454,
  // δ = a · a (1 - a) = 0.08872345867463685, ∂C/∂w = 2δ, ∂C/∂b = δ (numpy).
  const Gradient g = gradient(Params{-0.3, 0.1}, 2.0, 0.0);
  EXPECT_NEAR(g.delta, 0.08872345867463685, 1e-15) << describe(places::kGradient);
  EXPECT_NEAR(g.dC_dw, 0.1774469173492737, 1e-15) << describe(places::kGradient);
  EXPECT_NEAR(g.dC_db, 0.08872345867463685, 1e-15) << describe(places::kGradient);
}

TEST(Gradient, DeltaMatchesTheNumericDerivativeOfTheCostWithRespectToZ) {
  bp::Rng rng(101);
  for (int i = 0; i < 100; ++i) {
    const Point pt = random_point(rng);
    const double z = pt.w * pt.x + pt.b;
    const Gradient g = gradient(Params{pt.w, pt.b}, pt.x, pt.y);
    const auto cost_of_z = [&](double t) {
      const double error = reference_sigmoid(t) - pt.y;
      return error * error / 2.0;
    };
    ASSERT_TRUE(bp::check::passes(
        bp::check::check_derivative("δ = ∂C/∂z", cost_of_z, z, g.delta, options_at(z))))
        << "at w = " << pt.w << ", b = " << pt.b << ", x = " << pt.x << ", y = " << pt.y
        << describe(places::kGradient);
  }
}

TEST(Gradient, WeightGradientMatchesTheCheckerAtManyRandomPoints) {
  bp::Rng rng(102);
  for (int i = 0; i < 200; ++i) {
    const Point pt = random_point(rng);
    const Gradient g = gradient(Params{pt.w, pt.b}, pt.x, pt.y);
    double w = pt.w;
    const bp::check::Result r = bp::check::check_gradient(
        [&] { return reference_cost(w, pt.b, pt.x, pt.y); }, {bp::check::block("w", w, g.dC_dw)},
        options_at(pt.w * pt.x + pt.b));
    ASSERT_TRUE(bp::check::passes(r)) << "at w = " << pt.w << ", b = " << pt.b << ", x = " << pt.x
                                      << ", y = " << pt.y << describe(places::kGradient);
  }
}

TEST(Gradient, BiasGradientMatchesTheCheckerAtManyRandomPoints) {
  bp::Rng rng(103);
  for (int i = 0; i < 200; ++i) {
    const Point pt = random_point(rng);
    const Gradient g = gradient(Params{pt.w, pt.b}, pt.x, pt.y);
    double b = pt.b;
    const bp::check::Result r = bp::check::check_gradient(
        [&] { return reference_cost(pt.w, b, pt.x, pt.y); },
        {bp::check::bias_block("b", b, g.dC_db)}, options_at(pt.w * pt.x + pt.b));
    ASSERT_TRUE(bp::check::passes(r)) << "at w = " << pt.w << ", b = " << pt.b << ", x = " << pt.x
                                      << ", y = " << pt.y << describe(places::kGradient);
  }
}

TEST(Gradient, DoesNotChangeTheParameters) {
  const Params p{0.7, -0.2};
  const Params before = p;
  (void)gradient(p, 1.5, 1.0);
  EXPECT_EQ(std::memcmp(&p, &before, sizeof(Params)), 0) << describe(places::kGradient);
}

TEST(Gradient, GivesTheSameBitsOnEveryCall) {
  const Gradient g1 = gradient(Params{0.7, -0.2}, 1.5, 1.0);
  const Gradient g2 = gradient(Params{0.7, -0.2}, 1.5, 1.0);
  EXPECT_EQ(std::memcmp(&g1, &g2, sizeof(Gradient)), 0) << describe(places::kGradient);
}

}  // namespace
