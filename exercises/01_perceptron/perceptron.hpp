#pragma once
// Stage 1: the scalar perceptron, one input x, one weight w, one bias b.
//     z = w x + b        (pre-activation)
//     a = σ(z)           (activation, the prediction)
//     C = ½ (a - y)²     (cost of one sample with target y)
// Guide: docs/01_perceptron.md. Shared by the exercises and the solutions builds.
#include <vector>

namespace bp::perceptron {

// The parameters θ = (w, b).
struct Params {
  double w = 0.0;
  double b = 0.0;
};

// What the forward pass computes for one sample.
struct Forward {
  double z = 0.0;  // z = w x + b
  double a = 0.0;  // a = σ(z)
};

// The gradient of C for one sample (or the mean over a data set, see mean_gradient).
struct Gradient {
  double delta = 0.0;  // δ    = ∂C/∂z = (a - y) σ'(z)
  double dC_dw = 0.0;  // ∂C/∂w = δ x
  double dC_db = 0.0;  // ∂C/∂b = δ
};

// Task 1.3. Forward pass for one sample: z = w x + b, a = σ(z).
Forward forward(const Params& p, double x);

// Task 1.4. Cost of one sample: C = ½ (a - y)², a the prediction, y the target.
double cost(double a, double y);

// Task 1.5. Gradient of the one-sample cost C = ½ (σ(w x + b) - y)² by the chain rule:
//     δ = ∂C/∂a · ∂a/∂z = (a - y) σ'(z)
//     ∂C/∂w = δ ∂z/∂w = δ x
//     ∂C/∂b = δ ∂z/∂b = δ
// Does not change p.
Gradient gradient(const Params& p, double x, double y);

// Task 1.6. One gradient-descent step with learning rate η > 0:
//     w ← w - η ∂C/∂w,   b ← b - η ∂C/∂b
// Returns the new parameters; p itself is not changed.
Params gradient_step(const Params& p, const Gradient& g, double eta);

// Task 1.7a. Mean cost over n samples (xs[i], ys[i]), i = 0..n-1:
//     C(θ) = (1/n) Σ_i ½ (σ(w x_i + b) - y_i)²
// xs and ys have the same size n ≥ 1 (std::invalid_argument otherwise, naming both sizes).
double mean_cost(const Params& p, const std::vector<double>& xs, const std::vector<double>& ys);

// Task 1.7b. Gradient of the mean cost: the mean of the per-sample gradients,
//     ∂C/∂w = (1/n) Σ_i δ_i x_i,   ∂C/∂b = (1/n) Σ_i δ_i,   delta = (1/n) Σ_i δ_i.
// Same size rules as mean_cost.
Gradient mean_gradient(const Params& p, const std::vector<double>& xs,
                       const std::vector<double>& ys);

// Task 1.7c. One epoch of full-batch gradient descent: compute the mean gradient at p,
// then take one gradient_step with learning rate η. Updates p in place and returns the mean
// cost at the parameters the epoch started from.
double train_epoch(Params& p, const std::vector<double>& xs, const std::vector<double>& ys,
                   double eta);

}  // namespace bp::perceptron
