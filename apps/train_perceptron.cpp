// Trains the stage 1 perceptron (the student's code, or the solutions) on one standardised
// feature of a real data set, for several learning rates, and writes per-epoch CSV files for
// plots/plot_stage1.py. Kit infrastructure: it only calls the stage 1 functions.
//
// Files written to --out-dir:
//   stage1_eta_<η>.csv  epoch, train_cost, train_accuracy, test_cost, test_accuracy, w, b
//   stage1_fit.csv      x (standardised), x_original, then the prediction a for each η
//   stage1_data.csv     x (standardised), x_original, y, is_test
//   stage1_runs.json    one entry per η: file, epochs run, diverged_at (null or the epoch)
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "01_perceptron/perceptron.hpp"
#include "bp/cli.hpp"
#include "bp/dataset.hpp"
#include "bp/not_implemented.hpp"
#include "bp/output.hpp"

namespace {

namespace pc = bp::perceptron;

struct Run {
  double eta = 0.0;
  std::string file;
  long long epochs = 0;
  long long diverged_at = -1;  // -1: did not diverge
  pc::Params params;
};

std::vector<double> to_vector(const Eigen::VectorXd& v) {
  return std::vector<double>(v.data(), v.data() + v.size());
}

double accuracy(const pc::Params& p, const std::vector<double>& xs, const std::vector<double>& ys) {
  std::size_t right = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double predicted = pc::forward(p, xs[i]).a >= 0.5 ? 1.0 : 0.0;
    if (predicted == ys[i]) ++right;
  }
  return static_cast<double>(right) / static_cast<double>(xs.size());
}

std::string eta_text(double eta) {
  std::ostringstream os;
  os << eta;
  return os.str();
}

std::string join_path(const std::string& dir, const std::string& name) {
  return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

Run train_one(double eta, long long epochs, const std::vector<double>& x_train,
              const std::vector<double>& y_train, const std::vector<double>& x_test,
              const std::vector<double>& y_test, const std::string& out_dir) {
  Run run;
  run.eta = eta;
  run.file = "stage1_eta_" + eta_text(eta) + ".csv";
  bp::data::CsvWriter csv(join_path(out_dir, run.file), {"epoch", "train_cost", "train_accuracy",
                                                         "test_cost", "test_accuracy", "w", "b"});
  pc::Params p{0.0, 0.0};  // zero start: every η begins from the same cost, ½·mean(0.5 - y)²
  for (long long epoch = 0; epoch <= epochs; ++epoch) {
    if (epoch > 0) (void)pc::train_epoch(p, x_train, y_train, eta);
    const double train_cost = pc::mean_cost(p, x_train, y_train);
    const double test_cost = pc::mean_cost(p, x_test, y_test);
    if (!std::isfinite(train_cost) || !std::isfinite(test_cost) || !std::isfinite(p.w) ||
        !std::isfinite(p.b)) {
      run.diverged_at = epoch;
      std::cerr << "train_perceptron: η = " << eta << " diverged at epoch " << epoch
                << " (the cost or the parameters stopped being finite); try a smaller η. "
                << "The CSV keeps the " << epoch << " finite epochs before it.\n";
      break;
    }
    csv.row({static_cast<double>(epoch), train_cost, accuracy(p, x_train, y_train), test_cost,
             accuracy(p, x_test, y_test), p.w, p.b});
    run.epochs = epoch;
    run.params = p;
  }
  csv.commit();
  return run;
}

void write_runs_json(const std::string& path, const std::vector<Run>& runs,
                     const std::string& feature, const std::string& target) {
  bp::data::AtomicFile file(path);
  std::ostream& out = file.stream();
  out.precision(17);
  out << "{\n  \"stage\": 1,\n  \"feature\": \"" << feature << "\",\n  \"target\": \"" << target
      << "\",\n  \"runs\": [\n";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const Run& r = runs[i];
    out << "    {\"eta\": " << r.eta << ", \"file\": \"" << r.file << "\", \"epochs\": " << r.epochs
        << ", \"diverged_at\": ";
    if (r.diverged_at < 0)
      out << "null";
    else
      out << r.diverged_at;
    out << "}" << (i + 1 < runs.size() ? "," : "") << "\n";
  }
  out << "  ]\n}\n";
  file.commit();
}

