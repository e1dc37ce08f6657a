// read_csv: the kit's data format and every way a data file can be wrong.
#include <chrono>
#include <filesystem>
#include <future>
#include <string>

#include <gtest/gtest.h>

#include "bp/csv.hpp"
#include "kit_helpers.hpp"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace {

using bp::data::DataError;
using bp::data::read_csv;
using bp::data::Table;
using bp::kit_test::Contains;
using bp::kit_test::message_of;
using bp::kit_test::TempDir;

// The message read_csv gives for a file with these contents.
std::string error_for(const TempDir& dir, const std::string& contents) {
  const std::string file = dir.write("data.csv", contents);
  return message_of<DataError>([&] { read_csv(file); });
}

TEST(ReadCsv, ReadsTheHeaderAndTheValues) {
  TempDir dir;
  const Table t = read_csv(dir.write("data.csv", "x,y\n1.5,-2\n3e2,0.25\n"));
  EXPECT_EQ(t.header, (std::vector<std::string>{"x", "y"}));
  ASSERT_EQ(t.values.rows(), 2);
  ASSERT_EQ(t.values.cols(), 2);
  EXPECT_EQ(t.values(0, 0), 1.5);
  EXPECT_EQ(t.values(0, 1), -2.0);
  EXPECT_EQ(t.values(1, 0), 300.0);
  EXPECT_EQ(t.values(1, 1), 0.25);
}

TEST(ReadCsv, AcceptsWindowsLineEndings) {
  TempDir dir;
  const Table t = read_csv(dir.write("data.csv", "x,y\r\n1,2\r\n3,4\r\n"));
  EXPECT_EQ(t.header, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(t.values.rows(), 2);
  EXPECT_EQ(t.values(1, 1), 4.0);
}

TEST(ReadCsv, AcceptsAUtf8ByteOrderMark) {
  TempDir dir;
  const Table t = read_csv(dir.write("data.csv", "\xEF\xBB\xBFx,y\n1,2\n"));
  EXPECT_EQ(t.header[0], "x");
}

TEST(ReadCsv, AcceptsAMissingFinalNewlineAndTrailingBlankLines) {
  TempDir dir;
  EXPECT_EQ(read_csv(dir.write("a.csv", "x\n1\n2")).values.rows(), 2);
  EXPECT_EQ(read_csv(dir.write("b.csv", "x\n1\n2\n\n\r\n  \n")).values.rows(), 2);
}

TEST(ReadCsv, AcceptsSpacesAroundFields) {
  TempDir dir;
  const Table t = read_csv(dir.write("data.csv", "x , y\n 1 ,\t2\n"));
  EXPECT_EQ(t.header, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(t.values(0, 1), 2.0);
}

TEST(ReadCsv, KeepsThePathItWasGiven) {
  TempDir dir;
  const std::string file = dir.write("data.csv", "x\n1\n");
  EXPECT_EQ(read_csv(file).path, file);
}

TEST(ReadCsv, ParsesDecimalPointsWhateverTheUserLocale) {
  // strtod or a stream would read "1.5" as 1 under a locale whose decimal separator is a comma.
  TempDir dir;
  const std::string file = dir.write("data.csv", "x\n1.5\n");
  double value = 0.0;
  std::string c_locale;
  {
    bp::kit_test::CommaDecimalLocale comma;
    c_locale = comma.c_locale();
    value = read_csv(file).values(0, 0);
  }
  EXPECT_EQ(value, 1.5) << "C locale: " << (c_locale.empty() ? "none installed" : c_locale);
}

TEST(ReadCsv, ReportsAMissingFileWithItsPath) {
  TempDir dir;
  const std::string file = dir.path("absent.csv");
  const std::string message = message_of<DataError>([&] { read_csv(file); });
  EXPECT_TRUE(Contains(message, file + ": no such file"));
}

TEST(ReadCsv, ReportsAnEmptyFile) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, ""), ":1:1: the file is empty"));
}

TEST(ReadCsv, ReportsAHeaderWithoutDataRows) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "x,y\n"), ":2:1: no data rows after the header"));
}

TEST(ReadCsv, ReportsAFileWhoseFirstRowIsDataNotAHeader) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "1,2\n3,4\n"), ":1:1: the first row holds numbers"));
}

TEST(ReadCsv, ReportsAnEmptyColumnName) {
  TempDir dir;
  EXPECT_TRUE(
      Contains(error_for(dir, "x,,z\n1,2,3\n"), ":1:2: column 2 of the header has no name"));
}

TEST(ReadCsv, ReportsADuplicateColumnName) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "x,y,x\n1,2,3\n"), ":1:3: column name \"x\" appears twice"));
}

