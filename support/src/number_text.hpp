#pragma once
// Private to bp_support: how numbers appear in messages and results files.
#include <charconv>
#include <string>

namespace bp::data::detail {

// The shortest text that reads back as exactly x: 0.1 stays "0.1", and 1.0000001 is not
// rounded to a misleading "1" as the stream default of 6 digits would.
inline std::string number_text(double x) {
  char buffer[32];  // the longest shortest form, e.g. -2.2250738585072014e-308, has 24 chars
  const std::to_chars_result r = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, r.ptr);
}

// "1 number", "3 numbers": messages that read as sentences.
inline std::string count_of(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace bp::data::detail
