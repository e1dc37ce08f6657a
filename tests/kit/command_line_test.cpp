// bp::cli::Args: every mistake on a command line gets a clear message, not a crash.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "bp/cli.hpp"
#include "kit_helpers.hpp"

namespace {

using bp::cli::Args;
using bp::cli::UsageError;
using bp::kit_test::Contains;
using bp::kit_test::message_of;

const std::map<std::string, std::string> kFlags{{"eta", "learning rate"},
                                                {"test-fraction", "share of rows"}};

Args parse(std::vector<const char*> words) {
  words.insert(words.begin(), "program");
  return Args(static_cast<int>(words.size()), words.data(), kFlags);
}

TEST(CommandLine, TreatsHelpAsHelp) {
  EXPECT_TRUE(parse({"--help"}).help());
  EXPECT_TRUE(parse({"-h"}).help());
}

TEST(CommandLine, SaysThatHelpTakesNoValue) {
  EXPECT_EQ(message_of<UsageError>([] { parse({"--help=1"}); }),
            "option --help takes no value, got '--help=1'; use --help alone");
}

TEST(CommandLine, SaysANumberThatUnderflowsIsTooSmall) {
  const Args args = parse({"--eta", "1e-320"});
  EXPECT_TRUE(Contains(message_of<UsageError>([&] { args.real("eta", 0.1, 0.0, 1e6, true); }),
                       "--eta: '1e-320' is out of range: too small for a double (it underflows"));
  EXPECT_TRUE(Contains(message_of<UsageError>([] { bp::cli::parse_real("-1e-400", "--at"); }),
                       "--at: '-1e-400' is out of range: too small"));
}

TEST(CommandLine, SaysANumberThatOverflowsIsTooLarge) {
  EXPECT_TRUE(Contains(message_of<UsageError>([] { bp::cli::parse_real("1e400", "--eta"); }),
                       "--eta: '1e400' is out of range: too large for a double"));
}

TEST(CommandLine, AcceptsZeroAndTheSmallestNormalDouble) {
  EXPECT_EQ(bp::cli::parse_real("0", "--at"), 0.0);
  EXPECT_EQ(bp::cli::parse_real("-0.0", "--at"), 0.0);
  EXPECT_GT(bp::cli::parse_real("2.3e-308", "--at"), 0.0);
}

TEST(CommandLine, StillSaysNanIsNotAFiniteNumber) {
  EXPECT_EQ(message_of<UsageError>([] { bp::cli::parse_real("nan", "--eta"); }),
            "--eta: 'nan' is not a finite number");
}

TEST(CommandLine, ExcludesTheUpperBoundOfAnOpenRange) {
  EXPECT_EQ(parse({"--test-fraction", "0.995"}).real("test-fraction", 0.2, 0.0, 1.0, true, true),
            0.995);
  EXPECT_EQ(message_of<UsageError>([] {
              parse({"--test-fraction", "1"}).real("test-fraction", 0.2, 0.0, 1.0, true, true);
            }),
            "--test-fraction must be greater than 0 and less than 1, got 1");
}

TEST(CommandLine, EscapesControlCharactersOfTheCommandLineInMessages) {
  EXPECT_EQ(message_of<UsageError>([] {
              parse({"--eta", "0.1\x1b[31m"}).real("eta", 0.1, 0, 1);
            }),
            "--eta: '0.1\\x1b[31m' is not a number");
  EXPECT_TRUE(Contains(message_of<UsageError>([] { parse({"--\x01"}); }),
                       "unknown option --\\x01; the options are: --eta --test-fraction"));
}

}  // namespace
