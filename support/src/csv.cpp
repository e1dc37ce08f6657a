#include "bp/csv.hpp"

#include "bp/text.hpp"
#include "file_kind.hpp"
#include "number_text.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>
#include <system_error>

namespace bp::data {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& path, std::size_t line, std::size_t column,
                       const std::string& what) {
  throw DataError(printable(path) + ":" + std::to_string(line) + ":" + std::to_string(column) +
                  ": " + what);
}

// The whole file as bytes. Missing files are the most common mistake (wrong working
// directory), so the message shows where the program actually looked. Only a regular file
// is read: a named pipe would block the program until something writes to it, and a device
// such as /dev/zero never ends.
std::string slurp(const std::string& path) {
  const std::string shown_path = printable(path);
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);  // follows symbolic links
  if (!fs::exists(status)) {
    throw DataError(shown_path + ": no such file (looked for " +
                    printable(fs::absolute(path, ec).string()) + ")");
  }
  if (!fs::is_regular_file(status)) {
    throw DataError(shown_path + ": is " + detail::file_kind(status.type()) +
                    ", not a regular file (expected a CSV file)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw DataError(shown_path +
                    ": cannot open the file for reading (expected a readable CSV file)");
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw DataError(shown_path + ": reading the file failed");
  return text;
}

std::string_view trim(std::string_view s) {
  const std::string_view blanks = " \t";
  const std::size_t first = s.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(blanks) - first + 1);
}

// Lines without their terminator; a CR before the LF (Windows) is dropped. Trailing blank
// lines are dropped too: editors add them freely and they carry no data.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
  return lines;
}

// Fields of one line, each trimmed of surrounding spaces and tabs.
std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    fields.push_back(trim(line.substr(start, comma - start)));
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

// A field as it appears in a message: quoted, cut short so a runaway line stays readable,
// and with bytes a terminal would not show escaped (\x01), so a binary file cannot scramble
// the terminal.
std::string shown(std::string_view field) {
  const std::size_t max = 40;
  if (field.size() <= max) return "\"" + printable(field) + "\"";
  return "\"" + printable(field.substr(0, max)) + "...\"";
}

bool has_control_characters(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
}

enum class Parse { kOk, kNotANumber, kTrailing, kOutOfRange, kNotFinite };

// std::from_chars is locale-independent, unlike strtod, whose decimal separator follows the
// user's locale (a German locale would read "1.5" as 1).
Parse parse_number(std::string_view field, double& value, std::size_t& used) {
  std::string_view digits = field;
  // from_chars rejects a leading '+', which spreadsheets sometimes write.
  if (digits.size() > 1 && digits[0] == '+' && digits[1] != '-') digits.remove_prefix(1);
  const char* const begin = digits.data();
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L && !defined(BP_NO_FLOAT_CHARCONV)
  const std::from_chars_result r = std::from_chars(begin, begin + digits.size(), value);
  used = static_cast<std::size_t>(r.ptr - field.data());
  if (r.ec == std::errc::invalid_argument) return Parse::kNotANumber;
  if (r.ec == std::errc::result_out_of_range) return Parse::kOutOfRange;
#else
  // Standard libraries without floating-point from_chars (GCC before 11, Apple's libc++):
  // strtod, which reads the decimal point of the C library's locale. The kit's programs
  // never call setlocale, so that locale is the classic "C" one.
  const std::string text(digits);
  errno = 0;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  used =
      static_cast<std::size_t>(begin - field.data()) + static_cast<std::size_t>(end - text.c_str());
  if (end == text.c_str()) return Parse::kNotANumber;
  // ERANGE also flags a subnormal result, which from_chars accepts: only overflow (±HUGE_VAL)
  // and a total underflow to 0 are out of range.
  if (errno == ERANGE && (std::isinf(value) || value == 0.0)) return Parse::kOutOfRange;
#endif
  if (used != field.size()) return Parse::kTrailing;
  if (!std::isfinite(value)) return Parse::kNotFinite;
  return Parse::kOk;
}

