// Reference solution, stage 1, tasks 1.1 and 1.2.
#include "01_perceptron/sigmoid.hpp"

#include <cmath>

namespace bp::perceptron {

double sigmoid(double z) {
  // For z ≥ 0, e^(-z) ≤ 1 cannot overflow. For z < 0 use σ(z) = e^z / (1 + e^z), the same
  // value written so that e^z ≤ 1 cannot overflow either; e^z underflows to 0 for very
  // negative z, giving exactly 0.
  if (z >= 0.0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

double sigmoid_prime(double z) {
  const double s = sigmoid(z);
  return s * (1.0 - s);
}

}  // namespace bp::perceptron
