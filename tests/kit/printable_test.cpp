// bp::printable: text from files and command lines as it appears in messages.
#include <string>

#include <gtest/gtest.h>

#include "bp/text.hpp"

namespace {

using bp::printable;

TEST(Printable, KeepsPrintableAsciiAsItIs) {
  EXPECT_EQ(printable("worst_concave_points, 1.5e-3 (x/y) \\ ~"),
            "worst_concave_points, 1.5e-3 (x/y) \\ ~");
}

TEST(Printable, KeepsValidUtf8AsItIs) { EXPECT_EQ(printable("größe η σ′ 😀"), "größe η σ′ 😀"); }

TEST(Printable, EscapesControlCharacters) {
  EXPECT_EQ(printable(std::string("a\x01"
                                  "b\x1b[31mc\x7f",
                                  10)),
            "a\\x01b\\x1b[31mc\\x7f");
  EXPECT_EQ(printable("tab\there\r\n"), "tab\\there\\r\\n");
  EXPECT_EQ(printable(std::string("nul\0end", 7)), "nul\\x00end");
}

TEST(Printable, EscapesBytesThatAreNotUtf8) {
  EXPECT_EQ(printable("gr\xf6\xdf"
                      "e"),
            "gr\\xf6\\xdfe");                               // Latin-1, not UTF-8
  EXPECT_EQ(printable("\xc3"), "\\xc3");                    // a sequence cut short
  EXPECT_EQ(printable("\xc0\xaf"), "\\xc0\\xaf");           // an overlong '/'
  EXPECT_EQ(printable("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a UTF-16 surrogate
}

TEST(Printable, EscapesTheC1ControlCharacters) {
  EXPECT_EQ(printable("a\xc2\x9b"
                      "31m"),
            "a\\xc2\\x9b31m");                   // U+009B, a terminal's CSI
  EXPECT_EQ(printable("\xc2\xa0"), "\xc2\xa0");  // U+00A0 is printable
}

}  // namespace
