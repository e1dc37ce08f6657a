// Trains the stage 1 perceptron (the student's code, or the solutions) on one standardised
// feature of a real data set, for several learning rates, and writes the CSV files that
// plots/plot_stage1.py draws. Kit infrastructure: it only calls the stage 1 functions.
//
// Files written to --out-dir:
//   perceptron_eta_<η>.csv  epoch, train_cost, train_accuracy, test_cost, test_accuracy, w, b
//   stage1_fit.csv          x (standardised), x_original, the prediction of each run
//   stage1_data.csv         x (standardised), x_original, y, is_test
//   stage1_runs.json        the runs: file, epochs, diverged_at (null or the epoch)
// Every file is written to a temporary file and renamed at the end, all together: a run that
// fails (bad data, an unfinished stage, Ctrl-C) leaves the previous files as they were.
#include <iostream>
#include <string>
#include <vector>

#include "app_output.hpp"
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
       {"test-fraction",
        "share of rows held out for testing, greater than 0 and less than 1; both parts must "
        "keep at least one row (default: 0.2)"},
       {"seed", "seed of the train/test split (default: 1)"},
       {"out-dir", "existing folder for the output files (default: .)"}});
  if (args.help()) {
    std::cout << args.usage("train_perceptron",
                            "Trains the stage 1 perceptron for several learning rates from "
                            "w = b = 0 and writes per-epoch CSV files for the plots.");
    std::cout << "\n"
              << bp::apps::kExitCodes
              << ". A run that diverges is reported and keeps its finite epochs; the other "
                 "runs are unaffected (exit code 0).\n";
    return 0;
  }
  const std::vector<double> etas = args.reals("eta", {0.1, 0.5, 2.0, 8.0}, 0.0, 1e6, true);
  const long long epochs = args.integer("epochs", 300, 1, 1000000);
  const double test_fraction = args.real("test-fraction", 0.2, 0.0, 1.0, true, true);
  const long long seed = args.integer("seed", 1, 0, 1LL << 62);
  const std::string out_dir = args.text("out-dir", ".");
  const std::string data_path = args.text("data", bp::data::data_path("breast_cancer.csv"));

  const auto model = bp::apps::perceptron_model();
  std::vector<bp::apps::RunSummary> runs;
  for (double eta : etas) runs.push_back(bp::apps::plan_run(model, eta));
  // Every file is opened before any work: a bad --out-dir costs nothing, and the files
  // appear together at the end (an error on the way leaves none).
  bp::apps::ScalarOutputs outputs(out_dir, 1, runs, data_path);
  const bp::apps::ScalarData data = bp::apps::load_scalar_data(
      data_path, args.text("feature", "worst_concave_points"), args.text("target", ""),
      test_fraction, static_cast<std::uint64_t>(seed), "train_perceptron");

  for (std::size_t i = 0; i < runs.size(); ++i)  // w = b = 0: every η starts from the same cost
    bp::apps::train_scalar(model, bp::perceptron::Params{0.0, 0.0}, runs[i], epochs, data,
                           outputs.run_csv(i), "train_perceptron");
  outputs.commit(data, runs);
  bp::apps::print_summary(runs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return bp::apps::run_program("train_perceptron", "stage 1 is not finished", run_main, argc, argv);
}
