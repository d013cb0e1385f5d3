#pragma once
// UTF-8 plumbing shared by the normalisers: text is decoded once to code points, each remembering
// its byte offset, so a span found on code points maps back to the exact bytes of the input.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::norm {

struct DecodedText {
  std::u32string chars;
  // byte_offsets[i] is where chars[i] starts in the input; byte_offsets[chars.size()] is the
  // input's size.
  std::vector<std::size_t> byte_offsets;
};

// Never fails: each byte of an ill-formed sequence becomes one U+FFFD, so offsets stay exact.
DecodedText decode_utf8(std::string_view utf8);

// Length in bytes of the well-formed UTF-8 sequence at byte `pos`, or 0 where it is ill-formed
// (a bad or cut sequence, an overlong form, a surrogate, a value above U+10FFFF).
std::size_t valid_sequence_length(std::string_view utf8, std::size_t pos);

namespace detail {
// code_point_at for any sequence (out of line).
char32_t decode_code_point(std::string_view utf8, std::size_t pos, std::size_t& length);
}  // namespace detail

// The code point that starts at byte `pos` as decode_utf8 reads it (U+FFFD, one byte long,
// where ill-formed), and its length in bytes: for walking text without decoding all of it.
// ASCII and well-formed three-byte sequences (nearly all of Chinese text) are read inline.
inline char32_t code_point_at(std::string_view utf8, std::size_t pos, std::size_t& length) {
  const auto b0 = static_cast<unsigned char>(utf8[pos]);
  if (b0 < 0x80) {
    length = 1;
    return b0;
  }
  if ((b0 & 0xF0u) == 0xE0u && utf8.size() - pos >= 3) {
    const auto b1 = static_cast<unsigned char>(utf8[pos + 1]);
    const auto b2 = static_cast<unsigned char>(utf8[pos + 2]);
    if ((b1 & 0xC0u) == 0x80u && (b2 & 0xC0u) == 0x80u) {
      const char32_t c = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      // Not overlong, not a surrogate: else the general decoder says U+FFFD.
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        length = 3;
        return c;
      }
    }
  }
  return detail::decode_code_point(utf8, pos, length);
}

std::string to_utf8(std::u32string_view chars);
void append_utf8(std::string& out, char32_t c);

// Hashes strings and string views alike, so that a memo keyed by std::string (with
// std::equal_to<>) is looked up by view without building a key.
struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// ASCII and Unicode white space, including U+3000 (ideographic space) and U+00A0 (NBSP).
bool is_white_space(char32_t c);
// A CJK ideograph (Han script).
bool is_han(char32_t c);
bool is_ascii_letter(char32_t c);
// 0..9 for any decimal digit (ASCII, full-width, other scripts: Unicode Nd), else -1.
int decimal_digit_value(char32_t c);

// The input without leading and trailing white space (as is_white_space).
std::string_view trim_white_space(std::string_view utf8);

// A set of code points given by a predicate, precomputed over the Basic Multilingual Plane so
// that the scanner's per-character tests cost one bit lookup; other planes ask the predicate.
class CodePointSet {
 public:
  explicit CodePointSet(bool (*predicate)(char32_t));
  bool contains(char32_t c) const { return c < k_bmp_size ? bits_[c] : predicate_(c); }

 private:
  static constexpr char32_t k_bmp_size = 0x10000;
  std::vector<bool> bits_;
  bool (*predicate_)(char32_t);
};

// NFKC of a short span (a numeral: full-width digits and points → ASCII). Never applied to
// whole text: it would rewrite the Chinese comma and other punctuation the layout relies on.
std::u32string nfkc(std::u32string_view span);

}  // namespace nianbao::norm
