#include "mlp_training.hpp"

#include <stdexcept>
#include <string>

namespace bp::apps {

void gather_rows(const Matrix& src, const std::vector<std::size_t>& rows, std::size_t first,
                 Matrix& out) {
  // Column by column: both matrices are column-major, so the writes are contiguous.
  for (Eigen::Index j = 0; j < out.cols(); ++j) {
    double* dst = out.col(j).data();
    const double* col = src.col(j).data();
    for (Eigen::Index r = 0; r < out.rows(); ++r)
      dst[r] = col[rows[first + static_cast<std::size_t>(r)]];
  }
}

namespace {

// One gradient-descent step on rows rows[first .. first + b - 1] of (X, Y); buf holds b rows.
void train_batch(bp::mlp::Network& net, const Matrix& X, const Matrix& Y,
                 const std::vector<std::size_t>& rows, std::size_t first, Eigen::Index b,
                 double eta, BatchBuffers& buf) {
  if (buf.X.rows() != b || buf.X.cols() != X.cols()) buf.X.resize(b, X.cols());
  if (buf.Y.rows() != b || buf.Y.cols() != Y.cols()) buf.Y.resize(b, Y.cols());
  gather_rows(X, rows, first, buf.X);
  gather_rows(Y, rows, first, buf.Y);
  bp::mlp::forward(net, buf.X, buf.cache);
  bp::mlp::backward(net, buf.cache, buf.Y, buf.grads);
  bp::mlp::gradient_step(net, buf.grads, eta);
}

}  // namespace

void train_epoch(bp::mlp::Network& net, const Matrix& X, const Matrix& Y, Eigen::Index batch,
                 double eta, bp::Rng& rng, EpochWorkspace& ws) {
  const Eigen::Index m = X.rows();
  if (Y.rows() != m || m < 1)
    throw std::invalid_argument("train_epoch: X is " + bp::shape_of(X) + " and Y is " +
                                bp::shape_of(Y) + "; they need the same number m >= 1 of rows");
  if (batch < 1 || batch > m)
    throw std::invalid_argument("train_epoch: batch size " + std::to_string(batch) +
                                " must be between 1 and the " + std::to_string(m) +
                                " training rows");
  const std::vector<std::size_t> order = rng.permutation(static_cast<std::size_t>(m));
  const std::size_t full_batches = static_cast<std::size_t>(m / batch);
  const std::size_t b = static_cast<std::size_t>(batch);
  for (std::size_t k = 0; k < full_batches; ++k)
    train_batch(net, X, Y, order, k * b, batch, eta, ws.full);
  const Eigen::Index rest = m % batch;
  if (rest > 0) train_batch(net, X, Y, order, full_batches * b, rest, eta, ws.last);
}

Evaluation evaluate(const bp::mlp::Network& net, const Matrix& X, const Matrix& Y,
                    const Eigen::VectorXd& y, Task task, bp::mlp::ForwardCache& cache) {
  bp::mlp::forward(net, X, cache);
  Evaluation e;
  e.cost = bp::mlp::cost(net, cache, Y);
  const Matrix& A = cache.output();  // m × n_L
  if (task == Task::classification) {
    Eigen::Index right = 0;
    for (Eigen::Index i = 0; i < A.rows(); ++i) {
      // One sigmoid output: class 1 when a ≥ ½. Several: the column of the largest a
      // (Eigen's maxCoeff reports the first one on ties).
      Eigen::Index best = 0;
      if (A.cols() > 1)
        A.row(i).maxCoeff(&best);
      else
        best = static_cast<Eigen::Index>(A(i, 0) >= 0.5);
      if (static_cast<double>(best) == y(i)) ++right;
    }
    e.score = static_cast<double>(right) / static_cast<double>(A.rows());
  } else {
    const double residual = (y - A.col(0)).squaredNorm();
    const double spread = (y.array() - y.mean()).square().sum();  // > 0: make_problem checks
    e.score = 1.0 - residual / spread;
  }
  return e;
}

bool parameters_finite(const bp::mlp::Network& net) {
  for (std::size_t l = 1; l < net.W.size(); ++l)
    if (!net.W[l].allFinite() || !net.b[l].allFinite()) return false;
  return true;
}

}  // namespace bp::apps
