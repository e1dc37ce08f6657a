#pragma once
// One standardised feature of a real data set, split into training and test rows, for the
// scalar stages' training programs (stages 1 and 2). The split comes first and the scaling
// is fitted on the training rows only, so nothing about the test rows leaks into training.
#include <cstdint>
#include <string>
#include <vector>

#include "bp/cli.hpp"
#include "bp/dataset.hpp"
#include "bp/output.hpp"

namespace bp::apps {

struct ScalarData {
  std::string feature;
  std::string target;
  std::vector<double> x_train, y_train;  // standardised inputs, 0/1 targets
  std::vector<double> x_test, y_test;
  std::vector<double> x_all, x_original, y_all, is_test;  // every row, in file order
  double mean = 0.0;                                      // of the training rows' feature
  double sd = 1.0;
  double x_min = 0.0, x_max = 0.0;  // range of the standardised inputs
};

// path: CSV file; feature: input column; target: 0/1 column ("" = last column).
// Throws bp::cli::UsageError for options that do not fit the data (an unknown column, a
// target holding anything but 0 and 1, a test fraction that leaves a part empty) and
// std::runtime_error for a file that cannot be read or a feature too large to standardise.
// Warns on std::cerr, as "program: warning: ...", when the feature is constant in the
// training rows (it carries no information: training moves only the bias).
ScalarData load_scalar_data(const std::string& path, const std::string& feature,
                            const std::string& target, double test_fraction, std::uint64_t seed,
                            const std::string& program);

// The columns of stageN_data.csv, and its rows: x, x_original, y, is_test for every row (for
// the scatter plot of the data). Does not commit.
inline const std::vector<std::string> kScalarDataColumns{"x", "x_original", "y", "is_test"};
void write_scalar_data(bp::data::CsvWriter& csv, const ScalarData& data);

// The x values (standardised) at which stageN_fit.csv gives each run's prediction: points
// evenly spaced from x_min - 0.5 to x_max + 0.5.
std::vector<double> fit_grid(const ScalarData& data, int points = 301);

// "0.5" for 0.5: how η appears in file and column names.
std::string eta_text(double eta);

// dir + "/" + name.
std::string join_path(const std::string& dir, const std::string& name);

// Share of samples whose prediction (a ≥ ½ means 1) equals the 0/1 target.
double accuracy(const std::vector<double>& predictions, const std::vector<double>& ys);

// The options the scalar training programs share, read and checked from the command line.
struct ScalarOptions {
  std::string data_path, feature, target, out_dir;
  std::vector<double> etas;
  long long epochs = 0;
  double test_fraction = 0.2;
  std::uint64_t seed = 1;
};

// Parses --data --feature --target --eta --epochs --test-fraction --seed --out-dir, with the
// program's default learning rates and epochs. With --help, prints the usage (summary, the
// options, the exit codes) and returns false; bad values throw bp::cli::UsageError.
bool parse_scalar_options(int argc, const char* const* argv, const std::string& program,
                          const std::string& summary, const std::vector<double>& default_etas,
                          long long default_epochs, ScalarOptions& options);

}  // namespace bp::apps
