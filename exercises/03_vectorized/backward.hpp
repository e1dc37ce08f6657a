#pragma once
// Stage 3, task 3.8: backpropagation on a batch, every layer's error and gradients.
// Guide: docs/03_vectorized.md. Shared by the exercises and the solutions builds.
// Indices as in network.hpp: entry l belongs to layer l = 1..L, entry 0 is empty.
#include "03_vectorized/network.hpp"
#include "03_vectorized/shapes.hpp"

namespace bp::mlp {

// The gradient of the mean cost of a batch of m samples.
struct Gradients {
  std::vector<Matrix> Delta;  // Delta[l] = Δ^(l) = ∂C/∂Z^(l), m × n_l, l = 1..L; [0] is empty
  std::vector<Matrix> dW;     // dW[l] = ∂C/∂W^(l), n_{l-1} × n_l (the shape of W[l])
  std::vector<Vector> db;     // db[l] = ∂C/∂b^(l), n_l entries (the shape of b[l])
};

// Task 3.8. Backpropagation through the whole network, for the batch whose forward pass is
// in cache (see forward) and targets Y (m × n_L):
//   Δ^(L) = output_error(f_L, cost, Z^(L), A^(L), Y)                m × n_L
//   for l = L, L-1, ..., 1:
//     ∂C/∂W^(l) = A^(l-1)ᵀ Δ^(l)     (n_{l-1} × m)(m × n_l) → n_{l-1} × n_l
//     ∂C/∂b^(l) = Δ^(l)ᵀ 1           the column sums of Δ^(l), n_l entries
//     if l > 1:
//       Δ^(l-1) = activation_backward(f_{l-1}, Z^(l-1), A^(l-1), Δ^(l) W^(l)ᵀ)
//                                     (m × n_l)(n_l × n_{l-1}) → m × n_{l-1}
//               = (Δ^(l) W^(l)ᵀ) ⊙ f'_{l-1}(Z^(l-1))   for an elementwise activation
// Δ carries the 1/m of the mean (from the output error), so the sums over the batch in
// A^(l-1)ᵀ Δ^(l) and in the column sums give means. Fills grads (resizing its vectors to
// L + 1 entries; a grads reused from an earlier call keeps its buffers). net and cache are
// not changed. Throws std::invalid_argument if check_network or check_cache fails, or Y is
// not m × n_L:
//   "backward: Y is 5 x 2 but A^(L) is 5 x 3; they must have the same shape"
void backward(const Network& net, const ForwardCache& cache, const Matrix& Y, Gradients& grads);

// The same, returning new gradients.
inline Gradients backward(const Network& net, const ForwardCache& cache, const Matrix& Y) {
  Gradients grads;
  backward(net, cache, Y, grads);
  return grads;
}

// Forward then backward on the batch (X, Y): the gradient of the mean cost at net.
inline Gradients gradient(const Network& net, const Matrix& X, const Matrix& Y) {
  return backward(net, forward(net, X), Y);
}

}  // namespace bp::mlp
