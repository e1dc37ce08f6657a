#pragma once
// Stage 3, tasks 3.1 to 3.3: activation functions on a whole batch, their derivatives, and
// the backward step through an activation.
// Guide: docs/03_vectorized.md. Shared by the exercises and the solutions builds.
//
// Shapes: Z is the m × n matrix of pre-activations of one layer (m samples as rows, n
// nodes as columns); A = f(Z) has the same shape. Every function here works on any m × n
// with n ≥ 1 (a batch of m = 0 rows included), unless it says otherwise.
#include <string>

#include "03_vectorized/shapes.hpp"

namespace bp::mlp {

enum class Activation { identity, sigmoid, tanh, relu, leaky_relu, softmax };

// Leaky ReLU's slope for z ≤ 0.
inline constexpr double kLeakyReluSlope = 0.01;

// The name of every activation, as parse_activation accepts it and to_string prints it.
struct ActivationName {
  Activation f;
  const char* name;
};
inline constexpr ActivationName kActivationNames[] = {{Activation::identity, "identity"},
                                                      {Activation::sigmoid, "sigmoid"},
                                                      {Activation::tanh, "tanh"},
                                                      {Activation::relu, "relu"},
                                                      {Activation::leaky_relu, "leaky_relu"},
                                                      {Activation::softmax, "softmax"}};

// "sigmoid" for Activation::sigmoid (kit infrastructure, not an exercise).
inline const char* to_string(Activation f) {
  for (const ActivationName& a : kActivationNames)
    if (a.f == f) return a.name;
  return "unknown activation";
}

// Task 3.1. The activation with this name, exactly as spelled in kActivationNames
// ("leaky_relu", not "Leaky ReLU"). An unknown name throws std::invalid_argument whose
// message quotes the name and lists every valid one:
//   unknown activation "sigmoidd"; valid names: identity, sigmoid, tanh, relu, leaky_relu, softmax
Activation parse_activation(const std::string& name);

// Task 3.1. A = f(Z), m × n → m × n.
//   identity    a = z
//   sigmoid     a = 1 / (1 + e^(-z)), stable: σ(1000) == 1 and σ(-1000) == 0 exactly, never NaN
//   tanh        a = tanh(z)
//   relu        a = max(z, 0)
//   leaky_relu  a = z for z > 0, α z for z ≤ 0, α = kLeakyReluSlope
//   softmax     row by row: a_ij = e^(z_ij - c_i) / Σ_k e^(z_ik - c_i), c_i = max_k z_ik.
//               Subtracting the row maximum c_i changes nothing mathematically and keeps every
//               exponent ≤ 0: softmax([1000, 0]) == [1, 0], softmax([-1000, -1000]) == [½, ½].
// Elementwise for all but softmax, which couples the entries of each row (never of a column:
// rows are different samples).
Matrix activate(Activation f, const Matrix& Z);

// Task 3.2. The elementwise derivative f'(Z), m × n → m × n.
//   Z: the pre-activations, m × n.
//   A: f(Z), the activations the forward pass computed from this Z, m × n.
// sigmoid and tanh read their derivative off A, which saves recomputing the exponentials:
//   identity    f'(z) = 1
//   sigmoid     σ'(z) = σ(z) (1 - σ(z)) = a (1 - a)
//   tanh        tanh'(z) = 1 - tanh²(z) = 1 - a²
//   relu        f'(z) = 1 for z > 0, 0 for z ≤ 0        (the kink convention: f'(0) = 0)
//   leaky_relu  f'(z) = 1 for z > 0, α for z ≤ 0        (f'(0) = α)
// Careful: σ'(z) is not σ(a)(1 - σ(a)); A already is σ(Z).
// Throws std::invalid_argument if Z and A differ in shape, and for softmax, whose derivative
// is not elementwise (each row has an n × n Jacobian): use activation_backward for it.
Matrix activation_prime(Activation f, const Matrix& Z, const Matrix& A);

// Task 3.3. One backward step through the activation of a layer: given G = ∂C/∂A (m × n),
// returns Δ = ∂C/∂Z (m × n).
//   elementwise f:  Δ = G ⊙ f'(Z)                 (⊙: entry by entry)
//   softmax:        row by row, with s = a_i and g = g_i the rows i of A and G,
//                   δ_i = s ⊙ (g - (g · s) 1)     (the row's Jacobian diag(s) - s sᵀ times g)
// Z, A = f(Z) and G must all have the same shape (std::invalid_argument otherwise).
Matrix activation_backward(Activation f, const Matrix& Z, const Matrix& A, const Matrix& G);

}  // namespace bp::mlp