int run_main(int argc, const char* const* argv) {
  const bp::cli::Args args(
      argc, argv,
      {{"data", "CSV file (default: the bundled data/breast_cancer.csv)"},
       {"feature", "input column x (default: worst_concave_points)"},
       {"target", "0/1 target column y (default: the last column)"},
       {"eta", "comma-separated learning rates, each > 0 (default: 0.1,0.5,2,8)"},
       {"epochs", "epochs of full-batch gradient descent, 1..1000000 (default: 300)"},
       {"test-fraction", "share of rows held out for testing, in (0, 1) (default: 0.2)"},
       {"seed", "seed of the train/test split (default: 1)"},
       {"out-dir", "existing folder for the CSV files (default: .)"}});
  if (args.help()) {
    std::cout << args.usage("train_perceptron",
                            "Trains the stage 1 perceptron for several learning rates and writes "
                            "per-epoch CSV files for the plots.");
    return 0;
  }
  const std::string path = args.text("data", bp::data::data_path("breast_cancer.csv"));
  const std::string feature = args.text("feature", "worst_concave_points");
  const std::vector<double> etas = args.reals("eta", {0.1, 0.5, 2.0, 8.0}, 0.0, 1e6, true);
  const long long epochs = args.integer("epochs", 300, 1, 1000000);
  const double test_fraction = args.real("test-fraction", 0.2, 0.0, 1.0, true);
  if (test_fraction >= 1.0) throw bp::cli::UsageError("--test-fraction must be less than 1");
  const long long seed = args.integer("seed", 1, 0, 1LL << 62);
  const std::string out_dir = args.text("out-dir", ".");

  const bp::data::Table table = bp::data::read_csv(path);
  const bp::data::Dataset data =
      bp::data::split_features_target(table, {feature}, args.text("target", ""));
  for (Eigen::Index i = 0; i < data.y.size(); ++i)
    if (data.y(i) != 0.0 && data.y(i) != 1.0)
      throw bp::cli::UsageError("the target column '" + data.target_name +
                                "' must hold only 0 and 1 for the perceptron; row " +
                                std::to_string(i + 2) + " of " + path + " has another value");

  // Split first, then fit the scaling on the training rows only (no test leakage).
  const bp::data::Split split =
      bp::data::train_test_split(data.X.rows(), test_fraction, static_cast<std::uint64_t>(seed));
  bp::data::Standardizer scale;
  scale.fit(bp::data::take_rows(data.X, split.train));
  const Eigen::MatrixXd x_train_m = scale.transform(bp::data::take_rows(data.X, split.train));
  const Eigen::MatrixXd x_test_m = scale.transform(bp::data::take_rows(data.X, split.test));
  const std::vector<double> x_train = to_vector(x_train_m.col(0));
  const std::vector<double> x_test = to_vector(x_test_m.col(0));
  const std::vector<double> y_train = to_vector(bp::data::take_rows(data.y, split.train));
  const std::vector<double> y_test = to_vector(bp::data::take_rows(data.y, split.test));

  std::vector<Run> runs;
  for (double eta : etas)
    runs.push_back(train_one(eta, epochs, x_train, y_train, x_test, y_test, out_dir));

  {
    std::vector<std::string> header{"x", "x_original", "y", "is_test"};
    bp::data::CsvWriter csv(join_path(out_dir, "stage1_data.csv"), header);
    const Eigen::MatrixXd all = scale.transform(data.X);
    std::vector<bool> is_test(static_cast<std::size_t>(data.X.rows()), false);
    for (Eigen::Index i : split.test) is_test[static_cast<std::size_t>(i)] = true;
    for (Eigen::Index i = 0; i < data.X.rows(); ++i)
      csv.row(
          {all(i, 0), data.X(i, 0), data.y(i), is_test[static_cast<std::size_t>(i)] ? 1.0 : 0.0});
    csv.commit();
  }
  {
    std::vector<std::string> header{"x", "x_original"};
    for (const Run& r : runs) header.push_back("a_eta_" + eta_text(r.eta));
    bp::data::CsvWriter csv(join_path(out_dir, "stage1_fit.csv"), header);
    const double lo = x_train_m.minCoeff() - 0.5;
    const double hi = std::max(x_train_m.maxCoeff(), x_test_m.maxCoeff()) + 0.5;
    const int points = 301;
    for (int k = 0; k < points; ++k) {
      const double x = lo + (hi - lo) * k / (points - 1);
      std::vector<double> row{x, x * scale.sd()(0) + scale.mean()(0)};
      for (const Run& r : runs) row.push_back(pc::forward(r.params, x).a);
      csv.row(row);
    }
    csv.commit();
  }
  write_runs_json(join_path(out_dir, "stage1_runs.json"), runs, feature, data.target_name);

  for (const Run& r : runs) {
    std::cout << "η = " << r.eta << ": ";
    if (r.diverged_at >= 0)
      std::cout << "diverged at epoch " << r.diverged_at << "\n";
    else
      std::cout << r.epochs << " epochs, w = " << r.params.w << ", b = " << r.params.b
                << ", train accuracy " << accuracy(r.params, x_train, y_train) << ", test accuracy "
                << accuracy(r.params, x_test, y_test) << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run_main(argc, argv);
  } catch (const bp::cli::UsageError& e) {
    std::cerr << "train_perceptron: " << e.what() << "\n(run train_perceptron --help)\n";
    return 2;
  } catch (const bp::NotImplemented& e) {
    std::cerr << "train_perceptron: stage 1 is not finished: " << e.what() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "train_perceptron: " << e.what() << "\n";
    return 1;
  }
}
