#include "gradcheck.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "bp/random.hpp"

namespace bp::check {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Ratios analytic/numeric count as "the same factor" within this relative tolerance: loose
// enough for the numeric error, tight enough that 2 and m = 2.002 stay apart.
constexpr double kRatioTolerance = 1e-3;
// A ratio is only trusted where the numeric value is this many estimated errors away from 0.
constexpr double kInformativeErrors = 1e4;
// Kink tests (see is_kink): how far above rounding noise, above the smooth-curvature jump and
// above the slope's own size the non-smooth part of the samples must be.
constexpr double kKinkNoiseMultiple = 1e3;
constexpr double kKinkJumpFraction = 0.05;
constexpr double kKinkSlopeFraction = 1e-4;
constexpr std::size_t kMaxRows = 10;
constexpr const char* kSeeDocs = " (see docs/troubleshooting.md)";

// f at the five points of one entry; `center` is NaN when f(θ) was not evaluated.
struct Stencil {
  double h = 0.0;
  double half = 0.0;
  double minus = 0.0;
  double minus_half = 0.0;
  double center = kNaN;
  double plus_half = 0.0;
  double plus = 0.0;
};

// The half step, itself exactly representable at θ. Usually exactly h/2; when it is not,
// Richardson uses the true ratio of the two steps instead of 2.
double half_step(double theta, double h) { return (theta + 0.5 * h) - theta; }

Stencil sample(const std::function<double(double)>& f, double theta) {
  Stencil s;
  s.h = step_for(theta);
  s.half = half_step(theta, s.h);
  s.minus = f(theta - s.h);
  s.minus_half = f(theta - s.half);
  s.plus_half = f(theta + s.half);
  s.plus = f(theta + s.h);
  return s;
}

double largest_magnitude(const Stencil& s) {
  return std::max(
      {std::abs(s.minus), std::abs(s.minus_half), std::abs(s.plus_half), std::abs(s.plus)});
}

Numeric richardson(const Stencil& s) {
  const double d_full = (s.plus - s.minus) / (2.0 * s.h);
  const double d_half = (s.plus_half - s.minus_half) / (2.0 * s.half);
  const double ratio = s.h / s.half;
  const double denominator = ratio * ratio - 1.0;  // 3 when the steps are exactly h and h/2
  Numeric n;
  n.value = d_half + (d_half - d_full) / denominator;
  // Each f carries about two rounding errors; n weighs them by about 1.5 / (h/2).
  const double rounding = 3.0 * kEps * largest_magnitude(s) / s.half;
  n.error = std::abs(d_half - d_full) / denominator + rounding;
  return n;
}

bool all_finite(const Stencil& s) {
  return std::isfinite(s.minus) && std::isfinite(s.minus_half) && std::isfinite(s.center) &&
         std::isfinite(s.plus_half) && std::isfinite(s.plus);
}

// The five samples of a smooth f fit a low-order Taylor polynomial, so their third and fourth
// differences are tiny (f'''·(h/2)³, f''''·(h/2)⁴). A jump in slope of size s anywhere within
// ±h makes one of them about s·h/2 or more, whatever its position. A jump only counts as a kink
// if it is far above rounding noise, not explained by curvature (the one-sided slopes' own
// spread), not negligible next to the slope itself nor below atol (near a flat point the
// higher Taylor terms dominate without mattering); and only if the analytic value agrees with
// the slope on one side or lies between them, as a correct derivative at a corner does.
bool is_kink(const Stencil& s, double analytic, double allowed, double atol) {
  if (!all_finite(s) || !std::isfinite(analytic)) return false;
  const double q = s.half;
  const double third = 0.5 * (s.plus - 2.0 * s.plus_half + 2.0 * s.minus_half - s.minus) / q;
  const double fourth =
      (s.plus - 4.0 * s.plus_half + 6.0 * s.center - 4.0 * s.minus_half + s.minus) / q;
  const double non_smooth = std::max(std::abs(third), std::abs(fourth));
  const double right_full = (s.plus - s.center) / s.h;
  const double right_half = (s.plus_half - s.center) / q;
  const double left_full = (s.center - s.minus) / s.h;
  const double left_half = (s.center - s.minus_half) / q;
  const double noise = kEps * std::max(largest_magnitude(s), std::abs(s.center)) / q;
  const double slope = std::max(
      {std::abs(right_full), std::abs(right_half), std::abs(left_full), std::abs(left_half)});
  const double jump = std::abs(right_full - left_full);
  if (!(non_smooth > kKinkNoiseMultiple * noise && non_smooth > kKinkJumpFraction * jump &&
        non_smooth > kKinkSlopeFraction * slope && non_smooth > atol)) {
    return false;
  }
  const double slack =
      allowed + std::abs(right_full - right_half) + std::abs(left_full - left_half);
  const double lo = std::min({right_full, right_half, left_full, left_half}) - slack;
  const double hi = std::max({right_full, right_half, left_full, left_half}) + slack;
  return lo <= analytic && analytic <= hi;
}

// ---- formatting -------------------------------------------------------------------------

std::string number(double v, int digits) {
  if (std::isnan(v)) return "NaN";  // not the platform's "-nan"
  std::ostringstream os;
  os << std::setprecision(digits) << v;
  return os.str();
}

// Display width of UTF-8 text (labels such as "δ" or "∂C/∂z"): count the leading bytes only.
std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++n;
  }
  return n;
}

