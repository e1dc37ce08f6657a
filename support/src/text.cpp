#include "bp/text.hpp"

#include <cstddef>

namespace bp {
namespace {

void escape_byte(std::string& out, unsigned char byte) {
  const char* const hex = "0123456789abcdef";
  out += "\\x";
  out += hex[byte >> 4];
  out += hex[byte & 15];
}

bool continuation(std::string_view text, std::size_t i) {
  return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
}

// Length of the valid UTF-8 sequence of a non-ASCII character starting at text[i], or 0.
// Overlong forms, surrogates and code points above U+10FFFF are invalid (RFC 3629).
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const unsigned char lead = static_cast<unsigned char>(text[i]);
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + 1 >= text.size()) return 0;
  const unsigned char second = static_cast<unsigned char>(text[i + 1]);
  if (second < lo || second > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (!continuation(text, i + k)) return 0;
  return n;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      out += static_cast<char>(byte);
      ++i;
    } else if (byte == '\t') {
      out += "\\t";
      ++i;
    } else if (byte == '\n') {
      out += "\\n";
      ++i;
    } else if (byte == '\r') {
      out += "\\r";
      ++i;
    } else if (byte < 0x80) {  // the other C0 controls and DEL
      escape_byte(out, byte);
      ++i;
    } else if (const std::size_t n = utf8_length(text, i); n > 0) {
      // U+0080..U+009F (C2 80..C2 9F) are the C1 controls: escaped like the C0 ones.
      const bool c1 = byte == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
      for (std::size_t k = 0; k < n; ++k) {
        if (c1)
          escape_byte(out, static_cast<unsigned char>(text[i + k]));
        else
          out += text[i + k];
      }
      i += n;
    } else {
      escape_byte(out, byte);
      ++i;
    }
  }
  return out;
}

}  // namespace bp
