#pragma once
// Helpers shared by the stage 3 tests: matrices from literals, comparisons whose failure
// messages print both matrices, seeded test networks built without the code under test,
// and the check that a call throws std::invalid_argument naming the right shapes.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <limits>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "03_vectorized/backward.hpp"
#include "03_vectorized/network.hpp"
#include "bp/random.hpp"
#include "gradcheck.hpp"
#include "stage3_places.hpp"

// gtest prints a value parameter with PrintTo, and CMake's test discovery puts that text
// into the ctest name (".../sigmoid" rather than ".../1").
namespace bp::mlp {
inline void PrintTo(Activation f, std::ostream* os) { *os << to_string(f); }
inline void PrintTo(Cost c, std::ostream* os) { *os << to_string(c); }
}  // namespace bp::mlp

namespace bp::test::stage3 {

using bp::mlp::Activation;
using bp::mlp::Cost;
using bp::mlp::Matrix;
using bp::mlp::Network;
using bp::mlp::Vector;

// mat({{1, 2}, {3, 4}}): a matrix written row by row.
inline Matrix mat(std::initializer_list<std::initializer_list<double>> rows) {
  Matrix M(static_cast<Eigen::Index>(rows.size()),
           rows.size() == 0 ? 0 : static_cast<Eigen::Index>(rows.begin()->size()));
  Eigen::Index i = 0;
  for (const auto& row : rows) {
    Eigen::Index j = 0;
    for (double v : row) M(i, j++) = v;
    ++i;
  }
  return M;
}

inline Vector vec(std::initializer_list<double> values) {
  Vector v(static_cast<Eigen::Index>(values.size()));
  Eigen::Index i = 0;
  for (double x : values) v(i++) = x;
  return v;
}

template <typename Derived>
std::string show(const Eigen::DenseBase<Derived>& M) {
  std::ostringstream os;
  os.precision(17);
  const Eigen::IOFormat fmt(Eigen::FullPrecision, 0, ", ", "\n", "      [", "]");
  os << bp::shape_of(M) << ":\n" << M.format(fmt);
  return os.str();
}

// Exactly the same shape and the same bits in every entry (NaN equal to NaN).
template <typename DA, typename DB>
::testing::AssertionResult same_bits(const Eigen::DenseBase<DA>& actual,
                                     const Eigen::DenseBase<DB>& expected) {
  bool same = actual.rows() == expected.rows() && actual.cols() == expected.cols();
  for (Eigen::Index i = 0; same && i < actual.rows(); ++i)
    for (Eigen::Index j = 0; same && j < actual.cols(); ++j) {
      const double a = actual(i, j);
      const double e = expected(i, j);
      same = std::memcmp(&a, &e, sizeof(double)) == 0;
    }
  if (same) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "expected, bit for bit,\n    " << show(expected) << "\n  got\n    " << show(actual);
}

// Same shape, and every entry within tol · max(1, |expected|) (NaN and inf never pass).
template <typename DA, typename DB>
::testing::AssertionResult all_near(const Eigen::DenseBase<DA>& actual,
                                    const Eigen::DenseBase<DB>& expected, double tol) {
  if (actual.rows() != expected.rows() || actual.cols() != expected.cols())
    return ::testing::AssertionFailure()
           << "expected shape " << bp::shape_of(expected) << ", got " << bp::shape_of(actual)
           << "\n  expected\n    " << show(expected) << "\n  got\n    " << show(actual);
  for (Eigen::Index i = 0; i < actual.rows(); ++i)
    for (Eigen::Index j = 0; j < actual.cols(); ++j) {
      const double a = actual(i, j);
      const double e = expected(i, j);
      if (!(std::abs(a - e) <= tol * std::max(1.0, std::abs(e))))
        return ::testing::AssertionFailure()
               << "entry (" << i << ", " << j << ") is " << a << ", expected " << e
               << " (tolerance " << tol << ")\n  expected\n    " << show(expected)
               << "\n  got\n    " << show(actual);
    }
  return ::testing::AssertionSuccess();
}

// How many doubles lie between a and b (0: the same value).
inline std::uint64_t ulps_apart(double a, double b) {
  if (a == b) return 0;
  if (!std::isfinite(a) || !std::isfinite(b) || (a < 0) != (b < 0))
    return std::numeric_limits<std::uint64_t>::max();
  std::int64_t ia = 0;
  std::int64_t ib = 0;
  std::memcpy(&ia, &a, sizeof a);
  std::memcpy(&ib, &b, sizeof b);
  return static_cast<std::uint64_t>(ia > ib ? ia - ib : ib - ia);
}

// call() must throw std::invalid_argument whose message contains every one of `names`
// (e.g. both shapes). Anything else, NotImplemented included, fails with what it was.
inline ::testing::AssertionResult throws_invalid_argument(const std::function<void()>& call,
                                                          const std::vector<std::string>& names) {
  try {
    call();
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    for (const std::string& name : names)
      if (message.find(name) == std::string::npos)
        return ::testing::AssertionFailure()
               << "threw std::invalid_argument as it should, but its message\n    \"" << message
               << "\"\n  does not name \"" << name << "\"";
    return ::testing::AssertionSuccess();
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure()
           << "expected std::invalid_argument, but it threw another exception: " << e.what();
  }
  return ::testing::AssertionFailure() << "expected std::invalid_argument, but nothing was thrown";
}

inline Matrix normal_matrix(Eigen::Index rows, Eigen::Index cols, Rng& rng, double scale = 1.0) {
  Matrix M(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index i = 0; i < rows; ++i) M(i, j) = scale * rng.normal();
  return M;
}

inline Matrix uniform_matrix(Eigen::Index rows, Eigen::Index cols, Rng& rng, double lo, double hi) {
  Matrix M(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index i = 0; i < rows; ++i) M(i, j) = rng.uniform(lo, hi);
  return M;
}

// Targets that make sense for the output layer: one-hot rows for cross-entropy, values in
// (0, 1) for binary cross-entropy (soft targets: the header promises any y in [0, 1], and an
// output error that is right only for 0/1 labels must show) and for MSE on a bounded output,
// any value otherwise.
inline Matrix random_targets(Activation output, Cost c, Eigen::Index m, Eigen::Index n, Rng& rng) {
  Matrix Y = Matrix::Zero(m, n);
  for (Eigen::Index i = 0; i < m; ++i) {
    if (c == Cost::cross_entropy) {
      Y(i, static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(n)))) = 1.0;
      continue;
    }
    for (Eigen::Index j = 0; j < n; ++j) {
      if (c == Cost::binary_cross_entropy || output == Activation::sigmoid ||
          output == Activation::softmax)
        Y(i, j) = rng.uniform(0.05, 0.95);
      else
        Y(i, j) = rng.normal();
    }
  }
  return Y;
}

