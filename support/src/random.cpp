#include "bp/random.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>

namespace bp {

double Rng::normal() {
  // 1 - uniform() is in (0, 1], so the logarithm is finite.
  const double u1 = 1.0 - uniform();
  const double u2 = uniform();
  const double two_pi = 6.283185307179586476925286766559;
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(two_pi * u2);
}

std::uint64_t Rng::below(std::uint64_t n) {
  if (n == 0) throw std::invalid_argument("Rng::below: n must be positive");
  // Rejection sampling: reject the top partial block of the 64-bit range.
  const std::uint64_t limit = std::uint64_t(-1) - (std::uint64_t(-1) % n);
  std::uint64_t x = engine_();
  while (x >= limit) x = engine_();
  return x % n;
}

std::vector<std::size_t> Rng::permutation(std::size_t n) {
  std::vector<std::size_t> p(n);
  std::iota(p.begin(), p.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(below(i));
    std::swap(p[i - 1], p[j]);
  }
  return p;
}

}  // namespace bp
