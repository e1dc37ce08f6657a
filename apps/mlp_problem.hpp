#pragma once
// The data side of train_mlp: a data set (bundled, synthetic or any CSV file) turned into what
// the stage 3 network trains on: standardised training and test features and target matrices
// whose width is the network's output size. Kit infrastructure, not an exercise.
//
// Order of operations, so nothing about the test rows leaks into training:
//   1. read (or generate) every row;          2. split rows into train and test (seeded);
//   3. fit the standardiser on the training rows only, apply it to both parts;
//   4. build the targets: one-hot rows for cross-entropy (K outputs), the 0/1 column for
//      binary cross-entropy (one output), the value itself for MSE (one output: regression).
// Shapes: m_train + m_test = m rows; X_* m_* × n_0; Y_* m_* × n_L.
#include <cstdint>
#include <string>
#include <vector>

#include "03_vectorized/costs.hpp"
#include "bp/dataset.hpp"
#include "bp/eigen.hpp"

namespace bp::apps {

// What the cost implies about the target: cross-entropies classify, MSE regresses.
enum class Task { classification, regression };

inline Task task_of(bp::mlp::Cost cost) {
  return cost == bp::mlp::Cost::mse ? Task::regression : Task::classification;
}

// The Runge function 1 / (1 + 25 x²), whose polynomial interpolants famously oscillate at the
// ends of [-1, 1]; a smooth target a small network should fit well.
inline double runge(double x) { return 1.0 / (1.0 + 25.0 * x * x); }

struct ProblemSpec {
  std::string data = "digits";        // digits, breast_cancer, iris, runge, or a CSV path
  std::string target;                 // target column; "" = the last column
  std::vector<std::string> features;  // feature columns; empty = all but the target
  bp::mlp::Cost cost = bp::mlp::Cost::cross_entropy;
  double test_fraction = 0.2;        // share of rows held out, in (0, 1)
  std::uint64_t split_seed = 1;      // seeds the train/test split
  std::uint64_t runge_seed = 1;      // seeds the synthetic Runge samples (x and noise)
  Eigen::Index runge_samples = 300;  // rows of the Runge data set
  double runge_noise = 0.02;         // standard deviation of the Gaussian noise added to y
};

struct Problem {
  std::string name;  // "digits", "runge", or the CSV path as given
  Task task = Task::classification;
  Eigen::Index num_classes = 0;  // classification: K ≥ 2; regression: 0
  std::vector<std::string> feature_names;
  std::string target_name;

  Eigen::MatrixXd X_train, X_test;  // m_train × n_0, m_test × n_0, standardised
  Eigen::MatrixXd Y_train, Y_test;  // m_train × n_L, m_test × n_L, the network's targets
  // The target column of each part, m_train and m_test entries: the class 0..K-1
  // (classification) or the value (regression). What accuracy and R² compare against.
  Eigen::VectorXd y_train, y_test;
  bp::data::Standardizer scale;  // fitted on the training rows only

  // Every row in file order, in original units (for the scatter of one-feature data):
  Eigen::MatrixXd X_all;  // m × n_0
  Eigen::VectorXd y_all;  // m
  std::vector<Eigen::Index> test_rows;

  // Things the user should know that do not stop training, one sentence each (printed by
  // the program as "train_mlp: warning: ..."): every feature constant in the training rows.
  std::vector<std::string> warnings;

  Eigen::Index inputs() const { return X_train.cols(); }   // n_0
  Eigen::Index outputs() const { return Y_train.cols(); }  // n_L
};

// The names --data accepts besides a CSV path.
inline const char* const kBundledData[] = {"digits", "breast_cancer", "iris", "runge"};

// The file --data names: a bundled name ("digits") resolved to data/digits.csv, a path as
// given, and "" for the generated Runge data.
std::string data_file(const ProblemSpec& spec);

// Builds the problem. Throws bp::cli::UsageError when the options do not fit the data (a
// cross-entropy cost on a target that is not a class label 0..K-1 with every class present,
// binary cross-entropy on more than two classes, a constant regression target, a test
// fraction that leaves a part empty), and std::runtime_error / std::invalid_argument for a
// file that cannot be read (missing, ragged, non-numeric, NaN: the CSV reader's message).
Problem make_problem(const ProblemSpec& spec);

// The shortest decimal text that reads back as the same double: "0.1", "100", "1e+300".
std::string shortest_text(double v);

}  // namespace bp::apps
