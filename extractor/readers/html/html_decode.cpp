#include "extractor/readers/html/html_decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <optional>
#include <vector>

namespace nianbao::readers::html {
namespace {

struct ConverterClose {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterClose>;

bool has_code(const model::Diagnostics& diagnostics, std::string_view code) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const model::Diagnostic& d) { return d.code == code; });
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

// GBK and GB2312 pages are read with GB18030, their superset, as decode_to_utf8 does.
std::string converter_label(std::string_view declared) {
  const std::string label = lowercase(declared);
  for (const char* gb : {"gbk", "gb2312", "gb18030", "x-gbk", "cp936", "euc-cn", "windows-936"}) {
    if (label == gb) return "GB18030";
  }
  return std::string(declared);
}

Converter open_converter(const std::string& label) {
  UErrorCode status = U_ZERO_ERROR;
  Converter conv(ucnv_open(label.c_str(), &status));
  if (U_FAILURE(status)) return nullptr;
  return conv;
}

bool is_multi_byte(const std::string& label) {
  Converter conv = open_converter(label);
  return conv != nullptr && ucnv_getMaxCharSize(conv.get()) > 1 &&
         ucnv_getType(conv.get()) != UCNV_UTF8 &&
         ucnv_getType(conv.get()) != UCNV_UTF16_LittleEndian &&
         ucnv_getType(conv.get()) != UCNV_UTF16_BigEndian;
}

bool is_single_byte(const std::string& label) {
  Converter conv = open_converter(label);
  return conv != nullptr && ucnv_getMaxCharSize(conv.get()) == 1;
}

// The name decode_to_utf8 gives the same charset (ICU's canonical name in the WINDOWS
// standard where it has one), so that a page reads the same whichever path decoded it.
std::string canonical_name(const std::string& label) {
  UErrorCode status = U_ZERO_ERROR;
  const char* name = ucnv_getCanonicalName(label.c_str(), "WINDOWS", &status);
  if (U_FAILURE(status) || name == nullptr) {
    status = U_ZERO_ERROR;
    name = ucnv_getCanonicalName(label.c_str(), "", &status);
  }
  if (U_FAILURE(status) || name == nullptr) return label;
  return name;
}

bool is_substitute(UChar c) { return c == 0xFFFD || c == 0x1A; }

// Whether the bytes decode under the charset without a single invalid sequence.
bool fits_strictly(std::string_view bytes, const std::string& label) {
  if (lowercase(label) == "utf-8" || lowercase(label) == "utf8") return is_valid_utf8(bytes);
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX / 2)) return false;
  Converter conv = open_converter(label);
  if (conv == nullptr) return false;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> utf16(bytes.size() + 2);
  const int32_t n16 = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                                    bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  return U_SUCCESS(status) && std::none_of(utf16.begin(), utf16.begin() + n16, is_substitute);
}

struct Lenient {
  std::string utf8;
  std::string encoding;
  std::size_t replaced = 0;
};

// Decodes with ICU's default substitution callback, counting what it substitutes: U+FFFD, or
// U+001A where a single unmappable byte meets a codepage whose substitute is 0x1A.
std::optional<Lenient> decode_lenient(std::string_view bytes, const std::string& label) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX / 2)) return std::nullopt;
  Converter conv = open_converter(label);
  if (conv == nullptr) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  std::vector<UChar> utf16(bytes.size() + 2);
  const int32_t n16 = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                                    bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  Lenient out;
  out.encoding = canonical_name(label);
  out.replaced = static_cast<std::size_t>(std::count_if(
      utf16.begin(), utf16.begin() + n16, [](UChar c) { return c == 0xFFFD || c == 0x1A; }));
  out.utf8.resize(static_cast<std::size_t>(n16) * 3 + 1);
  int32_t n8 = 0;
  u_strToUTF8(out.utf8.data(), static_cast<int32_t>(out.utf8.size()), &n8, utf16.data(), n16,
              &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.utf8.resize(static_cast<std::size_t>(n8));
  return out;
}

void append(model::Diagnostics& to, const model::Diagnostics& from) {
  to.insert(to.end(), from.begin(), from.end());
}

void add(model::Diagnostics& diagnostics, const char* code, std::string message) {
  diagnostics.push_back({code, model::Severity::warning, std::move(message), {}});
}

}  // namespace

Decoded decode_page(std::string_view bytes, const std::string& declared,
                    model::Diagnostics& diagnostics) {
  model::Diagnostics first;
  Decoded decoded = decode_to_utf8(bytes, declared, first);
  if (declared.empty() || !has_code(first, "encoding_declared_mismatch")) {
    append(diagnostics, first);
    return decoded;
  }
  const std::string label = converter_label(declared);
  for (std::size_t cut = 1; cut <= 3 && cut < bytes.size(); ++cut) {
    const std::string_view trimmed = bytes.substr(0, bytes.size() - cut);
    if (!fits_strictly(trimmed, label)) continue;  // cheap test before the full decode
    model::Diagnostics trial_diagnostics;
    Decoded trial = decode_to_utf8(trimmed, declared, trial_diagnostics);
    if (has_code(trial_diagnostics, "encoding_declared_mismatch")) continue;
    trial.utf8 += "\xEF\xBF\xBD";  // U+FFFD where the cut character stood
    append(diagnostics, trial_diagnostics);
    add(diagnostics, "html_truncated_character",
        "the page ends inside a multi-byte " + trial.encoding +
            " character; the incomplete bytes were replaced");
    return trial;
  }
  if (is_multi_byte(label) && is_single_byte(decoded.encoding)) {
    // A few stray bytes are far likelier than a GBK-declared page being Latin-1.
    constexpr std::size_t k_max_invalid_per_mille = 5;
    if (auto lenient = decode_lenient(bytes, label);
        lenient && lenient->replaced * 1000 <= bytes.size() * k_max_invalid_per_mille) {
      add(diagnostics, "html_invalid_bytes_in_declared_charset",
          std::to_string(lenient->replaced) + " byte sequence(s) are not valid " +
              lenient->encoding + "; they were replaced by U+FFFD and the page read as declared");
      return Decoded{std::move(lenient->utf8), std::move(lenient->encoding), lenient->replaced};
    }
  }
  append(diagnostics, first);
  return decoded;
}

}  // namespace nianbao::readers::html
