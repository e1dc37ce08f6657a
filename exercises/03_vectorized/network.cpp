// Stage 3, tasks 3.6 and 3.7. Read docs/03_vectorized.md, then replace each
// BP_NOT_IMPLEMENTED line with your code. Run: ./kit check 3   (or: ctest -L stage3)
// The math and the shapes of every function are in network.hpp.
#include "03_vectorized/network.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "bp/not_implemented.hpp"
#include "bp/random.hpp"

namespace bp::mlp {

Network make_network([[maybe_unused]] const std::vector<Eigen::Index>& sizes,
                     [[maybe_unused]] const std::vector<Activation>& activations,
                     [[maybe_unused]] Cost cost, [[maybe_unused]] std::uint64_t seed) {
  // TODO(stage 3, task 3.6): check the arguments; W[l](i, j) = rng.normal() / sqrt(n_{l-1})
  // in the order of network.hpp, b[l] = 0.01; entry 0 of W, b, f stays empty.
  BP_NOT_IMPLEMENTED("3.6", "docs/03_vectorized.md#task-36-building-the-network");
}

void forward([[maybe_unused]] const Network& net, [[maybe_unused]] const Matrix& X,
             [[maybe_unused]] ForwardCache& cache) {
  // TODO(stage 3, task 3.7): check_network and the columns of X; A[0] = X, then for each
  // layer Z[l] = A[l-1] W[l] + 1 b[l]ᵀ and A[l] = activate(f[l], Z[l]).
  BP_NOT_IMPLEMENTED("3.7", "docs/03_vectorized.md#task-37-the-forward-pass");
}

}  // namespace bp::mlp
