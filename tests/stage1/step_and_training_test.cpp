// Tasks 1.6 and 1.7: the update rule, and the mean cost and gradient over a data set.
// Pinned values computed independently with numpy for w = 0.5, b = 0 and the samples
// (x, y) = (1, 1), (2, 0), (-1.5, 1).
#include <cstring>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "01_perceptron/perceptron.hpp"
#include "bp/random.hpp"
#include "gradcheck.hpp"
#include "reference.hpp"
#include "stage1_places.hpp"

namespace {

using bp::perceptron::Gradient;
using bp::perceptron::gradient_step;
using bp::perceptron::mean_cost;
using bp::perceptron::mean_gradient;
using bp::perceptron::Params;
using bp::perceptron::train_epoch;
using bp::test::describe;
using bp::test::stage1::reference_mean_cost;
namespace places = bp::test::stage1;

const std::vector<double> kXs{1.0, 2.0, -1.5};
const std::vector<double> kYs{1.0, 0.0, 1.0};

TEST(GradientStep, MovesBothParametersAgainstTheGradient) {
  Gradient g;
  g.dC_dw = 0.5;
  g.dC_db = -0.25;
  const Params next = gradient_step(Params{1.0, 2.0}, g, 0.1);
  EXPECT_DOUBLE_EQ(next.w, 0.95) << "w - η ∂C/∂w = 1 - 0.1 · 0.5"
                                 << describe(places::kGradientStep);
  EXPECT_DOUBLE_EQ(next.b, 2.025) << "b - η ∂C/∂b = 2 + 0.1 · 0.25"
                                  << describe(places::kGradientStep);
}

TEST(GradientStep, LeavesTheOldParametersUntouched) {
  const Params p{1.0, 2.0};
  Gradient g;
  g.dC_dw = 0.5;
  g.dC_db = -0.25;
  (void)gradient_step(p, g, 0.1);
  EXPECT_EQ(p.w, 1.0) << describe(places::kGradientStep);
  EXPECT_EQ(p.b, 2.0) << describe(places::kGradientStep);
}

TEST(GradientStep, LowersTheCostOfOneSampleForASmallLearningRate) {
  bp::Rng rng(201);
  for (int i = 0; i < 100; ++i) {
    const Params p{rng.uniform(-2.0, 2.0), rng.uniform(-2.0, 2.0)};
    const std::vector<double> x{rng.uniform(-2.0, 2.0)};
    const std::vector<double> y{rng.uniform() < 0.5 ? 0.0 : 1.0};
    // The gradient is the tests' own numeric one, so only the step is under test.
    const auto cost_at = [&](double w, double b) {
      return bp::test::stage1::reference_mean_cost(w, b, x, y);
    };
    Gradient g;
    g.dC_dw = bp::check::numeric_derivative([&](double w) { return cost_at(w, p.b); }, p.w).value;
    g.dC_db = bp::check::numeric_derivative([&](double b) { return cost_at(p.w, b); }, p.b).value;
    const Params next = gradient_step(p, g, 1e-2);
    EXPECT_LE(reference_mean_cost(next.w, next.b, x, y), reference_mean_cost(p.w, p.b, x, y))
        << "a descent step must not raise the cost" << describe(places::kGradientStep);
  }
}

TEST(MeanCost, IsTheMeanOfThePerSampleCosts) {
  // (0.07126848 + 0.26722332 + 0.23064185) / 3
  const double got = mean_cost(Params{0.5, 0.0}, kXs, kYs);
  EXPECT_NEAR(got, 0.1897112178997755, 1e-15)
      << bp::test::mean_hint(got, 0.1897112178997755, 3) << describe(places::kMeanCost);
}

TEST(MeanCost, RejectsInputsAndTargetsOfDifferentSizes) {
  EXPECT_THROW((void)mean_cost(Params{}, {1.0, 2.0}, {1.0}), std::invalid_argument)
      << describe(places::kMeanCost);
}

TEST(MeanCost, RejectsAnEmptyDataSet) {
  EXPECT_THROW((void)mean_cost(Params{}, {}, {}), std::invalid_argument)
      << "the mean of no samples is undefined (0/0)" << describe(places::kMeanCost);
}

TEST(MeanGradient, IsTheMeanOfThePerSampleGradients) {
  const Gradient g = mean_gradient(Params{0.5, 0.0}, kXs, kYs);
  EXPECT_NEAR(g.dC_dw, 0.1402435599565874, 1e-15)
      << bp::test::mean_hint(g.dC_dw, 0.1402435599565874, 3) << describe(places::kMeanGradient);
  EXPECT_NEAR(g.dC_db, -0.030992752212466997, 1e-15)
      << bp::test::mean_hint(g.dC_db, -0.030992752212466997, 3) << describe(places::kMeanGradient);
  EXPECT_NEAR(g.delta, -0.030992752212466997, 1e-15)
      << bp::test::mean_hint(g.delta, -0.030992752212466997, 3) << describe(places::kMeanGradient);
}

TEST(MeanGradient, MatchesTheCheckerOnTheMeanCostOfRandomData) {
  bp::Rng rng(202);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<double> xs, ys;
    for (int i = 0; i < 17; ++i) {
      xs.push_back(rng.uniform(-3.0, 3.0));
      ys.push_back(rng.uniform() < 0.5 ? 0.0 : 1.0);
    }
    double w = rng.uniform(-2.0, 2.0);
    double b = rng.uniform(-1.0, 1.0);
    const Gradient g = mean_gradient(Params{w, b}, xs, ys);
    bp::check::Options o;
    o.batch_size = static_cast<double>(xs.size());  // hints "sum instead of mean"
    const bp::check::Result r = bp::check::check_gradient(
        [&] { return reference_mean_cost(w, b, xs, ys); },
        {bp::check::block("w", w, g.dC_dw), bp::check::bias_block("b", b, g.dC_db)}, o);
    ASSERT_TRUE(bp::check::passes(r)) << describe(places::kMeanGradient);
  }
}

