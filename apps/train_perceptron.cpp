// Trains the stage 1 perceptron (the student's code, or the solutions) on one standardised
// feature of a real data set, for several learning rates, and writes the CSV files that
// plots/plot_stage1.py draws. Kit infrastructure: it only calls the stage 1 functions.
//
// Files written to --out-dir:
//   perceptron_eta_<η>.csv  epoch, train_cost, train_accuracy, test_cost, test_accuracy, w, b
//   stage1_fit.csv          x (standardised), x_original, the prediction of each run
//   stage1_data.csv         x (standardised), x_original, y, is_test
//   stage1_runs.json        the runs: file, epochs, diverged_at (null or the epoch)
#include <iostream>
#include <string>
#include <vector>

#include "bp/cli.hpp"
#include "bp/not_implemented.hpp"
#include "scalar_models.hpp"

namespace {

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
                            "Trains the stage 1 perceptron for several learning rates from "
                            "w = b = 0 and writes per-epoch CSV files for the plots.");
    return 0;
  }
  const std::vector<double> etas = args.reals("eta", {0.1, 0.5, 2.0, 8.0}, 0.0, 1e6, true);
  const long long epochs = args.integer("epochs", 300, 1, 1000000);
  const double test_fraction = args.real("test-fraction", 0.2, 0.0, 0.99, true);
  const long long seed = args.integer("seed", 1, 0, 1LL << 62);
  const std::string out_dir = args.text("out-dir", ".");
  const bp::apps::ScalarData data = bp::apps::load_scalar_data(
      args.text("data", bp::data::data_path("breast_cancer.csv")),
      args.text("feature", "worst_concave_points"), args.text("target", ""), test_fraction,
      static_cast<std::uint64_t>(seed));

  const auto model = bp::apps::perceptron_model();
  std::vector<bp::apps::RunSummary> runs;
  for (double eta : etas)  // w = b = 0: every η starts from the same cost
    runs.push_back(bp::apps::train_scalar(model, bp::perceptron::Params{0.0, 0.0}, eta, epochs,
                                          data, out_dir, "train_perceptron"));
  bp::apps::write_scalar_data(bp::apps::join_path(out_dir, "stage1_data.csv"), data);
  bp::apps::write_fits(bp::apps::join_path(out_dir, "stage1_fit.csv"), data, runs);
  bp::apps::write_runs_json(bp::apps::join_path(out_dir, "stage1_runs.json"), 1, data, runs);
  bp::apps::print_summary(runs);
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
