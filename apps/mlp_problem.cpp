#include "mlp_problem.hpp"

#include <cmath>
#include <locale>
#include <sstream>
#include <stdexcept>

#include "bp/cli.hpp"
#include "bp/csv.hpp"
#include "bp/random.hpp"
#include "bp/text.hpp"

namespace bp::apps {

std::string data_file(const ProblemSpec& spec) {
  if (spec.data == "runge") return "";
  for (const char* name : kBundledData)
    if (spec.data == name) return bp::data::data_path(spec.data + ".csv");
  return spec.data;
}

namespace {

using bp::cli::UsageError;
using bp::mlp::Cost;

// Runge samples: x uniform in [-1, 1], y = runge(x) + noise · N(0, 1), seeded.
// Output: X m × 1, y m.
bp::data::Dataset runge_data(Eigen::Index m, double noise, std::uint64_t seed) {
  bp::data::Dataset d;
  d.X.resize(m, 1);
  d.y.resize(m);
  bp::Rng rng(seed);
  for (Eigen::Index i = 0; i < m; ++i) {
    const double x = rng.uniform(-1.0, 1.0);
    // Draw the noise even when it is 0, so x does not depend on the noise level.
    const double e = rng.normal();
    d.X(i, 0) = x;
    d.y(i) = runge(x) + noise * e;
  }
  d.feature_names = {"x"};
  d.target_name = "y";
  return d;
}

bp::data::Dataset load_data(const ProblemSpec& spec) {
  if (spec.data == "runge") {
    if (!spec.target.empty() || !spec.features.empty())
      throw UsageError("--target and --features do not apply to --data runge (x -> y)");
    return runge_data(spec.runge_samples, spec.runge_noise, spec.runge_seed);
  }
  const bp::data::Table table = bp::data::read_csv(data_file(spec));
  try {
    return bp::data::split_features_target(table, spec.features, spec.target);
  } catch (const std::invalid_argument& e) {
    // An unknown or repeated column name is a mistake in --features/--target.
    throw UsageError(e.what());
  }
}

constexpr Eigen::Index kMaxClasses = 1000;

// Checks that y (m entries) holds class labels 0..K-1 with every class present, K ≥ 2, and
// returns K. Every class must occur: a label range with a hole (1..K, or 0, 2, 3) is almost
// always the wrong column or an off-by-one encoding, and a class without samples would get an
// output node that nothing ever trains.
Eigen::Index check_class_labels(const Eigen::VectorXd& y, const std::string& target,
                                const std::string& source, const std::string& cost) {
  const Eigen::Index m = y.size();
  for (Eigen::Index i = 0; i < m; ++i) {
    const double v = y(i);
    // Compared as doubles before any cast: a label of 1e300 must not overflow an integer.
    if (!(v >= 0.0 && v < static_cast<double>(m) && v == std::floor(v)))
      throw UsageError("--cost " + cost + " needs class labels 0, 1, ..., K-1 in the target '" +
                       target + "', but row " + std::to_string(i + 1) + " of " + source + " has " +
                       shortest_text(v) +
                       " (for a numeric target use --cost mse, or choose another --target)");
  }
  const Eigen::Index K = static_cast<Eigen::Index>(y.maxCoeff()) + 1;
  std::vector<Eigen::Index> count(static_cast<std::size_t>(K), 0);
  for (Eigen::Index i = 0; i < m; ++i) ++count[static_cast<std::size_t>(y(i))];
  for (Eigen::Index k = 0; k < K; ++k)
    if (count[static_cast<std::size_t>(k)] == 0)
      throw UsageError("the target '" + target + "' of " + source + " has labels up to " +
                       std::to_string(K - 1) + " but no sample of class " + std::to_string(k) +
                       "; class labels must be 0, 1, ..., K-1 with every class present");
  // More classes than this is an ID or a measurement read as a label, and its one-hot
  // targets (m × K doubles) could exhaust memory.
  if (K > kMaxClasses)
    throw UsageError("the target '" + target + "' of " + source + " has " + std::to_string(K) +
                     " classes; train_mlp allows at most " + std::to_string(kMaxClasses) +
                     " (is it really a class label? for a numeric target use --cost mse)");
  if (K < 2)
    throw UsageError("the target '" + target + "' of " + source +
                     " has only one class (every label is 0); a classifier needs at least 2");
  return K;
}

}  // namespace

// The shortest decimal text that reads back as the same double ("0.1", not
// "0.10000000000000001"), in the C locale.
std::string shortest_text(double v) {
  std::string text;
  // Start with enough digits for the integer part, so 100 prints as "100", not "1e+02".
  const double magnitude = std::fabs(v);
  const int integer_digits =
      magnitude >= 1.0 && magnitude < 1e17 ? static_cast<int>(std::log10(magnitude)) + 1 : 1;
  for (int digits = integer_digits; digits <= 17; ++digits) {
    std::ostringstream os;
    os.imbue(std::locale::classic());  // a decimal point whatever the user's locale
    os.precision(digits);
    os << v;
    text = os.str();
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    double back = 0.0;
    if (in >> back && back == v) break;
  }
  return text;
}

Problem make_problem(const ProblemSpec& spec) {
  const bp::data::Dataset data = load_data(spec);
  const std::string source = spec.data == "runge" ? "the Runge data" : spec.data;
  const Eigen::Index m = data.X.rows();

  Problem p;
  p.name = spec.data;
  p.task = task_of(spec.cost);
  p.feature_names = data.feature_names;
  p.target_name = data.target_name;
  p.X_all = data.X;
  p.y_all = data.y;
  if (p.task == Task::classification) {
    const std::string cost = bp::mlp::to_string(spec.cost);
    p.num_classes = check_class_labels(data.y, data.target_name, source, cost);
    if (spec.cost == Cost::binary_cross_entropy && p.num_classes != 2)
      throw UsageError(
          "--cost bce (binary cross-entropy, one sigmoid output) needs a 0/1 target, "
          "but '" +
          data.target_name + "' has " + std::to_string(p.num_classes) +
          " classes; use --cost ce (softmax cross-entropy)");
  }

  bp::data::Split split;
  try {
    split = bp::data::train_test_split(m, spec.test_fraction, spec.split_seed);
  } catch (const std::invalid_argument& e) {
    throw UsageError("--test-fraction " + shortest_text(spec.test_fraction) + " with " +
                     std::to_string(m) + " rows: " + e.what());
  }
  p.test_rows = split.test;

  const Eigen::MatrixXd X_train = bp::data::take_rows(data.X, split.train);
  p.scale.fit(X_train);  // training rows only: no leakage from the test rows
  p.X_train = p.scale.transform(X_train);
  p.X_test = p.scale.transform(bp::data::take_rows(data.X, split.test));
  // Values near the largest double overflow the mean or the spread (inf - inf = NaN), or the
  // range of the --fit-out grid.
  for (Eigen::Index j = 0; j < p.X_train.cols(); ++j)
    if (!p.X_train.col(j).allFinite() || !p.X_test.col(j).allFinite() ||
        !std::isfinite(p.scale.mean()(j)) || !std::isfinite(p.scale.sd()(j)) ||
        !std::isfinite(data.X.col(j).maxCoeff() - data.X.col(j).minCoeff()))
      throw std::runtime_error("feature '" +
                               bp::printable(data.feature_names[static_cast<std::size_t>(j)]) +
                               "' of " + bp::printable(source) +
                               " cannot be standardised: its values are too large (the mean, the "
                               "standard deviation or the range overflows a double)");
  // A constant feature (a blank pixel) is harmless; when every feature is constant, every
  // sample looks the same to the network and it can learn only one answer for all.
  bool all_constant = true;
  for (Eigen::Index j = 0; j < X_train.cols() && all_constant; ++j)
    all_constant = X_train.col(j).minCoeff() == X_train.col(j).maxCoeff();
  if (all_constant)
    p.warnings.push_back(
        std::string(X_train.cols() == 1 ? "the feature" : "every feature") + " of " +
        bp::printable(source) +
        " has the same value in every training row, so every sample looks the same to the "
        "network and it can learn only one answer for all of them; choose other --features");
  p.y_train = bp::data::take_rows(data.y, split.train);
  p.y_test = bp::data::take_rows(data.y, split.test);

  if (spec.cost == Cost::cross_entropy) {
    p.Y_train = bp::data::one_hot(p.y_train, p.num_classes);
    p.Y_test = bp::data::one_hot(p.y_test, p.num_classes);
  } else {
    // One output: the 0/1 label of binary cross-entropy, or the value to regress. The target
    // is used as given (not standardised), so the cost is in the target's own units.
    p.Y_train = p.y_train;
    p.Y_test = p.y_test;
  }
  if (p.task == Task::regression) {
    // R² = 1 - SS_res / SS_tot divides by the spread of the target in each part.
    for (const Eigen::VectorXd* y : {&p.y_train, &p.y_test})
      if ((y->array() - y->mean()).square().sum() == 0.0)
        throw UsageError("the target '" + data.target_name + "' of " + source +
                         " is constant in the " + (y == &p.y_train ? "training" : "test") +
                         " rows; there is nothing to regress (and R² is undefined)");
  }
  return p;
}

}  // namespace bp::apps