TEST(MeanGradient, RejectsInputsAndTargetsOfDifferentSizes) {
  EXPECT_THROW((void)mean_gradient(Params{}, {1.0}, {1.0, 0.0}), std::invalid_argument)
      << describe(places::kMeanGradient);
}

TEST(TrainEpoch, ReturnsTheCostAtTheStartingParameters) {
  Params p{0.5, 0.0};
  EXPECT_NEAR(train_epoch(p, kXs, kYs, 0.5), 0.1897112178997755, 1e-15)
      << describe(places::kTrainEpoch);
}

TEST(TrainEpoch, TakesOneStepAlongTheMeanGradient) {
  // w = 0.5 - 0.5 · 0.1402435599565874, b = 0 - 0.5 · (-0.030992752212466997)
  Params p{0.5, 0.0};
  (void)train_epoch(p, kXs, kYs, 0.5);
  EXPECT_NEAR(p.w, 0.4298782200217063, 1e-15) << describe(places::kTrainEpoch);
  EXPECT_NEAR(p.b, 0.015496376106233499, 1e-15) << describe(places::kTrainEpoch);
}

TEST(TrainEpoch, LowersTheCostEveryEpochOnASmallProblemWithASmallLearningRate) {
  // Inputs below 0 are class 0, above are class 1: a perceptron can fit this.
  const std::vector<double> xs{-2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0};
  const std::vector<double> ys{0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0};
  Params p{-0.5, 0.3};
  double previous = reference_mean_cost(p.w, p.b, xs, ys);
  const double start = previous;
  for (int epoch = 1; epoch <= 200; ++epoch) {
    (void)train_epoch(p, xs, ys, 0.5);
    const double now = reference_mean_cost(p.w, p.b, xs, ys);
    ASSERT_LT(now, previous) << "the cost rose at epoch " << epoch << describe(places::kTrainEpoch);
    previous = now;
  }
  EXPECT_LT(previous, 0.25 * start)
      << "200 epochs should cut the cost by at least 4x" << describe(places::kTrainEpoch);
}

TEST(TrainEpoch, RejectsInputsAndTargetsOfDifferentSizes) {
  Params p{};
  EXPECT_THROW((void)train_epoch(p, {1.0, 2.0}, {1.0}, 0.1), std::invalid_argument)
      << describe(places::kTrainEpoch);
}

}  // namespace
