// Trains the stage 2 net (one hidden neuron) and, for comparison, the stage 1 perceptron on
// the same standardised feature and the same learning rates, and writes the CSV files that
// plots/plot_stage2.py draws. Kit infrastructure: it only calls the stages' functions.
//
// Files written to --out-dir:
//   stage2_hidden_eta_<η>.csv, stage2_perceptron_eta_<η>.csv  per-epoch cost, accuracy and
//   parameters stage2_fit.csv    x (standardised), x_original, the prediction of each run
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
  bp::apps::ScalarOptions o;
  if (!bp::apps::parse_scalar_options(
          argc, argv, "train_hidden_neuron",
          "Trains the stage 2 net and the stage 1 perceptron for several "
          "learning rates and writes per-epoch CSV files for the plots.",
          {0.5, 2.0, 8.0}, 1000, o))
    return 0;

  const auto hidden = bp::apps::hidden_neuron_model();
  const auto perceptron = bp::apps::perceptron_model();
  std::vector<bp::apps::RunSummary> runs;  // hidden, perceptron, hidden, ... for each η
  for (double eta : o.etas) {
    runs.push_back(bp::apps::plan_run(hidden, eta, 2));
    runs.push_back(bp::apps::plan_run(perceptron, eta, 2));
  }
  // Every file is opened before any work: a bad --out-dir costs nothing, and the files
  // appear together at the end (an error on the way leaves none).
  bp::apps::ScalarOutputs outputs(o.out_dir, 2, runs, o.data_path);
  const bp::apps::ScalarData data = bp::apps::load_scalar_data(
      o.data_path, o.feature, o.target, o.test_fraction, o.seed, "train_hidden_neuron");

  for (std::size_t i = 0; i < runs.size(); i += 2) {
    // A small non-zero start: with w2 = 0 the hidden error δ1 = δ2 w2 σ'(z1) would be 0 and
    // w1 would not move in the first epoch.
    bp::hidden::Params start;
    start.w1 = 0.5;
    start.w2 = 0.5;
    bp::apps::train_scalar(hidden, start, runs[i], o.epochs, data, outputs.run_csv(i),
                           "train_hidden_neuron");
    bp::apps::train_scalar(perceptron, bp::perceptron::Params{0.0, 0.0}, runs[i + 1], o.epochs,
                           data, outputs.run_csv(i + 1), "train_hidden_neuron");
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