std::string padded(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s + " " : s + std::string(width - w, ' ');
}

// ---- validation -------------------------------------------------------------------------

std::string shape(Eigen::Index rows, Eigen::Index cols) {
  std::ostringstream os;
  os << rows << " x " << cols;
  return os.str();
}

void validate(const Block& b) {
  if (b.values == nullptr) {
    throw std::invalid_argument("gradient check: block " + b.name + " has no parameters");
  }
  if (b.rows < 0 || b.cols < 0) {
    throw std::invalid_argument("gradient check: block " + b.name + " has the negative shape " +
                                shape(b.rows, b.cols));
  }
  if (b.analytic.rows() != b.rows || b.analytic.cols() != b.cols) {
    const bool transposed = b.analytic.rows() == b.cols && b.analytic.cols() == b.rows;
    throw std::invalid_argument("gradient check: the analytic gradient of " + b.name + " is " +
                                shape_of(b.analytic) + " but the parameter is " +
                                shape(b.rows, b.cols) + (transposed ? " (transposed?)" : ""));
  }
}

void validate(const Options& o) {
  const bool ok = std::isfinite(o.rtol) && o.rtol >= 0.0 && std::isfinite(o.atol) &&
                  o.atol >= 0.0 && std::isfinite(o.fd_error_multiple) &&
                  o.fd_error_multiple >= 0.0 && std::isfinite(o.batch_size) && o.batch_size > 0.0 &&
                  o.max_entries_per_block >= 0;
  if (!ok) {
    throw std::invalid_argument(
        "gradient check: options need finite rtol, atol, fd_error_multiple >= 0, batch_size > 0 "
        "and max_entries_per_block >= 0");
  }
}

// ---- checking ---------------------------------------------------------------------------

// Restores the parameter even when the cost throws: the caller's network must come back
// exactly as it was, bit for bit.
class Restorer {
 public:
  explicit Restorer(double* p) : p_(p), saved_(*p) {}
  ~Restorer() { *p_ = saved_; }
  Restorer(const Restorer&) = delete;
  Restorer& operator=(const Restorer&) = delete;
  double saved() const { return saved_; }

 private:
  double* p_;
  double saved_;
};

int index_count(const Block& b) {
  if (b.rows * b.cols == 1) return 0;
  return b.is_vector ? 1 : 2;
}

double allowed_for(double a, double n, double fd_error, const Options& o) {
  return o.atol + o.rtol * std::max(std::abs(a), std::abs(n)) + o.fd_error_multiple * fd_error;
}

