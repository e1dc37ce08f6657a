#pragma once
// The tests' own cost for the scalar perceptron, written independently of the student's
// code: numeric derivatives must never be taken of the code under test (DESIGN.md §3).
#include <cmath>
#include <cstddef>
#include <vector>

namespace bp::test::stage1 {

// C(w, b) = ½ (σ(w x + b) - y)², σ evaluated in the form that cannot overflow.
inline double reference_sigmoid(double z) {
  return z >= 0.0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

inline double reference_cost(double w, double b, double x, double y) {
  const double error = reference_sigmoid(w * x + b) - y;
  return error * error / 2.0;
}

inline double reference_mean_cost(double w, double b, const std::vector<double>& xs,
                                  const std::vector<double>& ys) {
  double total = 0.0;
  for (std::size_t i = 0; i < xs.size(); ++i) total += reference_cost(w, b, xs[i], ys[i]);
  return total / static_cast<double>(xs.size());
}

}  // namespace bp::test::stage1
