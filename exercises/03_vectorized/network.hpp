#pragma once
// Stage 3, tasks 3.6 and 3.7: a multilayer perceptron of any depth and width, its seeded
// initialisation and its forward pass on a batch.
// Guide: docs/03_vectorized.md. Shared by the exercises and the solutions builds.
//
// Indices follow the lecture: layers l = 1..L, layer l has n_l nodes, n_0 is the number of
// input features. Every per-layer vector below has L + 1 entries and entry l belongs to
// layer l; entry 0 is the input layer, which has no weights (W[0], b[0] are empty).
//
//   W[l]  W^(l), n_{l-1} × n_l: W[l](i, j) connects node i of layer l-1 to node j of layer l
//   b[l]  b^(l), n_l entries
//   f[l]  the activation of layer l (f[0] is unused)
//
// One sample as a column (the lecture):  z^(l) = W^(l)ᵀ a^(l-1) + b^(l),  a^(l) = f_l(z^(l))
// A batch as rows (this code):           Z^(l) = A^(l-1) W^(l) + 1 b^(l)ᵀ,  A^(l) = f_l(Z^(l))
// with A^(0) = X (m × n_0). Row i of Z^(l) is (z^(l) of sample i)ᵀ.
#include <cstdint>
#include <string>
#include <vector>

#include "03_vectorized/activations.hpp"
#include "03_vectorized/costs.hpp"
#include "03_vectorized/shapes.hpp"

namespace bp::mlp {

struct Network {
  std::vector<Matrix> W;      // W[l]: n_{l-1} × n_l, l = 1..L; W[0] is empty
  std::vector<Vector> b;      // b[l]: n_l entries, l = 1..L; b[0] is empty
  std::vector<Activation> f;  // f[l]: activation of layer l, l = 1..L; f[0] is unused
  Cost cost = Cost::mse;      // the cost the output layer is trained with

