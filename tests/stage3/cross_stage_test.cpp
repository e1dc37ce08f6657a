// Task 3.8: the general network reduces to the earlier stages. A 1-1 sigmoid network with
// MSE is stage 1's perceptron and a 1-1-1 one is stage 2's hidden neuron, to the last few
// bits (DESIGN.md §2). These tests call your stage 1 and stage 2 code too.
#include <cstdint>

#include <gtest/gtest.h>

#include "01_perceptron/perceptron.hpp"
#include "03_vectorized/backward.hpp"
#include "03_vectorized/network.hpp"
#include "bp/random.hpp"
#include "stage3_places.hpp"
#include "stage3_support.hpp"

#if __has_include("02_hidden_neuron/hidden_neuron.hpp")
#include "02_hidden_neuron/hidden_neuron.hpp"
#define BP_HAVE_STAGE2 1
#endif

namespace {

using bp::mlp::Activation;
using bp::mlp::Cost;
using bp::mlp::Gradients;
using bp::mlp::Matrix;
using bp::mlp::Network;
using bp::test::describe;
using namespace bp::test::stage3;
namespace places = bp::test::stage3;

// "The last few bits": the reference solution reproduces both stages bit for bit (it uses
// stage 1's form of σ). An equally correct σ written differently, e.g. 1/(1 + e^-z) for every
// z, moves a by about an ulp; a - y then magnifies that where a is close to its target (a
// 1-1-1 network also passes it through a second sigmoid), so the bounds leave room for it.
// Any mistake in the math moves the results by far more.
constexpr std::uint64_t kUlpsStage1 = 16;
constexpr std::uint64_t kUlpsStage2 = 128;

Network sigmoid_chain(const std::vector<double>& w, const std::vector<double>& b) {
  Network net;
  net.W.assign(w.size() + 1, Matrix());
  net.b.assign(w.size() + 1, bp::mlp::Vector());
  net.f.assign(w.size() + 1, Activation::sigmoid);
  for (std::size_t l = 1; l <= w.size(); ++l) {
    net.W[l] = Matrix::Constant(1, 1, w[l - 1]);
    net.b[l] = bp::mlp::Vector::Constant(1, b[l - 1]);
  }
  net.cost = Cost::mse;
  return net;
}

TEST(CrossStage, GivesThePinnedPerceptronDeltaOfTheDesign) {
  // DESIGN.md §2: w = 0.5, b = 0, x = 1, y = 1 gives δ = ∂C/∂w = ∂C/∂b = -0.0887235.
  const Network net = sigmoid_chain({0.5}, {0.0});
  const Gradients g = bp::mlp::gradient(net, mat({{1.0}}), mat({{1.0}}));
  ASSERT_EQ(g.dW.size(), 2u) << describe(places::kBackward);
  EXPECT_NEAR(g.Delta[1](0, 0), -0.0887235, 5e-8) << describe(places::kBackward);
  EXPECT_NEAR(g.dW[1](0, 0), -0.0887235, 5e-8) << describe(places::kBackward);
  EXPECT_NEAR(g.db[1](0), -0.0887235, 5e-8) << describe(places::kBackward);
}

TEST(CrossStage, OneOneSigmoidMseNetworkEqualsStageOne) {
  bp::Rng rng(111);
  for (int k = 0; k < 50; ++k) {
    const double w = rng.uniform(-3.0, 3.0);
    const double b = rng.uniform(-2.0, 2.0);
    const double x = rng.uniform(-3.0, 3.0);
    const double y = rng.uniform() < 0.5 ? 0.0 : 1.0;
    const Network net = sigmoid_chain({w}, {b});
    const bp::mlp::ForwardCache c = bp::mlp::forward(net, mat({{x}}));
    const Gradients g = bp::mlp::backward(net, c, mat({{y}}));
    const bp::perceptron::Forward f1 = bp::perceptron::forward(bp::perceptron::Params{w, b}, x);
    const bp::perceptron::Gradient g1 =
        bp::perceptron::gradient(bp::perceptron::Params{w, b}, x, y);
    ASSERT_EQ(g.dW.size(), 2u) << describe(places::kBackward);
    EXPECT_LE(ulps_apart(c.Z[1](0, 0), f1.z), kUlpsStage1) << "z" << describe(places::kForward);
    EXPECT_LE(ulps_apart(c.A[1](0, 0), f1.a), kUlpsStage1) << "a" << describe(places::kForward);
    EXPECT_LE(ulps_apart(g.Delta[1](0, 0), g1.delta), kUlpsStage1)
        << "δ = " << g.Delta[1](0, 0) << ", stage 1: " << g1.delta << " at w = " << w
        << ", b = " << b << ", x = " << x << ", y = " << y << describe(places::kBackward);
    EXPECT_LE(ulps_apart(g.dW[1](0, 0), g1.dC_dw), kUlpsStage1)
        << "∂C/∂w = " << g.dW[1](0, 0) << ", stage 1: " << g1.dC_dw << describe(places::kBackward);
    EXPECT_LE(ulps_apart(g.db[1](0), g1.dC_db), kUlpsStage1)
        << "∂C/∂b = " << g.db[1](0) << ", stage 1: " << g1.dC_db << describe(places::kBackward);
  }
}

TEST(CrossStage, GivesThePinnedHiddenNeuronGradientOfTheDesign) {
  // DESIGN.md §2: x = 1, y = 1, w1 = 0.5, b1 = 0, w2 = -1, b2 = 0 gives ∂C/∂w1 = 0.0347570
  // (numpy: 0.03475697842244306, and ∂C/∂w2 = -0.09206154805279032).
  const Network net = sigmoid_chain({0.5, -1.0}, {0.0, 0.0});
  const Gradients g = bp::mlp::gradient(net, mat({{1.0}}), mat({{1.0}}));
  ASSERT_EQ(g.dW.size(), 3u) << describe(places::kBackward);
  EXPECT_NEAR(g.dW[1](0, 0), 0.03475697842244306, 1e-15) << describe(places::kBackward);
  EXPECT_NEAR(g.dW[2](0, 0), -0.09206154805279032, 1e-15) << describe(places::kBackward);
}

#ifdef BP_HAVE_STAGE2
TEST(CrossStage, OneOneOneSigmoidNetworkEqualsStageTwo) {
  bp::Rng rng(112);
  for (int k = 0; k < 50; ++k) {
    const bp::hidden::Params p{rng.uniform(-3.0, 3.0), rng.uniform(-2.0, 2.0),
                               rng.uniform(-3.0, 3.0), rng.uniform(-2.0, 2.0)};
    const double x = rng.uniform(-3.0, 3.0);
    const double y = rng.uniform() < 0.5 ? 0.0 : 1.0;
    const Network net = sigmoid_chain({p.w1, p.w2}, {p.b1, p.b2});
    const Gradients g = bp::mlp::gradient(net, mat({{x}}), mat({{y}}));
    const bp::hidden::Gradient g2 = bp::hidden::gradient(p, x, y);
    ASSERT_EQ(g.dW.size(), 3u) << describe(places::kBackward);
    const struct {
      const char* name;
      double mlp;
      double stage2;
    } pairs[] = {{"δ2", g.Delta[2](0, 0), g2.delta2},  {"δ1", g.Delta[1](0, 0), g2.delta1},
                 {"∂C/∂w2", g.dW[2](0, 0), g2.dC_dw2}, {"∂C/∂b2", g.db[2](0), g2.dC_db2},
                 {"∂C/∂w1", g.dW[1](0, 0), g2.dC_dw1}, {"∂C/∂b1", g.db[1](0), g2.dC_db1}};
    for (const auto& q : pairs)
      EXPECT_LE(ulps_apart(q.mlp, q.stage2), kUlpsStage2)
          << q.name << " = " << q.mlp << ", stage 2: " << q.stage2 << " at w1 = " << p.w1
          << ", b1 = " << p.b1 << ", w2 = " << p.w2 << ", b2 = " << p.b2 << ", x = " << x
          << ", y = " << y << describe(places::kBackward);
  }
}
#endif

}  // namespace
