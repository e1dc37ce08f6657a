// A small 2-layer sigmoid network with its own forward and backward pass, written here so the
// checker is tested against code that is not the student's. Its correct gradient must pass
// with a wide margin; each classic mistake, planted on purpose, must fail with the right hint.
#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "bp/eigen.hpp"
#include "bp/random.hpp"
#include "gradcheck.hpp"

namespace {

namespace hints = bp::check::hints;

// Which classic mistake the backward pass (or the cost) makes.
enum class Bug {
  kNone,
  kSignFlipped,      // y - a instead of a - y
  kFactorTwo,        // the ½ of the cost not cancelled
  kFactorHalf,       // a ½ too many
  kSummed,           // sum over the batch instead of the mean
  kDividedTwice,     // 1/m applied twice
  kTransposedW2,     // ∂C/∂W2 = Δ2ᵀ A1 instead of A1ᵀ Δ2
  kW1NeverWritten,   // ∂C/∂W1 left at zero
  kNanInGradient,    // ∂C/∂W2(1,0) = NaN
  kNanInCost,        // the mean divides by zero
  kBiasFromRowZero,  // ∂C/∂b = row 0 of Δ instead of its column sums
};

// W^(l) is n_{l-1} × n_l, b^(l) has n_l entries; samples are rows (DESIGN.md §2).
struct Net {
  Eigen::MatrixXd W1, W2;
  Eigen::VectorXd b1, b2;
};

struct Grad {
  Eigen::MatrixXd W1, W2;
  Eigen::VectorXd b1, b2;
};

struct Layers {
  Eigen::MatrixXd A1, A2;
};

Eigen::MatrixXd sigmoid(const Eigen::MatrixXd& z) {
  return (1.0 + (-z.array()).exp()).inverse().matrix();
}

Eigen::MatrixXd sigmoid_prime_from_a(const Eigen::MatrixXd& a) {
  return (a.array() * (1.0 - a.array())).matrix();
}

Layers forward(const Net& net, const Eigen::MatrixXd& X) {
  Layers f;
  const Eigen::MatrixXd z1 = (X * net.W1).rowwise() + net.b1.transpose();
  f.A1 = sigmoid(z1);
  const Eigen::MatrixXd z2 = (f.A1 * net.W2).rowwise() + net.b2.transpose();
  f.A2 = sigmoid(z2);
  return f;
}

// C = mean over the m samples of ½‖a2 - y‖².
double cost(const Net& net, const Eigen::MatrixXd& X, const Eigen::MatrixXd& Y, Bug bug) {
  const Layers f = forward(net, X);
  const double m = static_cast<double>(X.rows());
  const double divisor = bug == Bug::kNanInCost ? m - m : m;
  return 0.5 * (f.A2 - Y).squaredNorm() / divisor;
}

double delta_scale(Bug bug, double m) {
  switch (bug) {
    case Bug::kSignFlipped:
      return -1.0 / m;
    case Bug::kFactorTwo:
      return 2.0 / m;
    case Bug::kFactorHalf:
      return 0.5 / m;
    case Bug::kSummed:
      return 1.0;
    case Bug::kDividedTwice:
      return 1.0 / (m * m);
    default:
      return 1.0 / m;
  }
}

Eigen::VectorXd bias_gradient(const Eigen::MatrixXd& delta, Bug bug) {
  if (bug == Bug::kBiasFromRowZero) return delta.row(0).transpose();
  return delta.colwise().sum().transpose();
}

Grad backward(const Net& net, const Eigen::MatrixXd& X, const Eigen::MatrixXd& Y, Bug bug) {
  const Layers f = forward(net, X);
  const double m = static_cast<double>(X.rows());
  const Eigen::MatrixXd error = f.A2 - Y;
  const Eigen::MatrixXd delta2 =
      delta_scale(bug, m) * (error.array() * sigmoid_prime_from_a(f.A2).array()).matrix();
  const Eigen::MatrixXd delta1 =
      ((delta2 * net.W2.transpose()).array() * sigmoid_prime_from_a(f.A1).array()).matrix();
  Grad g;
  g.W2 = bug == Bug::kTransposedW2 ? Eigen::MatrixXd(delta2.transpose() * f.A1)
                                   : Eigen::MatrixXd(f.A1.transpose() * delta2);
  g.b2 = bias_gradient(delta2, bug);
  g.W1 = bug == Bug::kW1NeverWritten ? Eigen::MatrixXd(Eigen::MatrixXd::Zero(2, 3))
                                     : Eigen::MatrixXd(X.transpose() * delta1);
  g.b1 = bias_gradient(delta1, bug);
  if (bug == Bug::kNanInGradient) g.W2(1, 0) = std::numeric_limits<double>::quiet_NaN();
  return g;
}

Eigen::MatrixXd random_matrix(bp::Rng& rng, Eigen::Index rows, Eigen::Index cols, double scale) {
  Eigen::MatrixXd a(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j) {
    for (Eigen::Index i = 0; i < rows; ++i) a(i, j) = scale * rng.normal();
  }
  return a;
}

// m = 4 samples, 2 inputs, 3 hidden nodes, 3 outputs: W2 is square, so a transposed ∂C/∂W2
// still has the right shape and only the checker can catch it.
class TwoLayerNet : public ::testing::Test {
 protected:
  static constexpr Eigen::Index kM = 4;

