// Task 3.9: the gradient-descent step, prediction, and a short training run that uses every
// task of the stage.
#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "03_vectorized/backward.hpp"
#include "03_vectorized/network.hpp"
#include "03_vectorized/training.hpp"
#include "bp/random.hpp"
#include "stage3_places.hpp"
#include "stage3_support.hpp"

namespace {

using bp::mlp::Activation;
using bp::mlp::Cost;
using bp::mlp::gradient_step;
using bp::mlp::Gradients;
using bp::mlp::Matrix;
using bp::mlp::Network;
using bp::mlp::predict;
using bp::mlp::predict_classes;
using bp::test::describe;
using namespace bp::test::stage3;
namespace places = bp::test::stage3;

// A 2-2-1 network and gradients whose step is exact in binary floating point.
Network tiny_network() {
  Network net;
  net.W = {Matrix(), mat({{1.0, 2.0}, {-1.0, 0.5}}), mat({{0.25}, {-3.0}})};
  net.b = {bp::mlp::Vector(), vec({0.5, -0.5}), vec({1.0})};
  net.f = {Activation::identity, Activation::tanh, Activation::identity};
  net.cost = Cost::mse;
  return net;
}

Gradients tiny_gradients() {
  Gradients g;
  g.dW = {Matrix(), mat({{0.5, -1.0}, {2.0, 0.0}}), mat({{-0.25}, {1.0}})};
  g.db = {bp::mlp::Vector(), vec({1.0, -2.0}), vec({0.5})};
  g.Delta = {Matrix(), Matrix(), Matrix()};
  return g;
}

TEST(NetworkUpdate, MovesEveryParameterAgainstItsGradient) {
  Network net = tiny_network();
  gradient_step(net, tiny_gradients(), 0.5);  // W ← W - ½ dW, b ← b - ½ db
  EXPECT_TRUE(same_bits(net.W[1], mat({{0.75, 2.5}, {-2.0, 0.5}})))
      << "W1" << describe(places::kGradientStep);
  EXPECT_TRUE(same_bits(net.b[1], vec({0.0, 0.5}))) << "b1" << describe(places::kGradientStep);
  EXPECT_TRUE(same_bits(net.W[2], mat({{0.375}, {-3.5}})))
      << "W2" << describe(places::kGradientStep);
  EXPECT_TRUE(same_bits(net.b[2], vec({0.75}))) << "b2" << describe(places::kGradientStep);
}

TEST(NetworkUpdate, RejectsGradientsOfTheWrongShapeAndChangesNothing) {
  Network net = tiny_network();
  Gradients g = tiny_gradients();
  g.dW[2] = Matrix::Zero(1, 2);  // W2 is 2 x 1
  EXPECT_TRUE(throws_invalid_argument([&] { gradient_step(net, g, 0.5); }, {"1 x 2", "2 x 1"}))
      << describe(places::kGradientStep);
  const Network before = tiny_network();
  for (std::size_t l = 1; l < 3; ++l) {
    EXPECT_TRUE(same_bits(net.W[l], before.W[l]))
        << "W" << l << " changed by a call that threw" << describe(places::kGradientStep);
    EXPECT_TRUE(same_bits(net.b[l], before.b[l]))
        << "b" << l << " changed by a call that threw" << describe(places::kGradientStep);
  }
}

TEST(NetworkUpdate, RejectsALearningRateThatIsNotPositiveAndFinite) {
  for (double eta : {0.0, -0.1, std::numeric_limits<double>::quiet_NaN(),
                     std::numeric_limits<double>::infinity()}) {
    Network net = tiny_network();
    EXPECT_TRUE(throws_invalid_argument([&] { gradient_step(net, tiny_gradients(), eta); }, {}))
        << "gradient_step with eta = " << eta << describe(places::kGradientStep);
  }
}

TEST(NetworkPredict, EqualsTheOutputOfForwardBitForBit) {
  const Network net =
      test_network({3, 5, 4, 3}, {Activation::relu, Activation::tanh, Activation::softmax},
                   Cost::cross_entropy, 121);
  bp::Rng rng(122);
  const Matrix X = normal_matrix(7, 3, rng);
  EXPECT_TRUE(same_bits(predict(net, X), bp::mlp::forward(net, X).output()))
      << describe(places::kPredict);
}

TEST(NetworkPredict, ThrowsWhenXHasTheWrongNumberOfFeatures) {
  const Network net = tiny_network();
  EXPECT_TRUE(
      throws_invalid_argument([&] { predict(net, Matrix::Zero(4, 3)); }, {"4 x 3", "2 x 2"}))
      << describe(places::kPredict);
}

TEST(NetworkPredict, ClassIsTheColumnOfTheLargestOutput) {
  // With W = I and b = 0 an identity layer outputs X itself. Ties go to the first column.
  Network net;
  net.W = {Matrix(), Matrix::Identity(3, 3)};
  net.b = {bp::mlp::Vector(), bp::mlp::Vector::Zero(3)};
  net.f = {Activation::identity, Activation::identity};
  const Matrix X = mat({{0.1, 0.7, 0.2}, {2.0, -1.0, 0.0}, {0.0, 0.0, 3.0}, {1.0, 1.0, 0.0}});
  EXPECT_EQ(predict_classes(net, X), (std::vector<int>{1, 0, 2, 0}))
      << describe(places::kPredictClasses);
}

TEST(NetworkPredict, OneOutputIsClassOneFromOneHalfOn) {
  Network net;
  net.W = {Matrix(), Matrix::Identity(1, 1)};
  net.b = {bp::mlp::Vector(), bp::mlp::Vector::Zero(1)};
  net.f = {Activation::identity, Activation::identity};
  EXPECT_EQ(predict_classes(net, mat({{0.2}, {0.5}, {0.49}, {0.9}})),
            (std::vector<int>{0, 1, 0, 1}))
      << describe(places::kPredictClasses);
}

TEST(NetworkTraining, GradientDescentLearnsXor) {
  // XOR is not linearly separable: it needs the hidden layer, so this exercises every task.
  Network net = bp::mlp::make_network({2, 4, 1}, {Activation::tanh, Activation::sigmoid},
                                      Cost::binary_cross_entropy, 5);
  const Matrix X = mat({{0.0, 0.0}, {0.0, 1.0}, {1.0, 0.0}, {1.0, 1.0}});
  const Matrix Y = mat({{0.0}, {1.0}, {1.0}, {0.0}});
  bp::mlp::ForwardCache cache;
  Gradients grads;
  double first_cost = 0.0;
  for (int epoch = 0; epoch < 2000; ++epoch) {
    bp::mlp::forward(net, X, cache);
    if (epoch == 0) first_cost = bp::mlp::cost(net, cache, Y);
    bp::mlp::backward(net, cache, Y, grads);
    gradient_step(net, grads, 0.5);
  }
  bp::mlp::forward(net, X, cache);
  const double last_cost = bp::mlp::cost(net, cache, Y);
  EXPECT_LT(last_cost, 0.05) << "cost went from " << first_cost << " to " << last_cost
                             << " in 2000 steps of η = 0.5" << describe(places::kGradientStep);
  EXPECT_EQ(predict_classes(net, X), (std::vector<int>{0, 1, 1, 0}))
      << describe(places::kPredictClasses);
}

}  // namespace
