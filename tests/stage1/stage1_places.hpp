#pragma once
// The edit point of every stage 1 task, for failure messages (matches tests/stage1/tasks.json).
#include "where.hpp"

namespace bp::test::stage1 {

inline constexpr Where kSigmoid{"sigmoid", "exercises/01_perceptron/sigmoid.cpp",
                                "docs/01_perceptron.md#task-11-the-sigmoid"};
inline constexpr Where kSigmoidPrime{"sigmoid_prime", "exercises/01_perceptron/sigmoid.cpp",
                                     "docs/01_perceptron.md#task-12-the-derivative-of-the-sigmoid"};
inline constexpr Where kForward{"forward", "exercises/01_perceptron/perceptron.cpp",
                                "docs/01_perceptron.md#task-13-the-forward-pass"};
inline constexpr Where kCost{"cost", "exercises/01_perceptron/perceptron.cpp",
                             "docs/01_perceptron.md#task-14-the-cost"};
inline constexpr Where kGradient{"gradient", "exercises/01_perceptron/perceptron.cpp",
                                 "docs/01_perceptron.md#task-15-the-gradient"};
inline constexpr Where kGradientStep{"gradient_step", "exercises/01_perceptron/perceptron.cpp",
                                     "docs/01_perceptron.md#task-16-one-gradient-descent-step"};
inline constexpr Where kMeanCost{"mean_cost", "exercises/01_perceptron/perceptron.cpp",
                                 "docs/01_perceptron.md#task-17-training-over-a-data-set"};
inline constexpr Where kMeanGradient{"mean_gradient", "exercises/01_perceptron/perceptron.cpp",
                                     "docs/01_perceptron.md#task-17-training-over-a-data-set"};
inline constexpr Where kTrainEpoch{"train_epoch", "exercises/01_perceptron/perceptron.cpp",
                                   "docs/01_perceptron.md#task-17-training-over-a-data-set"};

}  // namespace bp::test::stage1
