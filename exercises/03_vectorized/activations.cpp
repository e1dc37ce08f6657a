// Stage 3, tasks 3.1 to 3.3. Read docs/03_vectorized.md, then replace each
// BP_NOT_IMPLEMENTED line with your code. Run: ./kit check 3   (or: ctest -L stage3)
// The math and the shapes of every function are in activations.hpp.
#include "03_vectorized/activations.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "bp/not_implemented.hpp"

namespace bp::mlp {

Activation parse_activation([[maybe_unused]] const std::string& name) {
  // TODO(stage 3, task 3.1): look the name up in kActivationNames; throw
  // std::invalid_argument listing every valid name when it is not there.
  BP_NOT_IMPLEMENTED("3.1", "docs/03_vectorized.md#task-31-activations");
}

Matrix activate([[maybe_unused]] Activation f, [[maybe_unused]] const Matrix& Z) {
  // TODO(stage 3, task 3.1): A = f(Z) for each activation; sigmoid stable for any z,
  // softmax row by row with the row maximum subtracted first.
  BP_NOT_IMPLEMENTED("3.1", "docs/03_vectorized.md#task-31-activations");
}

Matrix activation_prime([[maybe_unused]] Activation f, [[maybe_unused]] const Matrix& Z,
                        [[maybe_unused]] const Matrix& A) {
  // TODO(stage 3, task 3.2): f'(Z) entry by entry (σ' = a(1 - a), tanh' = 1 - a², ReLU'(0) = 0,
  // leaky ReLU' = α for z ≤ 0); check that Z and A have the same shape; softmax throws.
  BP_NOT_IMPLEMENTED("3.2", "docs/03_vectorized.md#task-32-activation-derivatives");
}

Matrix activation_backward([[maybe_unused]] Activation f, [[maybe_unused]] const Matrix& Z,
                           [[maybe_unused]] const Matrix& A, [[maybe_unused]] const Matrix& G) {
  // TODO(stage 3, task 3.3): Δ = G ⊙ f'(Z); for softmax, row by row s ⊙ (g - (g·s)).
  BP_NOT_IMPLEMENTED("3.3",
                     "docs/03_vectorized.md#task-33-the-backward-step-through-an-activation");
}

}  // namespace bp::mlp
