#pragma once
// Mini-batch gradient descent for the stage 3 network, and the per-epoch measurements that
// train_mlp writes (cost, accuracy or R²). Kit infrastructure: it only calls the functions
// declared in exercises/03_vectorized/*.hpp, so it trains the student's code or the
// solutions alike. The benchmark (bench/) times train_epoch, the same code path.
#include <cstddef>
#include <vector>

#include "03_vectorized/backward.hpp"
#include "03_vectorized/network.hpp"
#include "03_vectorized/training.hpp"
#include "bp/random.hpp"
#include "mlp_problem.hpp"

namespace bp::apps {

using bp::mlp::Matrix;

// The buffers of one batch size, reused from batch to batch so that an epoch allocates
// nothing once the first batch has run (forward and backward keep the buffers they are
// given).
struct BatchBuffers {
  Matrix X;  // b × n_0, the batch's rows of the training features
  Matrix Y;  // b × n_L, the batch's rows of the targets
  bp::mlp::ForwardCache cache;
  bp::mlp::Gradients grads;
};

// Everything one epoch needs besides the network and the data. An epoch has full batches of
// `batch` rows and, when batch does not divide m, one last smaller batch; each size keeps
// its own buffers so neither is ever resized.
struct EpochWorkspace {
  BatchBuffers full;
  BatchBuffers last;
};

// One epoch of mini-batch gradient descent over X (m × n_0) and Y (m × n_L):
//   shuffle 0..m-1 with rng (one permutation per epoch, so the same seed gives the same
//   batches), then for each run of `batch` consecutive indices of the permutation (the last
//   run may be shorter): forward, backward, gradient_step(η).
// Every sample is used exactly once per epoch. batch must be in 1..m (std::invalid_argument
// otherwise); X and Y must have m ≥ 1 rows each.
void train_epoch(bp::mlp::Network& net, const Matrix& X, const Matrix& Y, Eigen::Index batch,
                 double eta, bp::Rng& rng, EpochWorkspace& ws);

// Copies rows rows[first], ..., rows[first + out.rows() - 1] of src (m × n) into out
// (b × n, already sized). Indices must be in [0, m).
void gather_rows(const Matrix& src, const std::vector<std::size_t>& rows, std::size_t first,
                 Matrix& out);

// The cost and the score of the network on a whole data part.
struct Evaluation {
  double cost = 0.0;   // the mean cost over the part's rows
  double score = 0.0;  // accuracy in [0, 1] (classification) or R² (regression)
};

// Forward on X (m × n_0) into cache (reused), then the cost against Y (m × n_L) and the score
// against y (m entries: the class 0..K-1, or the regression value).
//   accuracy: share of rows whose predicted class equals y; the predicted class is the rule
//             of predict_classes (one output: a ≥ ½ → 1; several: the first largest output),
//             read off the forward pass already made instead of a second forward pass.
//   R²:       1 - Σ (y - a)² / Σ (y - ȳ)², one output, ȳ the mean of this part's y.
Evaluation evaluate(const bp::mlp::Network& net, const Matrix& X, const Matrix& Y,
                    const Eigen::VectorXd& y, Task task, bp::mlp::ForwardCache& cache);

// True if every weight and bias of net is finite.
bool parameters_finite(const bp::mlp::Network& net);

}  // namespace bp::apps
