// train_mlp: trains the stage 3 multilayer perceptron (the student's code, or the solutions)
// with mini-batch gradient descent on a bundled, synthetic or user-supplied data set and
// writes one CSV row per epoch. Kit infrastructure: it only calls the functions declared in
// exercises/03_vectorized/*.hpp. Run `train_mlp --help` for the options.
//
// Files written (each complete or not at all: temporary file, then rename):
//   --out PATH         epoch, train_cost, test_cost, then train_accuracy, test_accuracy
//                      (--cost ce or bce) or train_r2, test_r2 (--cost mse). Row 0 is the
//                      untrained network; row k is after k epochs.
//   PATH.json          (PATH without .csv, plus .json) the run: data, layer sizes,
//                      activations, cost, η, batch, epochs, seed, rows, final values,
//                      diverged_at (null or the epoch).
//   --fit-out PATH     one-feature regression only: x, y_pred (and y_true for runge) on a grid
//                      of 401 points over the data's x range, original units.
//   --points-out PATH  one-feature data only: x, y, is_test for every row, original units.
//
// Exit codes (bp::apps::kExitCodes, shared with the other programs): 0 done; 1 a file could
// not be read or written, or another error; 2 a bad flag or value, an output path that
// cannot be written (a folder that does not exist, a device), or options that do not fit the
// data, all checked before any training; 3 stage 3 is not finished (a stub threw
// NotImplemented); 4 training diverged (the files keep the finite epochs before it).
//
// Decisions an instructor may want to know:
// - The task follows the cost: ce and bce classify (labels must be 0..K-1, every class
//   present, K ≤ 1000; bce needs K = 2 and has one output), mse regresses the target as given
//   (not scaled, so the cost is in the target's units; one output).
// - The split comes first; the features are standardised with the training rows' mean and
//   standard deviation only. Digits too: its pixels are standardised, not divided by 16, so
//   every data set goes through the same path (a constant pixel keeps sd = 1).
// - Runge data: --samples x uniform in [-1, 1] and y = 1/(1 + 25x²) + N(0, --noise²), seeded;
//   the default noise 0.02 gives a visible scatter and a cost floor of ½·0.02² = 2e-4.
// - One --seed gives independent streams (SplitMix64) for the split, the Runge data, the
//   initial weights and the per-epoch shuffle: same seed, same bytes.
// - An epoch shuffles the training rows and takes batches of --batch rows in that order; the
//   last batch is smaller when --batch does not divide the rows, so every row is used once.
//   A --batch above the number of training rows is an error (not clamped): the user asked for
//   something the data cannot give, and the message says the largest value.
// - Divergence: after every epoch the costs, scores and parameters must be finite. If not,
//   training stops, the CSV keeps the finite rows 0..k-1 (no NaN is ever written), the JSON
//   says diverged_at = k, and the exit code is 4. Non-finite values before any training (epoch
//   0) are the data's fault, not η's: exit 1 and nothing is written.
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "03_vectorized/activations.hpp"
#include "03_vectorized/costs.hpp"
#include "03_vectorized/network.hpp"
#include "03_vectorized/training.hpp"
#include "app_output.hpp"
#include "bp/cli.hpp"
#include "bp/not_implemented.hpp"
#include "bp/output.hpp"
#include "bp/random.hpp"
#include "mlp_problem.hpp"
#include "mlp_training.hpp"

