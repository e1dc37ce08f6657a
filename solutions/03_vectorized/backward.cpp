// Reference solution, stage 3, task 3.8.
#include "03_vectorized/backward.hpp"

#include "03_vectorized/activations.hpp"
#include "03_vectorized/costs.hpp"

namespace bp::mlp {

void backward(const Network& net, const ForwardCache& cache, const Matrix& Y, Gradients& grads) {
  check_network("backward", net);
  check_cache("backward", net, cache);
  require_same_shape("backward", "Y", Y, "A^(L)", cache.A.back());
  require_nonempty_batch("backward", "Y", Y);

  const std::size_t L = net.W.size() - 1;
  grads.Delta.resize(L + 1);
  grads.dW.resize(L + 1);
  grads.db.resize(L + 1);
  grads.Delta[0].resize(0, 0);
  grads.dW[0].resize(0, 0);
  grads.db[0].resize(0);

  grads.Delta[L] = output_error(net.f[L], net.cost, cache.Z[L], cache.A[L], Y);
  for (std::size_t l = L; l >= 1; --l) {
    // Δ^(l) already holds the 1/m, so these sums over the batch are means.
    grads.dW[l].noalias() = cache.A[l - 1].transpose() * grads.Delta[l];
    grads.db[l] = grads.Delta[l].colwise().sum().transpose();
    if (l > 1) {
      const Matrix& Z = cache.Z[l - 1];
      const Matrix& A = cache.A[l - 1];
      Matrix& Delta = grads.Delta[l - 1];
      Delta.noalias() = grads.Delta[l] * net.W[l].transpose();  // ∂C/∂A^(l-1) first
      Delta = activation_backward(net.f[l - 1], Z, A, Delta);
    }
  }
}

}  // namespace bp::mlp
