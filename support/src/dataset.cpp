#include "bp/dataset.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "bp/text.hpp"

namespace bp::data {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + printable(name);
  return out;
}

std::string table_name(const Table& table) {
  return table.path.empty() ? std::string("the table") : printable(table.path);
}

// Column index of name in the header, or an error that lists what is there, so a typo is
// fixed at a glance.
Eigen::Index column_of(const Table& table, const std::string& name, const char* role) {
  const auto at = std::find(table.header.begin(), table.header.end(), name);
  if (at == table.header.end()) {
    throw std::invalid_argument("split_features_target: " + table_name(table) + " has no " + role +
                                " column \"" + printable(name) +
                                "\" (available: " + joined(table.header) + ")");
  }
  return static_cast<Eigen::Index>(at - table.header.begin());
}

std::vector<Eigen::Index> feature_columns(const Table& table,
                                          const std::vector<std::string>& features,
                                          Eigen::Index target) {
  std::vector<Eigen::Index> columns;
  if (features.empty()) {
    for (Eigen::Index c = 0; c < table.values.cols(); ++c) {
      if (c != target) columns.push_back(c);
    }
    return columns;
  }
  for (const std::string& name : features) {
    const Eigen::Index c = column_of(table, name, "feature");
    if (c == target) {
      // The model would be handed the answer and reach a perfect, meaningless score.
      throw std::invalid_argument("split_features_target: \"" + printable(name) +
                                  "\" is the target, so it cannot also be a feature");
    }
    if (std::find(columns.begin(), columns.end(), c) != columns.end()) {
      throw std::invalid_argument("split_features_target: feature \"" + printable(name) +
                                  "\" is listed twice (expected each feature once)");
    }
    columns.push_back(c);
  }
  return columns;
}

}  // namespace

// Input: table m × c. Output: X m × n, y m (n = features.size(), or c - 1 when empty).
Dataset split_features_target(const Table& table, const std::vector<std::string>& features,
                              const std::string& target) {
  const Eigen::Index c = table.values.cols();
  if (static_cast<Eigen::Index>(table.header.size()) != c || c == 0) {
    throw std::invalid_argument("split_features_target: " + table_name(table) + " has " +
                                std::to_string(table.header.size()) +
                                " column names for values of shape " + shape_of(table.values) +
                                " (expected one name per column, at least one column)");
  }
  const Eigen::Index t = target.empty() ? c - 1 : column_of(table, target, "target");
  const std::vector<Eigen::Index> columns = feature_columns(table, features, t);
  if (columns.empty()) {
    throw std::invalid_argument("split_features_target: " + table_name(table) +
                                " has only the target column \"" + printable(table.header[t]) +
                                "\" (expected at least one feature column)");
  }

  Dataset data;
  data.X.resize(table.values.rows(), static_cast<Eigen::Index>(columns.size()));
  for (std::size_t j = 0; j < columns.size(); ++j) {
    data.X.col(static_cast<Eigen::Index>(j)) = table.values.col(columns[j]);
    data.feature_names.push_back(table.header[static_cast<std::size_t>(columns[j])]);
  }
  data.y = table.values.col(t);
  data.target_name = table.header[static_cast<std::size_t>(t)];
  return data;
}

std::string data_path(const std::string& name) {
  // The environment wins so an installed or relocated kit can point at its data without
  // rebuilding.
  const char* env = std::getenv("BACKPROP_DATA_DIR");
  std::string dir = (env != nullptr && *env != '\0') ? env : BP_DATA_DIR;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir + "/" + name;
}

Dataset load(const std::string& name, const std::vector<std::string>& features,
             const std::string& target) {
  const std::string path = data_path(name);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    // Name the files that do exist: the usual cause is a misspelt name or a wrong
    // BACKPROP_DATA_DIR.
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    std::vector<std::string> found;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() == ".csv") found.push_back(it->path().filename().string());
    }
    std::sort(found.begin(), found.end());
    throw DataError(path + ": no such data set (available in " + dir.string() + ": " +
                    (found.empty() ? std::string("no CSV files") : joined(found)) +
                    "; the folder is $BACKPROP_DATA_DIR if set, else " + BP_DATA_DIR + ")");
  }
  return split_features_target(read_csv(path), features, target);
}

}  // namespace bp::data
