#include <cmath>
#include <stdexcept>

#include "bp/dataset.hpp"
#include "number_text.hpp"

namespace bp::data {
namespace {

using detail::number_text;

// Labels come from CSV as doubles; 1.0000001 or -1 there means a wrong column or a
// corrupted file, never a class, so it is reported rather than truncated.
void check_label(const Eigen::VectorXd& labels, Eigen::Index i, const char* function) {
  const double label = labels(i);
  if (!(std::isfinite(label) && label >= 0.0 && label == std::floor(label))) {
    throw std::invalid_argument(std::string(function) + ": labels(" + std::to_string(i) +
                                ") = " + number_text(label) +
                                " is not a class label (expected an integer 0, 1, 2, ...)");
  }
}

}  // namespace

// Input: labels m. Output: m × num_classes.
Eigen::MatrixXd one_hot(const Eigen::VectorXd& labels, Eigen::Index num_classes) {
  if (num_classes < 1) {
    throw std::invalid_argument("one_hot: num_classes = " + std::to_string(num_classes) +
                                " (expected at least 1)");
  }
  Eigen::MatrixXd Y = Eigen::MatrixXd::Zero(labels.size(), num_classes);
  for (Eigen::Index i = 0; i < labels.size(); ++i) {
    check_label(labels, i, "one_hot");
    if (labels(i) >= static_cast<double>(num_classes)) {
      throw std::invalid_argument(
          "one_hot: labels(" + std::to_string(i) + ") = " + number_text(labels(i)) +
          " is out of range (expected 0.." + std::to_string(num_classes - 1) + " for " +
          std::to_string(num_classes) + " classes)");
    }
    Y(i, static_cast<Eigen::Index>(labels(i))) = 1.0;
  }
  return Y;
}

// Input: labels m ≥ 1. Output: max label + 1.
Eigen::Index count_classes(const Eigen::VectorXd& labels) {
  if (labels.size() == 0) {
    throw std::invalid_argument("count_classes: labels is empty (expected at least one label)");
  }
  for (Eigen::Index i = 0; i < labels.size(); ++i) check_label(labels, i, "count_classes");
  return static_cast<Eigen::Index>(labels.maxCoeff()) + 1;
}

}  // namespace bp::data
