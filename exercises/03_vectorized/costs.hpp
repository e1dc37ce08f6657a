#pragma once
// Stage 3, tasks 3.4 and 3.5: the costs of a batch and the output error Δ^(L) = ∂C/∂Z^(L).
// Guide: docs/03_vectorized.md. Shared by the exercises and the solutions builds.
//
// Shapes: m samples as rows. Z = Z^(L) (the output layer's pre-activations, the "logits"),
// A = A^(L) = f_L(Z) and the targets Y are all m × n_L, with m ≥ 1.
// Every cost is the MEAN over the m samples (rows) of the per-sample cost, so every gradient
// below carries a factor 1/m.
#include <string>

#include "03_vectorized/activations.hpp"
#include "03_vectorized/shapes.hpp"

namespace bp::mlp {

enum class Cost { mse, binary_cross_entropy, cross_entropy };

struct CostName {
  Cost c;
  const char* name;
};
inline constexpr CostName kCostNames[] = {{Cost::mse, "mse"},
                                          {Cost::binary_cross_entropy, "binary_cross_entropy"},
                                          {Cost::cross_entropy, "cross_entropy"}};

// "mse" for Cost::mse (kit infrastructure, not an exercise).
inline const char* to_string(Cost c) {
  for (const CostName& n : kCostNames)
    if (n.c == c) return n.name;
  return "unknown cost";
}

// Which output activation each cost needs (kit infrastructure). Binary cross-entropy is
// computed from the logit of a sigmoid output and softmax cross-entropy from the logits of a
// softmax output, so those pairs are fixed; MSE works with every output activation.
inline bool cost_accepts(Cost c, Activation output) {
  switch (c) {
    case Cost::binary_cross_entropy:
      return output == Activation::sigmoid;
    case Cost::cross_entropy:
      return output == Activation::softmax;
    case Cost::mse:
      return true;
  }
  return false;
}

// The matched pairs, for which Δ^(L) simplifies to (A - Y) / m: identity + MSE, sigmoid +
// binary cross-entropy, softmax + cross-entropy (docs/03_vectorized.md#the-matched-pairs).
inline bool is_matched_pair(Activation output, Cost c) {
  return (output == Activation::identity && c == Cost::mse) ||
         (output == Activation::sigmoid && c == Cost::binary_cross_entropy) ||
         (output == Activation::softmax && c == Cost::cross_entropy);
}

// Throws std::invalid_argument unless cost_accepts(c, output):
//   "make_network: cost cross_entropy needs a softmax output layer, not sigmoid"
inline void require_cost_accepts(const std::string& function, Cost c, Activation output) {
  if (!cost_accepts(c, output))
    throw std::invalid_argument(function + ": cost " + to_string(c) + " needs a " +
                                (c == Cost::cross_entropy ? "softmax" : "sigmoid") +
                                " output layer, not " + to_string(output));
}

// Task 3.4. The cost with this name, exactly as spelled in kCostNames. An unknown name throws
// std::invalid_argument quoting it and listing every valid name.
Cost parse_cost(const std::string& name);

// Task 3.4. Mean squared error, half of it:
//   C = (1/m) Σ_i ½ ‖a_i - y_i‖² = (1 / 2m) Σ_ij (A_ij - Y_ij)²
// A: m × n predictions, Y: m × n targets. Returns a scalar ≥ 0.
double mse(const Matrix& A, const Matrix& Y);

// Task 3.4. Binary cross-entropy of sigmoid outputs a = σ(z), from the logits Z:
//   per entry  -[y log a + (1 - y) log(1 - a)]  =  max(z, 0) - z y + log(1 + e^(-|z|))
//   C = (1/m) Σ_i Σ_j (that), summed over the n outputs of a sample, averaged over samples.
// Z: m × n logits (usually n = 1), Y: m × n targets in [0, 1]. Use the right-hand form:
// it is finite for every z (log1p(e^(-|z|)) never sees log(0)), even where σ(z) rounds to
// exactly 1 or 0 and the left-hand form gives log(0) = -inf.
double binary_cross_entropy(const Matrix& Z, const Matrix& Y);

// Task 3.4. Softmax cross-entropy from the logits Z (the softmax is inside, not applied
// before):
//   per sample  -Σ_j y_j log softmax(z)_j  =  logsumexp(z) - Σ_j y_j z_j
//   logsumexp(z) = c + log Σ_j e^(z_j - c),   c = max_j z_j
//   C = (1/m) Σ_i (that)
// Z: m × n logits, Y: m × n targets, one-hot rows (any rows summing to 1 work).
// Logits [1000, 0] with y = [0, 1] give exactly 1000, not inf.
double softmax_cross_entropy(const Matrix& Z, const Matrix& Y);

// Task 3.4. The cost c of a batch: mse(A, Y), binary_cross_entropy(Z, Y) or
// softmax_cross_entropy(Z, Y). Z, A = f_L(Z) and Y: m × n_L each.
double cost(Cost c, const Matrix& Z, const Matrix& A, const Matrix& Y);

// Task 3.5. ∂C/∂A of the MSE, m × n:
//   ∂/∂A_ij (1 / 2m) Σ_kl (A_kl - Y_kl)² = (A_ij - Y_ij) / m,   i.e.  (A - Y) / m
Matrix mse_gradient(const Matrix& A, const Matrix& Y);

// Task 3.5. The output error Δ^(L) = ∂C/∂Z^(L), m × n_L, for output activation f and cost c:
//   matched pairs (is_matched_pair):    Δ = (A - Y) / m
//   MSE with any other activation:      Δ = activation_backward(f, Z, A, (A - Y) / m)
//                                         = ((A - Y) / m) ⊙ f'(Z), or for softmax the
//                                           row-wise Jacobian product s ⊙ (g - (g·s))
// Throws std::invalid_argument if the shapes differ or m = 0, and (require_cost_accepts)
// for binary cross-entropy without a sigmoid or cross-entropy without a softmax output.
Matrix output_error(Activation f, Cost c, const Matrix& Z, const Matrix& A, const Matrix& Y);

}  // namespace bp::mlp
