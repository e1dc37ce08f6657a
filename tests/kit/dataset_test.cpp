// split_features_target, data_path and load, including the three bundled data sets.
#include <cstdlib>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "bp/dataset.hpp"
#include "kit_helpers.hpp"

namespace {

using bp::data::Dataset;
using bp::data::Table;
using bp::kit_test::Contains;
using bp::kit_test::message_of;

// 3 rows × 3 columns: a, b, label; entry (i, j) = 10 i + j so every cell is recognisable.
Table small_table() {
  Table t;
  t.path = "small.csv";
  t.header = {"a", "b", "label"};
  t.values.resize(3, 3);
  for (Eigen::Index i = 0; i < 3; ++i) {
    for (Eigen::Index j = 0; j < 3; ++j) t.values(i, j) = 10.0 * double(i) + double(j);
  }
  return t;
}

TEST(SplitFeaturesTarget, UsesTheLastColumnAsTargetByDefault) {
  const Dataset d = bp::data::split_features_target(small_table());
  EXPECT_EQ(d.target_name, "label");
  EXPECT_EQ(d.feature_names, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(d.X.rows(), 3);
  ASSERT_EQ(d.X.cols(), 2);
  EXPECT_EQ(d.X(2, 1), 21.0);
  EXPECT_EQ(d.y(2), 22.0);
}

TEST(SplitFeaturesTarget, KeepsOnlyTheNamedFeaturesInTheGivenOrder) {
  const Dataset d = bp::data::split_features_target(small_table(), {"b", "a"});
  EXPECT_EQ(d.feature_names, (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(d.X(1, 0), 11.0);
  EXPECT_EQ(d.X(1, 1), 10.0);
}

TEST(SplitFeaturesTarget, TakesANamedTargetColumn) {
  const Dataset d = bp::data::split_features_target(small_table(), {}, "a");
  EXPECT_EQ(d.target_name, "a");
  EXPECT_EQ(d.feature_names, (std::vector<std::string>{"b", "label"}));
  EXPECT_EQ(d.y(2), 20.0);
}

TEST(SplitFeaturesTarget, ListsTheAvailableColumnsForAnUnknownFeature) {
  const std::string message = message_of<std::invalid_argument>(
      [] { bp::data::split_features_target(small_table(), {"c"}); });
  EXPECT_TRUE(Contains(message, "small.csv has no feature column \"c\""));
  EXPECT_TRUE(Contains(message, "(available: a, b, label)"));
}

TEST(SplitFeaturesTarget, ListsTheAvailableColumnsForAnUnknownTarget) {
  const std::string message = message_of<std::invalid_argument>(
      [] { bp::data::split_features_target(small_table(), {}, "species"); });
  EXPECT_TRUE(Contains(message, "no target column \"species\" (available: a, b, label)"));
}

TEST(SplitFeaturesTarget, RefusesTheTargetAsAFeature) {
  EXPECT_THROW(bp::data::split_features_target(small_table(), {"a", "label"}),
               std::invalid_argument);
}

TEST(SplitFeaturesTarget, RefusesAFeatureListedTwice) {
  EXPECT_THROW(bp::data::split_features_target(small_table(), {"a", "a"}), std::invalid_argument);
}

TEST(SplitFeaturesTarget, RefusesATableWithOnlyATargetColumn) {
  Table t;
  t.header = {"y"};
  t.values = Eigen::MatrixXd::Ones(2, 1);
  EXPECT_THROW(bp::data::split_features_target(t), std::invalid_argument);
}

TEST(DataPath, PointsIntoTheKitDataFolder) {
  const bp::kit_test::ScopedEnv unset("BACKPROP_DATA_DIR", nullptr);
  EXPECT_EQ(bp::data::data_path("iris.csv"), std::string(BP_DATA_DIR) + "/iris.csv");
}

TEST(DataPath, IsOverriddenByTheEnvironment) {
  const bp::kit_test::ScopedEnv elsewhere("BACKPROP_DATA_DIR", "/somewhere/else/");
  EXPECT_EQ(bp::data::data_path("iris.csv"), "/somewhere/else/iris.csv");
}

TEST(Load, NamesTheAvailableDataSetsForAMissingOne) {
  const std::string message = message_of<bp::data::DataError>([] { bp::data::load("irises.csv"); });
  EXPECT_TRUE(Contains(message, "irises.csv: no such data set"));
  EXPECT_TRUE(Contains(message, "iris.csv"));
}

TEST(Load, ReadsFromTheFolderInTheEnvironment) {
  bp::kit_test::TempDir dir;
  dir.write("tiny.csv", "x,t\n1,0\n2,1\n");
  const bp::kit_test::ScopedEnv here("BACKPROP_DATA_DIR", dir.folder().c_str());
  const Dataset d = bp::data::load("tiny.csv");
  EXPECT_EQ(d.X.rows(), 2);
  EXPECT_EQ(d.target_name, "t");
}

TEST(BundledData, BreastCancerHas569RowsOf30FeaturesAndTheMalignantTarget) {
  const Table t = bp::data::read_csv(bp::data::data_path("breast_cancer.csv"));
  EXPECT_EQ(t.values.rows(), 569);
  EXPECT_EQ(t.values.cols(), 31);
  const Dataset d = bp::data::load("breast_cancer.csv");
  EXPECT_EQ(d.X.cols(), 30);
  EXPECT_EQ(d.target_name, "malignant");
  EXPECT_EQ(d.y.sum(), 212.0);  // the malignant cases, per data/README.md
}

TEST(BundledData, DigitsHas1797RowsOf64PixelsAndTheDigitTarget) {
  const Table t = bp::data::read_csv(bp::data::data_path("digits.csv"));
  EXPECT_EQ(t.values.rows(), 1797);
  EXPECT_EQ(t.values.cols(), 65);
  const Dataset d = bp::data::load("digits.csv");
  EXPECT_EQ(d.target_name, "digit");
  EXPECT_EQ(bp::data::count_classes(d.y), 10);
}

TEST(BundledData, IrisHas150RowsOf4FeaturesAndTheSpeciesTarget) {
  const Table t = bp::data::read_csv(bp::data::data_path("iris.csv"));
  EXPECT_EQ(t.values.rows(), 150);
  EXPECT_EQ(t.values.cols(), 5);
  const Dataset d = bp::data::load("iris.csv");
  EXPECT_EQ(d.target_name, "species");
  EXPECT_EQ(bp::data::count_classes(d.y), 3);
}

TEST(BundledData, LoadsASingleFeatureForThePerceptron) {
  const Dataset d = bp::data::load("breast_cancer.csv", {"mean_radius"});
  EXPECT_EQ(d.X.rows(), 569);
  EXPECT_EQ(d.X.cols(), 1);
  EXPECT_EQ(d.feature_names, (std::vector<std::string>{"mean_radius"}));
}

}  // namespace
