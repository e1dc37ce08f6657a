// CsvWriter: full precision, no NaN, and files that read_csv reads back.
#include <cmath>
#include <limits>
#include <stdexcept>

#include <gtest/gtest.h>

#include "bp/csv.hpp"
#include "bp/output.hpp"
#include "bp/random.hpp"
#include "kit_helpers.hpp"

namespace {

using bp::data::CsvWriter;
using bp::kit_test::Contains;
using bp::kit_test::message_of;
using bp::kit_test::TempDir;

TEST(CsvWriter, WritesAHeaderAndOneLinePerRow) {
  TempDir dir;
  CsvWriter out(dir.path("log.csv"), {"epoch", "cost"});
  out.row({1, 0.5});
  out.row({2, 0.25});
  out.commit();
  EXPECT_EQ(TempDir::read(dir.path("log.csv")), "epoch,cost\n1,0.5\n2,0.25\n");
  EXPECT_EQ(out.rows_written(), 2u);
}

TEST(CsvWriter, RoundTripsDoublesExactly) {
  TempDir dir;
  bp::Rng rng(5);
  std::vector<double> values = {0.1,
                                1.0 / 3.0,
                                -0.0,
                                std::numeric_limits<double>::min(),
                                std::numeric_limits<double>::denorm_min(),
                                std::numeric_limits<double>::max(),
                                0.6224593312018546};
  for (int i = 0; i < 20; ++i) values.push_back(std::ldexp(rng.normal(), int(rng.below(80)) - 40));
  std::vector<std::string> header;
  for (std::size_t c = 0; c < values.size(); ++c) header.push_back("v" + std::to_string(c));
  CsvWriter out(dir.path("values.csv"), header);
  out.row(values);
  out.commit();

  const bp::data::Table back = bp::data::read_csv(dir.path("values.csv"));
  ASSERT_EQ(back.values.cols(), Eigen::Index(values.size()));
  for (std::size_t c = 0; c < values.size(); ++c) {
    const double read = back.values(0, Eigen::Index(c));
    EXPECT_EQ(read, values[c]) << "column " << c;
    EXPECT_EQ(std::signbit(read), std::signbit(values[c])) << "column " << c;
  }
}

TEST(CsvWriter, WritesDecimalPointsWhateverTheUserLocale) {
  TempDir dir;
  {
    bp::kit_test::CommaDecimalLocale comma;
    CsvWriter out(dir.path("log.csv"), {"cost"});
    out.row({1234.5});
    out.commit();
  }
  EXPECT_EQ(TempDir::read(dir.path("log.csv")), "cost\n1234.5\n");
}

TEST(CsvWriter, RefusesNaNNamingTheColumn) {
  TempDir dir;
  CsvWriter out(dir.path("log.csv"), {"epoch", "cost"});
  const std::string message = message_of<std::domain_error>([&] { out.row({1, std::nan("")}); });
  EXPECT_TRUE(Contains(message, "column \"cost\" of row 1 is NaN"));
}

TEST(CsvWriter, RefusesInfinity) {
  TempDir dir;
  CsvWriter out(dir.path("log.csv"), {"cost"});
  EXPECT_THROW(out.row({-std::numeric_limits<double>::infinity()}), std::domain_error);
}

TEST(CsvWriter, WritesNothingOfARefusedRow) {
  TempDir dir;
  CsvWriter out(dir.path("log.csv"), {"epoch", "cost"});
  EXPECT_THROW(out.row({1, std::nan("")}), std::domain_error);
  out.row({2, 0.5});
  out.commit();
  EXPECT_EQ(TempDir::read(dir.path("log.csv")), "epoch,cost\n2,0.5\n");
}

TEST(CsvWriter, RefusesARowOfTheWrongLength) {
  TempDir dir;
  CsvWriter out(dir.path("log.csv"), {"epoch", "cost"});
  const std::string message = message_of<std::invalid_argument>([&] { out.row({1}); });
  EXPECT_TRUE(Contains(message, "row has 1 value but the header has 2 columns"));
}

TEST(CsvWriter, RefusesAHeaderNameThatWouldBreakTheFormat) {
  TempDir dir;
  EXPECT_THROW(CsvWriter(dir.path("log.csv"), {"a,b"}), std::invalid_argument);
  EXPECT_THROW(CsvWriter(dir.path("log.csv"), {""}), std::invalid_argument);
  EXPECT_THROW(CsvWriter(dir.path("log.csv"), {"a", "a"}), std::invalid_argument);
  EXPECT_THROW(CsvWriter(dir.path("log.csv"), {}), std::invalid_argument);
  EXPECT_EQ(dir.entries(), 0u) << "a refused header must not leave a file behind";
}

TEST(CsvWriter, LeavesNoFileWhenNotCommitted) {
  TempDir dir;
  {
    CsvWriter out(dir.path("log.csv"), {"cost"});
    out.row({1.0});
  }
  EXPECT_EQ(dir.entries(), 0u);
}

}  // namespace