namespace {

using bp::apps::json_string;
using bp::apps::open_output;
using bp::apps::Task;
using bp::cli::UsageError;
using bp::mlp::Activation;
using bp::mlp::Cost;

constexpr int kExitDiverged = 4;

// --cost accepts the short names and the library's full names.
struct CostAlias {
  const char* name;
  Cost cost;
};
constexpr CostAlias kCostAliases[] = {{"mse", Cost::mse},
                                      {"bce", Cost::binary_cross_entropy},
                                      {"binary_cross_entropy", Cost::binary_cross_entropy},
                                      {"ce", Cost::cross_entropy},
                                      {"cross_entropy", Cost::cross_entropy}};

// The flag tables of the headers (kit infrastructure), not parse_cost/parse_activation: those
// are exercises, and a typo in a flag must be answered even before stage 3 is finished.
Cost parse_cost_flag(const std::string& name) {
  for (const CostAlias& c : kCostAliases)
    if (name == c.name) return c.cost;
  std::string valid;
  for (const CostAlias& c : kCostAliases) valid += std::string(valid.empty() ? "" : ", ") + c.name;
  throw UsageError("--cost: unknown cost \"" + name + "\"; valid names: " + valid);
}

Activation parse_activation_flag(const std::string& flag, const std::string& name) {
  for (const bp::mlp::ActivationName& entry : bp::mlp::kActivationNames)
    if (entry.name == name) return entry.f;
  std::string valid;
  for (const bp::mlp::ActivationName& a : bp::mlp::kActivationNames)
    valid += std::string(valid.empty() ? "" : ", ") + a.name;
  throw UsageError("--" + flag + ": unknown activation \"" + name + "\"; valid names: " + valid);
}

// The output activation each cost pairs with (the matched pairs of docs/03_vectorized.md).
Activation default_output(Cost c) {
  switch (c) {
    case Cost::binary_cross_entropy:
      return Activation::sigmoid;
    case Cost::cross_entropy:
      return Activation::softmax;
    case Cost::mse:
      return Activation::identity;
  }
  return Activation::identity;
}

// The cost that fits each bundled data set; a CSV file needs --cost.
std::optional<Cost> default_cost(const std::string& data) {
  if (data == "digits" || data == "iris") return Cost::cross_entropy;
  if (data == "breast_cancer") return Cost::binary_cross_entropy;
  if (data == "runge") return Cost::mse;
  return std::nullopt;
}

// Independent seeds for the split, the synthetic data, the initial weights and the shuffling,
// all from --seed (SplitMix64 finaliser): reusing one seed for all of them would make the
// first epoch's shuffle of the training rows mirror the shuffle that chose them.
std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (stream + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// "results/digits.csv" -> "results/digits.json"; any other name gets ".json" appended.
std::string sidecar_path(const std::string& out) {
  const std::string csv = ".csv";
  if (out.size() > csv.size() && out.compare(out.size() - csv.size(), csv.size(), csv) == 0)
    return out.substr(0, out.size() - csv.size()) + ".json";
  return out + ".json";
}

struct Options {
  bp::apps::ProblemSpec spec;
  std::vector<long long> hidden;               // n_1 .. n_{L-1}
  std::vector<Activation> hidden_activations;  // f_1 .. f_{L-1}
  Activation output = Activation::identity;    // f_L
  bool output_given = false;
  double eta = 0.1;
  long long batch = 32;
  long long epochs = 100;
  std::uint64_t seed = 1;
  std::string out, fit_out, points_out;
};

Options parse_options(const bp::cli::Args& args) {
  Options o;
  o.spec.data = args.text("data", "digits");
  o.spec.target = args.text("target", "");
  o.spec.features = args.texts("features", {});

  const std::optional<Cost> fallback = default_cost(o.spec.data);
  if (!args.has("cost") && !fallback)
    throw UsageError(
        "--cost is needed with a CSV file: mse (regression of a numeric target), "
        "bce (a 0/1 target) or ce (classes 0..K-1)");
  o.spec.cost = args.has("cost") ? parse_cost_flag(args.text("cost", "")) : *fallback;

  const std::string layers = args.text("layers", "32");
  if (layers != "none") o.hidden = args.integers("layers", {32}, 1, 10000);
  if (o.hidden.size() > 64)
    throw UsageError("--layers: at most 64 hidden layers, got " + std::to_string(o.hidden.size()));
  const std::vector<std::string> acts = args.texts("activations", {"sigmoid"});
  if (o.hidden.empty() && args.has("activations"))
    throw UsageError("--activations: --layers none has no hidden layer to apply them to");
  if (!o.hidden.empty()) {
    if (acts.size() != 1 && acts.size() != o.hidden.size())
      throw UsageError(
          "--activations: give one activation for every hidden layer, or one for "
          "all; --layers has " +
          std::to_string(o.hidden.size()) + " hidden layers but --activations has " +
          std::to_string(acts.size()) + " names");
    for (std::size_t l = 0; l < o.hidden.size(); ++l)
      o.hidden_activations.push_back(
          parse_activation_flag("activations", acts.size() == 1 ? acts[0] : acts[l]));
  }
  o.output_given = args.has("output");
  o.output = o.output_given ? parse_activation_flag("output", args.text("output", ""))
                            : default_output(o.spec.cost);
  if (!bp::mlp::cost_accepts(o.spec.cost, o.output))
    throw UsageError("--output " + std::string(bp::mlp::to_string(o.output)) +
                     " does not fit --cost " + bp::mlp::to_string(o.spec.cost) + ": " +
                     bp::mlp::to_string(o.spec.cost) + " is computed from the logits of a " +
                     bp::mlp::to_string(default_output(o.spec.cost)) +
                     " output (leave --output out to get it)");

  // η ≤ 0 would climb the cost; a huge η is allowed (it diverges, and that is taught).
  o.eta = args.real("eta", 0.1, 0.0, 1e6, true);
  o.batch = args.integer("batch", 32, 1, 1000000000);  // ≤ training rows: checked after loading
  o.epochs = args.integer("epochs", 100, 0, 1000000);
  o.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, (1LL << 62)));
  o.spec.test_fraction = args.real("test-fraction", 0.2, 0.0, 1.0, true, true);
  if (o.spec.data != "runge" && (args.has("samples") || args.has("noise")))
    throw UsageError("--samples and --noise apply to --data runge only");
  o.spec.runge_samples = args.integer("samples", 300, 10, 1000000);
  o.spec.runge_noise = args.real("noise", 0.02, 0.0, 10.0);
  o.spec.split_seed = derive_seed(o.seed, 0);
  o.spec.runge_seed = derive_seed(o.seed, 1);

