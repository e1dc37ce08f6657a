// Large networks are checked on a seeded sample of each weight block, but every bias entry is
// always checked (a bias bug hides in few entries).
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "bp/eigen.hpp"
#include "gradcheck.hpp"

namespace {

using bp::check::Result;

// C = Σ sin(W) + Σ b², with W 30 × 20 and b of 20 entries.
class Sampling : public ::testing::Test {
 protected:
  void SetUp() override {
    w_ = Eigen::MatrixXd(30, 20);
    for (Eigen::Index k = 0; k < w_.size(); ++k) w_.data()[k] = 0.01 * static_cast<double>(k);
    b_ = Eigen::VectorXd::LinSpaced(20, -1.0, 1.0);
  }

  Result check(Eigen::Index max_entries, std::uint64_t seed) {
    bp::check::Options o;
    o.max_entries_per_block = max_entries;
    o.seed = seed;
    const Eigen::MatrixXd dw = w_.array().cos().matrix();
    const Eigen::VectorXd db = 2.0 * b_;
    return bp::check::check_gradient(
        [&] { return w_.array().sin().sum() + b_.squaredNorm(); },
        {bp::check::block("W1", w_, dw), bp::check::bias_block("b1", b_, db)}, o);
  }

  static std::size_t count_in(const Result& r, const std::string& block) {
    std::size_t n = 0;
    for (const bp::check::Entry& e : r.entries) n += e.block == block ? 1 : 0;
    return n;
  }

  static std::vector<std::pair<Eigen::Index, Eigen::Index>> weight_entries(const Result& r) {
    std::vector<std::pair<Eigen::Index, Eigen::Index>> out;
    for (const bp::check::Entry& e : r.entries) {
      if (e.block == "W1") out.emplace_back(e.row, e.col);
    }
    return out;
  }

  Eigen::MatrixXd w_;
  Eigen::VectorXd b_;
};

TEST_F(Sampling, ChecksAtMostTheRequestedNumberOfEntriesPerWeightBlock) {
  const Result r = check(10, 1);
  EXPECT_TRUE(r.passed) << r.report;
  EXPECT_EQ(count_in(r, "W1"), 10u);
}

TEST_F(Sampling, AlwaysChecksEveryBiasEntry) {
  const Result r = check(5, 1);
  ASSERT_EQ(count_in(r, "b1"), 20u);
  for (Eigen::Index i = 0; i < 20; ++i) {
    EXPECT_NE(r.find("b1(" + std::to_string(i) + ")"), nullptr) << i;
  }
}

TEST_F(Sampling, PicksDistinctEntries) {
  std::vector<std::pair<Eigen::Index, Eigen::Index>> e = weight_entries(check(50, 3));
  std::sort(e.begin(), e.end());
  EXPECT_EQ(std::adjacent_find(e.begin(), e.end()), e.end());
}

TEST_F(Sampling, IsReproducibleForTheSameSeed) {
  EXPECT_EQ(weight_entries(check(10, 42)), weight_entries(check(10, 42)));
}

TEST_F(Sampling, PicksOtherEntriesForAnotherSeed) {
  EXPECT_NE(weight_entries(check(10, 42)), weight_entries(check(10, 43)));
}

TEST_F(Sampling, PrintsTheSeedInTheReport) {
  const Result r = check(10, 987654321);
  EXPECT_TRUE(r.sampled);
  EXPECT_NE(r.report.find("seed 987654321"), std::string::npos) << r.report;
}

TEST_F(Sampling, PrintsTheSeedInAFailingReport) {
  b_(0) += 0.0;
  bp::check::Options o;
  o.max_entries_per_block = 3;
  o.seed = 555;
  const Eigen::MatrixXd wrong = -w_.array().cos().matrix();
  const Result r = bp::check::check_gradient([&] { return w_.array().sin().sum(); },
                                             {bp::check::block("W1", w_, wrong)}, o);
  EXPECT_FALSE(r.passed);
  EXPECT_NE(r.report.find("seed 555"), std::string::npos) << r.report;
}

TEST_F(Sampling, ChecksEveryEntryWhenTheLimitIsZero) {
  const Result r = check(0, 1);
  EXPECT_FALSE(r.sampled);
  EXPECT_EQ(count_in(r, "W1"), 600u);
  EXPECT_EQ(r.report.find("seed"), std::string::npos) << r.report;
}

TEST_F(Sampling, ChecksEveryEntryOfABlockSmallerThanTheLimit) {
  EXPECT_EQ(count_in(check(1000, 1), "W1"), 600u);
}

}  // namespace
