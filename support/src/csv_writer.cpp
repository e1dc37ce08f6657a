#include <cmath>
#include <stdexcept>
#include <utility>

#include "bp/output.hpp"
#include "number_text.hpp"

namespace bp::data {
namespace {

// Every name must survive a round trip through read_csv, which has no quoting.
std::vector<std::string> checked_header(const std::string& path, std::vector<std::string> header) {
  const std::string where = "CsvWriter " + path + ": ";
  if (header.empty()) {
    throw std::invalid_argument(where + "the header is empty (expected column names)");
  }
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string& name = header[c];
    if (name.empty() || name.find_first_of(",\"\r\n") != std::string::npos) {
      throw std::invalid_argument(where + "column name " + std::to_string(c + 1) + " \"" + name +
                                  "\" (expected a non-empty name without commas, quotes "
                                  "or line breaks)");
    }
    for (std::size_t earlier = 0; earlier < c; ++earlier) {
      if (header[earlier] == name) {
        throw std::invalid_argument(where + "column name \"" + name +
                                    "\" appears twice (expected unique names)");
      }
    }
  }
  return header;
}

}  // namespace

CsvWriter::CsvWriter(const std::string& path, std::vector<std::string> header)
    : header_(checked_header(path, std::move(header))), file_(path) {
  std::ostream& out = file_.stream();
  for (std::size_t c = 0; c < header_.size(); ++c) out << (c ? "," : "") << header_[c];
  out << '\n';
}

// Input: values n (n = header size).
void CsvWriter::row(const std::vector<double>& values) {
  const std::string where = "CsvWriter " + path() + ": ";
  if (values.size() != header_.size()) {
    throw std::invalid_argument(
        where + "row has " + detail::count_of(values.size(), "value") + " but the header has " +
        detail::count_of(header_.size(), "column") + " (expected one value per column)");
  }
  for (std::size_t c = 0; c < values.size(); ++c) {
    if (!std::isfinite(values[c])) {
      throw std::domain_error(where + "column \"" + header_[c] + "\" of row " +
                              std::to_string(rows_ + 1) + " is " +
                              (std::isnan(values[c]) ? "NaN" : "infinite") +
                              " (expected a finite number; stop a diverged run instead of "
                              "logging it)");
    }
  }
  // Shortest round-trip text: reading it back gives the identical double, unlike the
  // stream's default 6 digits, and is shorter than %.17g (0.1, not 0.10000000000000001).
  std::string line;
  for (std::size_t c = 0; c < values.size(); ++c) {
    if (c > 0) line += ',';
    line += detail::number_text(values[c]);
  }
  line += '\n';
  file_.stream() << line;
  ++rows_;
}

}  // namespace bp::data
