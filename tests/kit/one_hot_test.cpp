// one_hot and count_classes.
#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

#include "bp/dataset.hpp"
#include "kit_helpers.hpp"

namespace {

using bp::kit_test::Contains;
using bp::kit_test::message_of;

TEST(OneHot, PutsAOneInTheColumnOfEachLabel) {
  const Eigen::MatrixXd Y = bp::data::one_hot(Eigen::Vector3d(2, 0, 1), 3);
  Eigen::MatrixXd expected(3, 3);
  expected << 0, 0, 1, 1, 0, 0, 0, 1, 0;
  EXPECT_EQ(Y, expected);
}

TEST(OneHot, KeepsColumnsForClassesAbsentFromTheLabels) {
  EXPECT_EQ(bp::data::one_hot(Eigen::Vector2d(0, 0), 4).cols(), 4);
}

TEST(OneHot, RefusesALabelThatIsNotAnInteger) {
  const std::string message =
      message_of<std::invalid_argument>([] { bp::data::one_hot(Eigen::Vector3d(0, 1.5, 1), 3); });
  EXPECT_TRUE(Contains(message, "labels(1) = 1.5 is not a class label"));
}

TEST(OneHot, RefusesANegativeLabel) {
  EXPECT_THROW(bp::data::one_hot(Eigen::Vector2d(0, -1), 2), std::invalid_argument);
}

TEST(OneHot, RefusesALabelBeyondTheLastClass) {
  const std::string message =
      message_of<std::invalid_argument>([] { bp::data::one_hot(Eigen::Vector3d(0, 1, 3), 3); });
  EXPECT_TRUE(Contains(message, "labels(2) = 3 is out of range (expected 0..2 for 3 classes)"));
}

TEST(OneHot, RefusesANaNLabel) {
  EXPECT_THROW(bp::data::one_hot(Eigen::Vector2d(0, std::nan("")), 2), std::invalid_argument);
}

TEST(CountClasses, IsTheLargestLabelPlusOne) {
  EXPECT_EQ(bp::data::count_classes(Eigen::Vector3d(0, 4, 1)), 5);
}

TEST(CountClasses, RefusesNoLabels) {
  EXPECT_THROW(bp::data::count_classes(Eigen::VectorXd()), std::invalid_argument);
}

}  // namespace
