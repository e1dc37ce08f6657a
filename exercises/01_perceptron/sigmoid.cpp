// Stage 1, tasks 1.1 and 1.2. Read docs/01_perceptron.md, then replace each
// BP_NOT_IMPLEMENTED line with your code. Run: ./kit check 1   (or: ctest -L stage1)
#include "01_perceptron/sigmoid.hpp"

#include <cmath>

#include "bp/not_implemented.hpp"

namespace bp::perceptron {

double sigmoid([[maybe_unused]] double z) {
  // TODO(stage 1, task 1.1): return σ(z) = 1 / (1 + e^(-z)), stable for large |z|.
  BP_NOT_IMPLEMENTED("1.1", "docs/01_perceptron.md#task-11-the-sigmoid");
}

double sigmoid_prime([[maybe_unused]] double z) {
  // TODO(stage 1, task 1.2): return σ'(z) = σ(z) (1 - σ(z)).
  BP_NOT_IMPLEMENTED("1.2", "docs/01_perceptron.md#task-12-the-derivative-of-the-sigmoid");
}

}  // namespace bp::perceptron
