#include "extractor/readers/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <optional>
#include <vector>

#include "normalizers/text.hpp"

namespace nianbao::readers {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

constexpr char32_t k_replacement = 0xFFFD;

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// UTF-8 with every invalid byte replaced by U+FFFD; returns how many were replaced.
std::size_t repair_utf8(std::string_view bytes, std::string& out) {
  std::size_t invalid = 0;
  out.reserve(out.size() + bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t len = norm::valid_sequence_length(bytes, i);
    if (len == 0) {
      append_utf8(out, k_replacement);
      ++invalid;
      ++i;
    } else {
      out.append(bytes.substr(i, len));
      i += len;
    }
  }
  return invalid;
}

// Decodes with ICU, stopping at the first byte sequence the charset cannot map, so that
// "decodes cleanly" can be used as evidence for a charset.
std::optional<std::string> decode_strict(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX / 2)) return std::nullopt;
  std::vector<UChar> utf16(bytes.size() + 2);
  const int32_t n16 = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                                    bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  // Unassigned code points come back as substitution characters even with the STOP callback
  // in some converters; reject them too.
  for (int32_t k = 0; k < n16; ++k) {
    if (utf16[static_cast<std::size_t>(k)] == 0xFFFD || utf16[static_cast<std::size_t>(k)] == 0x1A)
      return std::nullopt;
  }
  std::string out(static_cast<std::size_t>(n16) * 3 + 1, '\0');
  int32_t n8 = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &n8, utf16.data(), n16, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(n8));
  return out;
}

std::string canonical_name(const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  const char* name = ucnv_getCanonicalName(charset, "WINDOWS", &status);
  if (U_FAILURE(status) || name == nullptr) name = ucnv_getCanonicalName(charset, "", &status);
  if (name == nullptr || U_FAILURE(status)) return charset;
  return name;
}

// Labels that web pages use for what is, in practice, always GB18030-compatible text.
bool is_gb_family(std::string_view label) {
  std::string lower(label);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "gbk" || lower == "gb2312" || lower == "gb18030" || lower == "x-gbk" ||
         lower == "cp936" || lower == "euc-cn" || lower == "windows-936";
}

struct Bom {
  const char* charset;
  std::size_t length;
};

std::optional<Bom> detect_bom(std::string_view bytes) {
  auto starts = [&](std::initializer_list<unsigned char> sig) {
    if (bytes.size() < sig.size()) return false;
    std::size_t i = 0;
    for (unsigned char s : sig)
      if (static_cast<unsigned char>(bytes[i++]) != s) return false;
    return true;
  };
  if (starts({0xEF, 0xBB, 0xBF})) return Bom{"UTF-8", 3};
  if (starts({0xFF, 0xFE})) return Bom{"UTF-16LE", 2};
  if (starts({0xFE, 0xFF})) return Bom{"UTF-16BE", 2};
  return std::nullopt;
}

// ICU's statistical detector, asked only for the East Asian charsets that matter here.
std::vector<std::string> detector_guesses(std::string_view bytes) {
  std::vector<std::string> guesses;
  UErrorCode status = U_ZERO_ERROR;
  DetectorPtr det(ucsdet_open(&status));
  if (U_FAILURE(status)) return guesses;
  const auto len = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20));
  ucsdet_setText(det.get(), bytes.data(), len, &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &status);
  if (U_FAILURE(status)) return guesses;
  for (int32_t k = 0; k < count; ++k) {
    const char* name = ucsdet_getName(matches[k], &status);
    if (U_FAILURE(status) || name == nullptr) break;
    guesses.emplace_back(name);
  }
  return guesses;
}

void add(model::Diagnostics& diagnostics, const char* code, model::Severity severity,
         std::string message) {
  diagnostics.push_back({code, severity, std::move(message), {}});
}

}  // namespace

