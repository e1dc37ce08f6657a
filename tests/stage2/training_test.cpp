// Stage 2, task 2.8: mean cost, mean gradient and one epoch of full-batch gradient descent.
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "reference.hpp"

namespace bp::test::stage2 {
namespace {

struct DataSet {
  std::vector<double> xs;
  std::vector<double> ys;
};

// n samples of a noisy step: y = 1 for most x above 0.3, 0 below, as in classification.
DataSet step_data(bp::Rng& rng, int n) {
  DataSet d;
  for (int i = 0; i < n; ++i) {
    const double x = rng.uniform(-2, 2);
    const bool flipped = rng.uniform() < 0.1;
    d.xs.push_back(x);
    d.ys.push_back((x > 0.3) != flipped ? 1.0 : 0.0);
  }
  return d;
}

double ref_mean_cost(const Params& p, const DataSet& d) {
  double sum = 0.0;
  for (std::size_t i = 0; i < d.xs.size(); ++i) sum += ref_cost(p, d.xs[i], d.ys[i]);
  return sum / static_cast<double>(d.xs.size());
}

// C(p) - C(p0) for the mean cost, every term with full relative precision.
double mean_cost_change(const Params& p0, const Params& p, const DataSet& d) {
  double sum = 0.0;
  for (std::size_t i = 0; i < d.xs.size(); ++i) sum += cost_change(p0, p, d.xs[i], d.ys[i]);
  return sum / static_cast<double>(d.xs.size());
}

// The checker's numeric gradient of the mean cost at p.
Gradient numeric_mean_gradient(const Params& p, const DataSet& d) {
  return numeric_gradient_of(p, [&](const Params& q) { return mean_cost_change(p, q, d); });
}

// Expects `call` to throw std::invalid_argument whose message names both sizes.
template <typename Call>
void expect_size_error(const Where& place, std::size_t nx, std::size_t ny, Call call) {
  try {
    call();
    ADD_FAILURE() << place.function << " accepted xs of size " << nx << " and ys of size " << ny
                  << "; throw std::invalid_argument" << where(place);
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_TRUE(what.find(std::to_string(nx)) != std::string::npos &&
                what.find(std::to_string(ny)) != std::string::npos)
        << "the message \"" << what << "\" should name both sizes, " << nx << " and " << ny
        << where(place);
  } catch (const std::exception& e) {
    ADD_FAILURE() << place.function << " threw \"" << e.what()
                  << "\" instead of std::invalid_argument for sizes " << nx << " and " << ny
                  << where(place);
  }
}

const std::vector<double> kThree{0.1, 0.2, 0.3};
const std::vector<double> kFive{0.0, 1.0, 0.0, 1.0, 1.0};
const Params kSomeParams{0.5, -0.25, -1.0, 0.75};

// ---- mean_cost ------------------------------------------------------------------------------

TEST(Stage2MeanCost, IsTheMeanOfThePerSampleCosts) {
  bp::Rng rng(2801);
  SCOPED_TRACE("seed 2801");
  for (int trial = 0; trial < 20; ++trial) {
    const DataSet d = step_data(rng, 1 + trial * 3);
    const Params p = random_sample(rng).p;
    const double want = ref_mean_cost(p, d);
    const double got = bp::hidden::mean_cost(p, d.xs, d.ys);
    ASSERT_TRUE(close_relative(got, want, 1e-12))
        << "n=" << d.xs.size() << ": mean_cost gave " << got
        << ", want (1/n) Σ ½(a2 - y)² = " << want
        << (close_relative(got, want * static_cast<double>(d.xs.size()), 1e-12)
                ? ": that is the sum; divide by n"
                : "")
        << where(kMeanCost);
  }
}

TEST(Stage2MeanCost, ThrowsNamingBothSizesWhenXsAndYsDiffer) {
  expect_size_error(kMeanCost, 3, 5,
                    [] { return bp::hidden::mean_cost(kSomeParams, kThree, kFive); });
}

TEST(Stage2MeanCost, ThrowsOnAnEmptyDataSet) {
  EXPECT_THROW(bp::hidden::mean_cost(kSomeParams, {}, {}), std::invalid_argument)
      << "the mean of no samples is undefined" << where(kMeanCost);
}

// ---- mean_gradient --------------------------------------------------------------------------

TEST(Stage2MeanGradient, MatchesTheCheckerOnTheMeanCost) {
  bp::Rng rng(2802);
  SCOPED_TRACE("seed 2802");
  for (int trial = 0; trial < 20; ++trial) {
    const DataSet d = step_data(rng, 2 + trial * 3);
    const Params p0 = random_sample(rng).p;
    const Gradient g = bp::hidden::mean_gradient(p0, d.xs, d.ys);
    Params live = p0;
    bp::check::Options o = relative_options();
    o.batch_size = static_cast<double>(d.xs.size());  // so a sum instead of a mean is named
    const bp::check::Result r = bp::check::check_gradient(
        [&] { return mean_cost_change(p0, live, d); },
        {bp::check::block("w1", live.w1, g.dC_dw1), bp::check::bias_block("b1", live.b1, g.dC_db1),
         bp::check::block("w2", live.w2, g.dC_dw2), bp::check::bias_block("b2", live.b2, g.dC_db2)},
        o);
    ASSERT_TRUE(bp::check::passes(r))
        << "n=" << d.xs.size() << ": the gradient of the mean cost is the mean of the "
        << "per-sample gradients" << where(kMeanGradient);
  }
}

TEST(Stage2MeanGradient, AveragesTheErrorsDelta2AndDelta1Too) {
  bp::Rng rng(2803);
  SCOPED_TRACE("seed 2803");
  const DataSet d = step_data(rng, 7);
  const Params p = random_sample(rng).p;
  double delta2 = 0.0;
  double delta1 = 0.0;
  for (std::size_t i = 0; i < d.xs.size(); ++i) {
    const Gradient g = numeric_gradient(p, d.xs[i], d.ys[i]);
    delta2 += g.delta2 / 7.0;
    delta1 += g.delta1 / 7.0;
  }
  const Gradient g = bp::hidden::mean_gradient(p, d.xs, d.ys);
  EXPECT_TRUE(close_relative(g.delta2, delta2, 1e-9))
      << "delta2 = " << g.delta2 << ", want the mean " << delta2 << where(kMeanGradient);
  EXPECT_TRUE(close_relative(g.delta1, delta1, 1e-9))
      << "delta1 = " << g.delta1 << ", want the mean " << delta1 << where(kMeanGradient);
}

TEST(Stage2MeanGradient, ThrowsNamingBothSizesWhenXsAndYsDiffer) {
  expect_size_error(kMeanGradient, 5, 3,
                    [] { return bp::hidden::mean_gradient(kSomeParams, kFive, kThree); });
}

TEST(Stage2MeanGradient, DoesNotChangeTheParameters) {
  Params p = kSomeParams;
  (void)bp::hidden::mean_gradient(p, kFive, kFive);
  EXPECT_TRUE(same_bits(p, kSomeParams)) << where(kMeanGradient);
}

// ---- train_epoch ----------------------------------------------------------------------------

TEST(Stage2TrainEpoch, ReturnsTheMeanCostAtTheStartingParameters) {
  bp::Rng rng(2804);
  SCOPED_TRACE("seed 2804");
  const DataSet d = step_data(rng, 16);
  Params p = kSomeParams;
  const double c = bp::hidden::train_epoch(p, d.xs, d.ys, 0.5);
  const double want = ref_mean_cost(kSomeParams, d);
  EXPECT_TRUE(close_relative(c, want, 1e-12))
      << "train_epoch returned " << c << "; the mean cost before the step is " << want
      << " (after the step: " << ref_mean_cost(p, d) << ")" << where(kTrainEpoch);
}

TEST(Stage2TrainEpoch, TakesOneStepAgainstTheMeanGradient) {
  bp::Rng rng(2805);
  SCOPED_TRACE("seed 2805");
  const double eta = 0.5;
  for (int trial = 0; trial < 10; ++trial) {
    const DataSet d = step_data(rng, 5 + trial);
    const Params p0 = random_sample(rng).p;
    const Gradient n = numeric_mean_gradient(p0, d);
    Params p = p0;
    bp::hidden::train_epoch(p, d.xs, d.ys, eta);
    const Params want{p0.w1 - eta * n.dC_dw1, p0.b1 - eta * n.dC_db1, p0.w2 - eta * n.dC_dw2,
                      p0.b2 - eta * n.dC_db2};
    const auto near = [](double got, double expected, double step) {
      return std::abs(got - expected) <= 1e-7 * std::abs(step) + 1e-15;
    };
    ASSERT_TRUE(near(p.w1, want.w1, eta * n.dC_dw1) && near(p.b1, want.b1, eta * n.dC_db1) &&
                near(p.w2, want.w2, eta * n.dC_dw2) && near(p.b2, want.b2, eta * n.dC_db2))
        << "n=" << d.xs.size() << ", η=" << eta << ": after one epoch (w1, b1, w2, b2) = (" << p.w1
        << ", " << p.b1 << ", " << p.w2 << ", " << p.b2 << "), want θ - η ∂C/∂θ = (" << want.w1
        << ", " << want.b1 << ", " << want.w2 << ", " << want.b2
        << ") with C the MEAN cost at the starting parameters" << where(kTrainEpoch);
  }
}

TEST(Stage2TrainEpoch, LowersTheCostEveryEpochWithASmallLearningRate) {
  bp::Rng rng(2806);
  SCOPED_TRACE("seed 2806");
  const DataSet d = step_data(rng, 24);
  Params p{0.5, 0.0, -1.0, 0.0};
  double before = ref_mean_cost(p, d);
  const double start = before;
  for (int epoch = 0; epoch < 300; ++epoch) {
    bp::hidden::train_epoch(p, d.xs, d.ys, 0.25);
    const double after = ref_mean_cost(p, d);
    ASSERT_LT(after, before) << "epoch " << epoch << ": the mean cost went from " << before
                             << " to " << after << " with η = 0.25" << where(kTrainEpoch);
    before = after;
  }
  EXPECT_LT(before, 0.75 * start) << "300 epochs should lower the cost by a quarter at least, from "
                                  << start << where(kTrainEpoch);
}

TEST(Stage2TrainEpoch, ThrowsNamingBothSizesWhenXsAndYsDiffer) {
  Params p = kSomeParams;
  expect_size_error(kTrainEpoch, 3, 5,
                    [&] { return bp::hidden::train_epoch(p, kThree, kFive, 0.1); });
  EXPECT_TRUE(same_bits(p, kSomeParams))
      << "a rejected call must leave p as it was" << where(kTrainEpoch);
}

}  // namespace
}  // namespace bp::test::stage2
