// Stage 1, tasks 1.3 to 1.7. Read docs/01_perceptron.md, then replace each
// BP_NOT_IMPLEMENTED line with your code. Run: ./kit check 1   (or: ctest -L stage1)
#include "01_perceptron/perceptron.hpp"

#include <stdexcept>
#include <string>

#include "01_perceptron/sigmoid.hpp"
#include "bp/not_implemented.hpp"

namespace bp::perceptron {

Forward forward([[maybe_unused]] const Params& p, [[maybe_unused]] double x) {
  // TODO(stage 1, task 1.3): z = w x + b, a = σ(z).
  BP_NOT_IMPLEMENTED("1.3", "docs/01_perceptron.md#task-13-the-forward-pass");
}

double cost([[maybe_unused]] double a, [[maybe_unused]] double y) {
  // TODO(stage 1, task 1.4): C = ½ (a - y)².
  BP_NOT_IMPLEMENTED("1.4", "docs/01_perceptron.md#task-14-the-cost");
}

Gradient gradient([[maybe_unused]] const Params& p, [[maybe_unused]] double x,
                  [[maybe_unused]] double y) {
  // TODO(stage 1, task 1.5): δ = (a - y) σ'(z), ∂C/∂w = δ x, ∂C/∂b = δ.
  BP_NOT_IMPLEMENTED("1.5", "docs/01_perceptron.md#task-15-the-gradient");
}

Params gradient_step([[maybe_unused]] const Params& p, [[maybe_unused]] const Gradient& g,
                     [[maybe_unused]] double eta) {
  // TODO(stage 1, task 1.6): w ← w - η ∂C/∂w, b ← b - η ∂C/∂b.
  BP_NOT_IMPLEMENTED("1.6", "docs/01_perceptron.md#task-16-one-gradient-descent-step");
}

double mean_cost([[maybe_unused]] const Params& p, [[maybe_unused]] const std::vector<double>& xs,
                 [[maybe_unused]] const std::vector<double>& ys) {
  // TODO(stage 1, task 1.7): the mean of the per-sample costs; check the sizes first.
  BP_NOT_IMPLEMENTED("1.7", "docs/01_perceptron.md#task-17-training-over-a-data-set");
}

Gradient mean_gradient([[maybe_unused]] const Params& p,
                       [[maybe_unused]] const std::vector<double>& xs,
                       [[maybe_unused]] const std::vector<double>& ys) {
  // TODO(stage 1, task 1.7): the mean of the per-sample gradients; check the sizes first.
  BP_NOT_IMPLEMENTED("1.7", "docs/01_perceptron.md#task-17-training-over-a-data-set");
}

double train_epoch([[maybe_unused]] Params& p, [[maybe_unused]] const std::vector<double>& xs,
                   [[maybe_unused]] const std::vector<double>& ys, [[maybe_unused]] double eta) {
  // TODO(stage 1, task 1.7): cost and mean gradient at p, then one gradient_step.
  BP_NOT_IMPLEMENTED("1.7", "docs/01_perceptron.md#task-17-training-over-a-data-set");
}

}  // namespace bp::perceptron
