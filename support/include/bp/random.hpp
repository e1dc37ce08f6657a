#pragma once
// Seeded random numbers that are the same on every platform. std::mt19937_64 is fully
// specified by the standard, but std::uniform_real_distribution and friends are not, so the
// kit converts the raw bits itself: same seed, same numbers, bit for bit, everywhere.
#include <cstdint>
#include <random>
#include <vector>

namespace bp {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t bits() { return engine_(); }
  // Uniform in [0, 1), 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Standard normal (Box-Muller; the second value is discarded to keep the stream simple).
  double normal();
  // Uniform integer in [0, n), n > 0, without modulo bias.
  std::uint64_t below(std::uint64_t n);
  // Fisher-Yates shuffle of 0..n-1 (returns the permutation).
  std::vector<std::size_t> permutation(std::size_t n);

 private:
  std::mt19937_64 engine_;
};

}  // namespace bp
