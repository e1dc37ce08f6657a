#include <cmath>
#include <stdexcept>
#include <string>

#include "bp/dataset.hpp"

namespace bp::data {

// Input: X m × n. Output: stores mean 1 × n and sd 1 × n.
void Standardizer::fit(const Eigen::MatrixXd& X) {
  if (X.rows() < 1 || X.cols() < 1) {
    throw std::invalid_argument("Standardizer::fit: X is " + shape_of(X) +
                                " (expected at least one row and one column)");
  }
  if (!X.allFinite()) {
    throw std::invalid_argument("Standardizer::fit: X (" + shape_of(X) +
                                ") contains NaN or infinity (expected finite values)");
  }
  const Eigen::Index m = X.rows();
  mean_.resize(X.cols());
  sd_.resize(X.cols());
  for (Eigen::Index j = 0; j < X.cols(); ++j) {
    const double min = X.col(j).minCoeff();
    if (min == X.col(j).maxCoeff()) {
      // A constant column (e.g. a pixel that is blank in every training image) has sd 0 and
      // carries no information; dividing by 0 would give NaN, which poisons every gradient.
      // With sd = 1 and the exact value as mean, the column becomes exactly 0 for the
      // training rows, its weight gets no gradient, and other rows stay finite.
      mean_(j) = min;
      sd_(j) = 1.0;
      continue;
    }
    // Two passes (mean first, then squared deviations): the one-pass E[x²] - E[x]² loses
    // all precision when the mean is large compared with the spread.
    const double mean = X.col(j).sum() / static_cast<double>(m);
    const double ss = (X.col(j).array() - mean).square().sum();
    mean_(j) = mean;
    sd_(j) = std::sqrt(ss / static_cast<double>(m));
  }
  fitted_rows_ = m;
}

void Standardizer::check_fitted_to(const Eigen::MatrixXd& X, const char* function) const {
  if (!fitted()) {
    throw std::logic_error(std::string("Standardizer::") + function +
                           " called before fit (fit on the training rows first)");
  }
  if (X.cols() != mean_.size()) {
    throw std::invalid_argument(
        std::string("Standardizer::") + function + ": X is " + shape_of(X) +
        " but the standardizer was fitted on " + std::to_string(fitted_rows_) + " x " +
        std::to_string(mean_.size()) + " (expected " + std::to_string(mean_.size()) + " columns)");
  }
}

// Input: X k × n. Output: k × n.
Eigen::MatrixXd Standardizer::transform(const Eigen::MatrixXd& X) const {
  check_fitted_to(X, "transform");
  return (X.rowwise() - mean_).array().rowwise() / sd_.array();
}

// Input: Z k × n. Output: k × n.
Eigen::MatrixXd Standardizer::inverse_transform(const Eigen::MatrixXd& Z) const {
  check_fitted_to(Z, "inverse_transform");
  return (Z.array().rowwise() * sd_.array()).rowwise() + mean_.array();
}

// Input: X m × n. Output: m × n.
Eigen::MatrixXd Standardizer::fit_transform(const Eigen::MatrixXd& X) {
  fit(X);
  return transform(X);
}

}  // namespace bp::data
