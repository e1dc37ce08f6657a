// Reference solution, stage 3, task 3.9.
#include "03_vectorized/training.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

#include "03_vectorized/activations.hpp"

namespace bp::mlp {

void gradient_step(Network& net, const Gradients& grads, double eta) {
  check_network("gradient_step", net);
  if (!(std::isfinite(eta) && eta > 0.0)) {
    std::ostringstream os;
    os << "gradient_step: the learning rate eta is " << eta << "; it must be finite and > 0";
    throw std::invalid_argument(os.str());
  }
  const std::size_t L = net.W.size() - 1;
  if (grads.dW.size() != L + 1 || grads.db.size() != L + 1)
    throw std::invalid_argument(
        "gradient_step: the gradients have " + std::to_string(grads.dW.size()) + " dW and " +
        std::to_string(grads.db.size()) +
        " db entries but the network needs L + 1 = " + std::to_string(L + 1));
  // Check every layer before changing any, so a bad call leaves net as it was.
  for (std::size_t l = 1; l <= L; ++l) {
    const std::string k = std::to_string(l);
    require_same_shape("gradient_step", "dW" + k, grads.dW[l], "W" + k, net.W[l]);
    require_same_shape("gradient_step", "db" + k, grads.db[l], "b" + k, net.b[l]);
  }
  for (std::size_t l = 1; l <= L; ++l) {
    net.W[l] -= eta * grads.dW[l];
    net.b[l] -= eta * grads.db[l];
  }
}

Matrix predict(const Network& net, const Matrix& X) {
  check_network("predict", net);
  if (X.cols() != net.W[1].rows())
    throw std::invalid_argument("predict: X is " + shape_of(X) + " but layer 1 expects " +
                                std::to_string(net.W[1].rows()) + " input features (W1 is " +
                                shape_of(net.W[1]) + ")");
  // The forward pass, keeping only the current layer: the same operations in the same
  // order as forward, so the same bits.
  Matrix A = X;
  Matrix Z;
  for (std::size_t l = 1; l < net.W.size(); ++l) {
    Z.noalias() = A * net.W[l];
    Z.rowwise() += net.b[l].transpose();
    A = activate(net.f[l], Z);
  }
  return A;
}

std::vector<int> predict_classes(const Network& net, const Matrix& X) {
  const Matrix A = predict(net, X);
  std::vector<int> classes(static_cast<std::size_t>(A.rows()));
  for (Eigen::Index i = 0; i < A.rows(); ++i) {
    Eigen::Index best = 0;
    if (A.cols() == 1) {
      best = A(i, 0) >= 0.5 ? 1 : 0;
    } else {
      for (Eigen::Index j = 1; j < A.cols(); ++j)
        if (A(i, j) > A(i, best)) best = j;  // strict: the first maximum wins ties
    }
    classes[static_cast<std::size_t>(i)] = static_cast<int>(best);
  }
  return classes;
}

}  // namespace bp::mlp
