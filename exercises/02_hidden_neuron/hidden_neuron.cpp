// Stage 2, tasks 2.1 to 2.8. Finish stage 1 first (this stage calls your sigmoid and
// sigmoid_prime), read docs/02_hidden_neuron.md, then replace each BP_NOT_IMPLEMENTED line
// with your code. Run: ./kit check 2   (or: ctest -L stage2)
#include "02_hidden_neuron/hidden_neuron.hpp"

#include <stdexcept>
#include <string>

#include "01_perceptron/perceptron.hpp"
#include "01_perceptron/sigmoid.hpp"
#include "bp/not_implemented.hpp"

namespace bp::hidden {

// σ and σ' from stage 1, and the one-sample cost ½ (a - y)² too if you like.
using bp::perceptron::sigmoid;
using bp::perceptron::sigmoid_prime;

Forward forward([[maybe_unused]] const Params& p, [[maybe_unused]] double x) {
  // TODO(stage 2, task 2.1): z1 = w1 x + b1, a1 = σ(z1), z2 = w2 a1 + b2, a2 = σ(z2).
  BP_NOT_IMPLEMENTED("2.1", "docs/02_hidden_neuron.md#task-21-the-forward-pass");
}

ChainFactors chain_factors([[maybe_unused]] const Params& p, [[maybe_unused]] double x,
                           [[maybe_unused]] double y) {
  // TODO(stage 2, task 2.2): forward pass, then each factor: a2 - y, σ'(z2), w2, σ'(z1), x, a1.
  BP_NOT_IMPLEMENTED("2.2", "docs/02_hidden_neuron.md#task-22-the-chain-rule-factors");
}

double output_error([[maybe_unused]] const Forward& f, [[maybe_unused]] double y) {
  // TODO(stage 2, task 2.3): δ2 = (a2 - y) σ'(z2).
  BP_NOT_IMPLEMENTED("2.3", "docs/02_hidden_neuron.md#task-23-the-output-error");
}

double hidden_error([[maybe_unused]] const Params& p, [[maybe_unused]] const Forward& f,
                    [[maybe_unused]] double delta2) {
  // TODO(stage 2, task 2.4): δ1 = δ2 w2 σ'(z1).
  BP_NOT_IMPLEMENTED("2.4", "docs/02_hidden_neuron.md#task-24-the-hidden-error");
}

Gradient gradient([[maybe_unused]] const Params& p, [[maybe_unused]] double x,
                  [[maybe_unused]] double y) {
  // TODO(stage 2, task 2.5): forward, δ2, δ1, then ∂C/∂w2 = δ2 a1, ∂C/∂b2 = δ2,
  // ∂C/∂w1 = δ1 x, ∂C/∂b1 = δ1.
  BP_NOT_IMPLEMENTED("2.5", "docs/02_hidden_neuron.md#task-25-the-four-gradients");
}

Params gradient_step([[maybe_unused]] const Params& p, [[maybe_unused]] const Gradient& g,
                     [[maybe_unused]] double eta) {
  // TODO(stage 2, task 2.6): each parameter θ ← θ - η ∂C/∂θ; return the new Params.
  BP_NOT_IMPLEMENTED("2.6", "docs/02_hidden_neuron.md#task-26-one-gradient-descent-step");
}

Params backprop_step([[maybe_unused]] const Params& p, [[maybe_unused]] double x,
                     [[maybe_unused]] double y, [[maybe_unused]] double eta) {
  // TODO(stage 2, task 2.7): forward; output layer (δ2, new w2, b2); hidden layer (δ1 with
  // the OLD w2, new w1, b1).
  BP_NOT_IMPLEMENTED("2.7", "docs/02_hidden_neuron.md#task-27-one-backprop-step-on-one-sample");
}

double mean_cost([[maybe_unused]] const Params& p, [[maybe_unused]] const std::vector<double>& xs,
                 [[maybe_unused]] const std::vector<double>& ys) {
  // TODO(stage 2, task 2.8): the mean of the per-sample costs; check the sizes first.
  BP_NOT_IMPLEMENTED("2.8", "docs/02_hidden_neuron.md#task-28-training-over-a-data-set");
}

Gradient mean_gradient([[maybe_unused]] const Params& p,
                       [[maybe_unused]] const std::vector<double>& xs,
                       [[maybe_unused]] const std::vector<double>& ys) {
  // TODO(stage 2, task 2.8): the mean of the per-sample gradients; check the sizes first.
  BP_NOT_IMPLEMENTED("2.8", "docs/02_hidden_neuron.md#task-28-training-over-a-data-set");
}

double train_epoch([[maybe_unused]] Params& p, [[maybe_unused]] const std::vector<double>& xs,
                   [[maybe_unused]] const std::vector<double>& ys, [[maybe_unused]] double eta) {
  // TODO(stage 2, task 2.8): cost and mean gradient at p, then one gradient_step.
  BP_NOT_IMPLEMENTED("2.8", "docs/02_hidden_neuron.md#task-28-training-over-a-data-set");
}

}  // namespace bp::hidden
