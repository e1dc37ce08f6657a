#include "bp/cli.hpp"

#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "bp/text.hpp"

namespace bp::cli {

namespace {

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, ',')) parts.push_back(part);
  if (!text.empty() && text.back() == ',') parts.emplace_back();
  return parts;
}

std::string range_text(double lo, double hi, bool lo_open, bool hi_open) {
  std::ostringstream os;
  os << (lo_open ? "greater than " : "at least ") << lo;
  if (std::isfinite(hi)) os << (hi_open ? " and less than " : " and at most ") << hi;
  return os.str();
}

bool in_range(double v, double lo, double hi, bool lo_open, bool hi_open) {
  return v >= lo && v <= hi && !(lo_open && v == lo) && !(hi_open && v == hi);
}

// Command-line text as it appears in a message, quoted.
std::string quoted(const std::string& text) { return "'" + printable(text) + "'"; }

}  // namespace

Args::Args(int argc, const char* const* argv, std::map<std::string, std::string> known)
    : known_(std::move(known)) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      help_ = true;
      continue;
    }
    if (arg.rfind("--help=", 0) == 0)
      throw UsageError("option --help takes no value, got " + quoted(arg) + "; use --help alone");
    if (arg.rfind("--", 0) != 0)
      throw UsageError("unexpected argument " + quoted(arg) + ": every option is --name value");
    std::string name = arg.substr(2);
    std::string value;
    bool inline_value = false;
    const std::string::size_type eq = name.find('=');
    if (eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inline_value = true;
    }
    if (known_.count(name) == 0) {
      std::string list;
      for (const auto& [flag, description] : known_) list += " --" + flag;
      throw UsageError("unknown option --" + printable(name) + "; the options are:" + list);
    }
    if (values_.count(name) != 0) throw UsageError("option --" + name + " is given twice");
    if (!inline_value) {
      if (i + 1 >= argc || std::string(argv[i + 1]).rfind("--", 0) == 0)
        throw UsageError("option --" + name + " needs a value (" + known_.at(name) + ")");
      value = argv[++i];
    }
    values_[name] = value;
  }
}

std::string Args::usage(const std::string& program, const std::string& summary) const {
  std::ostringstream os;
  os << "usage: " << program << " [--option value ...]\n" << summary << "\n\noptions:\n";
  for (const auto& [flag, description] : known_)
    os << "  --" << flag << "  " << description << "\n";
  return os.str();
}

std::string Args::text(const std::string& name, const std::string& fallback) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  if (it->second.empty()) throw UsageError("option --" + name + " has an empty value");
  return it->second;
}

double parse_real(const std::string& text, const std::string& what) {
  if (text.empty()) throw UsageError(what + ": expected a number, got nothing");
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size())
    throw UsageError(what + ": " + quoted(text) + " is not a number");
  if (errno == ERANGE && std::fabs(v) > 1.0)
    throw UsageError(what + ": " + quoted(text) +
                     " is out of range: too large for a double (at most about 1.8e308)");
  // strtod sets ERANGE for results below DBL_MIN: 0 or a subnormal with few digits left.
  if (errno == ERANGE || (v != 0.0 && std::fabs(v) < DBL_MIN))
    throw UsageError(what + ": " + quoted(text) +
                     " is out of range: too small for a double (it underflows; a non-zero "
                     "value must be at least about 2.2e-308 in size)");
  if (!std::isfinite(v)) throw UsageError(what + ": " + quoted(text) + " is not a finite number");
  return v;
}

long long parse_integer(const std::string& text, const std::string& what) {
  if (text.empty()) throw UsageError(what + ": expected a whole number, got nothing");
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (end != text.c_str() + text.size())
    throw UsageError(what + ": " + quoted(text) + " is not a whole number");
  if (errno == ERANGE) throw UsageError(what + ": " + quoted(text) + " is out of range");
  return v;
}

double Args::real(const std::string& name, double fallback, double lo, double hi, bool lo_open,
                  bool hi_open) const {
  if (!has(name)) return fallback;
  const double v = parse_real(text(name, ""), "--" + name);
  if (!in_range(v, lo, hi, lo_open, hi_open))
    throw UsageError("--" + name + " must be " + range_text(lo, hi, lo_open, hi_open) + ", got " +
                     printable(values_.at(name)));
  return v;
}

long long Args::integer(const std::string& name, long long fallback, long long lo,
                        long long hi) const {
  if (!has(name)) return fallback;
  const long long v = parse_integer(text(name, ""), "--" + name);
  if (v < lo || v > hi)
    throw UsageError("--" + name + " must be between " + std::to_string(lo) + " and " +
                     std::to_string(hi) + ", got " + printable(values_.at(name)));
  return v;
}

std::vector<double> Args::reals(const std::string& name, const std::vector<double>& fallback,
                                double lo, double hi, bool lo_open, bool hi_open) const {
  if (!has(name)) return fallback;
  std::vector<double> out;
  for (const std::string& part : split_commas(text(name, ""))) {
    const double v = parse_real(part, "--" + name);
    if (!in_range(v, lo, hi, lo_open, hi_open))
      throw UsageError("--" + name + ": every value must be " +
                       range_text(lo, hi, lo_open, hi_open) + ", got " + printable(part));
    out.push_back(v);
  }
  return out;
}

std::vector<long long> Args::integers(const std::string& name,
                                      const std::vector<long long>& fallback, long long lo,
                                      long long hi) const {
  if (!has(name)) return fallback;
  std::vector<long long> out;
  for (const std::string& part : split_commas(text(name, ""))) {
    const long long v = parse_integer(part, "--" + name);
    if (v < lo || v > hi)
      throw UsageError("--" + name + ": every value must be between " + std::to_string(lo) +
                       " and " + std::to_string(hi) + ", got " + printable(part));
    out.push_back(v);
  }
  return out;
}

std::vector<std::string> Args::texts(const std::string& name,
                                     const std::vector<std::string>& fallback) const {
  if (!has(name)) return fallback;
  std::vector<std::string> out = split_commas(text(name, ""));
  for (const std::string& part : out)
    if (part.empty())
      throw UsageError("--" + name + " has an empty item in " + quoted(values_.at(name)));
  return out;
}

}  // namespace bp::cli