  // L, the number of layers with weights (an input layer and one output layer: L = 1).
  Eigen::Index depth() const { return static_cast<Eigen::Index>(W.size()) - 1; }
  Eigen::Index input_size() const { return W.at(1).rows(); }    // n_0
  Eigen::Index output_size() const { return W.back().cols(); }  // n_L
  // n_0, n_1, ..., n_L.
  std::vector<Eigen::Index> sizes() const {
    std::vector<Eigen::Index> n{input_size()};
    for (std::size_t l = 1; l < W.size(); ++l) n.push_back(W[l].cols());
    return n;
  }
};

// Throws std::invalid_argument unless net is a well-formed network (kit infrastructure):
// L ≥ 1, W, b and f with L + 1 entries each, W[l] n_{l-1} × n_l with n_l ≥ 1, b[l] with n_l
// entries, and a cost that accepts the output activation (cost_accepts). The message starts
// with `function` and names the offending shapes, e.g.
//   "forward: W2 is 3 x 4 but W1 is 2 x 5; W2 needs n_1 = 5 rows"
inline void check_network(const std::string& function, const Network& net) {
  const std::size_t entries = net.W.size();
  if (entries < 2 || net.b.size() != entries || net.f.size() != entries)
    throw std::invalid_argument(
        function + ": a network needs L >= 1 layers and W, b, f with L + 1 entries each " +
        "(entry 0 is the input layer); got " + std::to_string(net.W.size()) + ", " +
        std::to_string(net.b.size()) + " and " + std::to_string(net.f.size()));
  for (std::size_t l = 1; l < entries; ++l) {
    const std::string Wl = "W" + std::to_string(l);
    if (net.W[l].rows() < 1 || net.W[l].cols() < 1)
      throw std::invalid_argument(function + ": " + Wl + " is " + shape_of(net.W[l]) +
                                  "; every layer needs at least one node");
    if (l > 1 && net.W[l].rows() != net.W[l - 1].cols())
      throw std::invalid_argument(function + ": " + Wl + " is " + shape_of(net.W[l]) + " but W" +
                                  std::to_string(l - 1) + " is " + shape_of(net.W[l - 1]) + "; " +
                                  Wl + " needs n_" + std::to_string(l - 1) + " = " +
                                  std::to_string(net.W[l - 1].cols()) + " rows");
    if (net.b[l].size() != net.W[l].cols())
      throw std::invalid_argument(function + ": b" + std::to_string(l) + " has " +
                                  std::to_string(net.b[l].size()) + " entries but " + Wl + " is " +
                                  shape_of(net.W[l]) + "; b" + std::to_string(l) + " needs n_" +
                                  std::to_string(l) + " = " + std::to_string(net.W[l].cols()));
  }
  require_cost_accepts(function, net.cost, net.f.back());
}

// Task 3.6. A network with layer sizes n_0, n_1, ..., n_L (sizes, L + 1 ≥ 2 entries, each ≥ 1),
// the activations f_1..f_L of layers 1..L (activations, L entries) and the cost.
// Initialisation, reproducible bit for bit from the seed:
//   one bp::Rng rng(seed); for l = 1..L, for i = 0..n_{l-1}-1, for j = 0..n_l-1 in that order:
//       W[l](i, j) = rng.normal() / sqrt(n_{l-1})
//   b[l] = 0.01 in every entry.
// Dividing by sqrt(n_{l-1}) keeps each z of the first forward pass of order one whatever
// the width, so sigmoid and tanh start away from their flat tails; the small positive bias
// lets every ReLU start active.
// Throws std::invalid_argument on fewer than 2 sizes, a size < 1, a number of activations
// other than sizes.size() - 1, or a cost the output activation does not accept.
Network make_network(const std::vector<Eigen::Index>& sizes,
                     const std::vector<Activation>& activations, Cost cost, std::uint64_t seed);

// What the forward pass keeps for the backward pass.
struct ForwardCache {
  std::vector<Matrix> Z;  // Z[l] = Z^(l), m × n_l, l = 1..L; Z[0] is empty
  std::vector<Matrix> A;  // A[l] = A^(l), m × n_l, l = 0..L; A[0] = X
  const Matrix& output() const { return A.back(); }  // A^(L), m × n_L
};

// Throws std::invalid_argument unless cache holds a forward pass of net on a batch of m rows
// (kit infrastructure): Z and A with L + 1 entries, A[0] m × n_0, Z[l] and A[l] m × n_l.
//   "backward: Z2 is 5 x 3 but layer 2 of the network gives 5 x 4; run forward with this
//    network first"
inline void check_cache(const std::string& function, const Network& net,
                        const ForwardCache& cache) {
  const std::size_t entries = net.W.size();
  if (cache.Z.size() != entries || cache.A.size() != entries)
    throw std::invalid_argument(function + ": the cache has " + std::to_string(cache.Z.size()) +
                                " Z and " + std::to_string(cache.A.size()) +
                                " A entries but the network needs L + 1 = " +
                                std::to_string(entries) + "; run forward with this network first");
  const Eigen::Index m = cache.A[0].rows();
  const auto expect = [&](const std::string& name, const Matrix& M, Eigen::Index cols,
                          const std::string& layer) {
    if (M.rows() != m || M.cols() != cols)
      throw std::invalid_argument(function + ": " + name + " is " + shape_of(M) + " but " + layer +
                                  " of the network gives " + std::to_string(m) + " x " +
                                  std::to_string(cols) + "; run forward with this network first");
  };
  expect("A0", cache.A[0], net.W[1].rows(), "the input layer");
  for (std::size_t l = 1; l < entries; ++l) {
    const std::string layer = "layer " + std::to_string(l);
    expect("Z" + std::to_string(l), cache.Z[l], net.W[l].cols(), layer);
    expect("A" + std::to_string(l), cache.A[l], net.W[l].cols(), layer);
  }
}

// Task 3.7. The forward pass on a batch X (m × n_0, one sample per row):
//   A^(0) = X
//   Z^(l) = A^(l-1) W^(l) + 1 b^(l)ᵀ     (m × n_{l-1})(n_{l-1} × n_l) → m × n_l; b added to every
//   row A^(l) = f_l(Z^(l))                  m × n_l
// for l = 1..L. Fills cache with every Z^(l) and A^(l) (resizing its vectors to L + 1
// entries; a cache reused from an earlier call keeps its buffers). net is not changed.
// Throws std::invalid_argument if check_network fails or X has the wrong number of columns:
//   "forward: X is 5 x 3 but layer 1 expects 4 input features (W1 is 4 x 8)"
void forward(const Network& net, const Matrix& X, ForwardCache& cache);

// The same, returning a new cache.
inline ForwardCache forward(const Network& net, const Matrix& X) {
  ForwardCache cache;
  forward(net, X, cache);
  return cache;
}

// The cost of the batch the cache was computed for, with targets Y (m × n_L):
// cost(net.cost, Z^(L), A^(L), Y).
inline double cost(const Network& net, const ForwardCache& cache, const Matrix& Y) {
  if (cache.A.empty() || cache.Z.size() != cache.A.size())
    throw std::invalid_argument("cost: the cache is empty; run forward first");
  return cost(net.cost, cache.Z.back(), cache.A.back(), Y);
}

}  // namespace bp::mlp