  void SetUp() override {
    bp::Rng rng(7);
    net_.W1 = random_matrix(rng, 2, 3, 0.8);
    net_.b1 = random_matrix(rng, 3, 1, 0.5);
    net_.W2 = random_matrix(rng, 3, 3, 0.8);
    net_.b2 = random_matrix(rng, 3, 1, 0.5);
    x_ = random_matrix(rng, kM, 2, 1.0);
    y_ = Eigen::MatrixXd(kM, 3);
    for (Eigen::Index j = 0; j < 3; ++j) {
      for (Eigen::Index i = 0; i < kM; ++i) y_(i, j) = rng.uniform();
    }
  }

  bp::check::Result check(Bug bug, bp::check::Options options = {}) {
    const Grad g = backward(net_, x_, y_, bug);
    options.batch_size = static_cast<double>(kM);
    return bp::check::check_gradient(
        [&] { return cost(net_, x_, y_, bug); },
        {bp::check::block("W1", net_.W1, g.W1), bp::check::bias_block("b1", net_.b1, g.b1),
         bp::check::block("W2", net_.W2, g.W2), bp::check::bias_block("b2", net_.b2, g.b2)},
        options);
  }

  Net net_;
  Eigen::MatrixXd x_, y_;
};

using PlantedBug = TwoLayerNet;

::testing::AssertionResult fails_with_hint(const bp::check::Result& r, const std::string& lead) {
  if (r.passed) return ::testing::AssertionFailure() << "the check passed:\n" << r.report;
  if (r.hint.rfind(lead, 0) != 0) {
    return ::testing::AssertionFailure()
           << "expected a hint starting with \"" << lead << "\", got:\n"
           << r.report;
  }
  if (r.report.find(r.hint) == std::string::npos) {
    return ::testing::AssertionFailure() << "the report does not show the hint:\n" << r.report;
  }
  return ::testing::AssertionSuccess();
}

TEST_F(TwoLayerNet, CorrectGradientPassesWithAWideMargin) {
  const bp::check::Result r = check(Bug::kNone);
  EXPECT_TRUE(bp::check::passes(r));
  EXPECT_EQ(r.entries.size(), 6u + 3u + 9u + 3u);
  // The numeric side is limited by the cost's rounding (about 1e-11 here), so a correct
  // gradient uses at most a few percent of the allowed difference; every planted bug below
  // exceeds it by orders of magnitude.
  EXPECT_LT(r.worst_ratio, 0.05) << r.report;
}

TEST_F(TwoLayerNet, CorrectGradientHasNoHintAndNoKinks) {
  const bp::check::Result r = check(Bug::kNone);
  EXPECT_EQ(r.hint, "");
  EXPECT_EQ(r.kinks(), 0u) << r.report;
}

TEST_F(TwoLayerNet, CorrectGradientStillPassesWithTenTimesTighterTolerances) {
  bp::check::Options tight;
  tight.rtol = 1e-7;
  tight.atol = 1e-11;
  EXPECT_TRUE(bp::check::passes(check(Bug::kNone, tight)));
}

TEST_F(PlantedBug, SignFlipIsCaughtWithTheSignHint) {
  EXPECT_TRUE(fails_with_hint(check(Bug::kSignFlipped), hints::kSignFlipped));
}

TEST_F(PlantedBug, UncancelledHalfIsCaughtWithTheFactorTwoHint) {
  EXPECT_TRUE(fails_with_hint(check(Bug::kFactorTwo), hints::kFactorTwo));
}

TEST_F(PlantedBug, ExtraHalfIsCaughtWithTheFactorHalfHint) {
  EXPECT_TRUE(fails_with_hint(check(Bug::kFactorHalf), hints::kFactorHalf));
}

TEST_F(PlantedBug, SumInsteadOfMeanIsCaughtWithTheMissingOneOverMHint) {
  EXPECT_TRUE(fails_with_hint(check(Bug::kSummed), hints::kSummedNotMean));
}

TEST_F(PlantedBug, DividingByMTwiceIsCaughtWithItsHint) {
  EXPECT_TRUE(fails_with_hint(check(Bug::kDividedTwice), hints::kDividedTwice));
}

TEST_F(PlantedBug, TransposedSquareWeightGradientIsCaughtWithTheTransposeHint) {
  const bp::check::Result r = check(Bug::kTransposedW2);
  EXPECT_TRUE(fails_with_hint(r, hints::kTransposed));
  EXPECT_NE(r.hint.find("W2"), std::string::npos) << r.hint;
}

TEST_F(PlantedBug, GradientNeverWrittenIsCaughtWithTheZeroHint) {
  EXPECT_TRUE(fails_with_hint(check(Bug::kW1NeverWritten), hints::kNeverWritten));
}

TEST_F(PlantedBug, NanInTheGradientIsCaughtAndNamesTheEntry) {
  const bp::check::Result r = check(Bug::kNanInGradient);
  EXPECT_TRUE(fails_with_hint(r, std::string(hints::kGradientNotFinite) + " W2(1,0)"));
}

TEST_F(PlantedBug, NanInTheCostIsBlamedOnTheForwardPass) {
  const bp::check::Result r = check(Bug::kNanInCost);
  EXPECT_TRUE(fails_with_hint(r, hints::kCostNotFinite));
  EXPECT_NE(r.hint.find("the forward pass or cost produced NaN/inf"), std::string::npos) << r.hint;
}

TEST_F(PlantedBug, BiasFromRowZeroOnlyIsCaughtWithTheBiasHint) {
  EXPECT_TRUE(fails_with_hint(check(Bug::kBiasFromRowZero), hints::kBiasNotSummed));
}

TEST_F(PlantedBug, IsNeverMistakenForAKink) {
  for (const Bug bug :
       {Bug::kSignFlipped, Bug::kFactorTwo, Bug::kFactorHalf, Bug::kSummed, Bug::kDividedTwice,
        Bug::kTransposedW2, Bug::kW1NeverWritten, Bug::kBiasFromRowZero}) {
    const bp::check::Result r = check(bug);
    EXPECT_EQ(r.kinks(), 0u) << r.report;
  }
}

TEST_F(PlantedBug, ExceedsTheToleranceByOrdersOfMagnitude) {
  for (const Bug bug :
       {Bug::kSignFlipped, Bug::kFactorTwo, Bug::kFactorHalf, Bug::kSummed, Bug::kDividedTwice,
        Bug::kTransposedW2, Bug::kW1NeverWritten, Bug::kBiasFromRowZero}) {
    const bp::check::Result r = check(bug);
    EXPECT_GT(r.worst_ratio, 1e3) << r.report;
  }
}

TEST_F(PlantedBug, IsStillCaughtWhenEntriesAreSampled) {
  bp::check::Options sampled;
  sampled.max_entries_per_block = 2;
  EXPECT_TRUE(fails_with_hint(check(Bug::kSignFlipped, sampled), hints::kSignFlipped));
}

// Stage 1's perceptron, C(w) = ½(σ(wx + b) - y)², with ∂C/∂w = (a - y) σ'(z) x.
struct Perceptron {
  double b = 0.2, x = 1.5, y = 1.0;
  double z(double w) const { return w * x + b; }
  double a(double w) const { return 1.0 / (1.0 + std::exp(-z(w))); }
  double cost(double w) const { return 0.5 * (a(w) - y) * (a(w) - y); }
  double sigmoid_prime(double w) const { return a(w) * (1.0 - a(w)); }
};

TEST(PlantedScalarBug, MissingSigmoidPrimeIsCaughtWithTheSuspectFactorHint) {
  const Perceptron p;
  const double w = -0.4;
  bp::check::Options o;
  o.suspect_factors = {{"σ'(z)", p.sigmoid_prime(w)}};
  const double missing_sigma_prime = (p.a(w) - p.y) * p.x;
  const bp::check::Result r = bp::check::check_derivative(
      "w", [&](double t) { return p.cost(t); }, w, missing_sigma_prime, o);
  EXPECT_TRUE(fails_with_hint(r, std::string(hints::kSuspectFactor) + " σ'(z)"));
}

TEST(PlantedScalarBug, SuspectFactorWithItsOwnExplanationIsQuotedAsGiven) {
  const Perceptron p;
  const double w = 0.9;
  const double s = p.sigmoid_prime(w);
  const double a = p.a(w);
  const double sigma_of_a = 1.0 / (1.0 + std::exp(-a));
  const double sa = sigma_of_a * (1.0 - sigma_of_a);  // σ' applied to a instead of z
  bp::check::Options o;
  o.suspect_factors = {{"σ'(a)/σ'(z): σ' was evaluated at a instead of z", sa / s}};
  const double wrong = (a - p.y) * sa * p.x;
  const bp::check::Result r = bp::check::check_derivative(
      "w", [&](double t) { return p.cost(t); }, w, wrong, o);
  EXPECT_TRUE(fails_with_hint(
      r, std::string(hints::kSuspectFactor) + " σ'(a)/σ'(z): σ' was evaluated at a instead of z"));
}

TEST(PlantedScalarBug, CorrectPerceptronDerivativePasses) {
  const Perceptron p;
  const double w = -0.4;
  const double right = (p.a(w) - p.y) * p.sigmoid_prime(w) * p.x;
  EXPECT_TRUE(bp::check::passes(bp::check::check_derivative(
      "w", [&](double t) { return p.cost(t); }, w, right)));
}

TEST(PlantedScalarBug, UnknownConstantFactorGetsTheConstantFactorHint) {
  const Perceptron p;
  const double w = -0.4;
  const double right = (p.a(w) - p.y) * p.sigmoid_prime(w) * p.x;
  const bp::check::Result r = bp::check::check_derivative(
      "w", [&](double t) { return p.cost(t); }, w, 3.7 * right);
  EXPECT_TRUE(fails_with_hint(r, std::string(hints::kConstantFactor) + " 3.7"));
}

}  // namespace
