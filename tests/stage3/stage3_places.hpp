#pragma once
// The edit point of every stage 3 function, for failure messages (matches
// tests/stage3/tasks.json).
#include "where.hpp"

namespace bp::test::stage3 {

inline constexpr const char* kActivationsFile = "exercises/03_vectorized/activations.cpp";
inline constexpr const char* kCostsFile = "exercises/03_vectorized/costs.cpp";
inline constexpr const char* kNetworkFile = "exercises/03_vectorized/network.cpp";
inline constexpr const char* kBackwardFile = "exercises/03_vectorized/backward.cpp";
inline constexpr const char* kTrainingFile = "exercises/03_vectorized/training.cpp";

inline constexpr const char* kDocs31 = "docs/03_vectorized.md#task-31-activations";
inline constexpr const char* kDocs32 = "docs/03_vectorized.md#task-32-activation-derivatives";
inline constexpr const char* kDocs33 =
    "docs/03_vectorized.md#task-33-the-backward-step-through-an-activation";
inline constexpr const char* kDocs34 = "docs/03_vectorized.md#task-34-costs";
inline constexpr const char* kDocs35 = "docs/03_vectorized.md#task-35-the-output-error";
inline constexpr const char* kDocs36 = "docs/03_vectorized.md#task-36-building-the-network";
inline constexpr const char* kDocs37 = "docs/03_vectorized.md#task-37-the-forward-pass";
inline constexpr const char* kDocs38 = "docs/03_vectorized.md#task-38-the-backward-pass";
inline constexpr const char* kDocs39 =
    "docs/03_vectorized.md#task-39-gradient-descent-and-prediction";

inline constexpr Where kParseActivation{"parse_activation", kActivationsFile, kDocs31};
inline constexpr Where kActivate{"activate", kActivationsFile, kDocs31};
inline constexpr Where kActivationPrime{"activation_prime", kActivationsFile, kDocs32};
inline constexpr Where kActivationBackward{"activation_backward", kActivationsFile, kDocs33};
inline constexpr Where kParseCost{"parse_cost", kCostsFile, kDocs34};
inline constexpr Where kMse{"mse", kCostsFile, kDocs34};
inline constexpr Where kBinaryCrossEntropy{"binary_cross_entropy", kCostsFile, kDocs34};
inline constexpr Where kSoftmaxCrossEntropy{"softmax_cross_entropy", kCostsFile, kDocs34};
inline constexpr Where kCost{"cost", kCostsFile, kDocs34};
inline constexpr Where kMseGradient{"mse_gradient", kCostsFile, kDocs35};
inline constexpr Where kOutputError{"output_error", kCostsFile, kDocs35};
inline constexpr Where kMakeNetwork{"make_network", kNetworkFile, kDocs36};
inline constexpr Where kForward{"forward", kNetworkFile, kDocs37};
inline constexpr Where kBackward{"backward", kBackwardFile, kDocs38};
inline constexpr Where kGradientStep{"gradient_step", kTrainingFile, kDocs39};
inline constexpr Where kPredict{"predict", kTrainingFile, kDocs39};
inline constexpr Where kPredictClasses{"predict_classes", kTrainingFile, kDocs39};

}  // namespace bp::test::stage3
