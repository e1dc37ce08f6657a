#pragma once
// Test-side reference for stage 2, written independently of the student's code: the tests
// compare the student's functions with these formulas and with the trusted gradient checker,
// never with other student functions.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <functional>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "01_perceptron/perceptron.hpp"
#include "01_perceptron/sigmoid.hpp"
#include "02_hidden_neuron/hidden_neuron.hpp"
#include "bp/random.hpp"
#include "gradcheck.hpp"
#include "where.hpp"

namespace bp::test::stage2 {

using bp::hidden::ChainFactors;
using bp::hidden::Forward;
using bp::hidden::Gradient;
using bp::hidden::Params;
using bp::test::Where;

// ---------------------------------------------------------------------------------------
// Reference math.

// Stable for any z: each branch only exponentiates a non-positive number.
inline double ref_sigmoid(double z) {
  return z < 0.0 ? std::exp(z) / (std::exp(z) + 1.0) : 1.0 / (std::exp(-z) + 1.0);
}

// σ'(z) = σ(z)(1 - σ(z)) = σ(z) σ(-z): the second form has no cancellation for large z.
inline double ref_sigmoid_prime(double z) { return ref_sigmoid(z) * ref_sigmoid(-z); }

inline Forward ref_forward(const Params& p, double x) {
  Forward f;
  f.z1 = p.b1 + p.w1 * x;  // the definitions from the header, in the tests' own words
  f.a1 = ref_sigmoid(f.z1);
  f.z2 = p.b2 + p.w2 * f.a1;
  f.a2 = ref_sigmoid(f.z2);
  return f;
}

inline double ref_cost(const Params& p, double x, double y) {
  const double error = ref_forward(p, x).a2 - y;
  return error * error / 2.0;
}

// The checker's numeric gradient of cost(q) at q = p, parameter by parameter (never from
// formulas a student could copy), with δ2 = ∂C/∂b2 and δ1 = ∂C/∂b1 (z2 and z1 depend on b2
// and b1 with slope 1).
inline Gradient numeric_gradient_of(const Params& p,
                                    const std::function<double(const Params&)>& cost) {
  const auto along = [&](double Params::*field) {
    return bp::check::numeric_derivative(
               [&](double t) {
                 Params q = p;
                 q.*field = t;
                 return cost(q);
               },
               p.*field)
        .value;
  };
  Gradient g;
  g.dC_dw1 = along(&Params::w1);
  g.dC_db1 = along(&Params::b1);
  g.dC_dw2 = along(&Params::w2);
  g.dC_db2 = along(&Params::b2);
  g.delta1 = g.dC_db1;
  g.delta2 = g.dC_db2;
  return g;
}

// The gradient the tests expect for one sample; about 1e-10 relative away from saturation.
inline Gradient numeric_gradient(const Params& p, double x, double y) {
  return numeric_gradient_of(p, [&](const Params& q) { return ref_cost(q, x, y); });
}

// ---------------------------------------------------------------------------------------
// Where to look: every failure message names the function, its file and its docs section.

// Stage 2 calls the student's stage 1 sigmoid, sigmoid_prime and cost, and the cross-stage
// tests call the stage 1 perceptron. When those are wrong, stage 2 fails too and its message
// alone would send the student to the wrong file; so every message checks stage 1 and, if
// it is broken, says so.
inline std::string stage1_note() {
  namespace p = bp::perceptron;
  bool ok = true;
  const auto near = [](double got, double want, double rtol) {
    return std::abs(got - want) <= rtol * std::abs(want) + 1e-300;  // false for NaN too
  };
  try {
    for (const double z : {-1000.0, -30.0, -2.5, -0.5, 0.0, 0.5, 2.5, 30.0, 1000.0}) {
      if (!near(p::sigmoid(z), ref_sigmoid(z), 1e-12)) ok = false;
      // σ(1 - σ) near z = 30 keeps only 3 digits (see saturated_z), hence the wide rtol.
      if (!near(p::sigmoid_prime(z), ref_sigmoid_prime(z), 1e-2)) ok = false;
    }
    if (!near(p::cost(0.75, 0.25), 0.125, 1e-15)) ok = false;
    // The perceptron at w = -1.5, b = 0.25, x = 0.5, y = 0: z = -0.5.
    const p::Params pp{-1.5, 0.25};
    const double a = ref_sigmoid(-0.5);
    const double delta = a * ref_sigmoid_prime(-0.5);
    if (!near(p::forward(pp, 0.5).a, a, 1e-12)) ok = false;
    const p::Gradient g = p::gradient(pp, 0.5, 0.0);
    if (!near(g.dC_dw, 0.5 * delta, 1e-12) || !near(g.dC_db, delta, 1e-12)) ok = false;
  } catch (const std::exception&) {
    ok = false;
  }
  if (ok) return "";
  return "\n  NOTE: stage 2 calls your stage 1 sigmoid, sigmoid_prime and cost, and some "
         "stage 2 tests compare with your stage 1 perceptron (exercises/01_perceptron/). "
         "Those do not pass their own checks yet, so this failure may come from there: run "
         "./kit check 1 (or ctest -L stage1) and finish stage 1 first.";
}

// The edit point of every stage 2 function (matches tests/stage2/tasks.json).
inline constexpr const char* kFile = "exercises/02_hidden_neuron/hidden_neuron.cpp";
inline constexpr Where kForward{"forward", kFile,
                                "docs/02_hidden_neuron.md#task-21-the-forward-pass"};
inline constexpr Where kChainFactors{"chain_factors", kFile,
                                     "docs/02_hidden_neuron.md#task-22-the-chain-rule-factors"};
inline constexpr Where kOutputError{"output_error", kFile,
                                    "docs/02_hidden_neuron.md#task-23-the-output-error"};
inline constexpr Where kHiddenError{"hidden_error", kFile,
                                    "docs/02_hidden_neuron.md#task-24-the-hidden-error"};
inline constexpr Where kGradient{"gradient", kFile,
                                 "docs/02_hidden_neuron.md#task-25-the-four-gradients"};
inline constexpr Where kGradientStep{"gradient_step", kFile,
                                     "docs/02_hidden_neuron.md#task-26-one-gradient-descent-step"};
inline constexpr Where kBackpropStep{
    "backprop_step", kFile, "docs/02_hidden_neuron.md#task-27-one-backprop-step-on-one-sample"};
inline constexpr Where kMeanCost{"mean_cost", kFile,
                                 "docs/02_hidden_neuron.md#task-28-training-over-a-data-set"};
inline constexpr Where kMeanGradient{"mean_gradient", kFile,
                                     "docs/02_hidden_neuron.md#task-28-training-over-a-data-set"};
inline constexpr Where kTrainEpoch{"train_epoch", kFile,
                                   "docs/02_hidden_neuron.md#task-28-training-over-a-data-set"};

// Appended to every assertion's message. gtest builds a message only when the assertion
// fails, so student code (in stage1_note) never runs for a passing test.
inline std::string where(const Where& w) { return bp::test::describe(w) + stage1_note(); }

// ---------------------------------------------------------------------------------------
// Cost changes with every digit, for the checker.
//
// Near saturation the plain cost ½(a2 - y)² is a number like 0.5 whose change under a
// step h of a parameter is far below its last bit, so a difference quotient of it is noise
// and any tolerance loose enough to accept that noise accepts wrong gradients too. These
// functions compute C(θ) - C(θ0) instead, written without subtracting nearly equal numbers,
// so it keeps full relative precision however small it is, the checker's numeric derivative
// keeps it too, and a relative tolerance (atol = 0) still bites at |z| = 30.

// σ(v + d) - σ(v) = -σ(v + d) σ(-v) expm1(-d), exact to a few ulps for any size of d.
inline double sigmoid_change(double v, double d) {
  return -ref_sigmoid(v + d) * ref_sigmoid(-v) * std::expm1(-d);
}

// a - y for a = σ(z), without the cancellation of σ(z) - 1 when y = 1 and z is large.
inline double residual(double z, double y) {
  if (y == 1.0) return -ref_sigmoid(-z);
  return ref_sigmoid(z) - y;
}

// ½(a - y)² - ½(a0 - y)² = ½ (a - a0)(r + r0) for a = σ(z0 + dz2), a0 = σ(z0), r = a - y.
// r and r0 have the same sign unless a2 lies between them and y, so no cancellation for
// y ∈ {0, 1} (the saturated fixtures) and none that matters elsewhere.
inline double cost_change_at_output(double z20, double dz2, double y) {
  return 0.5 * sigmoid_change(z20, dz2) * (residual(z20 + dz2, y) + residual(z20, y));
}

// C(p) - C(p0) for the sample (x, y), both parameter sets through the whole net.
inline double cost_change(const Params& p0, const Params& p, double x, double y) {
  const double z10 = p0.w1 * x + p0.b1;
  const double dz1 = (p.w1 - p0.w1) * x + (p.b1 - p0.b1);
  const double a10 = ref_sigmoid(z10);
  const double da1 = sigmoid_change(z10, dz1);
  const double z20 = p0.w2 * a10 + p0.b2;
  const double dz2 = p.w2 * da1 + (p.w2 - p0.w2) * a10 + (p.b2 - p0.b2);
  return cost_change_at_output(z20, dz2, y);
}

// C as a function of z1 alone (w2, b2, y fixed), minus its value at z10: ∂/∂z1 of it is δ1.
inline double cost_change_in_z1(const Params& p, double z10, double z1, double y) {
  const double a10 = ref_sigmoid(z10);
  const double dz2 = p.w2 * sigmoid_change(z10, z1 - z10);
  return cost_change_at_output(p.w2 * a10 + p.b2, dz2, y);
}

// C as a function of z2 alone, minus its value at z20: ∂/∂z2 of it is δ2.
inline double cost_change_in_z2(double z20, double z2, double y) {
  return cost_change_at_output(z20, z2 - z20, y);
}

// ---------------------------------------------------------------------------------------
// Fixtures.

struct Sample {
  Params p;
  double x = 0.0;
  double y = 0.0;
};

inline std::string describe_point(const Sample& s) {
  std::ostringstream out;
  out.precision(17);
  out << "at w1=" << s.p.w1 << ", b1=" << s.p.b1 << ", w2=" << s.p.w2 << ", b2=" << s.p.b2
      << ", x=" << s.x << ", y=" << s.y;
  const Forward f = ref_forward(s.p, s.x);
  out << " (z1=" << f.z1 << ", z2=" << f.z2 << ")";
  return out.str();
}

// The pinned point of DESIGN.md §2.
inline Sample pinned_sample() { return Sample{Params{0.5, 0.0, -1.0, 0.0}, 1.0, 1.0}; }

// Moderate points: every parameter and x in [-3, 3], y in [0, 1].
inline Sample random_sample(bp::Rng& rng) {
  Sample s;
  s.p.w1 = rng.uniform(-3, 3);
  s.p.b1 = rng.uniform(-3, 3);
  s.p.w2 = rng.uniform(-3, 3);
  s.p.b2 = rng.uniform(-3, 3);
  s.x = rng.uniform(-3, 3);
  s.y = rng.uniform(0, 1);
  return s;
}

// A saturated pre-activation. On the negative side σ(z) ≈ e^z is stored with full relative
// precision, so down to -30 everything is exact to a few ulps. On the positive side σ(z) is
// 1 - e^-z rounded to a multiple of 2^-53, so the lecture's σ'(z) = σ(1 - σ) (what stage 1
// computes) keeps only about 16 - z/ln 10 digits: 7 at z = 20 but 3 at z = 30. That loss is
// in the formula, not a student's mistake, so positive saturation stops at z = 20.
inline double saturated_z(bp::Rng& rng) {
  return rng.uniform() < 0.6 ? rng.uniform(-30, -10) : rng.uniform(10, 20);
}

inline double random_sign(bp::Rng& rng) { return rng.uniform() < 0.5 ? -1.0 : 1.0; }

// A point where the chosen layers saturate: pick z1 (and/or z2) first, then solve for b1 (b2).
// Targets are 0 or 1, as in classification, the case where saturation happens in practice.
inline Sample saturated_sample(bp::Rng& rng, bool hidden_saturated, bool output_saturated) {
  Sample s;
  s.x = random_sign(rng) * rng.uniform(0.25, 2.5);
  s.y = rng.uniform() < 0.5 ? 0.0 : 1.0;
  s.p.w1 = rng.uniform(-3, 3);
  const double z1 = hidden_saturated ? saturated_z(rng) : rng.uniform(-3, 3);
  s.p.b1 = z1 - s.p.w1 * s.x;
  s.p.w2 = random_sign(rng) * rng.uniform(0.5, 4);
  const double a1 = ref_sigmoid(s.p.w1 * s.x + s.p.b1);
  const double z2 = output_saturated ? saturated_z(rng) : rng.uniform(-3, 3);
  s.p.b2 = z2 - s.p.w2 * a1;
  return s;
}

// The i-th of the saturated fixtures: hidden only, output only, both, in turn.
inline Sample saturated_sample(bp::Rng& rng, int i) {
  return saturated_sample(rng, i % 3 != 1, i % 3 != 0);
}

// Options for comparisons that must stay relative however small the values are.
inline bp::check::Options relative_options() {
  bp::check::Options o;
  o.atol = 0.0;
  return o;
}

// ---------------------------------------------------------------------------------------
// Comparisons.

// |a - b| within `ulps` units in the last place of the larger one: "the same computation,
// possibly rounded in a different order".
inline bool within_ulps(double a, double b, int ulps) {
  if (a == b) return true;
  if (!std::isfinite(a) || !std::isfinite(b)) return false;
  const double big = std::max(std::abs(a), std::abs(b));
  const double ulp = std::nextafter(big, std::numeric_limits<double>::infinity()) - big;
  return std::abs(a - b) <= ulps * ulp;
}

inline bool close_relative(double a, double b, double rtol) {
  return std::abs(a - b) <= rtol * std::max(std::abs(a), std::abs(b));
}

inline bool same_bits(const Params& a, const Params& b) {
  return std::memcmp(&a, &b, sizeof(Params)) == 0;
}

}  // namespace bp::test::stage2
