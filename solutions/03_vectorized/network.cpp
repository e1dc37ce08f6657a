// Reference solution, stage 3, tasks 3.6 and 3.7.
#include "03_vectorized/network.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "bp/random.hpp"

namespace bp::mlp {

Network make_network(const std::vector<Eigen::Index>& sizes,
                     const std::vector<Activation>& activations, Cost cost, std::uint64_t seed) {
  if (sizes.size() < 2)
    throw std::invalid_argument("make_network: got " + std::to_string(sizes.size()) +
                                " layer sizes; a network needs at least 2 (n_0 inputs and n_L "
                                "outputs)");
  for (std::size_t l = 0; l < sizes.size(); ++l)
    if (sizes[l] < 1)
      throw std::invalid_argument("make_network: n_" + std::to_string(l) + " = " +
                                  std::to_string(sizes[l]) +
                                  "; every layer needs at least one node");
  if (activations.size() != sizes.size() - 1)
    throw std::invalid_argument("make_network: " + std::to_string(sizes.size()) +
                                " layer sizes need " + std::to_string(sizes.size() - 1) +
                                " activations (one for each layer 1..L), got " +
                                std::to_string(activations.size()));
  require_cost_accepts("make_network", cost, activations.back());

  const std::size_t L = sizes.size() - 1;
  Network net;
  net.cost = cost;
  net.W.assign(L + 1, Matrix());
  net.b.assign(L + 1, Vector());
  net.f.assign(L + 1, Activation::identity);
  Rng rng(seed);
  for (std::size_t l = 1; l <= L; ++l) {
    const Eigen::Index rows = sizes[l - 1];
    const Eigen::Index cols = sizes[l];
    const double root_fan_in = std::sqrt(static_cast<double>(rows));
    net.W[l].resize(rows, cols);
    for (Eigen::Index i = 0; i < rows; ++i)
      for (Eigen::Index j = 0; j < cols; ++j) net.W[l](i, j) = rng.normal() / root_fan_in;
    net.b[l] = Vector::Constant(cols, 0.01);
    net.f[l] = activations[l - 1];
  }
  return net;
}

void forward(const Network& net, const Matrix& X, ForwardCache& cache) {
  check_network("forward", net);
  if (X.cols() != net.W[1].rows())
    throw std::invalid_argument("forward: X is " + shape_of(X) + " but layer 1 expects " +
                                std::to_string(net.W[1].rows()) + " input features (W1 is " +
                                shape_of(net.W[1]) + ")");
  const std::size_t L = net.W.size() - 1;
  cache.Z.resize(L + 1);
  cache.A.resize(L + 1);
  cache.Z[0].resize(0, 0);
  cache.A[0] = X;
  for (std::size_t l = 1; l <= L; ++l) {
    Matrix& Z = cache.Z[l];
    Z.noalias() = cache.A[l - 1] * net.W[l];  // m × n_l, no temporary
    Z.rowwise() += net.b[l].transpose();      // the same bᵀ on every row (sample)
    cache.A[l] = activate(net.f[l], Z);
  }
}

}  // namespace bp::mlp