Entry check_entry(const std::function<double()>& cost, double f0, const Block& b, Eigen::Index k,
                  const Options& o) {
  double* p = b.values + k;
  const Restorer restore(p);
  const double theta = restore.saved();
  const auto at = [&](double x) {
    *p = x;
    const double c = cost();
    *p = theta;  // the saved double itself, never θ + h - h
    return c;
  };
  Stencil s = sample(at, theta);
  s.center = f0;
  const Numeric n = richardson(s);

  Entry e;
  e.block = b.name;
  e.row = k % std::max<Eigen::Index>(b.rows, 1);
  e.col = k / std::max<Eigen::Index>(b.rows, 1);
  e.indices = index_count(b);
  e.analytic = b.analytic(e.row, e.col);
  e.numeric = n.value;
  e.fd_error = n.error;
  e.allowed = allowed_for(e.analytic, e.numeric, e.fd_error, o);
  const bool finite = std::isfinite(e.analytic) && std::isfinite(e.numeric);
  e.passed = finite && std::abs(e.analytic - e.numeric) <= e.allowed;
  e.kink = is_kink(s, e.analytic, e.allowed, o.atol);
  if (e.kink) e.passed = true;  // a corner within the step says nothing about the gradient
  return e;
}

// Which entries of a block to check: all of them, or a seeded sample (bias blocks in full).
std::vector<Eigen::Index> chosen_entries(const Block& b, const Options& o, Rng& rng) {
  const Eigen::Index size = b.rows * b.cols;
  std::vector<Eigen::Index> chosen;
  const bool sampled = o.max_entries_per_block > 0 && !b.is_bias && size > o.max_entries_per_block;
  if (!sampled) {
    for (Eigen::Index k = 0; k < size; ++k) chosen.push_back(k);
    return chosen;
  }
  const std::vector<std::size_t> order = rng.permutation(static_cast<std::size_t>(size));
  for (Eigen::Index i = 0; i < o.max_entries_per_block; ++i) {
    chosen.push_back(static_cast<Eigen::Index>(order[static_cast<std::size_t>(i)]));
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

// ---- hints ------------------------------------------------------------------------------

struct Checked {
  const Entry* entry;
  const Block* block;
};

bool same_factor(double ratio, double target) {
  return std::abs(ratio - target) <= kRatioTolerance * std::abs(target);
}

// analytic / numeric over failing entries whose numeric value is far from 0 (else the ratio
// is dominated by the numeric error).
std::vector<double> trusted_ratios(const std::vector<Checked>& failing, const Options& o) {
  std::vector<double> ratios;
  for (const Checked& c : failing) {
    const Entry& e = *c.entry;
    if (std::abs(e.numeric) > kInformativeErrors * (e.fd_error + o.atol)) {
      ratios.push_back(e.analytic / e.numeric);
    }
  }
  return ratios;
}

bool all_near(const std::vector<double>& ratios, double target) {
  if (ratios.empty() || !std::isfinite(target) || target == 0.0) return false;
  return std::all_of(ratios.begin(), ratios.end(),
                     [&](double r) { return same_factor(r, target); });
}

std::string non_finite_hint(const std::vector<Checked>& failing) {
  for (const Checked& c : failing) {
    if (!std::isfinite(c.entry->numeric)) {
      return std::string(hints::kCostNotFinite) + " " + c.entry->label() +
             ": the forward pass or cost produced NaN/inf, so look for log(0), an overflowing "
             "exp or a division by zero" +
             kSeeDocs;
    }
  }
  for (const Checked& c : failing) {
    if (!std::isfinite(c.entry->analytic)) {
      return std::string(hints::kGradientNotFinite) + " " + c.entry->label() +
             " although the cost is finite there, so look for 0/0, an overflowing exp or an "
             "uninitialised value in your backward pass" +
             kSeeDocs;
    }
  }
  return "";
}

std::string zero_hint(const std::vector<Checked>& failing) {
  std::size_t zeros = 0;
  const Entry* example = nullptr;
  for (const Checked& c : failing) {
    if (c.entry->analytic == 0.0 && c.entry->numeric != 0.0) {
      ++zeros;
      if (example == nullptr) example = c.entry;
    }
  }
  if (2 * zeros <= failing.size()) return "";
  return std::string(hints::kNeverWritten) + ": your gradient is exactly 0 where the numeric one " +
         "is not (e.g. at " + example->label() +
         "), so check that your backward pass assigns every entry of this block" + kSeeDocs;
}

std::string suspect_hint(const std::string& name, double value, bool missing) {
  std::string text = std::string(hints::kSuspectFactor) + " " + name;
  if (name.find(':') == std::string::npos) {
    text +=
        ": a factor missing or applied once too often, e.g. the activation derivative "
        "missing, or applied to a instead of z";
  }
  text += missing ? " (your gradient ≈ numeric ÷ " : " (your gradient ≈ numeric × ";
  return text + number(value, 6) + ")" + kSeeDocs;
}

std::string ratio_hint(const std::vector<Checked>& failing, const Options& o) {
  const std::vector<double> r = trusted_ratios(failing, o);
  const double m = o.batch_size;
  const std::string ms = number(m, 6);
  if (all_near(r, -1.0)) {
    return std::string(hints::kSignFlipped) +
           ": your gradient ≈ -1 × numeric, so look for y - a instead of a - y, or an update "
           "that adds the gradient instead of subtracting it" +
           kSeeDocs;
  }
  if (all_near(r, 2.0)) {
    return std::string(hints::kFactorTwo) +
           " too large: the ½ of the cost ½(a - y)² was not cancelled, so its derivative a - y "
           "became 2(a - y)" +
           kSeeDocs;
  }
  if (all_near(r, 0.5)) {
    return std::string(hints::kFactorHalf) +
           " too many: your gradient ≈ ½ × numeric, so a ½ that the square's 2 cancels is still "
           "there" +
           kSeeDocs;
  }
  if (m > 1.0 && all_near(r, m)) {
    return std::string(hints::kSummedNotMean) +
           " (missing 1/m): your gradient ≈ m × numeric with m = " + ms +
           "; the cost is the mean over the batch, so Δ carries a 1/m" + kSeeDocs;
  }
  if (m > 1.0 && all_near(r, 1.0 / m)) {
    return std::string(hints::kDividedTwice) + ": your gradient ≈ numeric / m with m = " + ms +
           "; Δ already carries the 1/m, so the gradients must not divide by m again" + kSeeDocs;
  }
  for (const auto& [name, value] : o.suspect_factors) {
    if (all_near(r, 1.0 / value)) return suspect_hint(name, value, true);
    if (all_near(r, value)) return suspect_hint(name, value, false);
  }
  return "";
}

std::string transposed_hint(const std::vector<Checked>& failing, const Options& o) {
  for (const Checked& c : failing) {
    const Block& b = *c.block;
    const Entry& e = *c.entry;
    if (b.rows != b.cols || b.rows < 2) return "";
    const double mirrored = b.analytic(e.col, e.row);
    if (!(std::abs(mirrored - e.numeric) <= allowed_for(mirrored, e.numeric, e.fd_error, o))) {
      return "";
    }
  }
  return std::string(hints::kTransposed) + ": your gradient of " + failing.front().block->name +
         " equals the numeric one transposed; ∂C/∂W^(l) = A^(l-1)ᵀ Δ^(l) has the shape "
         "n_{l-1} × n_l of W^(l)" +
         kSeeDocs;
}

std::string bias_hint(const std::vector<Checked>& failing, bool some_weight_checked) {
  if (!some_weight_checked) return "";
  for (const Checked& c : failing) {
    if (!c.block->is_bias) return "";
  }
  return std::string(hints::kBiasNotSummed) +
         " (column sums of Δ): only the bias gradients are wrong, and ∂C/∂b^(l) is the sum of "
         "the rows of Δ^(l), one term per sample" +
         kSeeDocs;
}

std::string constant_factor_hint(const std::vector<Checked>& failing, const Options& o) {
  const std::vector<double> r = trusted_ratios(failing, o);
  if (r.empty() || !all_near(r, r.front())) return "";
  const std::string f = number(r.front(), 6);
  return std::string(hints::kConstantFactor) + " " + f + ": your gradient ≈ " + f +
         " × numeric at every failing entry, so look for a missing or extra factor (an input x, "
         "a weight, σ'(z) or 1/m)" +
         kSeeDocs;
}

// The classic mistakes, most specific first: a NaN hides every other pattern, and a constant
// ratio is more telling than "only the biases fail".
std::string classify(const std::vector<Checked>& failing, bool some_weight_checked,
                     const Options& o) {
  if (failing.empty()) return "";
  std::string hint = non_finite_hint(failing);
  if (hint.empty()) hint = zero_hint(failing);
  if (hint.empty()) hint = ratio_hint(failing, o);
  if (hint.empty()) hint = transposed_hint(failing, o);
  if (hint.empty()) hint = bias_hint(failing, some_weight_checked);
  if (hint.empty()) hint = constant_factor_hint(failing, o);
  return hint;
}

// ---- report -----------------------------------------------------------------------------

// Worst first, non-finite values before everything else.
std::vector<const Entry*> worst_first(const std::vector<Checked>& failing) {
  std::vector<const Entry*> rows;
  for (const Checked& c : failing) rows.push_back(c.entry);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Entry* a, const Entry* b) { return a->ratio() > b->ratio(); });
  return rows;
}

