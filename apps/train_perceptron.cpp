// Trains the stage 1 perceptron (the student's code, or the solutions) on one standardised
// feature of a real data set, for several learning rates, and writes the CSV files that
// plots/plot_stage1.py draws. Kit infrastructure: it only calls the stage 1 functions.
//
// Files written to --out-dir:
//   stage1_perceptron_eta_<η>.csv  epoch, train_cost, train_accuracy, test_cost, test_accuracy, w,
//   b stage1_fit.csv          x (standardised), x_original, the prediction of each run
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
  bp::apps::ScalarOptions o;
  if (!bp::apps::parse_scalar_options(
          argc, argv, "train_perceptron",
          "Trains the stage 1 perceptron for several learning rates from "
          "w = b = 0 and writes per-epoch CSV files for the plots.",
          {0.1, 0.5, 2.0, 8.0}, 300, o))
    return 0;

  const auto model = bp::apps::perceptron_model();
  std::vector<bp::apps::RunSummary> runs;
  for (double eta : o.etas) runs.push_back(bp::apps::plan_run(model, eta, 1));
  // Every file is opened before any work: a bad --out-dir costs nothing, and the files
  // appear together at the end (an error on the way leaves none).
  bp::apps::ScalarOutputs outputs(o.out_dir, 1, runs, o.data_path);
  const bp::apps::ScalarData data = bp::apps::load_scalar_data(
      o.data_path, o.feature, o.target, o.test_fraction, o.seed, "train_perceptron");

  for (std::size_t i = 0; i < runs.size(); ++i)  // w = b = 0: every η starts from the same cost
    bp::apps::train_scalar(model, bp::perceptron::Params{0.0, 0.0}, runs[i], o.epochs, data,
                           outputs.run_csv(i), "train_perceptron");
  outputs.commit(data, runs);
  bp::apps::print_summary(runs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return bp::apps::run_program("train_perceptron", "stage 1 is not finished", run_main, argc, argv);
}
