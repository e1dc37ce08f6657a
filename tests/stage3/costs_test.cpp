// Task 3.4: the costs of a batch, each the mean over the samples (rows).
// Pinned values computed independently with numpy from the definitions
// (-Σ y log softmax(z), -[y log σ(z) + (1-y) log(1-σ(z))], ½‖a-y‖²) at moderate arguments,
// and with math.log1p for the extreme ones.
#include <cmath>

#include <gtest/gtest.h>

#include "03_vectorized/costs.hpp"
#include "stage3_places.hpp"
#include "stage3_support.hpp"

namespace {

using bp::mlp::binary_cross_entropy;
using bp::mlp::Cost;
using bp::mlp::kCostNames;
using bp::mlp::Matrix;
using bp::mlp::mse;
using bp::mlp::parse_cost;
using bp::mlp::softmax_cross_entropy;
using bp::test::describe;
using namespace bp::test::stage3;
namespace places = bp::test::stage3;

// Stacks M on itself: the same samples twice, so a mean must not change.
Matrix twice(const Matrix& M) {
  Matrix T(2 * M.rows(), M.cols());
  T << M, M;
  return T;
}

const Matrix kA = mat({{0.2, 0.7}, {1.0, -0.5}, {0.0, 0.3}});
const Matrix kY = mat({{0.0, 1.0}, {1.0, 0.5}, {0.5, 0.3}});
const Matrix kZb = mat({{0.3}, {-1.2}, {2.5}, {0.0}});
const Matrix kYb = mat({{1.0}, {0.0}, {0.0}, {1.0}});
const Matrix kZc = mat({{1.0, 2.0, 0.5}, {-0.3, 0.8, 0.1}});
const Matrix kYc = mat({{0.0, 0.0, 1.0}, {0.0, 1.0, 0.0}});

TEST(ParseCost, KnowsEveryNameOfTheTable) {
  for (const bp::mlp::CostName& c : kCostNames)
    EXPECT_EQ(parse_cost(c.name), c.c)
        << "parse_cost(\"" << c.name << "\")" << describe(places::kParseCost);
}

TEST(ParseCost, RejectsAnUnknownNameAndListsTheValidOnes) {
  EXPECT_TRUE(throws_invalid_argument([] { parse_cost("mae"); },
                                      {"mae", "mse", "binary_cross_entropy", "cross_entropy"}))
      << "parse_cost(\"mae\")" << describe(places::kParseCost);
}

TEST(MseCost, MatchesThePinnedValue) {
  // (½(0.04 + 0.09) + ½(0 + 1) + ½(0.25 + 0)) / 3 = 0.23.
  EXPECT_NEAR(mse(kA, kY), 0.23, 1e-15) << "mse(A, Y), A and Y 3 x 2" << describe(places::kMse);
}

TEST(MseCost, IsTheMeanOverSamplesNotTheSum) {
  EXPECT_NEAR(mse(twice(kA), twice(kY)), 0.23, 1e-15)
      << "the same 3 samples twice must give the same mean" << describe(places::kMse);
}

TEST(MseCost, IsZeroWhenThePredictionsEqualTheTargets) {
  EXPECT_EQ(mse(kY, kY), 0.0) << describe(places::kMse);
}

TEST(MseCost, ThrowsWhenTheShapesDiffer) {
  EXPECT_TRUE(throws_invalid_argument([] { mse(Matrix::Zero(5, 3), Matrix::Zero(5, 2)); },
                                      {"5 x 3", "5 x 2"}))
      << "mse(A 5 x 3, Y 5 x 2)" << describe(places::kMse);
}

TEST(MseCost, ThrowsOnAnEmptyBatch) {
  EXPECT_TRUE(
      throws_invalid_argument([] { mse(Matrix::Zero(0, 2), Matrix::Zero(0, 2)); }, {"0 x 2"}))
      << "mse of 0 samples is 0/0" << describe(places::kMse);
}

TEST(BinaryCrossEntropy, MatchesThePinnedValue) {
  EXPECT_NEAR(binary_cross_entropy(kZb, kYb), 1.0224186566647635, 1e-15)
      << "binary_cross_entropy(Z, Y), 4 samples" << describe(places::kBinaryCrossEntropy);
}

TEST(BinaryCrossEntropy, IsFiniteAndRightWhereTheSigmoidRoundsToOne) {
  // σ(40) == 1.0 exactly in double, so -log(1 - σ(40)) = -log(0) = inf; the true cost is
  // 40 + log1p(e^-40) = 40.0 (y = 0) and log1p(e^-40) = 4.248354255291589e-18 (y = 1).
  EXPECT_EQ(binary_cross_entropy(mat({{40.0}}), mat({{0.0}})), 40.0)
      << "z = 40, y = 0" << describe(places::kBinaryCrossEntropy);
  EXPECT_NEAR(binary_cross_entropy(mat({{40.0}}), mat({{1.0}})), 4.248354255291589e-18, 1e-30)
      << "z = 40, y = 1" << describe(places::kBinaryCrossEntropy);
}

TEST(BinaryCrossEntropy, IsRightForVeryNegativeLogits) {
  // σ(-1000) == 0: the cost of y = 1 is -log σ(-1000) = 1000, of y = 0 it is log1p(e^-1000) = 0.
  EXPECT_EQ(binary_cross_entropy(mat({{-1000.0}}), mat({{1.0}})), 1000.0)
      << "z = -1000, y = 1" << describe(places::kBinaryCrossEntropy);
  EXPECT_EQ(binary_cross_entropy(mat({{-1000.0}}), mat({{0.0}})), 0.0)
      << "z = -1000, y = 0" << describe(places::kBinaryCrossEntropy);
}

TEST(BinaryCrossEntropy, IsTheMeanOverSamplesNotTheSum) {
  EXPECT_NEAR(binary_cross_entropy(twice(kZb), twice(kYb)), 1.0224186566647635, 1e-15)
      << describe(places::kBinaryCrossEntropy);
}

TEST(BinaryCrossEntropy, IsRightForSoftTargetsBetweenZeroAndOne) {
  // Targets anywhere in [0, 1], not only labels 0 and 1: max(z, 0) - z y + log1p(e^-|z|)
  // (numpy; the definition -[y log σ(z) + (1-y) log(1-σ(z))] agrees). Choosing the y = 1 or
  // y = 0 formula by rounding y gives 0.854 and 1.463 here.
  EXPECT_NEAR(binary_cross_entropy(mat({{0.3}}), mat({{0.3}})), 0.7643552444685271, 1e-15)
      << "z = 0.3, y = 0.3" << describe(places::kBinaryCrossEntropy);
  EXPECT_NEAR(binary_cross_entropy(mat({{-1.2}}), mat({{0.75}})), 1.163282467338031, 1e-15)
      << "z = -1.2, y = 0.75" << describe(places::kBinaryCrossEntropy);
}

TEST(BinaryCrossEntropy, SumsTheOutputsOfASampleAndDividesByTheSamplesOnly) {
  // Two sigmoid outputs per sample, 2 samples: the four per-entry costs summed, divided by
  // m = 2, not by the m n = 4 entries (numpy).
  EXPECT_NEAR(binary_cross_entropy(mat({{0.3, -1.2}, {2.5, 0.0}}), mat({{1.0, 0.0}, {0.0, 1.0}})),
              2.0448373133295266, 1e-14)
      << "binary_cross_entropy(Z, Y), Z and Y 2 x 2: C = (1/m) Σ_i Σ_j, m = 2"
      << describe(places::kBinaryCrossEntropy);
}

TEST(BinaryCrossEntropy, ThrowsWhenTheShapesDiffer) {
  EXPECT_TRUE(throws_invalid_argument(
      [] { binary_cross_entropy(Matrix::Zero(4, 1), Matrix::Zero(3, 1)); }, {"4 x 1", "3 x 1"}))
      << describe(places::kBinaryCrossEntropy);
}

TEST(SoftmaxCrossEntropy, MatchesThePinnedValue) {
  EXPECT_NEAR(softmax_cross_entropy(kZc, kYc), 1.2841938254073617, 1e-15)
      << "softmax_cross_entropy(Z, Y), 2 samples, 3 classes"
      << describe(places::kSoftmaxCrossEntropy);
}

TEST(SoftmaxCrossEntropy, OfLogitsThousandAndZeroForClassOneIsOneThousand) {
  // logsumexp(1000, 0) - 0 = 1000 + log(1 + e^-1000) = 1000; -log(softmax) gives -log(0) = inf.
  EXPECT_EQ(softmax_cross_entropy(mat({{1000.0, 0.0}}), mat({{0.0, 1.0}})), 1000.0)
      << describe(places::kSoftmaxCrossEntropy);
}

TEST(SoftmaxCrossEntropy, IsZeroForTheRightClassWithAHugeMargin) {
  EXPECT_EQ(softmax_cross_entropy(mat({{1000.0, 0.0}}), mat({{1.0, 0.0}})), 0.0)
      << describe(places::kSoftmaxCrossEntropy);
}

TEST(SoftmaxCrossEntropy, ShiftsEachRowByItsOwnMaximumNotTheBatchMaximum) {
  // Row 1: logsumexp(1000, 0) - 1000 = 0; row 2: logsumexp(0, 0) - 0 = log 2; mean log(2)/2.
  // Shifting row 2 by the batch maximum 1000 gives 1000 + log(e^-1000 + e^-1000) = -inf.
  const double C =
      softmax_cross_entropy(mat({{1000.0, 0.0}, {0.0, 0.0}}), mat({{1.0, 0.0}, {0.0, 1.0}}));
  EXPECT_TRUE(std::isfinite(C)) << "softmax_cross_entropy(Z = [[1000, 0], [0, 0]], one-hot Y) is "
                                << C << describe(places::kSoftmaxCrossEntropy);
  EXPECT_NEAR(C, 0.34657359027997264, 1e-15)
      << "softmax_cross_entropy(Z = [[1000, 0], [0, 0]], Y = [[1, 0], [0, 1]]) = log(2)/2"
      << describe(places::kSoftmaxCrossEntropy);
}

TEST(SoftmaxCrossEntropy, WorksForSoftTargetRowsSummingToOne) {
  // -Σ_j y_j log softmax(z)_j = logsumexp(z) - Σ_j y_j z_j with y = [0.2, 0.8] (numpy).
  // Taking z at the largest y only, logsumexp(z) - z_2, gives 1.171.
  EXPECT_NEAR(softmax_cross_entropy(mat({{0.5, -0.3}}), mat({{0.2, 0.8}})), 1.0111006659477777,
              1e-15)
      << "softmax_cross_entropy(z = [0.5, -0.3], y = [0.2, 0.8])"
      << describe(places::kSoftmaxCrossEntropy);
}

TEST(SoftmaxCrossEntropy, IsTheMeanOverSamplesNotTheSum) {
  EXPECT_NEAR(softmax_cross_entropy(twice(kZc), twice(kYc)), 1.2841938254073617, 1e-15)
      << describe(places::kSoftmaxCrossEntropy);
}

TEST(SoftmaxCrossEntropy, ThrowsWhenTheShapesDiffer) {
  EXPECT_TRUE(throws_invalid_argument(
      [] { softmax_cross_entropy(Matrix::Zero(2, 3), Matrix::Zero(2, 4)); }, {"2 x 3", "2 x 4"}))
      << describe(places::kSoftmaxCrossEntropy);
}

TEST(CostOfABatch, UsesTheOutputForMseAndTheLogitsForCrossEntropies) {
  // A deliberately different from Z: MSE reads A, the cross-entropies read Z.
  EXPECT_NEAR(bp::mlp::cost(Cost::mse, Matrix::Constant(3, 2, 99.0), kA, kY), 0.23, 1e-15)
      << describe(places::kCost);
  EXPECT_NEAR(bp::mlp::cost(Cost::binary_cross_entropy, kZb, Matrix::Constant(4, 1, 99.0), kYb),
              1.0224186566647635, 1e-15)
      << describe(places::kCost);
  EXPECT_NEAR(bp::mlp::cost(Cost::cross_entropy, kZc, Matrix::Constant(2, 3, 99.0), kYc),
              1.2841938254073617, 1e-15)
      << describe(places::kCost);
}

}  // namespace
