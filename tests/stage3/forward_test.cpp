// Task 3.7: the forward pass on a batch, Z^(l) = A^(l-1) W^(l) + 1 b^(l)ᵀ, A^(l) = f_l(Z^(l)).
// The networks are built by the tests (stage3_support.hpp), not by make_network.
// Pinned values of the small network computed independently with numpy.
#include <vector>

#include <gtest/gtest.h>

#include "03_vectorized/network.hpp"
#include "bp/random.hpp"
#include "reference.hpp"
#include "stage3_places.hpp"
#include "stage3_support.hpp"

namespace {

using bp::mlp::Activation;
using bp::mlp::Cost;
using bp::mlp::forward;
using bp::mlp::ForwardCache;
using bp::mlp::Matrix;
using bp::mlp::Network;
using bp::test::describe;
using namespace bp::test::stage3;
namespace places = bp::test::stage3;

// small_network() and small_batch(): stage3_support.hpp.
const Matrix kX = small_batch();

TEST(NetworkForward, MatchesThePinnedValuesOfASmallNetwork) {
  const ForwardCache c = forward(small_network(), kX);
  ASSERT_EQ(c.Z.size(), 3u) << "Z needs L + 1 = 3 entries" << describe(places::kForward);
  ASSERT_EQ(c.A.size(), 3u) << "A needs L + 1 = 3 entries" << describe(places::kForward);
  EXPECT_TRUE(all_near(c.Z[1], mat({{-0.34, -0.62, 0.78}, {0.31, -0.295, 0.48}}), 1e-15))
      << "Z1 = X W1 + 1 b1ᵀ" << describe(places::kForward);
  EXPECT_TRUE(all_near(c.A[1],
                       mat({{-0.32747739480870536, -0.5511280285381469, 0.65270670596199},
                            {0.30043709714765415, -0.28673029138880357, 0.4462436102487796}}),
                       1e-15))
      << "A1 = tanh(Z1)" << describe(places::kForward);
  EXPECT_TRUE(all_near(
      c.Z[2],
      mat({{-0.8710614138390228, 0.2874104541855476}, {-0.1316243773211992, -0.22977398480724776}}),
      1e-15))
      << "Z2 = A1 W2 + 1 b2ᵀ" << describe(places::kForward);
  EXPECT_TRUE(all_near(
      c.A[2],
      mat({{0.23894506557968231, 0.7610549344203176}, {0.5245177227231761, 0.475482277276824}}),
      1e-15))
      << "A2 = softmax(Z2)" << describe(places::kForward);
}

TEST(NetworkForward, GivesThePinnedCostOfASmallNetwork) {
  const Network net = small_network();
  EXPECT_NEAR(bp::mlp::cost(net, forward(net, kX), mat({{1.0, 0.0}, {0.0, 1.0}})),
              1.0874736370277547, 1e-15)
      << "softmax cross-entropy of the forward pass" << describe(places::kForward);
}

TEST(NetworkForward, CachesXAsTheFirstActivation) {
  const ForwardCache c = forward(small_network(), kX);
  ASSERT_EQ(c.A.size(), 3u) << describe(places::kForward);
  EXPECT_TRUE(same_bits(c.A[0], kX)) << "A[0] = X" << describe(places::kForward);
}

TEST(NetworkForward, CachesEveryLayerWithItsShape) {
  const Network net = test_network(
      {3, 5, 4, 2}, {Activation::relu, Activation::sigmoid, Activation::identity}, Cost::mse, 71);
  bp::Rng rng(72);
  const ForwardCache c = forward(net, normal_matrix(6, 3, rng));
  ASSERT_EQ(c.Z.size(), 4u) << describe(places::kForward);
  ASSERT_EQ(c.A.size(), 4u) << describe(places::kForward);
  EXPECT_EQ(bp::shape_of(c.A[0]), "6 x 3") << describe(places::kForward);
  const char* shapes[] = {"", "6 x 5", "6 x 4", "6 x 2"};
  for (std::size_t l = 1; l < 4; ++l) {
    EXPECT_EQ(bp::shape_of(c.Z[l]), shapes[l]) << "Z" << l << describe(places::kForward);
    EXPECT_EQ(bp::shape_of(c.A[l]), shapes[l]) << "A" << l << describe(places::kForward);
  }
}

TEST(NetworkForward, AddsTheBiasToEverySample) {
  // With W1 = 0, every row of Z1 is b1ᵀ.
  Network net = test_network({3, 4}, {Activation::identity}, Cost::mse, 73);
  net.W[1].setZero();
  bp::Rng rng(74);
  const ForwardCache c = forward(net, normal_matrix(5, 3, rng));
  ASSERT_EQ(c.Z.size(), 2u) << describe(places::kForward);
  EXPECT_TRUE(same_bits(c.Z[1], net.b[1].transpose().replicate(5, 1)))
      << "every row of Z1 must be b1ᵀ" << describe(places::kForward);
}

TEST(NetworkForward, AgreesWithTheOneSampleColumnForm) {
  // Row i of A^(L) is a^(L) of sample i computed as z = Wᵀ a + b, one sample at a time.
  const Network net = test_network(
      {3, 4, 4, 5, 2},
      {Activation::tanh, Activation::leaky_relu, Activation::sigmoid, Activation::softmax},
      Cost::cross_entropy, 75);
  bp::Rng rng(76);
  const Matrix X = normal_matrix(7, 3, rng);
  const ForwardCache c = forward(net, X);
  ASSERT_EQ(c.A.size(), 5u) << describe(places::kForward);
  Matrix expected(7, 2);
  for (Eigen::Index i = 0; i < 7; ++i) {
    const std::vector<double> a = reference_sample_forward(net, row_of(X, i));
    expected(i, 0) = a[0];
    expected(i, 1) = a[1];
  }
  EXPECT_TRUE(all_near(c.A[4], expected, 1e-14)) << "A4" << describe(places::kForward);
}

TEST(NetworkForward, LeavesTheParametersUnchanged) {
  const Network net =
      test_network({3, 4, 2}, {Activation::relu, Activation::identity}, Cost::mse, 77);
  const Network before = net;
  bp::Rng rng(78);
  (void)forward(net, normal_matrix(4, 3, rng));
  for (std::size_t l = 1; l < 3; ++l) {
    EXPECT_TRUE(same_bits(net.W[l], before.W[l])) << "W" << l << describe(places::kForward);
    EXPECT_TRUE(same_bits(net.b[l], before.b[l])) << "b" << l << describe(places::kForward);
  }
}

TEST(NetworkForward, GivesTheSameBitsOnEveryCallAndWithAReusedCache) {
  const Network net =
      test_network({3, 4, 2}, {Activation::sigmoid, Activation::softmax}, Cost::cross_entropy, 79);
  bp::Rng rng(80);
  const Matrix X = normal_matrix(4, 3, rng);
  const ForwardCache first = forward(net, X);
  // A cache left over from a bigger batch must be resized, not trusted.
  ForwardCache reused = forward(net, normal_matrix(9, 3, rng));
  forward(net, X, reused);
  ASSERT_EQ(first.A.size(), 3u) << describe(places::kForward);
  ASSERT_EQ(reused.A.size(), 3u) << describe(places::kForward);
  for (std::size_t l = 1; l < 3; ++l) {
    EXPECT_TRUE(same_bits(reused.Z[l], first.Z[l])) << "Z" << l << describe(places::kForward);
    EXPECT_TRUE(same_bits(reused.A[l], first.A[l])) << "A" << l << describe(places::kForward);
  }
}

TEST(NetworkForward, ThrowsWhenXHasTheWrongNumberOfFeatures) {
  const Network net =
      test_network({4, 8, 2}, {Activation::relu, Activation::identity}, Cost::mse, 81);
  EXPECT_TRUE(
      throws_invalid_argument([&] { forward(net, Matrix::Zero(5, 3)); }, {"5 x 3", "4 x 8"}))
      << "forward with X 5 x 3 and W1 4 x 8" << describe(places::kForward);
}

TEST(NetworkForward, ThrowsForLayersThatDoNotFitTogether) {
  Network net = test_network({4, 8, 2}, {Activation::relu, Activation::identity}, Cost::mse, 82);
  net.W[2] = Matrix::Zero(7, 2);  // layer 1 has 8 nodes
  EXPECT_TRUE(
      throws_invalid_argument([&] { forward(net, Matrix::Zero(5, 4)); }, {"7 x 2", "4 x 8"}))
      << "forward with W1 4 x 8 and W2 7 x 2 (check_network)" << describe(places::kForward);
}

}  // namespace
