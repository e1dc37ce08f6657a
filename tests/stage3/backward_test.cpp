// Task 3.8: backpropagation on a batch. Pinned gradients of a small network computed
// independently with numpy (and confirmed there by central differences); the networks are
// built by the tests, not by make_network.
#include <vector>

#include <gtest/gtest.h>

#include "03_vectorized/backward.hpp"
#include "03_vectorized/network.hpp"
#include "bp/random.hpp"
#include "stage3_places.hpp"
#include "stage3_support.hpp"

namespace {

using bp::mlp::Activation;
using bp::mlp::backward;
using bp::mlp::Cost;
using bp::mlp::forward;
using bp::mlp::ForwardCache;
using bp::mlp::Gradients;
using bp::mlp::Matrix;
using bp::mlp::Network;
using bp::test::describe;
using namespace bp::test::stage3;
namespace places = bp::test::stage3;

// small_network() and small_batch(): stage3_support.hpp.
const Matrix kX = small_batch();
const Matrix kY = mat({{1.0, 0.0}, {0.0, 1.0}});

TEST(NetworkBackward, MatchesThePinnedGradientsOfASmallNetwork) {
  const Network net = small_network();
  const Gradients g = backward(net, forward(net, kX), kY);
  ASSERT_EQ(g.Delta.size(), 3u) << "Delta needs L + 1 = 3 entries" << describe(places::kBackward);
  ASSERT_EQ(g.dW.size(), 3u) << "dW needs L + 1 = 3 entries" << describe(places::kBackward);
  ASSERT_EQ(g.db.size(), 3u) << "db needs L + 1 = 3 entries" << describe(places::kBackward);
  EXPECT_TRUE(all_near(
      g.Delta[2],
      mat({{-0.38052746721015884, 0.3805274672101588}, {0.26225886136158805, -0.262258861361588}}),
      1e-14))
      << "Δ2 = (A2 - Y)/m" << describe(places::kBackward);
  EXPECT_TRUE(all_near(g.dW[2],
                       mat({{0.20340643462386246, -0.20340643462386243},
                            {0.1345217930706452, -0.1345217930706452},
                            {-0.1313414885370727, 0.1313414885370727}}),
                       1e-14))
      << "∂C/∂W2 = A1ᵀ Δ2" << describe(places::kBackward);
  EXPECT_TRUE(all_near(g.db[2], vec({-0.1182686058485708, 0.1182686058485708}), 1e-14))
      << "∂C/∂b2 = column sums of Δ2" << describe(places::kBackward);
  EXPECT_TRUE(all_near(g.Delta[1],
                       mat({{-0.5095787281541334, -0.211956203000566, 0.10920642785916271},
                            {0.3578801012599704, 0.19255795451706126, -0.10501718659537054}}),
                       1e-14))
      << "Δ1 = (Δ2 W2ᵀ) ⊙ (1 - A1²)" << describe(places::kBackward);
  EXPECT_TRUE(all_near(g.dW[1],
                       mat({{0.46097083844287406, 0.27913780753383954, -0.15543115926115975},
                            {0.599048753469126, 0.2600956916298313, -0.13546072450800534}}),
                       1e-14))
      << "∂C/∂W1 = Xᵀ Δ1" << describe(places::kBackward);
  EXPECT_TRUE(all_near(
      g.db[1], vec({-0.15169862689416302, -0.019398248483504743, 0.004189241263792165}), 1e-14))
      << "∂C/∂b1 = column sums of Δ1" << describe(places::kBackward);
}

TEST(NetworkBackward, GivesEveryGradientTheShapeOfItsParameter) {
  const Network net = test_network(
      {3, 5, 4, 2}, {Activation::relu, Activation::tanh, Activation::identity}, Cost::mse, 91);
  bp::Rng rng(92);
  const Matrix X = normal_matrix(6, 3, rng);
  const Gradients g = backward(net, forward(net, X), normal_matrix(6, 2, rng));
  ASSERT_EQ(g.dW.size(), 4u) << describe(places::kBackward);
  ASSERT_EQ(g.db.size(), 4u) << describe(places::kBackward);
  ASSERT_EQ(g.Delta.size(), 4u) << describe(places::kBackward);
  for (std::size_t l = 1; l < 4; ++l) {
    EXPECT_EQ(bp::shape_of(g.dW[l]), bp::shape_of(net.W[l]))
        << "dW" << l << describe(places::kBackward);
    EXPECT_EQ(bp::shape_of(g.db[l]), bp::shape_of(net.b[l]))
        << "db" << l << describe(places::kBackward);
    EXPECT_EQ(g.Delta[l].rows(), 6)
        << "Δ" << l << " has one row per sample" << describe(places::kBackward);
    EXPECT_EQ(g.Delta[l].cols(), net.W[l].cols()) << "Δ" << l << describe(places::kBackward);
  }
}

TEST(NetworkBackward, LeavesTheParametersAndTheCacheUnchanged) {
  const Network net =
      test_network({3, 4, 3}, {Activation::sigmoid, Activation::softmax}, Cost::cross_entropy, 93);
  bp::Rng rng(94);
  const ForwardCache cache = forward(net, normal_matrix(5, 3, rng));
  const Network net_before = net;
  const ForwardCache cache_before = cache;
  (void)backward(net, cache, random_targets(Activation::softmax, Cost::cross_entropy, 5, 3, rng));
  for (std::size_t l = 1; l < 3; ++l) {
    EXPECT_TRUE(same_bits(net.W[l], net_before.W[l])) << "W" << l << describe(places::kBackward);
    EXPECT_TRUE(same_bits(net.b[l], net_before.b[l])) << "b" << l << describe(places::kBackward);
    EXPECT_TRUE(same_bits(cache.Z[l], cache_before.Z[l]))
        << "Z" << l << describe(places::kBackward);
    EXPECT_TRUE(same_bits(cache.A[l], cache_before.A[l]))
        << "A" << l << describe(places::kBackward);
  }
}

TEST(NetworkBackward, GivesTheSameBitsOnEveryCallAndWithReusedGradients) {
  const Network net =
      test_network({3, 4, 4, 1}, {Activation::tanh, Activation::leaky_relu, Activation::sigmoid},
                   Cost::binary_cross_entropy, 95);
  bp::Rng rng(96);
  const Matrix X = normal_matrix(5, 3, rng);
  const Matrix Y = random_targets(Activation::sigmoid, Cost::binary_cross_entropy, 5, 1, rng);
  const Gradients first = backward(net, forward(net, X), Y);
  // Gradients left over from a bigger batch must be overwritten, not added to.
  const Matrix X9 = normal_matrix(9, 3, rng);
  Gradients reused =
      backward(net, forward(net, X9),
               random_targets(Activation::sigmoid, Cost::binary_cross_entropy, 9, 1, rng));
  backward(net, forward(net, X), Y, reused);
  ASSERT_EQ(first.dW.size(), 4u) << describe(places::kBackward);
  ASSERT_EQ(reused.dW.size(), 4u) << describe(places::kBackward);
  for (std::size_t l = 1; l < 4; ++l) {
    EXPECT_TRUE(same_bits(reused.dW[l], first.dW[l])) << "dW" << l << describe(places::kBackward);
    EXPECT_TRUE(same_bits(reused.db[l], first.db[l])) << "db" << l << describe(places::kBackward);
    EXPECT_TRUE(same_bits(reused.Delta[l], first.Delta[l]))
        << "Δ" << l << describe(places::kBackward);
  }
}

TEST(NetworkBackward, ThrowsWhenYHasTheWrongShape) {
  const Network net =
      test_network({4, 6, 3}, {Activation::relu, Activation::identity}, Cost::mse, 97);
  const ForwardCache cache = forward(net, Matrix::Zero(5, 4));
  EXPECT_TRUE(throws_invalid_argument([&] { backward(net, cache, Matrix::Zero(5, 2)); },
                                      {"5 x 2", "5 x 3"}))
      << "backward with Y 5 x 2 and A^(L) 5 x 3" << describe(places::kBackward);
}

TEST(NetworkBackward, ThrowsWhenTheCacheIsFromAnotherNetwork) {
  const Network net =
      test_network({4, 6, 3}, {Activation::relu, Activation::identity}, Cost::mse, 98);
  const Network other =
      test_network({4, 5, 3}, {Activation::relu, Activation::identity}, Cost::mse, 98);
  const ForwardCache cache = forward(other, Matrix::Zero(2, 4));
  EXPECT_TRUE(throws_invalid_argument([&] { backward(net, cache, Matrix::Zero(2, 3)); },
                                      {"2 x 5", "2 x 6"}))
      << "backward with the cache of a 4-5-3 network for a 4-6-3 network (check_cache)"
      << describe(places::kBackward);
}

TEST(BatchGradient, IsTheMeanOfThePerSampleGradients) {
  // DESIGN.md §2: the cost of a batch is the mean of the per-sample costs, so its gradient
  // is the mean of the per-sample gradients.
  const Network net =
      test_network({3, 4, 4, 3}, {Activation::tanh, Activation::sigmoid, Activation::softmax},
                   Cost::cross_entropy, 99);
  bp::Rng rng(100);
  const Eigen::Index m = 6;
  const Matrix X = normal_matrix(m, 3, rng);
  const Matrix Y = random_targets(Activation::softmax, Cost::cross_entropy, m, 3, rng);
  const Gradients batch = backward(net, forward(net, X), Y);
  ASSERT_EQ(batch.dW.size(), 4u) << describe(places::kBackward);
  for (std::size_t l = 1; l < 4; ++l) {
    Matrix dW_mean = Matrix::Zero(net.W[l].rows(), net.W[l].cols());
    Matrix db_mean = Matrix::Zero(net.b[l].size(), 1);
    for (Eigen::Index i = 0; i < m; ++i) {
      const Gradients one = backward(net, forward(net, X.row(i)), Y.row(i));
      ASSERT_EQ(one.dW.size(), 4u) << describe(places::kBackward);
      dW_mean += one.dW[l] / static_cast<double>(m);
      db_mean += one.db[l] / static_cast<double>(m);
    }
    EXPECT_TRUE(all_near(batch.dW[l], dW_mean, 1e-14))
        << "dW" << l << " of a batch of " << m << " vs the mean over its samples"
        << describe(places::kBackward);
    EXPECT_TRUE(all_near(batch.db[l], db_mean, 1e-14))
        << "db" << l << " of a batch of " << m << " vs the mean over its samples"
        << describe(places::kBackward);
  }
}

}  // namespace