namespace {

constexpr std::uint64_t k_high_bits = 0x8080808080808080ull;

// How many of the eight bytes at `p` are ASCII before the first that is not (8: all are).
std::size_t leading_ascii_bytes(const char* p) {
  std::uint64_t word = 0;
  std::memcpy(&word, p, sizeof word);
  const std::uint64_t high = word & k_high_bits;
  if (high == 0) return 8;
  // The first byte in memory is the lowest-order byte on a little-endian machine.
  if constexpr (std::endian::native == std::endian::little) {
    return static_cast<std::size_t>(std::countr_zero(high)) / 8;
  } else {
    return static_cast<std::size_t>(std::countl_zero(high)) / 8;
  }
}

// Whether the three bytes at `p`, the first of them 0xE0..0xEF, are a valid sequence (as
// norm::valid_sequence_length judges): the common case of Chinese text, checked without a call.
bool valid_three_byte_sequence(const char* p) {
  const auto b0 = static_cast<unsigned char>(p[0]);
  const auto b1 = static_cast<unsigned char>(p[1]);
  const auto b2 = static_cast<unsigned char>(p[2]);
  if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
  // The code point is below U+0800 (overlong) exactly when 0xE0 leads a second byte below 0xA0,
  // and a surrogate (U+D800..U+DFFF) exactly when 0xED leads one of 0xA0 or more.
  if (b0 == 0xE0) return b1 >= 0xA0;
  if (b0 == 0xED) return b1 < 0xA0;
  return true;
}

struct Utf8Scan {
  bool valid = true;
  bool non_ascii = false;
};

// Strict UTF-8 validity and whether any byte is non-ASCII, in one pass; ASCII runs (numbers,
// punctuation, table bars) are stepped over up to eight bytes at a time.
Utf8Scan scan_utf8(std::string_view bytes) {
  Utf8Scan scan;
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      i += i + 8 <= n ? leading_ascii_bytes(bytes.data() + i) : 1;
      continue;
    }
    scan.non_ascii = true;
    if ((static_cast<unsigned char>(bytes[i]) & 0xF0) == 0xE0 && i + 3 <= n) {
      if (!valid_three_byte_sequence(bytes.data() + i)) {
        scan.valid = false;
        return scan;
      }
      i += 3;
      continue;
    }
    const std::size_t len = norm::valid_sequence_length(bytes, i);
    if (len == 0) {
      scan.valid = false;
      return scan;
    }
    i += len;
  }
  return scan;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) { return scan_utf8(bytes).valid; }

namespace {

// Decodes with ICU, replacing what the charset cannot map; returns how many were replaced.
std::size_t decode_lenient(std::string_view bytes, const char* charset, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(charset, &status));
  if (U_FAILURE(status) || bytes.size() > static_cast<std::size_t>(INT32_MAX / 2)) {
    return repair_utf8(bytes, out);
  }
  std::vector<UChar> utf16(bytes.size() + 2);
  const int32_t n16 = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                                    bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return repair_utf8(bytes, out);
  std::size_t replaced = 0;
  for (int32_t k = 0; k < n16; ++k) {
    UChar& c = utf16[static_cast<std::size_t>(k)];
    if (c == 0xFFFD || c == 0x1A) {
      c = 0xFFFD;
      ++replaced;
    }
  }
  std::string utf8(static_cast<std::size_t>(n16) * 3 + 1, '\0');
  int32_t n8 = 0;
  u_strToUTF8(utf8.data(), static_cast<int32_t>(utf8.size()), &n8, utf16.data(), n16, &status);
  if (U_FAILURE(status)) return repair_utf8(bytes, out);
  utf8.resize(static_cast<std::size_t>(n8));
  out += utf8;
  return replaced;
}

// At most this many, or one in this many non-ASCII bytes, may be bad under a declared charset.
constexpr std::size_t k_stray_bytes = 8;
constexpr std::size_t k_stray_ratio = 100;