  o.out = args.text("out", "train_mlp.csv");
  o.fit_out = args.text("fit-out", "");
  o.points_out = args.text("points-out", "");
  const std::vector<std::string> paths{o.out, sidecar_path(o.out), o.fit_out, o.points_out};
  // The same file may be spelled two ways (r.csv and ./r.csv): compare normalised paths.
  const auto same_file = [](const std::string& a, const std::string& b) {
    std::error_code ec;
    const std::filesystem::path pa =
        std::filesystem::weakly_canonical(std::filesystem::absolute(a, ec), ec);
    const std::filesystem::path pb =
        std::filesystem::weakly_canonical(std::filesystem::absolute(b, ec), ec);
    return ec ? a == b : pa == pb;
  };
  for (std::size_t i = 0; i < paths.size(); ++i)
    for (std::size_t j = i + 1; j < paths.size(); ++j)
      if (!paths[i].empty() && same_file(paths[i], paths[j]))
        throw UsageError("two outputs would be written to the same file " + paths[i] +
                         " (--out also writes " + sidecar_path(o.out) + ")");
  // Results written over the data file would destroy the data at the end of the run.
  const std::string data = bp::apps::data_file(o.spec);
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!path.empty() && !data.empty() && std::filesystem::equivalent(path, data, ec))
      throw UsageError("the output " + path + " is the data file " + data +
                       "; writing results there would destroy the data");
  }
  return o;
}

// n_0, n_1, ..., n_L.
std::vector<Eigen::Index> layer_sizes(const Options& o, const bp::apps::Problem& p) {
  std::vector<Eigen::Index> sizes{p.inputs()};
  for (long long n : o.hidden) sizes.push_back(static_cast<Eigen::Index>(n));
  sizes.push_back(p.outputs());
  return sizes;
}

std::string sizes_text(const std::vector<Eigen::Index>& sizes) {
  std::string s;
  for (Eigen::Index n : sizes) s += (s.empty() ? "" : "-") + std::to_string(n);
  return s;
}

// The most weights and biases train_mlp builds (400 MB of doubles): far above any teaching
// network, and a typo such as --layers 100000,100000 is answered instead of exhausting memory.
constexpr double kMaxParameters = 5e7;

