// bench_mlp: how close a training epoch of the stage 3 network comes to the time of its
// matrix products alone, on the digits data (1438 training rows after the 80/20 split of
// train_mlp), single thread.
//
// For each shape, with sigmoid and with ReLU hidden layers, it times:
//   epoch      bp::apps::train_epoch, what train_mlp runs: shuffle, gather each batch,
//              forward, backward, gradient_step (softmax output, cross-entropy, η = 0.1);
//   products   only the matrix products of the same batches, on preallocated matrices:
//              forward A^(l-1) W^(l), backward A^(l-1)ᵀ Δ^(l) and Δ^(l) W^(l)ᵀ (l > 1): the
//              lower bound for an epoch, since the products are the O(m n²) work;
//   and, to show where the rest goes: forward, backward, gradient_step and the batch gather
//   each alone over the same batches.
// At the end it prints seconds per epoch, the bound, and their ratio against the goal
// (≤ 1.5 at batch 32, ≤ 1.25 at batch 128).
//
// Built with Google Benchmark when it is installed (BP_HAVE_GOOGLE_BENCHMARK), otherwise
// with a plain std::chrono loop; both print the same summary.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "03_vectorized/backward.hpp"
#include "03_vectorized/network.hpp"
#include "03_vectorized/training.hpp"
#include "bp/random.hpp"
#include "mlp_problem.hpp"
#include "mlp_training.hpp"

#ifdef BP_HAVE_GOOGLE_BENCHMARK
#include <benchmark/benchmark.h>
#endif

namespace {

using bp::mlp::Matrix;

constexpr double kEta = 0.1;

struct Shape {
  std::string name;                 // "64-64-10"
  std::vector<Eigen::Index> sizes;  // n_0, ..., n_L
  Eigen::Index batch;               // rows per batch
  bp::mlp::Activation hidden;       // the hidden layers' activation
  double goal;                      // epoch / products must stay at or below this
};

// Each shape with the sigmoid (the lecture's and train_mlp's default) and with ReLU. The
// products are the same for both; what differs is the activation's own cost, which the bound
// leaves out: σ needs one exponential per hidden node and sample, ReLU a comparison, so the
// ReLU ratio shows the library's overhead (copies, allocations, checks) alone.
const std::vector<Shape>& shapes() {
  using bp::mlp::Activation;
  static const std::vector<Shape> s{
      {"64-64-10", {64, 64, 10}, 32, Activation::sigmoid, 1.5},
      {"64-64-10", {64, 64, 10}, 32, Activation::relu, 1.5},
      {"64-256-256-10", {64, 256, 256, 10}, 128, Activation::sigmoid, 1.25},
      {"64-256-256-10", {64, 256, 256, 10}, 128, Activation::relu, 1.25}};
  return s;
}

const bp::apps::Problem& digits() {
  static const bp::apps::Problem p = [] {
    bp::apps::ProblemSpec spec;
    spec.data = "digits";
    spec.cost = bp::mlp::Cost::cross_entropy;
    return bp::apps::make_problem(spec);
  }();
  return p;
}

// Keeps the compiler from dropping a computation whose result is never read.
void keep(const Matrix& M) {
#ifdef BP_HAVE_GOOGLE_BENCHMARK
  benchmark::DoNotOptimize(M.data());
  benchmark::ClobberMemory();
#else
  static volatile double sink = 0.0;
  if (M.size() > 0) sink = sink + M(0, 0);
#endif
}

bp::mlp::Network network_for(const Shape& s) {
  std::vector<bp::mlp::Activation> f(s.sizes.size() - 1, s.hidden);
  f.back() = bp::mlp::Activation::softmax;
  return bp::mlp::make_network(s.sizes, f, bp::mlp::Cost::cross_entropy, 7);
}

// The batch sizes of one epoch over m rows: m / b full batches, then the rest if any.
std::vector<Eigen::Index> batch_sizes(Eigen::Index m, Eigen::Index b) {
  std::vector<Eigen::Index> out(static_cast<std::size_t>(m / b), b);
  if (m % b > 0) out.push_back(m % b);
  return out;
}

// A whole training epoch, as train_mlp runs it.
class EpochWork {
 public:
  explicit EpochWork(const Shape& s) : shape_(s), net_(network_for(s)), rng_(11) {}
  void run() {
    const bp::apps::Problem& p = digits();
    bp::apps::train_epoch(net_, p.X_train, p.Y_train, shape_.batch, kEta, rng_, ws_);
    keep(net_.W.back());
  }

