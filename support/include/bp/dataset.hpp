#pragma once
// From a table of numbers to what training needs: features X and targets y, the bundled
// data sets by name, a seeded train/test split, standardisation and one-hot targets.
// Kit infrastructure, not an exercise. Shapes follow DESIGN.md: samples are rows.
#include <cstdint>
#include <string>
#include <vector>

#include "bp/csv.hpp"
#include "bp/eigen.hpp"

namespace bp::data {

struct Dataset {
  Eigen::MatrixXd X;                       // m × n features, one sample per row
  Eigen::VectorXd y;                       // m targets
  std::vector<std::string> feature_names;  // n names, the columns of X in order
  std::string target_name;
};

// Input: table m × c. Output: X m × n, y m.
// features: the feature columns to keep, in this order; empty = every column but the target.
// target: the target column; empty = the last column (the kit's files put it last).
// Throws std::invalid_argument for an unknown name (listing the available columns), a
// repeated feature, a feature that is also the target, or no feature column at all.
Dataset split_features_target(const Table& table, const std::vector<std::string>& features = {},
                              const std::string& target = "");

// Where the bundled data sets live: $BACKPROP_DATA_DIR if set and not empty, else the data/
// folder of the source tree (BP_DATA_DIR, fixed at configure time), then "/" name.
std::string data_path(const std::string& name);

// read_csv(data_path(name)) then split_features_target; e.g. load("iris.csv") gives
// X 150 × 4, y 150. A missing file is reported with the folder's CSV files.
Dataset load(const std::string& name, const std::vector<std::string>& features = {},
             const std::string& target = "");

// Row indices into a data set of m rows, each row in exactly one part, both parts sorted.
struct Split {
  std::vector<Eigen::Index> train;
  std::vector<Eigen::Index> test;
};

// Input: m rows. Output: test has round(test_fraction · m) rows, train the rest, chosen by a
// shuffle seeded with seed (bp::Rng, so the same on every platform).
// Throws std::invalid_argument unless 0 < test_fraction < 1 and both parts are non-empty.
Split train_test_split(Eigen::Index m, double test_fraction, std::uint64_t seed);

// Input: X m × n (or y m, or a Dataset of m rows) and k indices in [0, m), repeats allowed.
// Output: k × n (or k), row r of the result = row rows[r] of the input.
Eigen::MatrixXd take_rows(const Eigen::MatrixXd& X, const std::vector<Eigen::Index>& rows);
Eigen::VectorXd take_rows(const Eigen::VectorXd& y, const std::vector<Eigen::Index>& rows);
Dataset take_rows(const Dataset& data, const std::vector<Eigen::Index>& rows);

// Scales each feature to mean 0 and standard deviation 1, with statistics from the training
// rows only: using the test rows too would leak information about them into the model and
// make the test score optimistic.
class Standardizer {
 public:
  // Input: X m × n, m ≥ 1, all finite. Stores the n column means and population standard
  // deviations (divide by m). A constant column gets sd = 1, see the .cpp for why.
  void fit(const Eigen::MatrixXd& X);
  // Input: X k × n (any k, same n as fit). Output: k × n, (X - mean) / sd per column.
  Eigen::MatrixXd transform(const Eigen::MatrixXd& X) const;
  // Input: Z k × n in standardised units. Output: k × n in original units, Z · sd + mean.
  Eigen::MatrixXd inverse_transform(const Eigen::MatrixXd& Z) const;
  // fit(X) then transform(X): m × n → m × n.
  Eigen::MatrixXd fit_transform(const Eigen::MatrixXd& X);

  bool fitted() const { return mean_.size() > 0; }
  const Eigen::RowVectorXd& mean() const { return mean_; }  // 1 × n
  const Eigen::RowVectorXd& sd() const { return sd_; }      // 1 × n, every entry > 0

 private:
  void check_fitted_to(const Eigen::MatrixXd& X, const char* function) const;

  Eigen::RowVectorXd mean_;
  Eigen::RowVectorXd sd_;
  Eigen::Index fitted_rows_ = 0;
};

// Input: labels m, each an integer 0..num_classes-1 stored as a double (as read from CSV).
// Output: m × num_classes, row i has a 1 in column labels(i) and 0 elsewhere.
// Throws std::invalid_argument naming the first label that is not such an integer.
Eigen::MatrixXd one_hot(const Eigen::VectorXd& labels, Eigen::Index num_classes);

// Input: labels m ≥ 1, non-negative integers. Output: the largest label + 1, the number of
// classes to pass to one_hot. Compute it on the whole data set, not on a split, which may
// lack the last class.
Eigen::Index count_classes(const Eigen::VectorXd& labels);

}  // namespace bp::data