void write_table(std::ostringstream& os, const std::vector<Checked>& failing) {
  const std::vector<const Entry*> rows = worst_first(failing);
  const std::size_t shown = std::min(rows.size(), kMaxRows);
  std::size_t label_width = 6;
  for (std::size_t i = 0; i < shown; ++i) {
    label_width = std::max(label_width, display_width(rows[i]->label()) + 2);
  }
  os << "  " << padded("entry", label_width) << padded("analytic", 19) << padded("numeric", 19)
     << padded("|difference|", 14) << "allowed\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const Entry& e = *rows[i];
    os << "  " << padded(e.label(), label_width) << padded(number(e.analytic, 10), 19)
       << padded(number(e.numeric, 10), 19)
       << padded(number(std::abs(e.analytic - e.numeric), 3), 14) << number(e.allowed, 3) << "\n";
  }
  if (rows.size() > shown) os << "  and " << rows.size() - shown << " more\n";
}

void write_kinks(std::ostringstream& os, const std::vector<Entry>& entries) {
  std::size_t written = 0;
  std::size_t total = 0;
  for (const Entry& e : entries) {
    if (!e.kink) continue;
    ++total;
    if (written < kMaxRows) {
      os << "\nkink within the step at " << e.label() << ", probably not a bug";
      ++written;
    }
  }
  if (total > written) os << "\nand " << total - written << " more kinks";
  if (total > 0) {
    os << " (a corner such as ReLU at 0 lies within the finite-difference step; keep "
          "pre-activations away from 0)";
  }
}

