#pragma once
// The training loop shared by the scalar stages' programs: full-batch gradient descent with
// the stage's own train_epoch, per-epoch CSV (header, full precision), and a clear stop when
// the cost or a parameter stops being finite (no NaN ever reaches a file).
//
// Order of a program: plan the runs (plan_run), open every output file (ScalarOutputs: a
// bad --out-dir is exit code 2 before any work), load and check the data, train, then
// commit: the files appear together at the end, and an error on the way leaves none.
#include <charconv>
#include <cmath>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "app_output.hpp"
#include "bp/output.hpp"
#include "bp/text.hpp"
#include "scalar_data.hpp"

namespace bp::apps {

struct RunSummary {
  std::string model;  // "perceptron" or "hidden"
  double eta = 0.0;
  std::string file;                  // "<model>_eta_<η>.csv", in --out-dir
  std::vector<std::string> columns;  // its header
  long long epochs = 0;              // epochs completed with a finite cost
  long long diverged_at = -1;        // -1: did not diverge
  std::vector<double> fit;           // prediction on the fit grid after the last finite epoch
};

// How the loop talks to one stage's code. Params is the stage's parameter struct.
template <typename Params>
struct ScalarModel {
  std::string name;                      // "perceptron"
  std::vector<std::string> param_names;  // CSV columns, e.g. {"w", "b"}
  std::function<std::vector<double>(const Params&)> param_values;
  std::function<double(Params&, const std::vector<double>&, const std::vector<double>&, double)>
      train_epoch;
  std::function<double(const Params&, const std::vector<double>&, const std::vector<double>&)>
      mean_cost;
  std::function<double(const Params&, double)> predict;  // the activation a for one x
};

template <typename Params>
std::vector<double> predict_all(const ScalarModel<Params>& model, const Params& p,
                                const std::vector<double>& xs) {
  std::vector<double> out;
  out.reserve(xs.size());
  for (double x : xs) out.push_back(model.predict(p, x));
  return out;
}

// The run of model with η in the program of stage `stage`, before training: its file name
// ("stage2_perceptron_eta_0.5.csv": the stage in the name keeps two programs writing into
// one folder from replacing each other's files) and columns.
template <typename Params>
RunSummary plan_run(const ScalarModel<Params>& model, double eta, int stage) {
  RunSummary run;
  run.model = model.name;
  run.eta = eta;
  run.file = "stage" + std::to_string(stage) + "_" + model.name + "_eta_" + eta_text(eta) + ".csv";
  run.columns = {"epoch", "train_cost", "train_accuracy", "test_cost", "test_accuracy"};
  run.columns.insert(run.columns.end(), model.param_names.begin(), model.param_names.end());
  return run;
}

// Trains from p for epochs epochs and writes one row per epoch to csv (opened with
// run.columns; not committed here). Fills run.epochs, run.diverged_at and run.fit.
template <typename Params>
void train_scalar(const ScalarModel<Params>& model, Params p, RunSummary& run, long long epochs,
                  const ScalarData& data, bp::data::CsvWriter& csv, const std::string& program) {
  const std::vector<double> grid = fit_grid(data);
  for (long long epoch = 0; epoch <= epochs; ++epoch) {
    if (epoch > 0) (void)model.train_epoch(p, data.x_train, data.y_train, run.eta);
    const double train_cost = model.mean_cost(p, data.x_train, data.y_train);
    const double test_cost = model.mean_cost(p, data.x_test, data.y_test);
    std::vector<double> params = model.param_values(p);
    bool finite = std::isfinite(train_cost) && std::isfinite(test_cost);
    for (double v : params) finite = finite && std::isfinite(v);
    if (!finite) {
      // Epoch 0 is the untrained model: no η is involved yet, so it is the data.
      if (epoch == 0)
        throw std::runtime_error("the untrained " + model.name +
                                 " already gives a non-finite cost on the data, so the learning "
                                 "rate is not the cause; look for values too large to compute "
                                 "with in the data (near 1e308). Nothing was written.");
      run.diverged_at = epoch;
      std::cerr << program << ": " << model.name << " with η = " << run.eta << " diverged at epoch "
                << epoch << " (the cost or a parameter stopped being finite); try a smaller η. "
                << "Its CSV keeps the finite epochs before that.\n";
      break;
    }
    std::vector<double> row{static_cast<double>(epoch), train_cost,
                            accuracy(predict_all(model, p, data.x_train), data.y_train), test_cost,
                            accuracy(predict_all(model, p, data.x_test), data.y_test)};
    row.insert(row.end(), params.begin(), params.end());
    csv.row(row);
    run.epochs = epoch;
    run.fit = predict_all(model, p, grid);
  }
}

// The most learning rates one run of a scalar program compares: every run keeps a file open
// until the end, and far fewer curves already fill a plot.
constexpr std::size_t kMaxScalarRuns = 100;

// Every output file of a scalar program for stage N, in out_dir: <model>_eta_<η>.csv per
// run, stageN_data.csv, stageN_fit.csv and stageN_runs.json.
class ScalarOutputs {
 public:
  // Opens them all as temporary files, before any training. Throws bp::cli::UsageError
  // naming --out-dir for a folder that does not exist or a target that is not a regular
  // file, naming --eta for two runs that would share a file, and when an output would
  // replace the data file (data_path).
  ScalarOutputs(const std::string& out_dir, int stage, const std::vector<RunSummary>& runs,
                const std::string& data_path)
      : stage_(stage) {
    if (runs.size() > kMaxScalarRuns)
      throw bp::cli::UsageError("--eta: at most " + std::to_string(kMaxScalarRuns) +
                                " learning rates, got " + std::to_string(runs.size()));
    for (std::size_t i = 0; i < runs.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (runs[i].file == runs[j].file)
          throw bp::cli::UsageError("--eta: the learning rates " + shortest(runs[j].eta) + " and " +
                                    shortest(runs[i].eta) + " would both be written to " +
                                    runs[i].file +
                                    "; give each learning rate once (they are told apart by "
                                    "their first 6 significant digits)");
    const std::string prefix = "stage" + std::to_string(stage) + "_";
    std::vector<std::string> paths;
    for (const RunSummary& r : runs) paths.push_back(join_path(out_dir, r.file));
    for (const char* name : {"data.csv", "fit.csv", "runs.json"})
      paths.push_back(join_path(out_dir, prefix + name));
    // Results written over the data file would destroy the data at the end of the run.
    for (const std::string& path : paths) {
      std::error_code ec;
      if (std::filesystem::equivalent(path, data_path, ec))
        throw bp::cli::UsageError("the output " + printable(path) + " is the data file " +
                                  printable(data_path) +
                                  "; writing results there would destroy the data (choose "
                                  "another --out-dir)");
    }
    for (std::size_t i = 0; i < runs.size(); ++i)
      runs_.push_back(open_output<bp::data::CsvWriter>("out-dir", paths[i], runs[i].columns));
    data_ = open_output<bp::data::CsvWriter>("out-dir", paths[runs.size()], kScalarDataColumns);
    std::vector<std::string> fit_columns{"x", "x_original"};
    for (const RunSummary& r : runs) fit_columns.push_back(fit_column(r));
    fit_ = open_output<bp::data::CsvWriter>("out-dir", paths[runs.size() + 1], fit_columns);
    json_ = open_output<bp::data::AtomicFile>("out-dir", paths[runs.size() + 2]);
  }

  // The per-epoch CSV of run i (the order of the constructor's runs).
  bp::data::CsvWriter& run_csv(std::size_t i) { return *runs_.at(i); }

  // Writes the data, fit and runs files, checks that every write of every file succeeded,
  // and only then renames them all into place.
  void commit(const ScalarData& data, const std::vector<RunSummary>& runs) {
    write_scalar_data(*data_, data);
    write_fits(data, runs);
    write_runs_json(data, runs);
    for (auto& csv : runs_) csv->finish();
    data_->finish();
    fit_->finish();
    json_->finish();
    for (auto& csv : runs_) csv->commit();
    data_->commit();
    fit_->commit();
    json_->commit();  // last: the plotting script starts from it
  }

  static std::string fit_column(const RunSummary& r) { return r.model + "_eta_" + eta_text(r.eta); }

 private:
  static std::string shortest(double v) {  // the shortest text that reads back as v
    char buffer[32];
    const std::to_chars_result r = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, r.ptr);
  }

