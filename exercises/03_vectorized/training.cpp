// Stage 3, task 3.9. Read docs/03_vectorized.md, then replace each BP_NOT_IMPLEMENTED line
// with your code. Run: ./kit check 3   (or: ctest -L stage3)
// The math and the shapes of every function are in training.hpp.
#include "03_vectorized/training.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "bp/not_implemented.hpp"

namespace bp::mlp {

void gradient_step([[maybe_unused]] Network& net, [[maybe_unused]] const Gradients& grads,
                   [[maybe_unused]] double eta) {
  // TODO(stage 3, task 3.9): check η and every shape first, then
  // W[l] -= η dW[l] and b[l] -= η db[l] for every layer.
  BP_NOT_IMPLEMENTED("3.9", "docs/03_vectorized.md#task-39-gradient-descent-and-prediction");
}

Matrix predict([[maybe_unused]] const Network& net, [[maybe_unused]] const Matrix& X) {
  // TODO(stage 3, task 3.9): the forward pass, keeping only the last A.
  BP_NOT_IMPLEMENTED("3.9", "docs/03_vectorized.md#task-39-gradient-descent-and-prediction");
}

std::vector<int> predict_classes([[maybe_unused]] const Network& net,
                                 [[maybe_unused]] const Matrix& X) {
  // TODO(stage 3, task 3.9): 1 if a ≥ 0.5 for one output, else the column of the row maximum.
  BP_NOT_IMPLEMENTED("3.9", "docs/03_vectorized.md#task-39-gradient-descent-and-prediction");
}

}  // namespace bp::mlp
