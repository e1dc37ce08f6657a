// Tasks 1.3 and 1.4: z = w x + b, a = σ(z), C = ½(a - y)².
// Pinned values computed independently with numpy.
#include <gtest/gtest.h>

#include "01_perceptron/perceptron.hpp"
#include "stage1_places.hpp"

namespace {

using bp::perceptron::cost;
using bp::perceptron::forward;
using bp::perceptron::Params;
using bp::test::describe;
namespace places = bp::test::stage1;

TEST(Forward, ComputesZAsWeightTimesInputPlusBias) {
  EXPECT_DOUBLE_EQ(forward(Params{-0.3, 0.1}, 2.0).z, -0.5) << describe(places::kForward);
  EXPECT_EQ(forward(Params{1.5, -4.0}, 2.0).z, -1.0) << describe(places::kForward);
}

TEST(Forward, ComputesTheActivationAsSigmaOfZ) {
  // σ(-0.5) = 0.3775406687981454.
  EXPECT_DOUBLE_EQ(forward(Params{-0.3, 0.1}, 2.0).a, 0.3775406687981454)
      << describe(places::kForward);
}

TEST(Forward, GivesThePinnedActivationOfTheDesign) {
  // DESIGN.md §2: w = 0.5, b = 0, x = 1 gives a = 0.6224593312.
  EXPECT_NEAR(forward(Params{0.5, 0.0}, 1.0).a, 0.6224593312, 1e-10) << describe(places::kForward);
}

TEST(Cost, IsHalfTheSquaredError) {
  EXPECT_EQ(cost(3.0, 1.0), 2.0) << "½ (3 - 1)² = 2" << describe(places::kCost);
  EXPECT_DOUBLE_EQ(cost(0.3775406687981454, 0.0), 0.07126847829827546) << describe(places::kCost);
}

TEST(Cost, IsZeroWhenThePredictionEqualsTheTarget) {
  EXPECT_EQ(cost(0.25, 0.25), 0.0) << describe(places::kCost);
}

TEST(Cost, DoesNotDependOnTheSignOfTheError) {
  EXPECT_EQ(cost(0.2, 0.7), cost(0.7, 0.2)) << describe(places::kCost);
}

}  // namespace