std::vector<std::string> parse_header(const std::string& path, std::string_view line) {
  if (trim(line).empty()) {
    fail(path, 1, 1, "the header row is empty (expected column names separated by commas)");
  }
  const std::vector<std::string_view> fields = split_fields(line);
  std::vector<std::string> header;
  bool all_numbers = true;
  for (std::size_t c = 0; c < fields.size(); ++c) {
    const std::string name(fields[c]);
    if (name.empty()) {
      fail(path, 1, c + 1,
           "column " + std::to_string(c + 1) + " of the header has no name (expected a name)");
    }
    // Names end up in messages and in the JSON files of the runs: a control character there
    // means the file is not text (a binary file, or the wrong file).
    if (has_control_characters(name)) {
      fail(path, 1, c + 1,
           "column name " + shown(name) +
               " holds control characters (expected a name of printable text; is this a CSV "
               "text file?)");
    }
    for (std::size_t earlier = 0; earlier < c; ++earlier) {
      if (header[earlier] == name) {
        fail(path, 1, c + 1,
             "column name " + shown(name) + " appears twice, in columns " +
                 std::to_string(earlier + 1) + " and " + std::to_string(c + 1) +
                 " (expected unique names)");
      }
    }
    double value = 0.0;
    std::size_t used = 0;
    all_numbers = all_numbers && parse_number(fields[c], value, used) == Parse::kOk;
    header.push_back(name);
  }
  // A file without a header would otherwise lose its first sample silently.
  if (all_numbers) {
    fail(path, 1, 1, "the first row holds numbers, not column names (expected a header row)");
  }
  return header;
}

double parse_value(const std::string& path, std::size_t line, std::size_t column,
                   std::string_view field, const std::string& name) {
  const std::string where = " for column \"" + name + "\")";
  if (field.empty()) fail(path, line, column, "empty field (expected a number" + where);
  double value = 0.0;
  std::size_t used = 0;
  switch (parse_number(field, value, used)) {
    case Parse::kOk:
      return value;
    case Parse::kNotANumber:
      fail(path, line, column,
           shown(field) + " is not a number (expected a number such as 1.5 or -2e-3" + where);
    case Parse::kTrailing:
      fail(path, line, column,
           shown(field) + " is not a number: " + shown(field.substr(used)) + " follows " +
               std::string(field.substr(0, used)) + " (expected only a number" + where);
    case Parse::kOutOfRange:
      fail(path, line, column,
           shown(field) + " is out of the range of a double (expected a finite number" + where);
    case Parse::kNotFinite:
      break;
  }
  fail(path, line, column,
       shown(field) + " is not a finite number (expected a finite number" + where);
}

}  // namespace

// Output: values m × n, row i = line i + 2 of the file (after the header).
Table read_csv(const std::string& path) {
  const std::string text = slurp(path);
  std::string_view body = text;
  const std::string_view bom = "\xEF\xBB\xBF";  // Excel's "CSV UTF-8" starts with one
  if (body.substr(0, bom.size()) == bom) body.remove_prefix(bom.size());

  const std::vector<std::string_view> lines = split_lines(body);
  if (lines.empty()) {
    fail(path, 1, 1, "the file is empty (expected a header row, then rows of numbers)");
  }
  Table table;
  table.path = path;
  table.header = parse_header(path, lines[0]);
  const std::size_t n = table.header.size();
  if (lines.size() == 1) {
    fail(path, 2, 1, "no data rows after the header (expected at least one row of numbers)");
  }

  // Row-major to match the file; converted to Eigen's column-major layout once at the end.
  std::vector<double> values;
  values.reserve((lines.size() - 1) * n);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::size_t line = i + 1;
    if (trim(lines[i]).empty()) {
      fail(path, line, 1,
           "empty line (expected " + detail::count_of(n, "number") +
               "; blank lines are allowed only at the end of the file)");
    }
    const std::vector<std::string_view> fields = split_fields(lines[i]);
    if (fields.size() != n) {
      fail(path, line, std::min(fields.size(), n) + 1,
           detail::count_of(fields.size(), "field") + ", but the header has " +
               detail::count_of(n, "column") + " (expected " + detail::count_of(n, "number") +
               " separated by commas)");
    }
    for (std::size_t c = 0; c < n; ++c) {
      values.push_back(parse_value(path, line, c + 1, fields[c], table.header[c]));
    }
  }
  const Eigen::Index rows = static_cast<Eigen::Index>(lines.size() - 1);
  const Eigen::Index cols = static_cast<Eigen::Index>(n);
  table.values =
      Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
          values.data(), rows, cols);
  return table;
}

}  // namespace bp::data
