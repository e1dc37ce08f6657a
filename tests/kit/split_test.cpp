// train_test_split and take_rows.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

#include "bp/dataset.hpp"

namespace {

using bp::data::Split;
using bp::data::train_test_split;

TEST(TrainTestSplit, GivesTheSameSplitForTheSameSeed) {
  const Split a = train_test_split(100, 0.2, 7);
  const Split b = train_test_split(100, 0.2, 7);
  EXPECT_EQ(a.train, b.train);
  EXPECT_EQ(a.test, b.test);
}

TEST(TrainTestSplit, GivesADifferentSplitForADifferentSeed) {
  EXPECT_NE(train_test_split(100, 0.2, 7).test, train_test_split(100, 0.2, 8).test);
}

TEST(TrainTestSplit, PutsEveryRowInExactlyOnePart) {
  const Split s = train_test_split(150, 0.2, 42);
  std::vector<Eigen::Index> all = s.train;
  all.insert(all.end(), s.test.begin(), s.test.end());
  std::sort(all.begin(), all.end());
  ASSERT_EQ(all.size(), 150u);
  for (Eigen::Index i = 0; i < 150; ++i) EXPECT_EQ(all[std::size_t(i)], i);
}

TEST(TrainTestSplit, SizesTheTestPartByTheRoundedFraction) {
  EXPECT_EQ(train_test_split(150, 0.2, 1).test.size(), 30u);
  EXPECT_EQ(train_test_split(100, 0.07, 1).test.size(), 7u);
  EXPECT_EQ(train_test_split(569, 0.25, 1).test.size(), 142u);
}

TEST(TrainTestSplit, ShufflesRatherThanTakingTheLastRows) {
  // The bundled files are sorted by class; a tail split would test on one class only.
  const Split s = train_test_split(150, 0.2, 3);
  EXPECT_LT(s.test.front(), 120);
}

TEST(TrainTestSplit, RefusesAFractionOutsideZeroToOne) {
  EXPECT_THROW(train_test_split(10, 0.0, 1), std::invalid_argument);
  EXPECT_THROW(train_test_split(10, 1.0, 1), std::invalid_argument);
  EXPECT_THROW(train_test_split(10, -0.5, 1), std::invalid_argument);
  EXPECT_THROW(train_test_split(10, std::nan(""), 1), std::invalid_argument);
}

TEST(TrainTestSplit, RefusesAnEmptyPart) {
  EXPECT_THROW(train_test_split(10, 0.01, 1), std::invalid_argument);  // no test row
  EXPECT_THROW(train_test_split(10, 0.99, 1), std::invalid_argument);  // no training row
  EXPECT_THROW(train_test_split(1, 0.5, 1), std::invalid_argument);
}

TEST(TakeRows, PicksTheRowsInTheGivenOrder) {
  Eigen::MatrixXd X(3, 2);
  X << 1, 2, 3, 4, 5, 6;
  const Eigen::MatrixXd picked = bp::data::take_rows(X, {2, 0});
  Eigen::MatrixXd expected(2, 2);
  expected << 5, 6, 1, 2;
  EXPECT_EQ(picked, expected);
}

TEST(TakeRows, PicksTargetsAndFeaturesOfADatasetTogether) {
  bp::data::Dataset d;
  d.X = Eigen::MatrixXd::Identity(3, 3);
  d.y = Eigen::Vector3d(10, 11, 12);
  d.feature_names = {"a", "b", "c"};
  const bp::data::Dataset picked = bp::data::take_rows(d, {1});
  EXPECT_EQ(picked.X(0, 1), 1.0);
  EXPECT_EQ(picked.y(0), 11.0);
  EXPECT_EQ(picked.feature_names, d.feature_names);
}

TEST(TakeRows, RefusesAnIndexOutOfRange) {
  const Eigen::MatrixXd X = Eigen::MatrixXd::Zero(3, 2);
  EXPECT_THROW(bp::data::take_rows(X, {3}), std::invalid_argument);
  EXPECT_THROW(bp::data::take_rows(X, {-1}), std::invalid_argument);
}

}  // namespace
