// check_gradient's verdict, tolerance, entry labels and report, on small costs whose gradient
// is known in closed form.
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "bp/eigen.hpp"
#include "gradcheck.hpp"

namespace {

using bp::check::block;
using bp::check::check_gradient;
using bp::check::Result;

// C(W) = Σ_ij (i + 2j + 1) sin(W_ij), so ∂C/∂W_ij = (i + 2j + 1) cos(W_ij).
double weighted_sin_cost(const Eigen::MatrixXd& w) {
  double c = 0.0;
  for (Eigen::Index j = 0; j < w.cols(); ++j) {
    for (Eigen::Index i = 0; i < w.rows(); ++i) {
      c += static_cast<double>(i + 2 * j + 1) * std::sin(w(i, j));
    }
  }
  return c;
}

Eigen::MatrixXd weighted_sin_gradient(const Eigen::MatrixXd& w) {
  Eigen::MatrixXd g(w.rows(), w.cols());
  for (Eigen::Index j = 0; j < w.cols(); ++j) {
    for (Eigen::Index i = 0; i < w.rows(); ++i) {
      g(i, j) = static_cast<double>(i + 2 * j + 1) * std::cos(w(i, j));
    }
  }
  return g;
}

Eigen::MatrixXd sample_weights(Eigen::Index rows, Eigen::Index cols) {
  Eigen::MatrixXd w(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j) {
    for (Eigen::Index i = 0; i < rows; ++i) {
      w(i, j) = 0.3 * static_cast<double>(i) - 0.7 * static_cast<double>(j) + 0.11;
    }
  }
  return w;
}

Result check_weights(Eigen::MatrixXd& w, const Eigen::MatrixXd& analytic,
                     const bp::check::Options& options = {}) {
  return check_gradient([&] { return weighted_sin_cost(w); }, {block("W2", w, analytic)}, options);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CheckGradient, PassesACorrectGradientOfAMatrixBlock) {
  Eigen::MatrixXd w = sample_weights(3, 4);
  const Result r = check_weights(w, weighted_sin_gradient(w));
  EXPECT_TRUE(bp::check::passes(r));
  EXPECT_EQ(r.entries.size(), 12u);
  EXPECT_EQ(r.failures(), 0u);
}

TEST(CheckGradient, FailsWhenOneEntryIsWrong) {
  Eigen::MatrixXd w = sample_weights(3, 4);
  Eigen::MatrixXd g = weighted_sin_gradient(w);
  g(1, 0) += 0.01;
  const Result r = check_weights(w, g);
  EXPECT_FALSE(r.passed);
  EXPECT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.failures(), 1u);
  EXPECT_FALSE(r.find("W2(1,0)")->passed);
}

TEST(CheckGradient, ReportNamesTheFailingEntry) {
  Eigen::MatrixXd w = sample_weights(3, 4);
  Eigen::MatrixXd g = weighted_sin_gradient(w);
  g(1, 0) += 0.01;
  const Result r = check_weights(w, g);
  EXPECT_TRUE(contains(r.report, "W2(1,0)")) << r.report;
  EXPECT_FALSE(contains(r.report, "W2(0,1)")) << r.report;
}

TEST(CheckGradient, ReportShowsAnalyticNumericDifferenceAndAllowed) {
  double w = 0.5;
  const Result r = check_gradient([&] { return w * w; }, {block("w", w, 1.25)});
  EXPECT_TRUE(contains(r.report, "analytic")) << r.report;
  EXPECT_TRUE(contains(r.report, "numeric")) << r.report;
  EXPECT_TRUE(contains(r.report, "|difference|")) << r.report;
  EXPECT_TRUE(contains(r.report, "allowed")) << r.report;
  EXPECT_TRUE(contains(r.report, "1.25")) << r.report;
  EXPECT_TRUE(contains(r.report, "0.25")) << r.report;
}

TEST(CheckGradient, ReportSaysOnceThatIndicesCountFromZero) {
  Eigen::MatrixXd w = sample_weights(2, 2);
  const Result r = check_weights(w, -weighted_sin_gradient(w));
  const std::string note = "count from 0";
  ASSERT_TRUE(contains(r.report, note)) << r.report;
  EXPECT_EQ(r.report.find(note), r.report.rfind(note)) << r.report;
}

TEST(CheckGradient, ReportListsAtMostTenEntriesAndCountsTheRest) {
  Eigen::MatrixXd w = sample_weights(5, 4);
  const Result r = check_weights(w, -weighted_sin_gradient(w));
  EXPECT_EQ(r.failures(), 20u);
  EXPECT_TRUE(contains(r.report, "and 10 more")) << r.report;
}

TEST(CheckGradient, ReportShowsTheHintLine) {
  Eigen::MatrixXd w = sample_weights(2, 3);
  const Result r = check_weights(w, -weighted_sin_gradient(w));
  EXPECT_TRUE(contains(r.report, "hint: " + r.hint)) << r.report;
}

TEST(CheckGradient, ReportOnSuccessIsOneLineWithTheWorstRatio) {
  Eigen::MatrixXd w = sample_weights(3, 4);
  const Result r = check_weights(w, weighted_sin_gradient(w));
  EXPECT_FALSE(contains(r.report, "\n")) << r.report;
  EXPECT_TRUE(contains(r.report, "12 entries checked")) << r.report;
  EXPECT_TRUE(contains(r.report, "worst |difference|/allowed")) << r.report;
}

