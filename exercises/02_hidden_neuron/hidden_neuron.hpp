#pragma once
// Stage 2: a scalar net with one hidden neuron, backpropagation by hand.
//
//     x ──(w1, b1)──> z1 = w1 x + b1 ──σ──> a1 ──(w2, b2)──> z2 = w2 a1 + b2 ──σ──> a2
//
//     z1 = w1 x + b1     pre-activation of the hidden neuron (layer 1)
//     a1 = σ(z1)         activation of the hidden neuron
//     z2 = w2 a1 + b2    pre-activation of the output neuron (layer 2); its input is a1, not x
//     a2 = σ(z2)         activation of the output neuron, the prediction
//     C  = ½ (a2 - y)²   cost of one sample with target y
//
// x is the input, y the target, σ the sigmoid of stage 1 (bp::perceptron::sigmoid, with its
// derivative sigmoid_prime: stage 2 calls your stage 1 code, so finish stage 1 first).
// Guide: docs/02_hidden_neuron.md. Shared by the exercises and the solutions builds.
#include <vector>

namespace bp::hidden {

// The parameters θ = (w1, b1, w2, b2): layer 1 (hidden) first, then layer 2 (output).
struct Params {
  double w1 = 0.0;  // weight from the input x to the hidden neuron
  double b1 = 0.0;  // bias of the hidden neuron
  double w2 = 0.0;  // weight from the hidden activation a1 to the output neuron
  double b2 = 0.0;  // bias of the output neuron
};

// Everything the forward pass computes for one sample; the backward pass needs all four.
struct Forward {
  double z1 = 0.0;  // z1 = w1 x + b1
  double a1 = 0.0;  // a1 = σ(z1)
  double z2 = 0.0;  // z2 = w2 a1 + b2
  double a2 = 0.0;  // a2 = σ(z2), the prediction
};

// The factors of the chain rule along the path from w1 to C, each on its own:
//     ∂C/∂w1 = ∂C/∂a2 · ∂a2/∂z2 · ∂z2/∂a1 · ∂a1/∂z1 · ∂z1/∂w1
// plus ∂z2/∂w2, the last factor on the shorter path from w2 to C. (∂z1/∂b1 = ∂z2/∂b2 = 1.)
struct ChainFactors {
  double dC_da2 = 0.0;   // ∂C/∂a2  = a2 - y      (how the cost reacts to the prediction)
  double da2_dz2 = 0.0;  // ∂a2/∂z2 = σ'(z2)      (slope of the output sigmoid at z2)
  double dz2_da1 = 0.0;  // ∂z2/∂a1 = w2          (the output weight: a1 enters z2 through w2)
  double da1_dz1 = 0.0;  // ∂a1/∂z1 = σ'(z1)      (slope of the hidden sigmoid at z1, not at a1)
  double dz1_dw1 = 0.0;  // ∂z1/∂w1 = x           (the input)
  double dz2_dw2 = 0.0;  // ∂z2/∂w2 = a1          (the output layer's input)
};

// The gradient of C for one sample (or the mean over a data set, see mean_gradient).
struct Gradient {
  double delta2 = 0.0;  // δ2 = ∂C/∂z2 = (a2 - y) σ'(z2)     output error
  double delta1 = 0.0;  // δ1 = ∂C/∂z1 = δ2 w2 σ'(z1)        hidden error
  double dC_dw1 = 0.0;  // ∂C/∂w1 = δ1 x
  double dC_db1 = 0.0;  // ∂C/∂b1 = δ1
  double dC_dw2 = 0.0;  // ∂C/∂w2 = δ2 a1
  double dC_db2 = 0.0;  // ∂C/∂b2 = δ2
};

// Task 2.1. Forward pass for one sample, keeping every intermediate value:
//     z1 = w1 x + b1,  a1 = σ(z1),  z2 = w2 a1 + b2,  a2 = σ(z2).
// Finite for any finite inputs (σ is stable, so saturated neurons give 0 or 1, never NaN).
Forward forward(const Params& p, double x);

// Task 2.2. The chain-rule factors at the sample (x, y), each on its own (see ChainFactors):
//     ∂C/∂a2 = a2 - y,  ∂a2/∂z2 = σ'(z2),  ∂z2/∂a1 = w2,  ∂a1/∂z1 = σ'(z1),
//     ∂z1/∂w1 = x,      ∂z2/∂w2 = a1.
// Does not change p.
ChainFactors chain_factors(const Params& p, double x, double y);

// Task 2.3. The output error for target y, from a forward pass f:
//     δ2 = ∂C/∂z2 = ∂C/∂a2 · ∂a2/∂z2 = (a2 - y) σ'(z2)
double output_error(const Forward& f, double y);

// Task 2.4. The hidden error, one step of the backward recursion:
//     δ1 = ∂C/∂z1 = δ2 · ∂z2/∂a1 · ∂a1/∂z1 = δ2 w2 σ'(z1)
// p: the parameters the forward pass f was computed with (δ1 reads p.w2, the weight that
// carried a1 into z2); delta2: the output error δ2 of that same forward pass.
double hidden_error(const Params& p, const Forward& f, double delta2);

// Task 2.5. All of the gradient of the one-sample cost C = ½ (a2 - y)², by backpropagation:
//     δ2 = (a2 - y) σ'(z2),   ∂C/∂w2 = δ2 a1,   ∂C/∂b2 = δ2
//     δ1 = δ2 w2 σ'(z1),      ∂C/∂w1 = δ1 x,    ∂C/∂b1 = δ1
// Does not change p.
Gradient gradient(const Params& p, double x, double y);

// Task 2.6. One gradient-descent step with learning rate η > 0:
//     w1 ← w1 - η ∂C/∂w1,  b1 ← b1 - η ∂C/∂b1,  w2 ← w2 - η ∂C/∂w2,  b2 ← b2 - η ∂C/∂b2
// Returns the new parameters; p itself is not changed.
Params gradient_step(const Params& p, const Gradient& g, double eta);

// Task 2.7. One stochastic gradient-descent step on the single sample (x, y), written layer
// by layer as the backward pass visits them: forward pass at p; output layer (δ2, then
// w2 and b2 updated); hidden layer (δ1, then w1 and b1 updated). Every gradient, δ1
// included, is the gradient at the OLD parameters p: δ1 = δ2 w2 σ'(z1) uses the w2 of p,
// the one the forward pass used, even though the new w2 is already known by then.
// The result equals gradient_step(p, gradient(p, x, y), eta) up to rounding. p itself is
// not changed.
Params backprop_step(const Params& p, double x, double y, double eta);

// Task 2.8a. Mean cost over n samples (xs[i], ys[i]), i = 0..n-1:
//     C(θ) = (1/n) Σ_i ½ (a2(x_i) - y_i)²
// xs and ys have the same size n ≥ 1 (std::invalid_argument otherwise, naming both sizes).
double mean_cost(const Params& p, const std::vector<double>& xs, const std::vector<double>& ys);

// Task 2.8b. Gradient of the mean cost: the mean of the per-sample gradients, every field
// (δ1 and δ2 included) averaged, e.g. ∂C/∂w1 = (1/n) Σ_i δ1_i x_i. Same size rules as
// mean_cost. Does not change p.
Gradient mean_gradient(const Params& p, const std::vector<double>& xs,
                       const std::vector<double>& ys);

// Task 2.8c. One epoch of full-batch gradient descent: the mean gradient at p, then one
// gradient_step with learning rate η. Updates p in place and returns the mean cost at the
// parameters the epoch started from (so a training loop logs C before each step).
double train_epoch(Params& p, const std::vector<double>& xs, const std::vector<double>& ys,
                   double eta);

}  // namespace bp::hidden
