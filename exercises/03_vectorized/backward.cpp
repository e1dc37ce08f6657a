// Stage 3, task 3.8. Read docs/03_vectorized.md, then replace the BP_NOT_IMPLEMENTED line
// with your code. Run: ./kit check 3   (or: ctest -L stage3)
// The math and the shapes are in backward.hpp.
#include "03_vectorized/backward.hpp"

#include "03_vectorized/activations.hpp"
#include "03_vectorized/costs.hpp"
#include "bp/not_implemented.hpp"

namespace bp::mlp {

void backward([[maybe_unused]] const Network& net, [[maybe_unused]] const ForwardCache& cache,
              [[maybe_unused]] const Matrix& Y, [[maybe_unused]] Gradients& grads) {
  // TODO(stage 3, task 3.8): Δ^(L) = output_error(...); then for l = L..1:
  // dW[l] = A^(l-1)ᵀ Δ^(l), db[l] = column sums of Δ^(l), and for l > 1
  // Δ^(l-1) = activation_backward(f_{l-1}, Z^(l-1), A^(l-1), Δ^(l) W^(l)ᵀ).
  BP_NOT_IMPLEMENTED("3.8", "docs/03_vectorized.md#task-38-the-backward-pass");
}

}  // namespace bp::mlp
