// Task 3.8: every parameter gradient of whole networks against the checker, over a grid of
// depths (1 to 4 layers), widths, hidden activations, output/cost pairs and batch sizes.
// The numeric side differentiates the tests' own one-sample-at-a-time cost (reference.hpp).
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "03_vectorized/backward.hpp"
#include "03_vectorized/network.hpp"
#include "bp/random.hpp"
#include "gradcheck.hpp"
#include "reference.hpp"
#include "stage3_places.hpp"
#include "stage3_support.hpp"

namespace {

using bp::mlp::Activation;
using bp::mlp::Cost;
using bp::mlp::Gradients;
using bp::mlp::Matrix;
using bp::mlp::Network;
using bp::test::describe;
using namespace bp::test::stage3;
namespace places = bp::test::stage3;

struct GridCase {
  std::string name;
  std::vector<Eigen::Index> sizes;  // n_0 .. n_L
  std::vector<Activation> f;        // f_1 .. f_L
  Cost cost;
  Eigen::Index batch;
  std::uint64_t seed;
};

// gtest prints a failing test's parameter: the case's name says it all.
void PrintTo(const GridCase& c, std::ostream* os) { *os << c.name; }

struct OutputPair {
  Activation f;
  Cost c;
  Eigen::Index n;
  const char* name;
};

const OutputPair kOutputs[] = {{Activation::identity, Cost::mse, 2, "IdentityMse"},
                               {Activation::sigmoid, Cost::mse, 2, "SigmoidMse"},
                               {Activation::tanh, Cost::mse, 2, "TanhMse"},
                               {Activation::relu, Cost::mse, 2, "ReluMse"},
                               {Activation::leaky_relu, Cost::mse, 2, "LeakyReluMse"},
                               {Activation::softmax, Cost::mse, 3, "SoftmaxMse"},
                               {Activation::sigmoid, Cost::binary_cross_entropy, 1, "SigmoidBce"},
                               {Activation::softmax, Cost::cross_entropy, 3, "SoftmaxCe"}};

const struct {
  Activation f;
  const char* name;
} kHidden[] = {{Activation::identity, "Identity"},
               {Activation::sigmoid, "Sigmoid"},
               {Activation::tanh, "Tanh"},
               {Activation::relu, "Relu"},
               {Activation::leaky_relu, "LeakyRelu"},
               {Activation::softmax, "Softmax"}};

// Hidden widths by depth: the 4 x 4 W2 of the deeper networks is square, so a W where Wᵀ
// belongs gives wrong numbers there instead of only a shape error.
const std::vector<Eigen::Index> kHiddenWidths{4, 4, 5};

GridCase make_case(const std::string& hidden_name, Activation hidden, int depth,
                   const OutputPair& out, Eigen::Index batch, std::uint64_t seed) {
  GridCase c;
  c.sizes.push_back(3);
  for (int l = 1; l < depth; ++l) {
    c.sizes.push_back(kHiddenWidths[static_cast<std::size_t>(l - 1)]);
    c.f.push_back(hidden);
  }
  c.sizes.push_back(out.n);
  c.f.push_back(out.f);
  c.cost = out.c;
  c.batch = batch;
  c.seed = seed;
  std::string widths;
  for (Eigen::Index n : c.sizes) widths += (widths.empty() ? "" : "x") + std::to_string(n);
  c.name = "Depth" + std::to_string(depth) + "_" + widths + "_" +
           (depth > 1 ? hidden_name + "_" : std::string()) + out.name + "_Batch" +
           std::to_string(batch);
  return c;
}

std::vector<GridCase> grid() {
  std::vector<GridCase> cases;
  std::uint64_t seed = 300;
  // Every output/cost pair without hidden layers and under a tanh hidden layer, batch 1 and 5.
  for (const OutputPair& out : kOutputs)
    for (int depth : {1, 2})
      for (Eigen::Index batch : {1, 5})
        cases.push_back(make_case("Tanh", Activation::tanh, depth, out, batch, ++seed));
  // Every hidden activation at depths 2 to 4, each under a different output.
  std::size_t k = 0;
  for (const auto& hidden : kHidden)
    for (int depth : {2, 3, 4}) {
      const OutputPair& out = kOutputs[(k++ * 3) % (sizeof kOutputs / sizeof kOutputs[0])];
      cases.push_back(make_case(hidden.name, hidden.f, depth, out, depth == 3 ? 1 : 4, ++seed));
    }
  // Mixed hidden activations in one network.
  GridCase mixed = make_case("Mixed", Activation::relu, 4, kOutputs[7], 6, ++seed);
  mixed.f = {Activation::relu, Activation::tanh, Activation::sigmoid, Activation::softmax};
  mixed.name = "Depth4_3x4x4x5x3_ReluTanhSigmoid_SoftmaxCe_Batch6";
  cases.push_back(mixed);
  // Two sigmoid outputs with binary cross-entropy: the cost sums the outputs of a sample and
  // divides by m only, so Δ^(L) = (A - Y)/m, not (A - Y)/(m n).
  const OutputPair two_bce{Activation::sigmoid, Cost::binary_cross_entropy, 2, "SigmoidBce"};
  cases.push_back(make_case("Tanh", Activation::tanh, 1, two_bce, 5, ++seed));
  cases.push_back(make_case("Tanh", Activation::tanh, 2, two_bce, 4, ++seed));
  return cases;
}

class NetworkGradient : public ::testing::TestWithParam<GridCase> {};

TEST_P(NetworkGradient, EveryParameterMatchesTheChecker) {
  const GridCase& c = GetParam();
  Network net = test_network(c.sizes, c.f, c.cost, c.seed);
  bp::Rng rng(c.seed * 7919);
  const Matrix X = normal_matrix(c.batch, c.sizes.front(), rng);
  const Matrix Y = random_targets(c.f.back(), c.cost, c.batch, c.sizes.back(), rng);
  const Gradients grads = bp::mlp::backward(net, bp::mlp::forward(net, X), Y);
  bp::check::Options options;
  options.batch_size = static_cast<double>(c.batch);
  const bp::check::Result r = bp::check::check_gradient(
      [&] { return reference_network_cost(net, X, Y); }, network_blocks(net, grads), options);
  EXPECT_TRUE(bp::check::passes(r))
      << "backward(net, forward(net, X), Y) for " << c.name << describe(places::kBackward);
}

INSTANTIATE_TEST_SUITE_P(Grid, NetworkGradient, ::testing::ValuesIn(grid()));

}  // namespace