TEST(ReadCsv, ReportsTooFewFieldsWithExpectedAndFoundCounts) {
  TempDir dir;
  const std::string message = error_for(dir, "a,b,c\n1,2,3\n4,5\n");
  EXPECT_TRUE(Contains(message, "data.csv:3:3: 2 fields, but the header has 3 columns"));
  EXPECT_TRUE(Contains(message, "(expected 3 numbers separated by commas)"));
}

TEST(ReadCsv, ReportsTooManyFieldsWithExpectedAndFoundCounts) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "a,b\n1,2,3\n"), ":2:3: 3 fields, but the header has 2"));
}

TEST(ReadCsv, ReportsATrailingCommaAsAnExtraField) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "a,b\n1,2,\n"), ":2:3: 3 fields, but the header has 2"));
}

TEST(ReadCsv, ReportsAnEmptyFieldWithItsColumnName) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "a,b,c\n1,,3\n"),
                       ":2:2: empty field (expected a number for column \"b\")"));
}

TEST(ReadCsv, ReportsLineAndColumnOfANonNumber) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "a,b,c\n1,2,3\n4,5,abc\n"),
                       "data.csv:3:3: \"abc\" is not a number (expected a number"));
}

TEST(ReadCsv, ReportsTrailingGarbageAfterANumber) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "a,b\n1,1.5x\n"),
                       ":2:2: \"1.5x\" is not a number: \"x\" follows 1.5"));
}

TEST(ReadCsv, ReportsADecimalCommaAsAFieldCountProblem) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "a\n1,5\n"), ":2:2: 2 fields, but the header has 1"));
}

TEST(ReadCsv, RejectsNaNAsNotAFiniteNumber) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "a,b\n1,nan\n"), ":2:2: \"nan\" is not a finite number"));
}

TEST(ReadCsv, RejectsInfinityAsNotAFiniteNumber) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "a,b\n-inf,1\n"), ":2:1: \"-inf\" is not a finite number"));
}

TEST(ReadCsv, RejectsANumberTooLargeForADouble) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "a\n1e400\n"), ":2:1: \"1e400\" is out of the range"));
}

TEST(ReadCsv, ReportsABlankLineBetweenDataRows) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "a\n1\n\n2\n"), ":3:1: empty line"));
}

TEST(ReadCsv, CountsLinesTheSameWithWindowsLineEndings) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "a,b\r\n1,2\r\n3,x\r\n"), ":3:2: \"x\" is not a number"));
}

TEST(ReadCsv, AcceptsALeadingPlusSign) {
  TempDir dir;
  EXPECT_EQ(read_csv(dir.write("data.csv", "a\n+2.5\n")).values(0, 0), 2.5);
}

TEST(ReadCsv, ReportsAFolderGivenAsTheFile) {
  TempDir dir;
  std::filesystem::create_directory(dir.path("data.csv"));
  EXPECT_EQ(message_of<DataError>([&] { read_csv(dir.path("data.csv")); }),
            dir.path("data.csv") + ": is a folder, not a regular file (expected a CSV file)");
}

#ifndef _WIN32
// Reading a named pipe would wait for a writer forever. If read_csv does wait, the test
// opens the pipe for writing and closes it, so the reader sees the end and the test fails
// instead of hanging.
TEST(ReadCsv, RefusesANamedPipeInsteadOfWaitingForAWriter) {
  TempDir dir;
  const std::string pipe = dir.path("pipe.csv");
  ASSERT_EQ(mkfifo(pipe.c_str(), 0600), 0);
  std::future<std::string> message = std::async(std::launch::async, [&] {
    try {
      read_csv(pipe);
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  });
  if (message.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
    const int writer = open(pipe.c_str(), O_WRONLY | O_NONBLOCK);
    if (writer >= 0) close(writer);
    ADD_FAILURE() << "read_csv waited for a writer on a named pipe";
  }
  EXPECT_EQ(message.get(),
            pipe + ": is a named pipe (FIFO), not a regular file (expected a CSV file)");
}
#endif

TEST(ReadCsv, RefusesControlCharactersInAColumnName) {
  TempDir dir;
  EXPECT_TRUE(Contains(error_for(dir, "a,b\x01\x1b[31m\n1,2\n"),
                       ":1:2: column name \"b\\x01\\x1b[31m\" holds control characters"));
}

TEST(ReadCsv, ShowsBinaryGarbageInAFieldEscaped) {
  TempDir dir;
  const std::string message = error_for(dir, "a\n1\x07\xff\n");
  EXPECT_TRUE(Contains(message, ":2:1: \"1\\x07\\xff\" is not a number"));
  EXPECT_EQ(message.find('\x07'), std::string::npos)
      << "a raw control character reached the message";
}

}  // namespace
