#include "scalar_data.hpp"

#include <algorithm>
#include <sstream>

namespace bp::apps {

namespace {
std::vector<double> to_vector(const Eigen::VectorXd& v) {
  return std::vector<double>(v.data(), v.data() + v.size());
}
}  // namespace

ScalarData load_scalar_data(const std::string& path, const std::string& feature,
                            const std::string& target, double test_fraction, std::uint64_t seed) {
  const bp::data::Table table = bp::data::read_csv(path);
  const bp::data::Dataset data = bp::data::split_features_target(table, {feature}, target);
  for (Eigen::Index i = 0; i < data.y.size(); ++i)
    if (data.y(i) != 0.0 && data.y(i) != 1.0)
      throw bp::cli::UsageError("the target column '" + data.target_name +
                                "' must hold only 0 and 1 here; line " + std::to_string(i + 2) +
                                " of " + path + " has another value");
  const bp::data::Split split = bp::data::train_test_split(data.X.rows(), test_fraction, seed);
  bp::data::Standardizer scale;
  scale.fit(bp::data::take_rows(data.X, split.train));

  ScalarData out;
  out.feature = feature;
  out.target = data.target_name;
  out.mean = scale.mean()(0);
  out.sd = scale.sd()(0);
  const Eigen::MatrixXd all = scale.transform(data.X);
  out.x_train = to_vector(bp::data::take_rows(all, split.train).col(0));
  out.x_test = to_vector(bp::data::take_rows(all, split.test).col(0));
  out.y_train = to_vector(bp::data::take_rows(data.y, split.train));
  out.y_test = to_vector(bp::data::take_rows(data.y, split.test));
  out.x_all = to_vector(all.col(0));
  out.x_original = to_vector(data.X.col(0));
  out.y_all = to_vector(data.y);
  out.is_test.assign(out.x_all.size(), 0.0);
  for (Eigen::Index i : split.test) out.is_test[static_cast<std::size_t>(i)] = 1.0;
  out.x_min = all.col(0).minCoeff();
  out.x_max = all.col(0).maxCoeff();
  return out;
}

void write_scalar_data(const std::string& path, const ScalarData& data) {
  bp::data::CsvWriter csv(path, {"x", "x_original", "y", "is_test"});
  for (std::size_t i = 0; i < data.x_all.size(); ++i)
    csv.row({data.x_all[i], data.x_original[i], data.y_all[i], data.is_test[i]});
  csv.commit();
}

std::string eta_text(double eta) {
  std::ostringstream os;
  os << eta;
  return os.str();
}

std::string join_path(const std::string& dir, const std::string& name) {
  return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

double accuracy(const std::vector<double>& predictions, const std::vector<double>& ys) {
  std::size_t right = 0;
  for (std::size_t i = 0; i < ys.size(); ++i)
    if ((predictions[i] >= 0.5 ? 1.0 : 0.0) == ys[i]) ++right;
  return ys.empty() ? 0.0 : static_cast<double>(right) / static_cast<double>(ys.size());
}

}  // namespace bp::apps
