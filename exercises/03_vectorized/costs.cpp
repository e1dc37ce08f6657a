// Stage 3, tasks 3.4 and 3.5. Read docs/03_vectorized.md, then replace each
// BP_NOT_IMPLEMENTED line with your code. Run: ./kit check 3   (or: ctest -L stage3)
// The math and the shapes of every function are in costs.hpp.
#include "03_vectorized/costs.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "bp/not_implemented.hpp"

namespace bp::mlp {

Cost parse_cost([[maybe_unused]] const std::string& name) {
  // TODO(stage 3, task 3.4): look the name up in kCostNames; throw std::invalid_argument
  // listing every valid name when it is not there.
  BP_NOT_IMPLEMENTED("3.4", "docs/03_vectorized.md#task-34-costs");
}

double mse([[maybe_unused]] const Matrix& A, [[maybe_unused]] const Matrix& Y) {
  // TODO(stage 3, task 3.4): (1/m) Σ_i ½ ‖a_i - y_i‖²; check the shapes and m ≥ 1 first.
  BP_NOT_IMPLEMENTED("3.4", "docs/03_vectorized.md#task-34-costs");
}

double binary_cross_entropy([[maybe_unused]] const Matrix& Z, [[maybe_unused]] const Matrix& Y) {
  // TODO(stage 3, task 3.4): (1/m) Σ_ij max(z, 0) - z y + log1p(e^(-|z|)).
  BP_NOT_IMPLEMENTED("3.4", "docs/03_vectorized.md#task-34-costs");
}

double softmax_cross_entropy([[maybe_unused]] const Matrix& Z, [[maybe_unused]] const Matrix& Y) {
  // TODO(stage 3, task 3.4): (1/m) Σ_i logsumexp(z_i) - y_i·z_i, logsumexp with the row
  // maximum taken out.
  BP_NOT_IMPLEMENTED("3.4", "docs/03_vectorized.md#task-34-costs");
}

double cost([[maybe_unused]] Cost c, [[maybe_unused]] const Matrix& Z,
            [[maybe_unused]] const Matrix& A, [[maybe_unused]] const Matrix& Y) {
  // TODO(stage 3, task 3.4): call mse(A, Y), binary_cross_entropy(Z, Y) or
  // softmax_cross_entropy(Z, Y).
  BP_NOT_IMPLEMENTED("3.4", "docs/03_vectorized.md#task-34-costs");
}

Matrix mse_gradient([[maybe_unused]] const Matrix& A, [[maybe_unused]] const Matrix& Y) {
  // TODO(stage 3, task 3.5): ∂C/∂A = (A - Y) / m.
  BP_NOT_IMPLEMENTED("3.5", "docs/03_vectorized.md#task-35-the-output-error");
}

Matrix output_error([[maybe_unused]] Activation f, [[maybe_unused]] Cost c,
                    [[maybe_unused]] const Matrix& Z, [[maybe_unused]] const Matrix& A,
                    [[maybe_unused]] const Matrix& Y) {
  // TODO(stage 3, task 3.5): (A - Y) / m for the matched pairs, otherwise
  // activation_backward(f, Z, A, mse_gradient(A, Y)).
  BP_NOT_IMPLEMENTED("3.5", "docs/03_vectorized.md#task-35-the-output-error");
}

}  // namespace bp::mlp
