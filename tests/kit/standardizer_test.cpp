// Standardizer: statistics from the training rows only, and no NaN from a constant column.
#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

#include "bp/dataset.hpp"
#include "bp/random.hpp"

namespace {

using bp::data::Standardizer;

// m × n, column j drawn from N(10 j, (j + 1)²): distinct means and spreads per column.
Eigen::MatrixXd sample(Eigen::Index m, Eigen::Index n, std::uint64_t seed) {
  bp::Rng rng(seed);
  Eigen::MatrixXd X(m, n);
  for (Eigen::Index i = 0; i < m; ++i) {
    for (Eigen::Index j = 0; j < n; ++j) X(i, j) = 10.0 * double(j) + double(j + 1) * rng.normal();
  }
  return X;
}

TEST(Standardizer, GivesMeanZeroAndSdOneOnTheTrainingColumns) {
  const Eigen::MatrixXd Z = Standardizer().fit_transform(sample(200, 3, 1));
  for (Eigen::Index j = 0; j < Z.cols(); ++j) {
    const double mean = Z.col(j).mean();
    const double variance = (Z.col(j).array() - mean).square().mean();  // population
    EXPECT_NEAR(mean, 0.0, 1e-12) << "column " << j;
    EXPECT_NEAR(variance, 1.0, 1e-12) << "column " << j;
  }
}

TEST(Standardizer, UsesThePopulationStandardDeviation) {
  Eigen::MatrixXd X(4, 1);
  X << 1, 2, 3, 4;  // mean 2.5, population variance 1.25 (the sample variance would be 5/3)
  Standardizer s;
  s.fit(X);
  EXPECT_DOUBLE_EQ(s.mean()(0), 2.5);
  EXPECT_DOUBLE_EQ(s.sd()(0), std::sqrt(1.25));
}

TEST(Standardizer, AppliesTheTrainingStatisticsToTestRows) {
  Eigen::MatrixXd train(2, 1);
  train << 0, 2;  // mean 1, sd 1
  Eigen::MatrixXd test(2, 1);
  test << 101, 103;  // its own mean and sd would map it to -1, 1
  Standardizer s;
  s.fit(train);
  const Eigen::MatrixXd Z = s.transform(test);
  EXPECT_EQ(Z(0, 0), 100.0);
  EXPECT_EQ(Z(1, 0), 102.0);
}

TEST(Standardizer, GivesNoNaNForAConstantColumn) {
  Eigen::MatrixXd X(3, 2);
  X << 0.1, 1, 0.1, 2, 0.1, 3;  // 0.1 · 3 / 3 is not exactly 0.1 in doubles
  Standardizer s;
  const Eigen::MatrixXd Z = s.fit_transform(X);
  EXPECT_TRUE(Z.allFinite());
  EXPECT_EQ(s.sd()(0), 1.0);
  EXPECT_EQ(Z.col(0), Eigen::VectorXd::Zero(3));
  Eigen::MatrixXd other(1, 2);
  other << 0.6, 2;
  EXPECT_TRUE(s.transform(other).allFinite());
}

TEST(Standardizer, InverseTransformRestoresTheOriginalUnits) {
  const Eigen::MatrixXd X = sample(50, 2, 2);
  Standardizer s;
  const Eigen::MatrixXd back = s.inverse_transform(s.fit_transform(X));
  EXPECT_TRUE(back.isApprox(X, 1e-14));
}

TEST(Standardizer, NamesBothShapesForAColumnCountMismatch) {
  Standardizer s;
  s.fit(Eigen::MatrixXd::Ones(5, 3));
  try {
    s.transform(Eigen::MatrixXd::Ones(2, 4));
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("2 x 4"), std::string::npos) << message;
    EXPECT_NE(message.find("5 x 3"), std::string::npos) << message;
  }
}

TEST(Standardizer, RefusesToTransformBeforeFit) {
  EXPECT_THROW(Standardizer().transform(Eigen::MatrixXd::Ones(2, 2)), std::logic_error);
}

TEST(Standardizer, RefusesToFitNaN) {
  Eigen::MatrixXd X = Eigen::MatrixXd::Ones(2, 2);
  X(1, 0) = std::nan("");
  EXPECT_THROW(Standardizer().fit(X), std::invalid_argument);
}

TEST(Standardizer, RefusesToFitNoRows) {
  EXPECT_THROW(Standardizer().fit(Eigen::MatrixXd(0, 3)), std::invalid_argument);
}

}  // namespace
