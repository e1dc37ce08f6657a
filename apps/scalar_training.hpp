#pragma once
// The training loop shared by the scalar stages' programs: full-batch gradient descent with
// the stage's own train_epoch, per-epoch CSV (header, full precision), and a clear stop when
// the cost or a parameter stops being finite (no NaN ever reaches a file).
#include <cmath>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "bp/output.hpp"
#include "scalar_data.hpp"

namespace bp::apps {

struct RunSummary {
  std::string model;  // "perceptron" or "hidden"
  double eta = 0.0;
  std::string file;
  long long epochs = 0;        // epochs completed with a finite cost
  long long diverged_at = -1;  // -1: did not diverge
  std::vector<double> fit;     // prediction on the fit grid after the last finite epoch
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

inline std::vector<double> fit_grid(const ScalarData& data, int points = 301) {
  std::vector<double> grid;
  const double lo = data.x_min - 0.5;
  const double hi = data.x_max + 0.5;
  for (int k = 0; k < points; ++k) grid.push_back(lo + (hi - lo) * k / (points - 1));
  return grid;
}

template <typename Params>
std::vector<double> predict_all(const ScalarModel<Params>& model, const Params& p,
                                const std::vector<double>& xs) {
  std::vector<double> out;
  out.reserve(xs.size());
  for (double x : xs) out.push_back(model.predict(p, x));
  return out;
}

template <typename Params>
RunSummary train_scalar(const ScalarModel<Params>& model, Params p, double eta, long long epochs,
                        const ScalarData& data, const std::string& out_dir,
                        const std::string& program) {
  RunSummary run;
  run.model = model.name;
  run.eta = eta;
  run.file = model.name + "_eta_" + eta_text(eta) + ".csv";
  std::vector<std::string> header{"epoch", "train_cost", "train_accuracy", "test_cost",
                                  "test_accuracy"};
  header.insert(header.end(), model.param_names.begin(), model.param_names.end());
  bp::data::CsvWriter csv(join_path(out_dir, run.file), header);
  const std::vector<double> grid = fit_grid(data);
  for (long long epoch = 0; epoch <= epochs; ++epoch) {
    if (epoch > 0) (void)model.train_epoch(p, data.x_train, data.y_train, eta);
    const double train_cost = model.mean_cost(p, data.x_train, data.y_train);
    const double test_cost = model.mean_cost(p, data.x_test, data.y_test);
    std::vector<double> params = model.param_values(p);
    bool finite = std::isfinite(train_cost) && std::isfinite(test_cost);
    for (double v : params) finite = finite && std::isfinite(v);
    if (!finite) {
      run.diverged_at = epoch;
      std::cerr << program << ": " << model.name << " with η = " << eta << " diverged at epoch "
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
  csv.commit();
  return run;
}

// stageN_fit.csv: x, x_original, then one prediction column per run ("<model>_eta_<η>").
inline void write_fits(const std::string& path, const ScalarData& data,
                       const std::vector<RunSummary>& runs) {
  std::vector<std::string> header{"x", "x_original"};
  for (const RunSummary& r : runs) header.push_back(r.model + "_eta_" + eta_text(r.eta));
  bp::data::CsvWriter csv(path, header);
  const std::vector<double> grid = fit_grid(data);
  for (std::size_t k = 0; k < grid.size(); ++k) {
    std::vector<double> row{grid[k], grid[k] * data.sd + data.mean};
    for (const RunSummary& r : runs) row.push_back(r.fit.empty() ? 0.5 : r.fit[k]);
    csv.row(row);
  }
  csv.commit();
}

// stageN_runs.json: what the plotting script needs to know about the runs.
inline void write_runs_json(const std::string& path, int stage, const ScalarData& data,
                            const std::vector<RunSummary>& runs) {
  bp::data::AtomicFile file(path);
  std::ostream& out = file.stream();
  out.precision(17);
  out << "{\n  \"stage\": " << stage << ",\n  \"feature\": \"" << data.feature
      << "\",\n  \"target\": \"" << data.target << "\",\n  \"runs\": [\n";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const RunSummary& r = runs[i];
    out << "    {\"model\": \"" << r.model << "\", \"eta\": " << r.eta << ", \"file\": \"" << r.file
        << "\", \"fit_column\": \"" << r.model << "_eta_" << eta_text(r.eta)
        << "\", \"epochs\": " << r.epochs << ", \"diverged_at\": ";
    if (r.diverged_at < 0)
      out << "null";
    else
      out << r.diverged_at;
    out << "}" << (i + 1 < runs.size() ? "," : "") << "\n";
  }
  out << "  ]\n}\n";
  file.commit();
}

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
