#pragma once
// Stage 3, task 3.9: the gradient-descent step and prediction, what a training loop calls.
// Guide: docs/03_vectorized.md. Shared by the exercises and the solutions builds.
#include <vector>

#include "03_vectorized/backward.hpp"
#include "03_vectorized/network.hpp"
#include "03_vectorized/shapes.hpp"

namespace bp::mlp {

// Task 3.9. One gradient-descent step with learning rate η, for every layer l = 1..L:
//   W^(l) ← W^(l) - η ∂C/∂W^(l)      n_{l-1} × n_l
//   b^(l) ← b^(l) - η ∂C/∂b^(l)      n_l
// grads.dW[l] and grads.db[l] must have the shapes of net.W[l] and net.b[l], and η must be
// finite and > 0 (std::invalid_argument otherwise, naming both shapes or the value of η).
void gradient_step(Network& net, const Gradients& grads, double eta);

// Task 3.9. The network's output for a batch X (m × n_0): A^(L), m × n_L (probabilities
// for sigmoid and softmax outputs, values for identity). Bit for bit the output of forward,
// without keeping the hidden layers. Same errors as forward.
Matrix predict(const Network& net, const Matrix& X);

// Task 3.9. The predicted class of every sample of X (m entries), for classifiers:
//   n_L = 1 (one sigmoid output):  1 if a ≥ 0.5, else 0
//   n_L > 1:                       the column of the row's largest a (the first one on ties)
std::vector<int> predict_classes(const Network& net, const Matrix& X);

}  // namespace bp::mlp