// The checks that need the data: batch size against the training rows, an output layer that
// can represent the target, and a network that fits in memory.
void check_against_data(const Options& o, const bp::apps::Problem& p,
                        const std::vector<Eigen::Index>& sizes) {
  double parameters = 0.0;
  for (std::size_t l = 1; l < sizes.size(); ++l)
    parameters += static_cast<double>(sizes[l - 1] + 1) * static_cast<double>(sizes[l]);
  if (parameters > kMaxParameters)
    throw UsageError("the network " + sizes_text(sizes) + " would have " +
                     bp::apps::shortest_text(parameters) +
                     " weights and biases; train_mlp "
                     "allows at most " +
                     bp::apps::shortest_text(kMaxParameters) + " (choose smaller --layers)");
  const Eigen::Index m = p.X_train.rows();
  if (o.batch > m)
    throw UsageError("--batch " + std::to_string(o.batch) + " is larger than the " +
                     std::to_string(m) + " training rows; use at most " + std::to_string(m) +
                     " (--batch " + std::to_string(m) + " is full-batch gradient descent)");
  if (o.output == Activation::softmax && p.outputs() == 1)
    throw UsageError(
        "--output softmax with a single output node always gives 1 (a softmax "
        "over one number); use identity or sigmoid for --cost mse");
  const bool one_feature = p.inputs() == 1;
  if (!o.fit_out.empty() && (p.task != Task::regression || !one_feature))
    throw UsageError(
        "--fit-out draws y against x: it needs --cost mse and exactly one input "
        "feature, but the data has " +
        std::to_string(p.inputs()) + " features");
  if (!o.points_out.empty() && !one_feature)
    throw UsageError(
        "--points-out writes x, y: it needs exactly one input feature, but the data "
        "has " +
        std::to_string(p.inputs()) + " features");
}

struct EpochRow {
  long long epoch = 0;
  bp::apps::Evaluation train, test;
  bool finite() const {
    return std::isfinite(train.cost) && std::isfinite(test.cost) && std::isfinite(train.score) &&
           std::isfinite(test.score);
  }
};

void write_json(bp::data::AtomicFile& file, const Options& o, const bp::apps::Problem& p,
                const std::vector<Eigen::Index>& sizes, const EpochRow& last,
                long long diverged_at) {
  std::ostream& out = file.stream();
  const bool classify = p.task == Task::classification;
  out << "{\n  \"program\": \"train_mlp\",\n  \"data\": " << json_string(p.name)
      << ",\n  \"task\": \"" << (classify ? "classification" : "regression")
      << "\",\n  \"target\": " << json_string(p.target_name)
      << ",\n  \"classes\": " << p.num_classes << ",\n  \"sizes\": [";
  for (std::size_t l = 0; l < sizes.size(); ++l) out << (l ? ", " : "") << sizes[l];
  out << "],\n  \"activations\": [";
  for (std::size_t l = 0; l < o.hidden_activations.size(); ++l)
    out << (l ? ", " : "") << json_string(bp::mlp::to_string(o.hidden_activations[l]));
  out << "],\n  \"output\": " << json_string(bp::mlp::to_string(o.output))
      << ",\n  \"cost\": " << json_string(bp::mlp::to_string(o.spec.cost))
      << ",\n  \"eta\": " << bp::apps::shortest_text(o.eta) << ",\n  \"batch\": " << o.batch
      << ",\n  \"epochs\": " << o.epochs << ",\n  \"seed\": " << o.seed
      << ",\n  \"test_fraction\": " << bp::apps::shortest_text(o.spec.test_fraction)
      << ",\n  \"train_rows\": " << p.X_train.rows() << ",\n  \"test_rows\": " << p.X_test.rows();
  if (p.name == "runge")
    out << ",\n  \"samples\": " << o.spec.runge_samples
        << ",\n  \"noise\": " << bp::apps::shortest_text(o.spec.runge_noise);
  // epochs_completed: the last epoch with finite results, the one "final" describes.
  out << ",\n  \"score\": \"" << (classify ? "accuracy" : "r2")
      << "\",\n  \"epochs_completed\": " << last.epoch << ",\n  \"diverged_at\": ";
  if (diverged_at < 0)
    out << "null";
  else
    out << diverged_at;
  out << ",\n  \"final\": {\"train_cost\": " << bp::apps::shortest_text(last.train.cost)
      << ", \"test_cost\": " << bp::apps::shortest_text(last.test.cost)
      << ", \"train_score\": " << bp::apps::shortest_text(last.train.score)
      << ", \"test_score\": " << bp::apps::shortest_text(last.test.score) << "}\n}\n";
}

