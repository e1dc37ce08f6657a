// Task 3.6: building a network, its shapes and its seeded initialisation.
#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "03_vectorized/network.hpp"
#include "bp/random.hpp"
#include "stage3_places.hpp"
#include "stage3_support.hpp"

namespace {

using bp::mlp::Activation;
using bp::mlp::Cost;
using bp::mlp::make_network;
using bp::mlp::Matrix;
using bp::mlp::Network;
using bp::test::describe;
using namespace bp::test::stage3;
namespace places = bp::test::stage3;

const std::vector<Activation> kThreeLayers{Activation::tanh, Activation::relu, Activation::softmax};

TEST(MakeNetwork, GivesEveryLayerItsShapes) {
  const Network net = make_network({3, 5, 4, 2}, kThreeLayers, Cost::cross_entropy, 1);
  ASSERT_EQ(net.W.size(), 4u) << "W needs L + 1 = 4 entries" << describe(places::kMakeNetwork);
  ASSERT_EQ(net.b.size(), 4u) << "b needs L + 1 = 4 entries" << describe(places::kMakeNetwork);
  ASSERT_EQ(net.f.size(), 4u) << "f needs L + 1 = 4 entries" << describe(places::kMakeNetwork);
  EXPECT_EQ(net.W[0].size(), 0) << "W[0] belongs to the input layer and stays empty"
                                << describe(places::kMakeNetwork);
  EXPECT_EQ(net.b[0].size(), 0) << describe(places::kMakeNetwork);
  EXPECT_EQ(bp::shape_of(net.W[1]), "3 x 5") << describe(places::kMakeNetwork);
  EXPECT_EQ(bp::shape_of(net.W[2]), "5 x 4") << describe(places::kMakeNetwork);
  EXPECT_EQ(bp::shape_of(net.W[3]), "4 x 2") << describe(places::kMakeNetwork);
  EXPECT_EQ(net.b[1].size(), 5) << describe(places::kMakeNetwork);
  EXPECT_EQ(net.b[2].size(), 4) << describe(places::kMakeNetwork);
  EXPECT_EQ(net.b[3].size(), 2) << describe(places::kMakeNetwork);
  EXPECT_EQ(net.f[1], Activation::tanh) << describe(places::kMakeNetwork);
  EXPECT_EQ(net.f[2], Activation::relu) << describe(places::kMakeNetwork);
  EXPECT_EQ(net.f[3], Activation::softmax) << describe(places::kMakeNetwork);
  EXPECT_EQ(net.cost, Cost::cross_entropy) << describe(places::kMakeNetwork);
}

TEST(MakeNetwork, DrawsTheWeightsInTheDocumentedOrder) {
  // network.hpp: one Rng(seed); layer by layer, row i, then column j;
  // W[l](i, j) = normal() / sqrt(n_{l-1}).
  const Network net = make_network({3, 5, 4, 2}, kThreeLayers, Cost::cross_entropy, 2025);
  ASSERT_EQ(net.W.size(), 4u) << describe(places::kMakeNetwork);
  bp::Rng rng(2025);
  const std::vector<Eigen::Index> n{3, 5, 4, 2};
  for (std::size_t l = 1; l < n.size(); ++l) {
    Matrix expected(n[l - 1], n[l]);
    for (Eigen::Index i = 0; i < n[l - 1]; ++i)
      for (Eigen::Index j = 0; j < n[l]; ++j)
        expected(i, j) = rng.normal() / std::sqrt(static_cast<double>(n[l - 1]));
    EXPECT_TRUE(same_bits(net.W[l], expected)) << "W" << l << describe(places::kMakeNetwork);
  }
}

TEST(MakeNetwork, StartsEveryBiasAtOneHundredth) {
  const Network net = make_network({3, 5, 4, 2}, kThreeLayers, Cost::cross_entropy, 3);
  ASSERT_EQ(net.b.size(), 4u) << describe(places::kMakeNetwork);
  for (std::size_t l = 1; l < 4; ++l)
    EXPECT_TRUE(same_bits(net.b[l], Matrix::Constant(net.b[l].size(), 1, 0.01)))
        << "b" << l << describe(places::kMakeNetwork);
}

TEST(MakeNetwork, GivesTheSameBitsForTheSameSeed) {
  const Network a =
      make_network({4, 6, 3}, {Activation::sigmoid, Activation::identity}, Cost::mse, 77);
  const Network b =
      make_network({4, 6, 3}, {Activation::sigmoid, Activation::identity}, Cost::mse, 77);
  ASSERT_EQ(a.W.size(), 3u) << describe(places::kMakeNetwork);
  ASSERT_EQ(b.W.size(), 3u) << describe(places::kMakeNetwork);
  for (std::size_t l = 1; l < 3; ++l) {
    EXPECT_TRUE(same_bits(a.W[l], b.W[l])) << "W" << l << describe(places::kMakeNetwork);
    EXPECT_TRUE(same_bits(a.b[l], b.b[l])) << "b" << l << describe(places::kMakeNetwork);
  }
}

TEST(MakeNetwork, GivesDifferentWeightsForDifferentSeeds) {
  const Network a =
      make_network({4, 6, 3}, {Activation::sigmoid, Activation::identity}, Cost::mse, 77);
  const Network b =
      make_network({4, 6, 3}, {Activation::sigmoid, Activation::identity}, Cost::mse, 78);
  ASSERT_EQ(a.W.size(), 3u) << describe(places::kMakeNetwork);
  ASSERT_EQ(b.W.size(), 3u) << describe(places::kMakeNetwork);
  EXPECT_FALSE(same_bits(a.W[1], b.W[1])) << describe(places::kMakeNetwork);
}

TEST(MakeNetwork, RejectsFewerThanTwoSizes) {
  EXPECT_TRUE(throws_invalid_argument([] { make_network({4}, {}, Cost::mse, 1); }, {"1"}))
      << "a network needs at least an input and an output layer" << describe(places::kMakeNetwork);
}

TEST(MakeNetwork, RejectsALayerWithoutNodes) {
  EXPECT_TRUE(throws_invalid_argument(
      [] {
        make_network({4, 0, 2}, {Activation::tanh, Activation::identity}, Cost::mse, 1);
      },
      {"0"}))
      << describe(places::kMakeNetwork);
}

TEST(MakeNetwork, RejectsOneActivationTooFew) {
  EXPECT_TRUE(throws_invalid_argument(
      [] {
        make_network({4, 5, 2}, {Activation::identity}, Cost::mse, 1);
      },
      {"2", "1"}))
      << "3 sizes need 2 activations, got 1" << describe(places::kMakeNetwork);
}

TEST(MakeNetwork, RejectsCrossEntropyWithoutASoftmaxOutput) {
  EXPECT_TRUE(throws_invalid_argument(
      [] {
        make_network({4, 5, 2}, {Activation::tanh, Activation::sigmoid}, Cost::cross_entropy, 1);
      },
      {"cross_entropy", "softmax", "sigmoid"}))
      << describe(places::kMakeNetwork);
}

TEST(MakeNetwork, RejectsBinaryCrossEntropyWithoutASigmoidOutput) {
  EXPECT_TRUE(throws_invalid_argument(
      [] {
        make_network({4, 5, 1}, {Activation::tanh, Activation::identity},
                     Cost::binary_cross_entropy, 1);
      },
      {"binary_cross_entropy", "sigmoid", "identity"}))
      << describe(places::kMakeNetwork);
}

}  // namespace
