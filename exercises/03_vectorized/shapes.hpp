#pragma once
// Stage 3: the matrix types and the shape checks every public function of the stage uses.
// Kit infrastructure, not an exercise: call these helpers, do not edit them.
//
// Convention (docs/03_vectorized.md#shapes): a batch of m samples is a matrix with one
// sample per ROW. X is m × n_0, Z^(l) and A^(l) are m × n_l, Y is m × n_L.
//
// Every public function of stage 3 checks the shapes of its arguments itself and throws
// std::invalid_argument naming both shapes, in release builds too: Eigen's own asserts are a
// safety net only (they vanish with NDEBUG in plain Eigen, and their messages name no shape).
#include <stdexcept>
#include <string>

#include "bp/eigen.hpp"

namespace bp::mlp {

using Matrix = Eigen::MatrixXd;  // m × n, one sample per row
using Vector = Eigen::VectorXd;  // a column of n entries (a bias b^(l))

// Throws std::invalid_argument unless a and b have the same shape:
//   "mse: A is 5 x 3 but Y is 5 x 2; they must have the same shape"
template <typename DerivedA, typename DerivedB>
void require_same_shape(const std::string& function, const std::string& a_name,
                        const Eigen::EigenBase<DerivedA>& a, const std::string& b_name,
                        const Eigen::EigenBase<DerivedB>& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols())
    throw std::invalid_argument(function + ": " + a_name + " is " + shape_of(a) + " but " + b_name +
                                " is " + shape_of(b) + "; they must have the same shape");
}

// Throws std::invalid_argument when a batch has no rows: a mean over 0 samples is 0/0.
//   "mse: A is 0 x 3; a batch needs at least one sample (row)"
template <typename Derived>
void require_nonempty_batch(const std::string& function, const std::string& name,
                            const Eigen::EigenBase<Derived>& a) {
  if (a.rows() == 0)
    throw std::invalid_argument(function + ": " + name + " is " + shape_of(a) +
                                "; a batch needs at least one sample (row)");
}

}  // namespace bp::mlp
