#pragma once
// The kit's trusted referee: numeric derivatives that every gradient test compares the
// student's analytic gradients with (DESIGN.md §3). Test support, never an exercise: tests
// never use student code to check student code.
//
// Numeric derivative of a scalar function f at θ:
//   h      = cbrt(ε) · max(1, |θ|), then made exactly representable: h = (θ + h) - θ
//   D(h)   = (f(θ + h) - f(θ - h)) / (2h)                         central difference, error O(h²)
//   n      = (4 D(h/2) - D(h)) / 3                                  Richardson, error O(h⁴)
//   err(n) ≈ |D(h/2) - D(h)| / 3 + rounding                          estimated error of n
// An entry passes iff |a - n| ≤ atol + rtol · max(|a|, |n|) + fd_error_multiple · err(n);
// NaN or inf in either value fails. The half step is made representable too: h/2 → (θ + h/2) - θ.
//
// Kinks: f(θ) is evaluated once per check, so each entry has five samples θ, θ ± h/2, θ ± h.
// When their one-sided slopes jump by far more than smooth curvature explains and the analytic
// value lies between (or on) them, the entry is a kink (kink = true): reported, not a failure.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "bp/eigen.hpp"

namespace bp::check {

struct Options {
  double rtol = 1e-6;
  double atol = 1e-10;
  double fd_error_multiple = 4.0;
  // 0 = check every entry. Otherwise at most this many sampled entries per block (seeded,
  // printed in the report), always including every entry of a bias block.
  Eigen::Index max_entries_per_block = 0;
  std::uint64_t seed = 20251006;
  // Batch size m of the cost, so a gradient off by a constant m or 1/m gets that hint.
  double batch_size = 1.0;
  // Extra suspects: a gradient off by exactly one of these factors (in either direction)
  // gets the named hint, e.g. {"σ'(z)", sigmoid_prime(z)} for a missing activation
  // derivative, or {"σ'(a) / σ'(z)", ...} for σ' applied to a instead of z.
  std::vector<std::pair<std::string, double>> suspect_factors;
};

// Numeric derivative of f at x with its estimated error.
struct Numeric {
  double value = 0.0;
  double error = 0.0;
};
Numeric numeric_derivative(const std::function<double(double)>& f, double x);

// The step the checker uses at θ: cbrt(ε)·max(1,|θ|), made exactly representable.
double step_for(double theta);

// The three classic difference quotients, for teaching (the V-shaped error plot).
double forward_difference(const std::function<double(double)>& f, double x, double h);
double central_difference(const std::function<double(double)>& f, double x, double h);
double richardson_difference(const std::function<double(double)>& f, double x, double h);

// A named block of parameters, perturbed in place and restored bit for bit, with the
// analytic gradient claimed for it (same shape). Storage is column-major rows × cols.
struct Block {
  std::string name;  // "W2", "b1", "w"
  double* values;    // the live parameters the cost function reads
  Eigen::Index rows;
  Eigen::Index cols;
  Eigen::MatrixXd analytic;  // rows × cols
  bool is_bias = false;      // bias blocks get the "bias not summed over the batch" hint
  bool is_vector = false;    // entries are labelled with one index, "b1(2)"
};
Block block(std::string name, Eigen::MatrixXd& param, const Eigen::MatrixXd& analytic);
Block block(std::string name, Eigen::VectorXd& param, const Eigen::VectorXd& analytic);
Block block(std::string name, double& param, double analytic);
Block bias_block(std::string name, Eigen::VectorXd& param, const Eigen::VectorXd& analytic);
Block bias_block(std::string name, double& param, double analytic);

struct Entry {
  std::string block;
  Eigen::Index row = 0;
  Eigen::Index col = 0;
  double analytic = 0.0;
  double numeric = 0.0;
  double fd_error = 0.0;
  double allowed = 0.0;
  bool passed = false;  // within `allowed`, or a kink
  bool kink = false;    // a kink (e.g. ReLU at 0) lies within the step: not counted as a failure
  // How label() names the entry: 0 → "w" (1 × 1 block), 1 → "b1(2)" (vector), 2 → "W2(3,1)".
  int indices = 2;
  std::string label() const;  // "W2(3,1)", or "w" for a 1 × 1 block; indices count from 0
  // |analytic - numeric| / allowed: below 1 passes; infinite when either value is not finite.
  double ratio() const;
};

struct Result {
  bool passed = true;
  std::vector<Entry> entries;  // every entry checked
  std::string hint;            // "" or the classic mistake the failures match
  std::string report;          // human-readable: seed, failing entries, hint
  double worst_ratio = 0.0;    // largest Entry::ratio() over entries that are not kinks
  bool sampled = false;        // options.max_entries_per_block > 0
  std::uint64_t seed = 0;      // the seed the entries were sampled with (when sampled)
  explicit operator bool() const { return passed; }

  std::size_t failures() const;  // entries that failed (kinks are not failures)
  std::size_t kinks() const;     // entries marked as kinks
  // The checked entry with this label ("W2(3,1)"), or nullptr when it was not checked.
  const Entry* find(const std::string& label) const;
};

// The leading words of every hint (Result::hint starts with one of these), so tests can
// match them, e.g. EXPECT_EQ(r.hint.rfind(bp::check::hints::kSignFlipped, 0), 0u).
namespace hints {
inline constexpr const char* kCostNotFinite = "the cost itself is not finite near";
inline constexpr const char* kGradientNotFinite = "your gradient is NaN/inf at";
inline constexpr const char* kNeverWritten = "never written / gradient left at zero";
inline constexpr const char* kSignFlipped = "sign flipped";
inline constexpr const char* kFactorTwo = "factor 2";
inline constexpr const char* kFactorHalf = "factor ½";
inline constexpr const char* kSummedNotMean = "summed over the batch instead of the mean";
inline constexpr const char* kDividedTwice = "divided by m twice";
inline constexpr const char* kTransposed = "transposed";
inline constexpr const char* kBiasNotSummed = "bias gradient not summed over the batch rows";
inline constexpr const char* kSuspectFactor = "off by a factor";  // + the suspect's name
inline constexpr const char* kConstantFactor = "off by a constant factor";
}  // namespace hints

// Checks every block's analytic gradient against numeric derivatives of cost().
// cost() must read the parameters through the blocks' pointers.
Result check_gradient(const std::function<double()>& cost, std::vector<Block> blocks,
                      const Options& options = {});

// The scalar case: f'(x) claimed to be `analytic`.
Result check_derivative(const std::string& name, const std::function<double(double)>& f, double x,
                        double analytic, const Options& options = {});

// For gtest: EXPECT_TRUE(bp::check::passes(result)) prints the report on failure.
::testing::AssertionResult passes(const Result& result);

}  // namespace bp::check
