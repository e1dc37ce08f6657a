#include "scalar_data.hpp"

#include "app_output.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "bp/text.hpp"

namespace bp::apps {

namespace {
std::vector<double> to_vector(const Eigen::VectorXd& v) {
  return std::vector<double>(v.data(), v.data() + v.size());
}
}  // namespace

ScalarData load_scalar_data(const std::string& path, const std::string& feature,
                            const std::string& target, double test_fraction, std::uint64_t seed,
                            const std::string& program) {
  const bp::data::Table table = bp::data::read_csv(path);
  bp::data::Dataset data;
  try {
    data = bp::data::split_features_target(table, {feature}, target);
  } catch (const std::invalid_argument& e) {
    // An unknown or repeated column name is a mistake in --feature or --target.
    throw bp::cli::UsageError(e.what());
  }
  for (Eigen::Index i = 0; i < data.y.size(); ++i)
    if (data.y(i) != 0.0 && data.y(i) != 1.0)
      throw bp::cli::UsageError("the target column '" + printable(data.target_name) +
                                "' must hold only 0 and 1 here; line " + std::to_string(i + 2) +
                                " of " + printable(path) + " has another value");
  bp::data::Split split;
  try {
    split = bp::data::train_test_split(data.X.rows(), test_fraction, seed);
  } catch (const std::invalid_argument& e) {
    std::ostringstream fraction;
    fraction << test_fraction;
    throw bp::cli::UsageError("--test-fraction " + fraction.str() + " with " +
                              std::to_string(data.X.rows()) + " rows: " + e.what());
  }
  const Eigen::MatrixXd X_train = bp::data::take_rows(data.X, split.train);
  bp::data::Standardizer scale;
  scale.fit(X_train);
  const Eigen::MatrixXd all = scale.transform(data.X);
  ScalarData out;
  out.feature = feature;
  out.target = data.target_name;
  out.mean = scale.mean()(0);
  out.sd = scale.sd()(0);
  out.x_train = to_vector(bp::data::take_rows(all, split.train).col(0));
  out.x_test = to_vector(bp::data::take_rows(all, split.test).col(0));
  out.y_train = to_vector(bp::data::take_rows(data.y, split.train));
  out.y_test = to_vector(bp::data::take_rows(data.y, split.test));
  out.x_all = to_vector(all.col(0));
  out.x_original = to_vector(data.X.col(0));
  out.y_all = to_vector(data.y);
  out.is_test.assign(out.x_all.size(), 0.0);
  for (Eigen::Index i : split.test) out.is_test[static_cast<std::size_t>(i)] = 1.0;
  out.x_min = all.col(0).minCoeff();
  out.x_max = all.col(0).maxCoeff();
  // Values near the largest double overflow the mean or the spread (inf - inf = NaN), or the
  // range of the fit grid: said now, before any file is written, instead of as a non-finite
  // value in some output at the end.
  bool finite = std::isfinite(out.mean) && std::isfinite(out.sd) && all.allFinite();
  if (finite)
    for (double x : fit_grid(out)) finite = finite && std::isfinite(x * out.sd + out.mean);
  if (!finite)
    throw std::runtime_error("feature '" + printable(feature) + "' of " + printable(path) +
                             " cannot be standardised: its values are too large (the mean, the "
                             "standard deviation or the range overflows a double)");
  if (X_train.col(0).minCoeff() == X_train.col(0).maxCoeff()) {
    std::ostringstream value;
    value << X_train(0, 0);
    std::cerr << program << ": warning: feature '" << printable(feature) << "' has the same value ("
              << value.str()
              << ") in every training row, so it carries no information: training can move "
                 "only the bias, and every prediction will be the same. Choose another "
                 "--feature.\n";
  }
  return out;
}

std::vector<double> fit_grid(const ScalarData& data, int points) {
  std::vector<double> grid;
  const double lo = data.x_min - 0.5;
  const double hi = data.x_max + 0.5;
  for (int k = 0; k < points; ++k) grid.push_back(lo + (hi - lo) * k / (points - 1));
  return grid;
}

void write_scalar_data(bp::data::CsvWriter& csv, const ScalarData& data) {
  for (std::size_t i = 0; i < data.x_all.size(); ++i)
    csv.row({data.x_all[i], data.x_original[i], data.y_all[i], data.is_test[i]});
}

std::string eta_text(double eta) {
  std::ostringstream os;
  os << eta;
  return os.str();
}

std::string join_path(const std::string& dir, const std::string& name) {
  return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

double accuracy(const std::vector<double>& predictions, const std::vector<double>& ys) {
  std::size_t right = 0;
  for (std::size_t i = 0; i < ys.size(); ++i)
    if ((predictions[i] >= 0.5 ? 1.0 : 0.0) == ys[i]) ++right;
  return ys.empty() ? 0.0 : static_cast<double>(right) / static_cast<double>(ys.size());
}

bool parse_scalar_options(int argc, const char* const* argv, const std::string& program,
                          const std::string& summary, const std::vector<double>& default_etas,
                          long long default_epochs, ScalarOptions& options) {
  std::string etas_text;
  for (double eta : default_etas) etas_text += (etas_text.empty() ? "" : ",") + eta_text(eta);
  const bp::cli::Args args(
      argc, argv,
      {{"data", "CSV file (default: the bundled data/breast_cancer.csv)"},
       {"feature", "input column x (default: worst_concave_points)"},
       {"target", "0/1 target column y (default: the last column)"},
       {"eta", "comma-separated learning rates, each > 0 (default: " + etas_text + ")"},
       {"epochs", "epochs of full-batch gradient descent, 1..1000000 (default: " +
                      std::to_string(default_epochs) + ")"},
       {"test-fraction",
        "share of rows held out for testing, greater than 0 and less than 1; both parts must "
        "keep at least one row (default: 0.2)"},
       {"seed", "seed of the train/test split (default: 1)"},
       {"out-dir", "existing folder for the output files (default: .)"}});
  if (args.help()) {
    std::cout << args.usage(program, summary) << "\n"
              << kExitCodes
              << ". A run that diverges is reported and keeps its finite epochs; the other "
                 "runs are unaffected (exit code 0).\n";
    return false;
  }
  options.etas = args.reals("eta", default_etas, 0.0, 1e6, true);
  options.epochs = args.integer("epochs", default_epochs, 1, 1000000);
  options.test_fraction = args.real("test-fraction", 0.2, 0.0, 1.0, true, true);
  options.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, 1LL << 62));
  options.out_dir = args.text("out-dir", ".");
  options.data_path = args.text("data", bp::data::data_path("breast_cancer.csv"));
  options.feature = args.text("feature", "worst_concave_points");
  options.target = args.text("target", "");
  return true;
}

}  // namespace bp::apps