std::size_t non_ascii_count(std::string_view bytes) {
  return static_cast<std::size_t>(std::count_if(
      bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
}

// Single-byte charsets map every byte, so "decodes cleanly" says nothing about them.
bool is_multibyte(const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(charset, &status));
  return U_SUCCESS(status) && ucnv_getMaxCharSize(conv.get()) > 1;
}

// The charset name reports show: GB18030 and Big5 rather than ICU's internal table names.
std::string display_name(std::string_view charset) {
  if (charset == "GB18030" || charset == "Big5") return std::string(charset);
  return canonical_name(std::string(charset).c_str());
}

// Bytes that are not UTF-8. In this domain they are GB18030 (a superset of GBK and GB2312) or
// Big5; single-byte charsets are never guessed, since a Chinese report read as Latin-1 is
// garbage. Order: the declared charset if it decodes cleanly; else whichever of GB18030 and
// Big5 decodes cleanly, ICU's detector deciding when both do (Big5 bytes often also decode as
// GB18030); else a lenient decode under the declared charset or GB18030, with the invalid
// bytes replaced and counted.
void decode_east_asian(std::string_view bytes, std::string_view declared, Decoded& result) {
  const std::string declared_charset =
      declared.empty() ? "" : (is_gb_family(declared) ? "GB18030" : std::string(declared));
  const bool declared_multibyte = !declared_charset.empty() &&
                                  declared_charset.rfind("UTF-16", 0) != 0 &&
                                  is_multibyte(declared_charset.c_str());
  if (declared_multibyte) {
    if (auto text = decode_strict(bytes, declared_charset.c_str())) {
      result.utf8 = std::move(*text);
      result.encoding = display_name(declared_charset);
      return;
    }
    // A few bad bytes (a stray byte, a page cut inside its last character) do not make the
    // declaration wrong: read as declared and count them.
    std::string lenient;
    const std::size_t replaced = decode_lenient(bytes, declared_charset.c_str(), lenient);
    if (replaced * k_stray_ratio <= non_ascii_count(bytes) || replaced <= k_stray_bytes) {
      result.utf8 = std::move(lenient);
      result.invalid_bytes = replaced;
      result.encoding = display_name(declared_charset);
      return;
    }
  }
  std::vector<std::string> clean;
  std::vector<std::string> texts;
  for (const char* charset : {"GB18030", "Big5"}) {
    if (auto text = decode_strict(bytes, charset)) {
      clean.emplace_back(charset);
      texts.push_back(std::move(*text));
    }
  }
  std::size_t pick = 0;
  if (clean.size() == 2) {
    for (const std::string& guess : detector_guesses(bytes)) {
      if (guess == "Big5") {
        pick = 1;
        break;
      }
      if (guess == "GB18030") break;
    }
  }
  if (!clean.empty()) {
    result.utf8 = std::move(texts[pick]);
    result.encoding = clean[pick];
    return;
  }
  const std::string fallback = declared_charset.empty() || declared_charset.rfind("UTF", 0) == 0
                                   ? "GB18030"
                                   : declared_charset;
  result.invalid_bytes = decode_lenient(bytes, fallback.c_str(), result.utf8);
  result.encoding = display_name(fallback);
}

}  // namespace

Decoded decode_to_utf8(std::string_view bytes, std::string_view declared,
                       model::Diagnostics& diagnostics) {
  Decoded result;
  if (auto bom = detect_bom(bytes)) {
    std::string_view body = bytes.substr(bom->length);
    if (std::string_view(bom->charset) == "UTF-8") {
      result.invalid_bytes = repair_utf8(body, result.utf8);
    } else if (auto text = decode_strict(body, bom->charset)) {
      result.utf8 = std::move(*text);
    } else {
      // A UTF-16 BOM over bytes that do not decode: keep what can be read, say so.
      result.invalid_bytes = repair_utf8(body, result.utf8);
    }
    result.encoding = bom->charset;
  } else if (const Utf8Scan scan = scan_utf8(bytes);
             scan.valid && (scan.non_ascii || declared.empty())) {
    // Valid UTF-8 with non-ASCII text is practically never an accident of another charset,
    // so it wins over a declaration (pages often declare gb2312 and serve UTF-8).
    result.utf8.assign(bytes);
    result.encoding = "UTF-8";
  } else {
    decode_east_asian(bytes, declared, result);
  }
  if (!declared.empty() && result.encoding != display_name(declared) &&
      !(is_gb_family(declared) && result.encoding == "GB18030")) {
    add(diagnostics, "encoding_declared_mismatch", model::Severity::warning,
        "declared charset '" + std::string(declared) + "' does not fit the bytes; read as " +
            result.encoding);
  }
  if (result.invalid_bytes > 0) {
    add(diagnostics, "encoding_invalid_bytes", model::Severity::warning,
        std::to_string(result.invalid_bytes) +
            " byte(s) could not be decoded and were replaced by U+FFFD");
  }
  return result;
}

}  // namespace nianbao::readers
