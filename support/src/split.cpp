#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "bp/dataset.hpp"
#include "bp/random.hpp"
#include "number_text.hpp"

namespace bp::data {
namespace {

void check_rows(const char* what, Eigen::Index m, const std::vector<Eigen::Index>& rows) {
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r] < 0 || rows[r] >= m) {
      throw std::invalid_argument(std::string("take_rows: rows[") + std::to_string(r) +
                                  "] = " + std::to_string(rows[r]) + " is out of range for " +
                                  what + " (expected 0.." + std::to_string(m - 1) + ")");
    }
  }
}

}  // namespace

// Input: m rows. Output: test ≈ test_fraction · m indices and train the rest, each sorted.
Split train_test_split(Eigen::Index m, double test_fraction, std::uint64_t seed) {
  if (!(test_fraction > 0.0 && test_fraction < 1.0)) {  // written so that NaN fails too
    throw std::invalid_argument(
        "train_test_split: test_fraction = " + detail::number_text(test_fraction) +
        " (expected 0 < fraction < 1)");
  }
  // Rounded, not rounded up: 0.07 · 100 is 7.0000000000000009 in doubles and must give 7.
  const auto n_test =
      static_cast<Eigen::Index>(std::llround(test_fraction * static_cast<double>(m)));
  if (m < 2 || n_test < 1 || n_test >= m) {
    throw std::invalid_argument("train_test_split: " + std::to_string(m) +
                                " rows with test_fraction = " + detail::number_text(test_fraction) +
                                " gives " +
                                detail::count_of(static_cast<std::size_t>(n_test), "test row") +
                                " (expected at least one training and one test row)");
  }
  Rng rng(seed);
  const std::vector<std::size_t> order = rng.permutation(static_cast<std::size_t>(m));
  Split split;
  for (Eigen::Index i = 0; i < m; ++i) {
    const auto row = static_cast<Eigen::Index>(order[static_cast<std::size_t>(i)]);
    (i < n_test ? split.test : split.train).push_back(row);
  }
  // Sorted so that each part keeps the file's order: the split decides membership only,
  // and shuffling for training is the trainer's job (per epoch, with its own seed).
  std::sort(split.train.begin(), split.train.end());
  std::sort(split.test.begin(), split.test.end());
  return split;
}

// Input: X m × n, k indices. Output: k × n.
Eigen::MatrixXd take_rows(const Eigen::MatrixXd& X, const std::vector<Eigen::Index>& rows) {
  check_rows(("X of shape " + shape_of(X)).c_str(), X.rows(), rows);
  Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), X.cols());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out.row(static_cast<Eigen::Index>(r)) = X.row(rows[r]);
  }
  return out;
}

// Input: y m, k indices. Output: k.
Eigen::VectorXd take_rows(const Eigen::VectorXd& y, const std::vector<Eigen::Index>& rows) {
  check_rows(("y of shape " + shape_of(y)).c_str(), y.size(), rows);
  Eigen::VectorXd out(static_cast<Eigen::Index>(rows.size()));
  for (std::size_t r = 0; r < rows.size(); ++r) out(static_cast<Eigen::Index>(r)) = y(rows[r]);
  return out;
}

// Input: data with X m × n and y m, k indices. Output: X k × n, y k, same names.
Dataset take_rows(const Dataset& data, const std::vector<Eigen::Index>& rows) {
  if (data.X.rows() != data.y.size()) {
    throw std::invalid_argument("take_rows: X is " + shape_of(data.X) + " but y is " +
                                shape_of(data.y) + " (expected one target per row of X)");
  }
  Dataset out;
  out.X = take_rows(data.X, rows);
  out.y = take_rows(data.y, rows);
  out.feature_names = data.feature_names;
  out.target_name = data.target_name;
  return out;
}

}  // namespace bp::data