 private:
  Shape shape_;
  bp::mlp::Network net_;
  bp::Rng rng_;
  bp::apps::EpochWorkspace ws_;
};

// The matrix products of one epoch alone: the same shapes, preallocated, nothing else.
class ProductWork {
 public:
  explicit ProductWork(const Shape& s) : sizes_(s.sizes) {
    bp::Rng rng(3);
    const auto random = [&rng](Eigen::Index r, Eigen::Index c) {
      Matrix M(r, c);
      for (Eigen::Index j = 0; j < c; ++j)
        for (Eigen::Index i = 0; i < r; ++i) M(i, j) = rng.uniform(-1.0, 1.0);
      return M;
    };
    const std::size_t L = sizes_.size() - 1;
    W_.resize(L + 1);
    dW_.resize(L + 1);
    for (std::size_t l = 1; l <= L; ++l) {
      W_[l] = random(sizes_[l - 1], sizes_[l]);
      dW_[l].resize(sizes_[l - 1], sizes_[l]);
    }
    for (Eigen::Index b : batch_sizes(digits().X_train.rows(), s.batch)) {
      if (buffers_.count(b) == 0) {
        Buffers& buf = buffers_[b];
        buf.A.resize(L + 1);
        buf.Z.resize(L + 1);
        buf.D.resize(L + 1);
        buf.G.resize(L + 1);
        for (std::size_t l = 0; l <= L; ++l) {
          buf.A[l] = random(b, sizes_[l]);  // A^(l), b × n_l
          buf.Z[l].resize(b, sizes_[l]);    // Z^(l), b × n_l
          buf.D[l] = random(b, sizes_[l]);  // Δ^(l), b × n_l
          buf.G[l].resize(b, sizes_[l]);    // ∂C/∂A^(l), b × n_l
        }
      }
      order_.push_back(b);
    }
  }

  void run() {
    const std::size_t L = sizes_.size() - 1;
    for (Eigen::Index b : order_) {
      Buffers& buf = buffers_.at(b);
      for (std::size_t l = 1; l <= L; ++l) buf.Z[l].noalias() = buf.A[l - 1] * W_[l];
      for (std::size_t l = L; l >= 1; --l) {
        dW_[l].noalias() = buf.A[l - 1].transpose() * buf.D[l];
        if (l > 1) buf.G[l - 1].noalias() = buf.D[l] * W_[l].transpose();
      }
      keep(buf.Z[L]);
      keep(buf.G[1]);
    }
    keep(dW_[1]);
  }

 private:
  struct Buffers {
    std::vector<Matrix> A, Z, D, G;
  };
  std::vector<Eigen::Index> sizes_;
  std::vector<Matrix> W_, dW_;
  std::map<Eigen::Index, Buffers> buffers_;
  std::vector<Eigen::Index> order_;  // the batch sizes of one epoch, in order
};

// One part of the epoch alone, over the same batches, to see where time beyond the products
// goes: "gather" (copying the batch rows), "forward", "backward" or "step".
class PartWork {
 public:
  PartWork(const Shape& s, std::string part)
      : part_(std::move(part)), net_(network_for(s)), rng_(11) {
    const bp::apps::Problem& p = digits();
    const Eigen::Index m = p.X_train.rows();
    order_ = rng_.permutation(static_cast<std::size_t>(m));
    std::size_t first = 0;
    for (Eigen::Index b : batch_sizes(m, s.batch)) {
      Batch batch;
      batch.first = first;
      batch.X.resize(b, p.X_train.cols());
      batch.Y.resize(b, p.Y_train.cols());
      bp::apps::gather_rows(p.X_train, order_, first, batch.X);
      bp::apps::gather_rows(p.Y_train, order_, first, batch.Y);
      bp::mlp::forward(net_, batch.X, batch.cache);
      bp::mlp::backward(net_, batch.cache, batch.Y, batch.grads);
      batches_.push_back(std::move(batch));
      first += static_cast<std::size_t>(b);
    }
  }

  void run() {
    const bp::apps::Problem& p = digits();
    for (Batch& b : batches_) {
      if (part_ == "gather") {
        bp::apps::gather_rows(p.X_train, order_, b.first, b.X);
        bp::apps::gather_rows(p.Y_train, order_, b.first, b.Y);
        keep(b.X);
      } else if (part_ == "forward") {
        bp::mlp::forward(net_, b.X, b.cache);
        keep(b.cache.A.back());
      } else if (part_ == "backward") {
        bp::mlp::backward(net_, b.cache, b.Y, b.grads);
        keep(b.grads.dW[1]);
      } else {
        bp::mlp::gradient_step(net_, b.grads, kEta);
        keep(net_.W[1]);
      }
    }
  }

