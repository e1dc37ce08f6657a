#pragma once
// The tests' own forward pass and costs, written independently of the code under test and in
// the lecture's single-sample column form (z = Wᵀ a + b, one sample at a time, plain loops).
// Numeric derivatives are always taken of these, never of the student's code (DESIGN.md §3).
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "03_vectorized/network.hpp"

namespace bp::test::stage3 {

using bp::mlp::Activation;
using bp::mlp::Cost;
using bp::mlp::Matrix;
using bp::mlp::Vector;

// f(z) for one entry; softmax is not elementwise (see reference_layer).
inline double reference_f(Activation f, double z) {
  switch (f) {
    case Activation::identity:
      return z;
    case Activation::sigmoid:
      return z >= 0.0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
    case Activation::tanh:
      return std::tanh(z);
    case Activation::relu:
      return z > 0.0 ? z : 0.0;
    case Activation::leaky_relu:
      return z > 0.0 ? z : 0.01 * z;
    case Activation::softmax:
      break;
  }
  throw std::logic_error("reference_f: softmax is not elementwise");
}

// a = f(z) for one sample (a column of n entries).
inline std::vector<double> reference_layer(Activation f, const std::vector<double>& z) {
  std::vector<double> a(z.size());
  if (f != Activation::softmax) {
    for (std::size_t j = 0; j < z.size(); ++j) a[j] = reference_f(f, z[j]);
    return a;
  }
  const double c = *std::max_element(z.begin(), z.end());
  double sum = 0.0;
  for (std::size_t j = 0; j < z.size(); ++j) sum += (a[j] = std::exp(z[j] - c));
  for (double& v : a) v /= sum;
  return a;
}

// The cost of one sample with logits z, output a = f(z) and target y.
inline double reference_sample_cost(Cost c, const std::vector<double>& z,
                                    const std::vector<double>& a, const std::vector<double>& y) {
  double sum = 0.0;
  switch (c) {
    case Cost::mse:
      for (std::size_t j = 0; j < a.size(); ++j) sum += 0.5 * (a[j] - y[j]) * (a[j] - y[j]);
      return sum;
    case Cost::binary_cross_entropy:
      for (std::size_t j = 0; j < z.size(); ++j)
        sum += std::max(z[j], 0.0) - z[j] * y[j] + std::log1p(std::exp(-std::abs(z[j])));
      return sum;
    case Cost::cross_entropy: {
      const double zmax = *std::max_element(z.begin(), z.end());
      double e = 0.0;
      for (double v : z) e += std::exp(v - zmax);
      double yz = 0.0;
      for (std::size_t j = 0; j < z.size(); ++j) yz += y[j] * z[j];
      return zmax + std::log(e) - yz;
    }
  }
  throw std::logic_error("reference_sample_cost: unknown cost");
}

inline std::vector<double> row_of(const Matrix& M, Eigen::Index i) {
  std::vector<double> r(static_cast<std::size_t>(M.cols()));
  for (Eigen::Index j = 0; j < M.cols(); ++j) r[static_cast<std::size_t>(j)] = M(i, j);
  return r;
}

// f applied to every row of Z (m × n) by the reference: m × n.
inline Matrix reference_activate(Activation f, const Matrix& Z) {
  Matrix A(Z.rows(), Z.cols());
  for (Eigen::Index i = 0; i < Z.rows(); ++i) {
    const std::vector<double> a = reference_layer(f, row_of(Z, i));
    for (Eigen::Index j = 0; j < Z.cols(); ++j) A(i, j) = a[static_cast<std::size_t>(j)];
  }
  return A;
}

// The mean cost of output logits Z (m × n) through output activation f, targets Y.
inline double reference_output_cost(Activation f, Cost c, const Matrix& Z, const Matrix& Y) {
  double total = 0.0;
  for (Eigen::Index i = 0; i < Z.rows(); ++i) {
    const std::vector<double> z = row_of(Z, i);
    total += reference_sample_cost(c, z, reference_layer(f, z), row_of(Y, i));
  }
  return total / static_cast<double>(Z.rows());
}

// The output a^(L) of one sample x (n_0 entries): z^(l) = W^(l)ᵀ a^(l-1) + b^(l).
// Also returns the last logits through z_out.
inline std::vector<double> reference_sample_forward(const bp::mlp::Network& net,
                                                    std::vector<double> a,
                                                    std::vector<double>* z_out = nullptr) {
  std::vector<double> z;
  for (std::size_t l = 1; l < net.W.size(); ++l) {
    const Matrix& W = net.W[l];
    z.assign(static_cast<std::size_t>(W.cols()), 0.0);
    for (Eigen::Index j = 0; j < W.cols(); ++j) {
      double s = net.b[l](j);
      for (Eigen::Index k = 0; k < W.rows(); ++k) s += W(k, j) * a[static_cast<std::size_t>(k)];
      z[static_cast<std::size_t>(j)] = s;
    }
    a = reference_layer(net.f[l], z);
  }
  if (z_out) *z_out = z;
  return a;
}

// The mean cost of the network on the batch (X, Y), one sample at a time.
inline double reference_network_cost(const bp::mlp::Network& net, const Matrix& X,
                                     const Matrix& Y) {
  double total = 0.0;
  for (Eigen::Index i = 0; i < X.rows(); ++i) {
    std::vector<double> z;
    const std::vector<double> a = reference_sample_forward(net, row_of(X, i), &z);
    total += reference_sample_cost(net.cost, z, a, row_of(Y, i));
  }
  return total / static_cast<double>(X.rows());
}

}  // namespace bp::test::stage3
