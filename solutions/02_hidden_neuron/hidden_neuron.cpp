// Reference solution, stage 2, tasks 2.1 to 2.8.
#include "02_hidden_neuron/hidden_neuron.hpp"

#include <stdexcept>
#include <string>

#include "01_perceptron/perceptron.hpp"
#include "01_perceptron/sigmoid.hpp"

namespace bp::hidden {

using bp::perceptron::sigmoid;
using bp::perceptron::sigmoid_prime;

namespace {
void require_same_nonzero_size(const char* function, const std::vector<double>& xs,
                               const std::vector<double>& ys) {
  if (xs.size() != ys.size() || xs.empty())
    throw std::invalid_argument(std::string(function) + ": xs has " + std::to_string(xs.size()) +
                                " samples and ys has " + std::to_string(ys.size()) +
                                "; they must be the same, and at least 1");
}
}  // namespace

Forward forward(const Params& p, double x) {
  Forward f;
  f.z1 = p.w1 * x + p.b1;
  f.a1 = sigmoid(f.z1);
  f.z2 = p.w2 * f.a1 + p.b2;  // the output neuron sees a1, never x
  f.a2 = sigmoid(f.z2);
  return f;
}

ChainFactors chain_factors(const Params& p, double x, double y) {
  const Forward f = forward(p, x);
  ChainFactors c;
  c.dC_da2 = f.a2 - y;
  c.da2_dz2 = sigmoid_prime(f.z2);
  c.dz2_da1 = p.w2;
  c.da1_dz1 = sigmoid_prime(f.z1);
  c.dz1_dw1 = x;
  c.dz2_dw2 = f.a1;
  return c;
}

double output_error(const Forward& f, double y) { return (f.a2 - y) * sigmoid_prime(f.z2); }

double hidden_error(const Params& p, const Forward& f, double delta2) {
  return delta2 * p.w2 * sigmoid_prime(f.z1);
}

Gradient gradient(const Params& p, double x, double y) {
  const Forward f = forward(p, x);
  Gradient g;
  g.delta2 = output_error(f, y);
  g.dC_dw2 = g.delta2 * f.a1;
  g.dC_db2 = g.delta2;
  g.delta1 = hidden_error(p, f, g.delta2);
  g.dC_dw1 = g.delta1 * x;
  g.dC_db1 = g.delta1;
  return g;
}

Params gradient_step(const Params& p, const Gradient& g, double eta) {
  return Params{p.w1 - eta * g.dC_dw1, p.b1 - eta * g.dC_db1, p.w2 - eta * g.dC_dw2,
                p.b2 - eta * g.dC_db2};
}

Params backprop_step(const Params& p, double x, double y, double eta) {
  const Forward f = forward(p, x);
  Params next = p;

  const double delta2 = output_error(f, y);
  next.w2 = p.w2 - eta * delta2 * f.a1;
  next.b2 = p.b2 - eta * delta2;

  // δ1 must read p.w2: that is the weight that carried a1 into z2 in this forward pass.
  // next.w2 already holds the updated weight, and using it gives a different, wrong gradient.
  const double delta1 = hidden_error(p, f, delta2);
  next.w1 = p.w1 - eta * delta1 * x;
  next.b1 = p.b1 - eta * delta1;
  return next;
}

double mean_cost(const Params& p, const std::vector<double>& xs, const std::vector<double>& ys) {
  require_same_nonzero_size("mean_cost", xs, ys);
  double total_cost = 0.0;
  for (std::size_t i = 0; i < xs.size(); ++i)
    total_cost += bp::perceptron::cost(forward(p, xs[i]).a2, ys[i]);
  return total_cost / static_cast<double>(xs.size());
}

Gradient mean_gradient(const Params& p, const std::vector<double>& xs,
                       const std::vector<double>& ys) {
  require_same_nonzero_size("mean_gradient", xs, ys);
  Gradient sum;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const Gradient g = gradient(p, xs[i], ys[i]);
    sum.delta2 += g.delta2;
    sum.delta1 += g.delta1;
    sum.dC_dw1 += g.dC_dw1;
    sum.dC_db1 += g.dC_db1;
    sum.dC_dw2 += g.dC_dw2;
    sum.dC_db2 += g.dC_db2;
  }
  const double n = static_cast<double>(xs.size());
  return Gradient{sum.delta2 / n, sum.delta1 / n, sum.dC_dw1 / n,
                  sum.dC_db1 / n, sum.dC_dw2 / n, sum.dC_db2 / n};
}

double train_epoch(Params& p, const std::vector<double>& xs, const std::vector<double>& ys,
                   double eta) {
  const double c = mean_cost(p, xs, ys);
  const Gradient g = mean_gradient(p, xs, ys);
  p = gradient_step(p, g, eta);
  return c;
}

}  // namespace bp::hidden