TEST(CheckGradient, PassesPrintsTheReportOnFailure) {
  Eigen::MatrixXd w = sample_weights(2, 2);
  const Result r = check_weights(w, 2.0 * weighted_sin_gradient(w));
  const ::testing::AssertionResult a = bp::check::passes(r);
  EXPECT_FALSE(a);
  EXPECT_EQ(std::string(a.message()), r.report);
}

TEST(CheckGradient, PassesSucceedsOnAPassingResult) {
  Eigen::MatrixXd w = sample_weights(2, 2);
  EXPECT_TRUE(bp::check::passes(check_weights(w, weighted_sin_gradient(w))));
}

TEST(CheckGradient, FailsARelativeErrorOfOneInTenThousand) {
  Eigen::MatrixXd w = sample_weights(2, 3);
  EXPECT_FALSE(check_weights(w, 1.0001 * weighted_sin_gradient(w)).passed);
}

TEST(CheckGradient, AcceptsATinyAbsoluteErrorOnAZeroGradient) {
  // C(w) = cos(w) at w = 0: the gradient is 0, and 1e-12 is far below atol.
  double w = 0.0;
  EXPECT_TRUE(check_gradient([&] { return std::cos(w); }, {block("w", w, 1e-12)}).passed);
}

TEST(CheckGradient, AllowsTheSumOfAbsoluteRelativeAndFiniteDifferenceTolerances) {
  Eigen::MatrixXd w = sample_weights(2, 2);
  bp::check::Options o;
  const Result r = check_weights(w, weighted_sin_gradient(w), o);
  for (const bp::check::Entry& e : r.entries) {
    const double expected = o.atol + o.rtol * std::max(std::abs(e.analytic), std::abs(e.numeric)) +
                            o.fd_error_multiple * e.fd_error;
    EXPECT_EQ(e.allowed, expected) << e.label();
  }
}

TEST(CheckGradient, FailsWhenTheAnalyticValueIsInfinite) {
  double w = 1.0;
  const double inf = std::numeric_limits<double>::infinity();
  const Result r = check_gradient([&] { return w * w; }, {block("w", w, inf)});
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.hint.rfind(bp::check::hints::kGradientNotFinite, 0), 0u) << r.report;
}

TEST(CheckGradient, LabelsAMatrixEntryByRowAndColumn) {
  Eigen::MatrixXd w = sample_weights(4, 2);
  const Result r = check_weights(w, weighted_sin_gradient(w));
  ASSERT_NE(r.find("W2(3,1)"), nullptr);
  EXPECT_EQ(r.find("W2(3,1)")->row, 3);
  EXPECT_EQ(r.find("W2(3,1)")->col, 1);
}

TEST(CheckGradient, LabelsAOneByOneBlockByItsNameOnly) {
  double w = 0.3;
  const Result r = check_gradient([&] { return w * w; }, {block("w", w, 0.6)});
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].label(), "w");
}

TEST(CheckGradient, LabelsAVectorEntryWithOneIndex) {
  Eigen::VectorXd b = Eigen::VectorXd::LinSpaced(3, -1.0, 1.0);
  const Eigen::VectorXd analytic = 2.0 * b;
  const Result r =
      check_gradient([&] { return b.squaredNorm(); }, {bp::check::bias_block("b1", b, analytic)});
  EXPECT_EQ(r.entries[2].label(), "b1(2)");
}

TEST(CheckGradient, ChecksEveryBlock) {
  Eigen::MatrixXd w = sample_weights(2, 3);
  Eigen::VectorXd b = Eigen::VectorXd::Constant(2, 0.5);
  const Eigen::VectorXd db = 2.0 * b;
  const Result r = check_gradient(
      [&] { return weighted_sin_cost(w) + b.squaredNorm(); },
      {block("W1", w, weighted_sin_gradient(w)), bp::check::bias_block("b1", b, db)});
  EXPECT_TRUE(r.passed) << r.report;
  EXPECT_EQ(r.entries.size(), 8u);
}

TEST(CheckGradient, RejectsAnAnalyticGradientOfAnotherShapeNamingBothShapes) {
  Eigen::MatrixXd w = sample_weights(2, 3);
  const Eigen::MatrixXd wrong = Eigen::MatrixXd::Zero(3, 2);
  try {
    (void)block("W1", w, wrong);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_TRUE(contains(e.what(), "3 x 2")) << e.what();
    EXPECT_TRUE(contains(e.what(), "2 x 3")) << e.what();
  }
}

TEST(CheckGradient, RejectsNegativeTolerances) {
  double w = 1.0;
  bp::check::Options o;
  o.rtol = -1.0;
  EXPECT_THROW((void)check_gradient([&] { return w; }, {block("w", w, 1.0)}, o),
               std::invalid_argument);
}

TEST(CheckDerivative, PassesTheDerivativeOfASmoothFunction) {
  EXPECT_TRUE(bp::check::passes(bp::check::check_derivative(
      "σ", [](double t) { return 1.0 / (1.0 + std::exp(-t)); }, 0.3,
      std::exp(-0.3) / ((1.0 + std::exp(-0.3)) * (1.0 + std::exp(-0.3))))));
}

TEST(CheckDerivative, FailsAWrongDerivativeAndNamesIt) {
  const Result r = bp::check::check_derivative(
      "f", [](double t) { return t * t * t; }, 2.0, 11.0);
  EXPECT_FALSE(r.passed);
  EXPECT_TRUE(contains(r.report, "f ")) << r.report;
}

}  // namespace
