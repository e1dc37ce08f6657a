// Trains the stage 2 net (one hidden neuron) and, for comparison, the stage 1 perceptron on
// the same standardised feature and the same learning rates, and writes the CSV files that
// plots/plot_stage2.py draws. Kit infrastructure: it only calls the stages' functions.
//
// Files written to --out-dir:
//   hidden_eta_<η>.csv, perceptron_eta_<η>.csv  per-epoch cost, accuracy and parameters
//   stage2_fit.csv    x (standardised), x_original, the prediction of each run
//   stage2_data.csv   x (standardised), x_original, y, is_test
//   stage2_runs.json  the runs: model, η, file, epochs, diverged_at
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
       {"eta", "comma-separated learning rates, each > 0 (default: 0.5,2,8)"},
       {"epochs", "epochs of full-batch gradient descent, 1..1000000 (default: 1000)"},
       {"test-fraction",
        "share of rows held out for testing, greater than 0 and less than 1; both parts must "
        "keep at least one row (default: 0.2)"},
       {"seed", "seed of the train/test split (default: 1)"},
       {"out-dir", "existing folder for the output files (default: .)"}});
  if (args.help()) {
    std::cout << args.usage("train_hidden_neuron",
                            "Trains the stage 2 net and the stage 1 perceptron for several "
                            "learning rates and writes per-epoch CSV files for the plots.");
    std::cout << "\n"
              << bp::apps::kExitCodes
              << ". A run that diverges is reported and keeps its finite epochs; the other "
                 "runs are unaffected (exit code 0).\n";
    return 0;
  }
  const std::vector<double> etas = args.reals("eta", {0.5, 2.0, 8.0}, 0.0, 1e6, true);
  const long long epochs = args.integer("epochs", 1000, 1, 1000000);
  const double test_fraction = args.real("test-fraction", 0.2, 0.0, 1.0, true, true);
  const long long seed = args.integer("seed", 1, 0, 1LL << 62);
  const std::string out_dir = args.text("out-dir", ".");
  const std::string data_path = args.text("data", bp::data::data_path("breast_cancer.csv"));

  const auto hidden = bp::apps::hidden_neuron_model();
  const auto perceptron = bp::apps::perceptron_model();
  std::vector<bp::apps::RunSummary> runs;  // hidden, perceptron, hidden, ... for each η
  for (double eta : etas) {
    runs.push_back(bp::apps::plan_run(hidden, eta));
    runs.push_back(bp::apps::plan_run(perceptron, eta));
  }
  // Every file is opened before any work: a bad --out-dir costs nothing, and the files
  // appear together at the end (an error on the way leaves none).
  bp::apps::ScalarOutputs outputs(out_dir, 2, runs, data_path);
  const bp::apps::ScalarData data = bp::apps::load_scalar_data(
      data_path, args.text("feature", "worst_concave_points"), args.text("target", ""),
      test_fraction, static_cast<std::uint64_t>(seed), "train_hidden_neuron");

  for (std::size_t i = 0; i < runs.size(); i += 2) {
    // A small non-zero start: with w2 = 0 the hidden error δ1 = δ2 w2 σ'(z1) would be 0 and
    // w1 would not move in the first epoch.
    bp::hidden::Params start;
    start.w1 = 0.5;
    start.w2 = 0.5;
    bp::apps::train_scalar(hidden, start, runs[i], epochs, data, outputs.run_csv(i),
                           "train_hidden_neuron");
    bp::apps::train_scalar(perceptron, bp::perceptron::Params{0.0, 0.0}, runs[i + 1], epochs, data,
                           outputs.run_csv(i + 1), "train_hidden_neuron");
  }
  outputs.commit(data, runs);
  bp::apps::print_summary(runs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return bp::apps::run_program("train_hidden_neuron", "a stage is not finished", run_main, argc,
                               argv);
}