 private:
  struct Batch {
    std::size_t first = 0;
    Matrix X, Y;
    bp::mlp::ForwardCache cache;
    bp::mlp::Gradients grads;
  };
  std::string part_;
  bp::mlp::Network net_;
  bp::Rng rng_;
  std::vector<std::size_t> order_;
  std::vector<Batch> batches_;
};

const char* const kParts[] = {"gather", "forward", "backward", "step"};

// "epoch/64-64-10/batch:32/sigmoid"; the products do not depend on the activation.
std::string key(const Shape& s, const std::string& what) {
  const std::string base = what + "/" + s.name + "/batch:" + std::to_string(s.batch);
  return what == "products" ? base : base + "/" + bp::mlp::to_string(s.hidden);
}

// Seconds per epoch (per run() call) for each key, from whichever timer ran.
std::map<std::string, double>& seconds() {
  static std::map<std::string, double> s;
  return s;
}

void record(const std::string& name, double secs) {
  auto it = seconds().find(name);
  if (it == seconds().end() || secs < it->second) seconds()[name] = secs;  // best repetition
}

void print_summary() {
  std::printf(
      "\nCPU seconds per training epoch on digits (%lld training rows), single thread, "
      "best of the repetitions:\n",
      static_cast<long long>(digits().X_train.rows()));
  std::printf("%-15s %-8s %6s %12s %12s %7s %6s       %s\n", "network", "hidden", "batch", "epoch",
              "products", "ratio", "goal", "the parts alone (s per epoch)");
  for (const Shape& s : shapes()) {
    const double epoch = seconds()[key(s, "epoch")];
    const double bound = seconds()[key(s, "products")];
    const double ratio = epoch / bound;
    std::string parts;
    for (const char* part : kParts) {
      char text[64];
      std::snprintf(text, sizeof text, "%s%s %.3g", parts.empty() ? "" : ", ", part,
                    seconds()[key(s, part)]);
      parts += text;
    }
    std::printf("%-15s %-8s %6lld %12.4e %12.4e %7.3f %6.2f  %s  %s\n", s.name.c_str(),
                bp::mlp::to_string(s.hidden), static_cast<long long>(s.batch), epoch, bound, ratio,
                s.goal, ratio <= s.goal ? "ok  " : "SLOW", parts.c_str());
  }
  std::printf(
      "epoch: bp::apps::train_epoch (shuffle, gather, forward, backward, step); "
      "products: A W, Aᵀ Δ and Δ Wᵀ of the same batches only.\n");
}

// Every workload by name, created on first use (digits is loaded once).
struct Workload {
  std::string name;
  std::function<void()> run;
};

std::vector<Workload> workloads() {
  std::vector<Workload> out;
  for (const Shape& s : shapes()) {
    if (s.hidden == shapes().front().hidden) {  // once per shape: the same for every activation
      auto products = std::make_shared<ProductWork>(s);
      out.push_back({key(s, "products"), [products] { products->run(); }});
    }
    auto epoch = std::make_shared<EpochWork>(s);
    out.push_back({key(s, "epoch"), [epoch] { epoch->run(); }});
    for (const char* part : kParts) {
      auto work = std::make_shared<PartWork>(s, part);
      out.push_back({key(s, part), [work] { work->run(); }});
    }
  }
  return out;
}

#ifdef BP_HAVE_GOOGLE_BENCHMARK
// Prints as usual and remembers each repetition's CPU time per iteration for the summary
// (CPU time, not wall time: on a shared machine other processes inflate the wall time of
// whichever benchmark they happen to overlap, which would make the ratio a matter of luck).
class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs)
      if (r.run_type == Run::RT_Iteration && !r.error_occurred && r.iterations > 0)
        record(r.run_name.function_name,
               r.cpu_accumulated_time / static_cast<double>(r.iterations));
    ConsoleReporter::ReportRuns(runs);
  }
};
#endif

}  // namespace

int main(int argc, char** argv) {
  Eigen::setNbThreads(1);  // one core: the bound and the epoch compete on equal terms
  std::vector<Workload> work;
  try {
    work = workloads();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_mlp: %s\n", e.what());
    return 1;
  }
#ifdef BP_HAVE_GOOGLE_BENCHMARK
  for (const Workload& w : work) {
    const std::function<void()> run = w.run;
    benchmark::RegisterBenchmark(w.name.c_str(),
                                 [run](benchmark::State& state) {
                                   for (auto _ : state) run();
                                 })
        ->Unit(benchmark::kMillisecond)
        ->Repetitions(3)
        ->ReportAggregatesOnly(false)
        ->MinTime(0.2);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
#else
  (void)argc;
  (void)argv;
  std::printf(
      "bench_mlp: Google Benchmark was not found at configure time; timing with a "
      "plain std::clock loop (CPU time, 3 repetitions of at least 0.2 s each)\n");
  for (const Workload& w : work) {
    w.run();  // warm up: first-touch allocations and caches
    for (int rep = 0; rep < 3; ++rep) {
      long long n = 0;
      const std::clock_t start = std::clock();
      double elapsed = 0.0;
      do {
        w.run();
        ++n;
        elapsed = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
      } while (elapsed < 0.2);
      record(w.name, elapsed / static_cast<double>(n));
    }
    std::printf("%-40s %12.4e s\n", w.name.c_str(), seconds()[w.name]);
  }
#endif
  if (seconds().empty()) return 0;  // e.g. --benchmark_filter matched nothing
  for (const Shape& s : shapes())
    if (seconds().count(key(s, "epoch")) == 0 || seconds().count(key(s, "products")) == 0) {
      std::printf(
          "\n(the summary needs both the epoch and the products of every shape; run "
          "without --benchmark_filter for it)\n");
      return 0;
    }
  print_summary();
  return 0;
}