  // stageN_fit.csv: x, x_original, then one prediction column per run ("<model>_eta_<η>").
  void write_fits(const ScalarData& data, const std::vector<RunSummary>& runs) {
    const std::vector<double> grid = fit_grid(data);
    for (std::size_t k = 0; k < grid.size(); ++k) {
      std::vector<double> row{grid[k], grid[k] * data.sd + data.mean};
      for (const RunSummary& r : runs) row.push_back(r.fit.empty() ? 0.5 : r.fit[k]);
      fit_->row(row);
    }
  }

  // stageN_runs.json: what the plotting script needs to know about the runs.
  void write_runs_json(const ScalarData& data, const std::vector<RunSummary>& runs) {
    std::ostream& out = json_->stream();
    out.precision(17);
    out << "{\n  \"stage\": " << stage_ << ",\n  \"feature\": " << json_string(data.feature)
        << ",\n  \"target\": " << json_string(data.target) << ",\n  \"runs\": [\n";
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const RunSummary& r = runs[i];
      out << "    {\"model\": " << json_string(r.model) << ", \"eta\": " << r.eta
          << ", \"file\": " << json_string(r.file)
          << ", \"fit_column\": " << json_string(fit_column(r)) << ", \"epochs\": " << r.epochs
          << ", \"diverged_at\": ";
      if (r.diverged_at < 0)
        out << "null";
      else
        out << r.diverged_at;
      out << "}" << (i + 1 < runs.size() ? "," : "") << "\n";
    }
    out << "  ]\n}\n";
  }

  int stage_;
  std::vector<std::unique_ptr<bp::data::CsvWriter>> runs_;
  std::unique_ptr<bp::data::CsvWriter> data_, fit_;
  std::unique_ptr<bp::data::AtomicFile> json_;
};

// One line per run on standard output.
inline void print_summary(const std::vector<RunSummary>& runs) {
  for (const RunSummary& r : runs) {
    std::cout << r.model << ", η = " << r.eta << ": ";
    if (r.diverged_at >= 0)
      std::cout << "diverged at epoch " << r.diverged_at << "\n";
    else
      std::cout << r.epochs << " epochs, results in " << r.file << "\n";
  }
}

}  // namespace bp::apps
