#pragma once
// The scalar stages' code seen through bp::apps::ScalarModel, for the training programs.
#include "01_perceptron/perceptron.hpp"
#include "scalar_training.hpp"

#if __has_include("02_hidden_neuron/hidden_neuron.hpp")
#include "02_hidden_neuron/hidden_neuron.hpp"
#endif

namespace bp::apps {

inline ScalarModel<bp::perceptron::Params> perceptron_model() {
  namespace pc = bp::perceptron;
  ScalarModel<pc::Params> m;
  m.name = "perceptron";
  m.param_names = {"w", "b"};
  m.param_values = [](const pc::Params& p) { return std::vector<double>{p.w, p.b}; };
  m.train_epoch = [](pc::Params& p, const std::vector<double>& xs, const std::vector<double>& ys,
                     double eta) { return pc::train_epoch(p, xs, ys, eta); };
  m.mean_cost = [](const pc::Params& p, const std::vector<double>& xs,
                   const std::vector<double>& ys) { return pc::mean_cost(p, xs, ys); };
  m.predict = [](const pc::Params& p, double x) { return pc::forward(p, x).a; };
  return m;
}

#if __has_include("02_hidden_neuron/hidden_neuron.hpp")
inline ScalarModel<bp::hidden::Params> hidden_neuron_model() {
  namespace hn = bp::hidden;
  ScalarModel<hn::Params> m;
  m.name = "hidden";
  m.param_names = {"w1", "b1", "w2", "b2"};
  m.param_values = [](const hn::Params& p) { return std::vector<double>{p.w1, p.b1, p.w2, p.b2}; };
  m.train_epoch = [](hn::Params& p, const std::vector<double>& xs, const std::vector<double>& ys,
                     double eta) { return hn::train_epoch(p, xs, ys, eta); };
  m.mean_cost = [](const hn::Params& p, const std::vector<double>& xs,
                   const std::vector<double>& ys) { return hn::mean_cost(p, xs, ys); };
  m.predict = [](const hn::Params& p, double x) { return hn::forward(p, x).a2; };
  return m;
}
#endif

}  // namespace bp::apps