// Grid of 401 points over the data's x range (original units), the network's prediction, and
// for the Runge data the true function.
void write_fit(bp::data::CsvWriter& csv, const bp::mlp::Network& net, const bp::apps::Problem& p) {
  const int points = 401;
  const double lo = p.X_all.col(0).minCoeff();
  const double hi = p.X_all.col(0).maxCoeff();
  Eigen::MatrixXd grid(points, 1);
  for (int k = 0; k < points; ++k) grid(k, 0) = lo + (hi - lo) * k / (points - 1);
  const Eigen::MatrixXd prediction = bp::mlp::predict(net, p.scale.transform(grid));  // 401 × 1
  const bool runge = p.name == "runge";
  for (int k = 0; k < points; ++k) {
    std::vector<double> row{grid(k, 0), prediction(k, 0)};
    if (runge) row.push_back(bp::apps::runge(grid(k, 0)));
    csv.row(row);
  }
}

void write_points(bp::data::CsvWriter& csv, const bp::apps::Problem& p) {
  std::vector<double> is_test(static_cast<std::size_t>(p.X_all.rows()), 0.0);
  for (Eigen::Index i : p.test_rows) is_test[static_cast<std::size_t>(i)] = 1.0;
  for (Eigen::Index i = 0; i < p.X_all.rows(); ++i)
    csv.row({p.X_all(i, 0), p.y_all(i), is_test[static_cast<std::size_t>(i)]});
}

