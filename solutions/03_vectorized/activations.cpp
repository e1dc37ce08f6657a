// Reference solution, stage 3, tasks 3.1 to 3.3.
#include "03_vectorized/activations.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace bp::mlp {

namespace {

// σ(z) = 1/(1 + e^(-z)) for z ≥ 0 and e^z/(1 + e^z) for z < 0: the same value, written so
// that exp only ever sees -|z| ≤ 0 and cannot overflow (e^z/(1 + e^z) alone is inf/inf = NaN
// at z = 1000). e^(-1000) underflows to 0, giving σ(1000) = 1 and σ(-1000) = 0 exactly.
// One exp and a select instead of an if: the sign of z is unpredictable in a batch. These
// are the operations of stage 1's sigmoid, so a 1-1 network reproduces stage 1 bit for bit.
// (std::exp, not Eigen's vectorised exp: that returns a subnormal instead of 0 far below -709.)
double sigmoid(double z) {
  const double e = std::exp(-std::abs(z));
  return (z >= 0.0 ? 1.0 : e) / (1.0 + e);
}

Matrix softmax(const Matrix& Z) {
  // Subtracting c_i = max_k z_ik from row i divides numerator and denominator by e^(c_i):
  // same value, but every exponent is ≤ 0 and the largest term is exactly e^0 = 1, so the
  // sum is in [1, n] and never 0 or inf.
  const Vector row_max = Z.rowwise().maxCoeff();
  Matrix E = (Z.colwise() - row_max).unaryExpr([](double v) { return std::exp(v); });
  const Vector row_sum = E.rowwise().sum();
  E.array().colwise() /= row_sum.array();
  return E;
}

}  // namespace

Activation parse_activation(const std::string& name) {
  std::string valid;
  for (const ActivationName& a : kActivationNames) {
    if (name == a.name) return a.f;
    valid += (valid.empty() ? "" : ", ") + std::string(a.name);
  }
  throw std::invalid_argument("unknown activation \"" + name + "\"; valid names: " + valid);
}

Matrix activate(Activation f, const Matrix& Z) {
  switch (f) {
    case Activation::identity:
      return Z;
    case Activation::sigmoid:
      return Z.unaryExpr([](double z) { return sigmoid(z); });
    case Activation::tanh:
      return Z.array().tanh().matrix();
    case Activation::relu:
      return Z.cwiseMax(0.0);
    case Activation::leaky_relu:
      return Z.unaryExpr([](double z) { return z > 0.0 ? z : kLeakyReluSlope * z; });
    case Activation::softmax:
      return softmax(Z);
  }
  throw std::invalid_argument("activate: unknown activation");
}

Matrix activation_prime(Activation f, const Matrix& Z, const Matrix& A) {
  require_same_shape("activation_prime", "Z", Z, "A", A);
  switch (f) {
    case Activation::identity:
      return Matrix::Ones(Z.rows(), Z.cols());
    case Activation::sigmoid:
      return (A.array() * (1.0 - A.array())).matrix();
    case Activation::tanh:
      return (1.0 - A.array().square()).matrix();
    case Activation::relu:
      return Z.unaryExpr([](double z) { return z > 0.0 ? 1.0 : 0.0; });
    case Activation::leaky_relu:
      return Z.unaryExpr([](double z) { return z > 0.0 ? 1.0 : kLeakyReluSlope; });
    case Activation::softmax:
      throw std::invalid_argument(
          "activation_prime: softmax has no elementwise derivative (each row has an n x n "
          "Jacobian); use activation_backward(Activation::softmax, Z, A, G) instead");
  }
  throw std::invalid_argument("activation_prime: unknown activation");
}

Matrix activation_backward(Activation f, const Matrix& Z, const Matrix& A, const Matrix& G) {
  require_same_shape("activation_backward", "Z", Z, "A", A);
  require_same_shape("activation_backward", "G", G, "A", A);
  if (f != Activation::softmax) return G.cwiseProduct(activation_prime(f, Z, A));
  // Row i: ∂a_j/∂z_k = s_j (δ_jk - s_k), so (∂C/∂z)_k = Σ_j g_j s_j (δ_jk - s_k)
  // = s_k (g_k - g·s). The n × n Jacobian is never formed.
  const Vector g_dot_s = G.cwiseProduct(A).rowwise().sum();  // m entries
  return A.cwiseProduct(G.colwise() - g_dot_s);
}

}  // namespace bp::mlp
