#pragma once
// Text from files and command lines as it appears in messages. Kit infrastructure.
#include <string>
#include <string_view>

namespace bp {

// text with every byte that a terminal would not show as a character replaced by an escape:
// control characters as \t, \n, \r or \xNN (\x1b, \x7f), and bytes that are not valid UTF-8
// as \xNN. Printable ASCII and valid UTF-8 (e.g. "größe") are kept as they are. So a binary
// file given as data cannot scramble the terminal through an error message, and the message
// still shows where the garbage is: printable("a\x01b") == "a\\x01b".
std::string printable(std::string_view text);

}  // namespace bp