std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string sampling_note(const Result& r, const Options& o) {
  if (!r.sampled) return "";
  return "entries sampled with seed " + std::to_string(r.seed) + " (at most " +
         std::to_string(o.max_entries_per_block) + " per block, bias blocks in full)";
}

std::string passing_report(const Result& r, const Options& o) {
  std::ostringstream os;
  os << "gradient check passed: " << count(r.entries.size(), "entry", "entries") << " checked";
  if (r.kinks() > 0) os << " (" << count(r.kinks(), "kink", "kinks") << ")";
  const Entry* worst = nullptr;
  for (const Entry& e : r.entries) {
    if (!e.kink && (worst == nullptr || e.ratio() > worst->ratio())) worst = &e;
  }
  if (worst != nullptr) {
    os << ", worst |difference|/allowed = " << number(worst->ratio(), 3) << " at "
       << worst->label();
  }
  if (r.sampled) os << "; " << sampling_note(r, o);
  write_kinks(os, r.entries);
  return os.str();
}

std::string failing_report(const Result& r, const std::vector<Checked>& failing, const Options& o) {
  std::ostringstream os;
  os << "gradient check FAILED at " << failing.size() << " of "
     << count(r.entries.size(), "checked entry", "checked entries")
     << " (row and column indices count from 0)\n";
  write_table(os, failing);
  if (r.sampled) os << sampling_note(r, o) << "\n";
  os << "hint: "
     << (r.hint.empty() ? std::string("no classic mistake matches; re-derive the failing "
                                      "block step by step") +
                              kSeeDocs
                        : r.hint);
  write_kinks(os, r.entries);
  return os.str();
}

Block make_block(std::string name, double* values, Eigen::Index rows, Eigen::Index cols,
                 Eigen::MatrixXd analytic, bool is_bias, bool is_vector) {
  Block b{std::move(name), values, rows, cols, std::move(analytic), is_bias, is_vector};
  validate(b);
  return b;
}

}  // namespace

// ---- public API ---------------------------------------------------------------------------

