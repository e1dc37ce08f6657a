// Reference solution, stage 1, tasks 1.3 to 1.7.
#include "01_perceptron/perceptron.hpp"

#include <stdexcept>
#include <string>

#include "01_perceptron/sigmoid.hpp"

namespace bp::perceptron {

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
  f.z = p.w * x + p.b;
  f.a = sigmoid(f.z);
  return f;
}

double cost(double a, double y) {
  const double r = a - y;
  return 0.5 * r * r;
}

Gradient gradient(const Params& p, double x, double y) {
  const Forward f = forward(p, x);
  Gradient g;
  g.delta = (f.a - y) * sigmoid_prime(f.z);  // ∂C/∂a · ∂a/∂z
  g.dC_dw = g.delta * x;                     // · ∂z/∂w = x
  g.dC_db = g.delta;                         // · ∂z/∂b = 1
  return g;
}

Params gradient_step(const Params& p, const Gradient& g, double eta) {
  return Params{p.w - eta * g.dC_dw, p.b - eta * g.dC_db};
}

double mean_cost(const Params& p, const std::vector<double>& xs, const std::vector<double>& ys) {
  require_same_nonzero_size("mean_cost", xs, ys);
  double sum = 0.0;
  for (std::size_t i = 0; i < xs.size(); ++i) sum += cost(forward(p, xs[i]).a, ys[i]);
  return sum / static_cast<double>(xs.size());
}

Gradient mean_gradient(const Params& p, const std::vector<double>& xs,
                       const std::vector<double>& ys) {
  require_same_nonzero_size("mean_gradient", xs, ys);
  Gradient sum;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const Gradient g = gradient(p, xs[i], ys[i]);
    sum.delta += g.delta;
    sum.dC_dw += g.dC_dw;
    sum.dC_db += g.dC_db;
  }
  const double n = static_cast<double>(xs.size());
  return Gradient{sum.delta / n, sum.dC_dw / n, sum.dC_db / n};
}

double train_epoch(Params& p, const std::vector<double>& xs, const std::vector<double>& ys,
                   double eta) {
  const double c = mean_cost(p, xs, ys);
  const Gradient g = mean_gradient(p, xs, ys);
  p = gradient_step(p, g, eta);
  return c;
}

}  // namespace bp::perceptron
