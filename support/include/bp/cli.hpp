#pragma once
// A small command-line parser for the kit's programs: --name value flags only, every value
// checked, every mistake answered with a clear message (UsageError) instead of a crash.
// Text from the command line is quoted in messages with bytes a terminal would not show
// escaped (bp::printable).
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace bp::cli {

// Thrown for any bad flag or value; main() prints what() and the usage, and exits with 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Args {
 public:
  // known: flag names without "--" mapped to a one-line description (for usage()).
  // Throws UsageError for an unknown flag, a flag given twice, a flag without a value, or
  // --help=... (--help takes no value).
  Args(int argc, const char* const* argv, std::map<std::string, std::string> known);

  bool has(const std::string& name) const { return values_.count(name) != 0; }
  bool help() const { return help_; }
  std::string usage(const std::string& program, const std::string& summary) const;

  std::string text(const std::string& name, const std::string& fallback) const;
  // A finite double in [lo, hi]; lo_open excludes lo itself (e.g. η > 0), hi_open excludes
  // hi (e.g. a share of rows in (0, 1)).
  double real(const std::string& name, double fallback, double lo, double hi, bool lo_open = false,
              bool hi_open = false) const;
  // An integer in [lo, hi].
  long long integer(const std::string& name, long long fallback, long long lo, long long hi) const;
  // Comma-separated lists: "0.1,0.5,2" and "64,32,10".
  std::vector<double> reals(const std::string& name, const std::vector<double>& fallback, double lo,
                            double hi, bool lo_open = false, bool hi_open = false) const;
  std::vector<long long> integers(const std::string& name, const std::vector<long long>& fallback,
                                  long long lo, long long hi) const;
  std::vector<std::string> texts(const std::string& name,
                                 const std::vector<std::string>& fallback) const;

 private:
  std::map<std::string, std::string> known_;
  std::map<std::string, std::string> values_;
  bool help_ = false;
};

// Parses one number, the whole string ("1.5x" and "" are errors). what names the flag.
// parse_real refuses what a double cannot hold: nan and inf, numbers too large (1e400) and
// non-zero numbers too small to be a normal double (1e-320 underflows: it would keep only a
// few significant digits, or become 0).
double parse_real(const std::string& text, const std::string& what);
long long parse_integer(const std::string& text, const std::string& what);

}  // namespace bp::cli