int run_main(int argc, const char* const* argv) {
  const bp::cli::Args args(
      argc, argv,
      {{"data",
        "digits, breast_cancer, iris, runge, or a CSV file with a header row "
        "(default: digits)"},
       {"target", "target column of the data (default: the last column)"},
       {"features", "comma-separated input columns (default: every column but the target)"},
       {"layers",
        "comma-separated hidden layer sizes, each 1..10000, or none (default: 32); "
        "the input and output sizes follow from the data and the cost"},
       {"activations",
        "hidden activation, one for all or one per hidden layer: identity, "
        "sigmoid, tanh, relu, leaky_relu, softmax (default: sigmoid)"},
       {"output", "output activation (default: softmax for ce, sigmoid for bce, identity for mse)"},
       {"cost",
        "mse (regression), bce (0/1 target, one sigmoid output) or ce (classes 0..K-1, "
        "softmax output) (default: ce for digits and iris, bce for breast_cancer, mse "
        "for runge; needed for a CSV file)"},
       {"eta", "learning rate η > 0 (default: 0.1)"},
       {"batch", "mini-batch size, 1 to the number of training rows (default: 32)"},
       {"epochs", "passes over the training rows, 0..1000000 (default: 100)"},
       {"seed",
        "seed of the split, the initial weights, the shuffling and the Runge data "
        "(default: 1)"},
       {"test-fraction", "share of rows held out for testing, in (0, 1) (default: 0.2)"},
       {"samples", "runge only: number of samples x, uniform in [-1, 1] (default: 300)"},
       {"noise", "runge only: standard deviation of the Gaussian noise on y (default: 0.02)"},
       {"out",
        "per-epoch CSV file; a .json description of the run is written beside it "
        "(default: train_mlp.csv)"},
       {"fit-out", "one-feature regression: CSV of x, y_pred (and y_true for runge) on a grid"},
       {"points-out", "one-feature data: CSV of x, y, is_test for every row"}});
  if (args.help()) {
    std::cout << args.usage(
        "train_mlp",
        "Trains the stage 3 network with mini-batch gradient descent (seeded shuffling every "
        "epoch) on a train/test split, features standardised with statistics of the training "
        "rows only, and writes one CSV row per epoch.");
    std::cout << "\n"
              << bp::apps::kExitCodes
              << "; 4 training diverged (the CSV keeps the finite epochs before it).\n";
    return 0;
  }
  const Options o = parse_options(args);
  // Outputs first: a path in a folder that does not exist fails before any work is done.
  const bool classify = bp::apps::task_of(o.spec.cost) == Task::classification;
  const std::string score = classify ? "accuracy" : "r2";
  auto csv =
      open_output<bp::data::CsvWriter>("out", o.out,
                                       std::vector<std::string>{"epoch", "train_cost", "test_cost",
                                                                "train_" + score, "test_" + score});
  auto json = open_output<bp::data::AtomicFile>("out", sidecar_path(o.out));
  std::unique_ptr<bp::data::CsvWriter> fit, points;
  if (!o.fit_out.empty()) {
    std::vector<std::string> header{"x", "y_pred"};
    if (o.spec.data == "runge") header.push_back("y_true");
    fit = open_output<bp::data::CsvWriter>("fit-out", o.fit_out, header);
  }
  if (!o.points_out.empty())
    points = open_output<bp::data::CsvWriter>("points-out", o.points_out,
                                              std::vector<std::string>{"x", "y", "is_test"});

  const bp::apps::Problem p = bp::apps::make_problem(o.spec);
  for (const std::string& warning : p.warnings)
    std::cerr << "train_mlp: warning: " << warning << "\n";
  const std::vector<Eigen::Index> sizes = layer_sizes(o, p);
  check_against_data(o, p, sizes);
  std::vector<Activation> activations = o.hidden_activations;
  activations.push_back(o.output);
  bp::mlp::Network net =
      bp::mlp::make_network(sizes, activations, o.spec.cost, derive_seed(o.seed, 2));
  bp::mlp::Network last_finite = net;
  bp::Rng shuffle(derive_seed(o.seed, 3));
  bp::apps::EpochWorkspace workspace;
  bp::mlp::ForwardCache eval_cache;

  EpochRow last;
  long long diverged_at = -1;
  for (long long epoch = 0; epoch <= o.epochs; ++epoch) {
    if (epoch > 0)
      bp::apps::train_epoch(net, p.X_train, p.Y_train, static_cast<Eigen::Index>(o.batch), o.eta,
                            shuffle, workspace);
    EpochRow row;
    row.epoch = epoch;
    row.train = bp::apps::evaluate(net, p.X_train, p.Y_train, p.y_train, p.task, eval_cache);
    row.test = bp::apps::evaluate(net, p.X_test, p.Y_test, p.y_test, p.task, eval_cache);
    if (!row.finite() || !bp::apps::parameters_finite(net)) {
      // Epoch 0 is the untrained network: no η is involved yet, so it is the data. Nothing
      // is written (the outputs are discarded), since there is no finite epoch to keep.
      if (epoch == 0)
        throw std::runtime_error(
            "the untrained network already gives a non-finite cost or score on " + o.spec.data +
            ", so the learning rate is not the cause; look for values too large to compute "
            "with in the data (near 1e308). Nothing was written.");
      diverged_at = epoch;
      break;
    }
    csv->row({static_cast<double>(epoch), row.train.cost, row.test.cost, row.train.score,
              row.test.score});
    last = row;
    if (fit) last_finite = net;  // the fit is drawn from the last network with finite results
  }
  write_json(*json, o, p, sizes, last, diverged_at);
  if (fit) write_fit(*fit, diverged_at < 0 ? net : last_finite, p);
  if (points) write_points(*points, p);
  // Every write of every file is checked before any file is renamed into place, so a full
  // disk leaves the previous set of files, not a mix of old and new ones.
  csv->finish();
  json->finish();
  if (fit) fit->finish();
  if (points) points->finish();
  csv->commit();
  if (fit) fit->commit();
  if (points) points->commit();
  json->commit();  // last: it describes the others

  const std::string name = o.spec.data + " " + sizes_text(sizes);
  if (diverged_at >= 0) {
    std::cerr << "train_mlp: " << name << " with η = " << o.eta << " diverged at epoch "
              << diverged_at << " (the cost or a weight stopped being finite); try a smaller η. "
              << o.out << " keeps the finite epochs 0 to " << diverged_at - 1 << ".\n";
    return kExitDiverged;
  }
  std::cout << "train_mlp: " << name << ", " << o.epochs << " epochs: train " << score << " "
            << last.train.score << ", test " << score << " " << last.test.score << "; wrote "
            << o.out << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return bp::apps::run_program("train_mlp", "stage 3 is not finished", run_main, argc, argv);
}
