#include "normalizers/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <array>

namespace nianbao::norm {

namespace {

constexpr char32_t k_replacement = 0xFFFD;

// Length of the sequence a lead byte announces, or 0 for a byte that cannot lead.
int sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Decodes one well-formed sequence at `pos`, or returns false (overlong forms, surrogates and
// values above U+10FFFF are ill-formed).
bool decode_one(std::string_view utf8, std::size_t pos, char32_t& out, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(utf8[pos]);
  const int n = sequence_length(lead);
  if (n == 0 || pos + static_cast<std::size_t>(n) > utf8.size()) return false;
  if (n == 1) {
    out = lead;
    length = 1;
    return true;
  }
  char32_t value = lead & (0xFFu >> (n + 1));
  for (int k = 1; k < n; ++k) {
    const auto byte = static_cast<unsigned char>(utf8[pos + static_cast<std::size_t>(k)]);
    if ((byte & 0xC0u) != 0x80u) return false;
    value = (value << 6) | (byte & 0x3Fu);
  }
  const bool overlong = (n == 3 && value < 0x800) || (n == 4 && value < 0x10000);
  const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
  if (overlong || surrogate || value > 0x10FFFF) return false;
  out = value;
  length = static_cast<std::size_t>(n);
  return true;
}

bool is_continuation_byte(char byte) { return (static_cast<unsigned char>(byte) & 0xC0u) == 0x80u; }

// Where decode_utf8 starts the last code point of `utf8`, given that `floor` is where one of
// its code points starts. Decoding forward stops at every byte that is not a continuation
// byte (a well-formed sequence holds continuation bytes only after its lead), so the last such
// byte starts the last code point when its sequence is well-formed and ends exactly at the end;
// otherwise the last byte is an ill-formed code point of its own.
std::size_t last_code_point_start(std::string_view utf8, std::size_t floor) {
  const std::size_t end = utf8.size();
  const std::size_t lowest = end - floor > 4 ? end - 4 : floor;
  for (std::size_t pos = end; pos-- > lowest;) {
    if (is_continuation_byte(utf8[pos])) continue;
    char32_t c = 0;
    std::size_t length = 0;
    if (decode_one(utf8, pos, c, length) && pos + length == end) return pos;
    break;
  }
  return end - 1;
}

}  // namespace

std::size_t valid_sequence_length(std::string_view utf8, std::size_t pos) {
  char32_t c = 0;
  std::size_t length = 0;
  return decode_one(utf8, pos, c, length) ? length : 0;
}

char32_t detail::decode_code_point(std::string_view utf8, std::size_t pos, std::size_t& length) {
  char32_t c = 0;
  if (!decode_one(utf8, pos, c, length)) {
    c = k_replacement;
    length = 1;
  }
  return c;
}

DecodedText decode_utf8(std::string_view utf8) {
  // Reserving by lead bytes (an upper bound on code points) rather than by bytes keeps the
  // buffers a third of the size for Chinese text.
  std::size_t lead_bytes = 0;
  for (char byte : utf8) lead_bytes += (static_cast<unsigned char>(byte) & 0xC0u) != 0x80u ? 1 : 0;
  DecodedText text;
  text.chars.reserve(lead_bytes + 1);
  text.byte_offsets.reserve(lead_bytes + 2);
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    std::size_t length = 0;
    const char32_t c = code_point_at(utf8, pos, length);
    text.chars.push_back(c);
    text.byte_offsets.push_back(pos);
    pos += length;
  }
  text.byte_offsets.push_back(utf8.size());
  return text;
}

void append_utf8(std::string& out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = k_replacement;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string to_utf8(std::u32string_view chars) {
  std::string out;
  out.reserve(chars.size() * 3);
  for (char32_t c : chars) append_utf8(out, c);
  return out;
}

namespace {

// u_isUWhiteSpace covers U+3000 and NBSP; the zero-width characters are not white space to
// Unicode but are invisible padding in converted documents.
bool is_non_ascii_white_space(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B || c == 0xFEFF;
}

}  // namespace

bool is_white_space(char32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
  if (c < 0x80) return false;
  // Asked for the first and last character of every cell and label: one bit lookup instead of
  // a property lookup in ICU.
  static const CodePointSet k_non_ascii_white_space(is_non_ascii_white_space);
  return k_non_ascii_white_space.contains(c);
}

bool is_han(char32_t c) {
  if (c < 0x2E80) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int decimal_digit_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c < 0x80) return -1;
  return u_charDigitValue(static_cast<UChar32>(c));
}

CodePointSet::CodePointSet(bool (*predicate)(char32_t)) : bits_(k_bmp_size), predicate_(predicate) {
  for (char32_t c = 0; c < k_bmp_size; ++c) bits_[c] = predicate(c);
}

namespace {

// For each byte value: whether it begins, and whether it ends, the UTF-8 of some white space
// code point. A code point whose first (last) byte is not marked is no white space, and an
// ill-formed sequence decodes to U+FFFD, which is none either; so trim_white_space decodes only
// at an end whose byte is marked, and nearly every cell is settled by two table lookups.
struct WhiteSpaceBytes {
  std::array<bool, 256> first{};
  std::array<bool, 256> last{};
};

const WhiteSpaceBytes& white_space_bytes() {
  static const WhiteSpaceBytes bytes = [] {
    // Every code point is_white_space accepts is ASCII white space, U+200B, U+FEFF or in
    // Unicode's White_Space set (u_isUWhiteSpace): the candidates, each confirmed by
    // is_white_space itself.
    icu::UnicodeSet candidates;
    UErrorCode status = U_ZERO_ERROR;
    candidates.applyIntPropertyValue(UCHAR_WHITE_SPACE, 1, status);
    candidates.add(0x200B).add(0xFEFF).add(0, 0x7F);
    WhiteSpaceBytes out;
    if (U_FAILURE(status) || is_white_space(k_replacement)) {
      // Without the set (or were U+FFFD white space), any byte may be: always decode.
      out.first.fill(true);
      out.last.fill(true);
      return out;
    }
    for (int32_t r = 0; r < candidates.getRangeCount(); ++r) {
      for (UChar32 c = candidates.getRangeStart(r); c <= candidates.getRangeEnd(r); ++c) {
        if (!is_white_space(static_cast<char32_t>(c))) continue;
        std::string utf8;
        append_utf8(utf8, static_cast<char32_t>(c));
        out.first[static_cast<unsigned char>(utf8.front())] = true;
        out.last[static_cast<unsigned char>(utf8.back())] = true;
      }
    }
    return out;
  }();
  return bytes;
}

}  // namespace

std::string_view trim_white_space(std::string_view utf8) {
  // Only the code points at either end are decoded: every table cell passes here, and
  // decoding a whole cell into buffers just to look at its ends cost more than the rest of
  // reading it.
  const WhiteSpaceBytes& may_be_white = white_space_bytes();
  std::size_t first = 0;
  while (first < utf8.size() && may_be_white.first[static_cast<unsigned char>(utf8[first])]) {
    std::size_t length = 0;
    if (!is_white_space(code_point_at(utf8, first, length))) break;
    first += length;
  }
  std::size_t last = utf8.size();
  while (last > first && may_be_white.last[static_cast<unsigned char>(utf8[last - 1])]) {
    const std::string_view head = utf8.substr(0, last);
    const std::size_t start = last_code_point_start(head, first);
    std::size_t length = 0;
    if (!is_white_space(code_point_at(head, start, length))) break;
    last = start;
  }
  return utf8.substr(first, last - first);
}

std::u32string nfkc(std::u32string_view span) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || normalizer == nullptr) return std::u32string(span);
  icu::UnicodeString source;
  for (char32_t c : span) source.append(static_cast<UChar32>(c));
  icu::UnicodeString normalized = normalizer->normalize(source, status);
  if (U_FAILURE(status)) return std::u32string(span);
  std::u32string out;
  for (int32_t i = 0; i < normalized.length();) {
    const UChar32 c = normalized.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

}  // namespace nianbao::norm
