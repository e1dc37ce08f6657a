#pragma once
// Stage 1, tasks 1.1 and 1.2: the sigmoid activation and its derivative.
// Guide: docs/01_perceptron.md. Shared by the exercises and the solutions builds.

namespace bp::perceptron {

// Task 1.1. The logistic sigmoid
//     σ(z) = 1 / (1 + e^(-z))
// z: any finite double. Returns a value in [0, 1].
// Must be numerically stable: σ(1000) == 1 exactly, σ(-1000) == 0 exactly, never NaN.
// (e^(-z) overflows to inf for z < -709; decide which form to use from the sign of z.)
double sigmoid(double z);

// Task 1.2. The derivative of the sigmoid with respect to z
//     σ'(z) = σ(z) (1 - σ(z))
// z: the pre-activation (not the activation a = σ(z)). Returns a value in [0, 1/4].
double sigmoid_prime(double z);

}  // namespace bp::perceptron
