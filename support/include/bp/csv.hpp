#pragma once
// Reading the kit's data format: one header row of column names, then one sample per row,
// numbers separated by commas. Kit infrastructure, not an exercise.
//
// Deliberately strict: a typo in a data file must stop the program with the file, line and
// column of the problem, not silently become a 0 or a NaN that surfaces ten epochs later as
// "the gradient is wrong".
#include <stdexcept>
#include <string>
#include <vector>

#include "bp/eigen.hpp"

namespace bp::data {

// A problem with the contents of a data file (or a missing file). The message reads
// "FILE:LINE:COLUMN: what is wrong (what was expected)", where COLUMN counts comma-separated
// fields from 1, so an editor or a student can go straight to the spot.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Table {
  std::string path;                 // as given to read_csv; error messages quote it
  std::vector<std::string> header;  // n column names, unique, none empty
  Eigen::MatrixXd values;           // m × n, every entry finite, m ≥ 1, n ≥ 1
};

// Reads a CSV file into an m × n table (m data rows, n header columns).
// Accepted: a UTF-8 byte-order mark, CRLF line endings, spaces or tabs around a field, and
// blank lines at the end. Numbers are parsed independently of the user's locale (a decimal
// point, never a comma). Throws DataError for a missing or empty file, a header without
// data rows, a row with the wrong number of fields, an empty field, text that is not a
// number (including trailing garbage such as "1.5x"), and NaN or infinite values.
// There is no quoting: the kit's files hold numbers only.
Table read_csv(const std::string& path);

}  // namespace bp::data
