#pragma once
// Private to bp_support: how numbers appear in messages and results files.
#include <charconv>
#include <locale>
#include <sstream>
#include <string>

namespace bp::data::detail {

// The shortest text that reads back as exactly x: 0.1 stays "0.1", and 1.0000001 is not
// rounded to a misleading "1" as the stream default of 6 digits would.
inline std::string number_text(double x) {
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L && !defined(BP_NO_FLOAT_CHARCONV)
  char buffer[32];  // the longest shortest form, e.g. -2.2250738585072014e-308, has 24 chars
  const std::to_chars_result r = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, r.ptr);
#else
  // Without floating-point to_chars: 17 significant digits also read back exactly, only
  // not always in the shortest form (0.1 becomes 0.10000000000000001).
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.precision(17);
  out << x;
  return out.str();
#endif
}

// "1 number", "3 numbers": messages that read as sentences.
inline std::string count_of(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace bp::data::detail