// Soft class targets for softmax cross-entropy: m rows of n positive entries, each row summing
// to 1 (the header: "any rows summing to 1 work"), not one-hot.
inline Matrix soft_class_targets(Eigen::Index m, Eigen::Index n, Rng& rng) {
  Matrix Y = uniform_matrix(m, n, rng, 0.05, 1.0);
  for (Eigen::Index i = 0; i < m; ++i) Y.row(i) /= Y.row(i).sum();
  return Y;
}

// A network with seeded random parameters, built here without make_network (task 3.6), so
// the forward and backward tests do not depend on it. Biases are random too, so a gradient
// that ignores them or mixes up their entries shows.
inline Network test_network(const std::vector<Eigen::Index>& sizes,
                            const std::vector<Activation>& activations, Cost output_cost,
                            std::uint64_t seed) {
  Rng rng(seed);
  Network net;
  net.cost = output_cost;
  net.W.assign(sizes.size(), Matrix());
  net.b.assign(sizes.size(), Vector());
  net.f.assign(sizes.size(), Activation::identity);
  for (std::size_t l = 1; l < sizes.size(); ++l) {
    net.W[l] = normal_matrix(sizes[l - 1], sizes[l], rng,
                             1.0 / std::sqrt(static_cast<double>(sizes[l - 1])));
    net.b[l] = normal_matrix(sizes[l], 1, rng, 0.5);
    net.f[l] = activations.at(l - 1);
  }
  return net;
}

// The checker's blocks W1, b1, ..., WL, bL of a network with the claimed gradients.
inline std::vector<bp::check::Block> network_blocks(Network& net, const bp::mlp::Gradients& grads) {
  std::vector<bp::check::Block> blocks;
  for (std::size_t l = 1; l < net.W.size(); ++l) {
    const std::string layer = std::to_string(l);
    blocks.push_back(bp::check::block("W" + layer, net.W[l], grads.dW.at(l)));
    blocks.push_back(bp::check::bias_block("b" + layer, net.b[l], grads.db.at(l)));
  }
  return blocks;
}

// The small network whose forward and backward values forward_test.cpp and backward_test.cpp
// pin: 2 inputs, 3 tanh nodes, 2 softmax outputs with cross-entropy, and its batch of 2.
inline Network small_network() {
  Network net;
  net.W = {Matrix(), mat({{0.1, -0.2, 0.3}, {0.4, 0.5, -0.6}}),
           mat({{0.7, -0.8}, {0.9, 0.1}, {-0.3, 0.2}})};
  net.b = {bp::mlp::Vector(), vec({0.01, -0.02, 0.03}), vec({0.05, -0.05})};
  net.f = {Activation::identity, Activation::tanh, Activation::softmax};
  net.cost = Cost::cross_entropy;
  return net;
}

inline Matrix small_batch() { return mat({{0.5, -1.0}, {2.0, 0.25}}); }

}  // namespace bp::test::stage3
