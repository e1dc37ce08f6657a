// Reference solution, stage 3, tasks 3.4 and 3.5.
#include "03_vectorized/costs.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace bp::mlp {

namespace {

void require_batch(const std::string& function, const std::string& a_name, const Matrix& A,
                   const Matrix& Y) {
  require_same_shape(function, a_name, A, "Y", Y);
  require_nonempty_batch(function, a_name, A);
}

}  // namespace

Cost parse_cost(const std::string& name) {
  std::string valid;
  for (const CostName& c : kCostNames) {
    if (name == c.name) return c.c;
    valid += (valid.empty() ? "" : ", ") + std::string(c.name);
  }
  throw std::invalid_argument("unknown cost \"" + name + "\"; valid names: " + valid);
}

double mse(const Matrix& A, const Matrix& Y) {
  require_batch("mse", "A", A, Y);
  return (A - Y).squaredNorm() / (2.0 * static_cast<double>(A.rows()));
}

double binary_cross_entropy(const Matrix& Z, const Matrix& Y) {
  require_batch("binary_cross_entropy", "Z", Z, Y);
  // -[y log σ(z) + (1-y) log(1-σ(z))] rewritten with log σ(z) = -log(1 + e^(-z)) and
  // log(1-σ(z)) = -z - log(1 + e^(-z)), then both cases of the sign of z folded into
  // max(z, 0) + log1p(e^(-|z|)): no exponent is ever positive, no logarithm sees 0.
  const double sum = Z.binaryExpr(Y, [](double z, double y) {
                        return std::max(z, 0.0) - z * y + std::log1p(std::exp(-std::abs(z)));
                      }).sum();
  return sum / static_cast<double>(Z.rows());
}

double softmax_cross_entropy(const Matrix& Z, const Matrix& Y) {
  require_batch("softmax_cross_entropy", "Z", Z, Y);
  // -Σ_j y_j log softmax(z)_j = Σ_j y_j (logsumexp(z) - z_j) = logsumexp(z) - y·z for rows
  // summing to 1. logsumexp(z) = c + log Σ_j e^(z_j - c) with c = max_j z_j: the sum is in
  // [1, n], so its logarithm is finite.
  const Vector row_max = Z.rowwise().maxCoeff();
  const Matrix shifted_exp =
      (Z.colwise() - row_max).unaryExpr([](double v) { return std::exp(v); });
  const Vector log_sum_exp = row_max.array() + shifted_exp.rowwise().sum().array().log();
  const Vector y_dot_z = Y.cwiseProduct(Z).rowwise().sum();
  return (log_sum_exp - y_dot_z).sum() / static_cast<double>(Z.rows());
}

double cost(Cost c, const Matrix& Z, const Matrix& A, const Matrix& Y) {
  require_same_shape("cost", "Z", Z, "A", A);
  switch (c) {
    case Cost::mse:
      return mse(A, Y);
    case Cost::binary_cross_entropy:
      return binary_cross_entropy(Z, Y);
    case Cost::cross_entropy:
      return softmax_cross_entropy(Z, Y);
  }
  throw std::invalid_argument("cost: unknown cost");
}

Matrix mse_gradient(const Matrix& A, const Matrix& Y) {
  require_batch("mse_gradient", "A", A, Y);
  return (A - Y) / static_cast<double>(A.rows());
}

Matrix output_error(Activation f, Cost c, const Matrix& Z, const Matrix& A, const Matrix& Y) {
  require_same_shape("output_error", "Z", Z, "A", A);
  require_batch("output_error", "A", A, Y);
  require_cost_accepts("output_error", c, f);
  const double m = static_cast<double>(A.rows());
  // The matched pairs: f'(z) cancels against the cost's derivative, leaving (a - y)/m
  // (docs/03_vectorized.md#the-matched-pairs).
  if (is_matched_pair(f, c)) return (A - Y) / m;
  // Only MSE is left (cost_accepts): chain rule through the activation.
  return activation_backward(f, Z, A, mse_gradient(A, Y));
}

}  // namespace bp::mlp