double step_for(double theta) {
  const double h = std::cbrt(kEps) * std::max(1.0, std::abs(theta));
  return (theta + h) - theta;
}

Numeric numeric_derivative(const std::function<double(double)>& f, double x) {
  return richardson(sample(f, x));
}

double forward_difference(const std::function<double(double)>& f, double x, double h) {
  return (f(x + h) - f(x)) / h;
}

double central_difference(const std::function<double(double)>& f, double x, double h) {
  return (f(x + h) - f(x - h)) / (2.0 * h);
}

double richardson_difference(const std::function<double(double)>& f, double x, double h) {
  return (4.0 * central_difference(f, x, 0.5 * h) - central_difference(f, x, h)) / 3.0;
}

Block block(std::string name, Eigen::MatrixXd& param, const Eigen::MatrixXd& analytic) {
  return make_block(std::move(name), param.data(), param.rows(), param.cols(), analytic, false,
                    false);
}

Block block(std::string name, Eigen::VectorXd& param, const Eigen::VectorXd& analytic) {
  return make_block(std::move(name), param.data(), param.size(), 1, analytic, false, true);
}

Block block(std::string name, double& param, double analytic) {
  return make_block(std::move(name), &param, 1, 1, Eigen::MatrixXd::Constant(1, 1, analytic), false,
                    false);
}

Block bias_block(std::string name, Eigen::VectorXd& param, const Eigen::VectorXd& analytic) {
  return make_block(std::move(name), param.data(), param.size(), 1, analytic, true, true);
}

Block bias_block(std::string name, double& param, double analytic) {
  return make_block(std::move(name), &param, 1, 1, Eigen::MatrixXd::Constant(1, 1, analytic), true,
                    false);
}

std::string Entry::label() const {
  if (indices <= 0) return block;
  if (indices == 1) return block + "(" + std::to_string(row) + ")";
  return block + "(" + std::to_string(row) + "," + std::to_string(col) + ")";
}

double Entry::ratio() const {
  if (!std::isfinite(analytic) || !std::isfinite(numeric)) return kInf;
  const double difference = std::abs(analytic - numeric);
  if (difference == 0.0) return 0.0;
  return difference / allowed;
}

std::size_t Result::failures() const {
  return static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(), [](const Entry& e) { return !e.passed; }));
}

std::size_t Result::kinks() const {
  return static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(), [](const Entry& e) { return e.kink; }));
}

const Entry* Result::find(const std::string& label) const {
  for (const Entry& e : entries) {
    if (e.label() == label) return &e;
  }
  return nullptr;
}

Result check_gradient(const std::function<double()>& cost, std::vector<Block> blocks,
                      const Options& options) {
  validate(options);
  if (blocks.empty()) throw std::invalid_argument("gradient check: no blocks to check");
  for (const Block& b : blocks) validate(b);

  Result result;
  result.sampled = options.max_entries_per_block > 0;
  result.seed = options.seed;
  Rng rng(options.seed);
  const double f0 = cost();  // shared by every entry's one-sided slopes
  std::vector<std::size_t> owner;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    for (const Eigen::Index k : chosen_entries(blocks[i], options, rng)) {
      result.entries.push_back(check_entry(cost, f0, blocks[i], k, options));
      owner.push_back(i);
    }
  }

  std::vector<Checked> failing;
  bool some_weight_checked = false;
  for (std::size_t j = 0; j < result.entries.size(); ++j) {
    const Entry& e = result.entries[j];
    if (!blocks[owner[j]].is_bias) some_weight_checked = true;
    if (!e.passed) failing.push_back(Checked{&e, &blocks[owner[j]]});
    if (!e.kink) result.worst_ratio = std::max(result.worst_ratio, e.ratio());
  }
  result.passed = failing.empty();
  result.hint = classify(failing, some_weight_checked, options);
  result.report =
      result.passed ? passing_report(result, options) : failing_report(result, failing, options);
  return result;
}

Result check_derivative(const std::string& name, const std::function<double(double)>& f, double x,
                        double analytic, const Options& options) {
  double theta = x;
  return check_gradient([&] { return f(theta); }, {block(name, theta, analytic)}, options);
}

::testing::AssertionResult passes(const Result& result) {
  if (result.passed) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << result.report;
}

}  // namespace bp::check
