// Writes the error of forward, central and Richardson differences against the step h, for
// the derivative of the sigmoid at z = 0.5, so plots/plot_stage1.py can draw the classic
// V-shaped curves: truncation error falls with h, round-off error grows as h shrinks.
// Uses the checker's own difference quotients (tests/support/gradcheck.hpp).
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

#include "app_output.hpp"
#include "bp/cli.hpp"
#include "bp/output.hpp"
#include "gradcheck.hpp"

namespace {

// σ(z) = ½ (1 + tanh(z/2)) and σ'(z) = ¼ / cosh²(z/2): the same functions as the exercise's,
// written through tanh so this program shows no stage 1 solution.
double logistic(double z) { return 0.5 * (1.0 + std::tanh(0.5 * z)); }

double logistic_slope(double z) {
  const double c = std::cosh(0.5 * z);
  return 0.25 / (c * c);
}

int run_main(int argc, const char* const* argv) {
  const bp::cli::Args args(argc, argv,
                           {{"out", "CSV file to write (default: finite_differences.csv)"},
                            {"at", "the point z (default: 0.5)"}});
  if (args.help()) {
    std::cout << args.usage("finite_differences",
                            "Error of forward, central and Richardson differences against h.");
    std::cout << "\nExit codes: 0 done; 1 the file could not be written; 2 a bad option or "
                 "value, or an output path that cannot be written (a folder that does not "
                 "exist, a device), checked before any work.\n";
    return 0;
  }
  const double z = args.real("at", 0.5, -30.0, 30.0);
  const std::string out = args.text("out", "finite_differences.csv");
  const double exact = logistic_slope(z);
  const auto f = [](double t) { return logistic(t); };

  const auto csv = bp::apps::open_output<bp::data::CsvWriter>(
      "out", out,
      std::vector<std::string>{"h", "forward_error", "central_error", "richardson_error"});
  const int points = 121;  // h from 1e-16 to 1e-1, 8 points per decade
  for (int k = 0; k < points; ++k) {
    const double h_wanted = std::pow(10.0, -16.0 + 15.0 * k / (points - 1));
    const double h = (z + h_wanted) - z;  // exactly representable step, as the checker uses
    if (h <= 0.0) continue;
    csv->row({h, std::fabs(bp::check::forward_difference(f, z, h) - exact),
              std::fabs(bp::check::central_difference(f, z, h) - exact),
              std::fabs(bp::check::richardson_difference(f, z, h) - exact)});
  }
  csv->commit();
  std::cout << "wrote " << out << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return bp::apps::run_program("finite_differences", "a function is not written yet", run_main,
                               argc, argv);
}
