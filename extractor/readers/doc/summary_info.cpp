#include "extractor/readers/doc/summary_info.hpp"

#include "extractor/readers/doc/bytes.hpp"
#include "extractor/readers/docx/values.hpp"
#include "extractor/readers/encoding.hpp"

namespace nianbao::readers::doc {

namespace {

constexpr std::uint32_t k_pid_codepage = 1;
constexpr std::uint32_t k_pid_title = 2;
constexpr std::uint32_t k_vt_i2 = 2;
constexpr std::uint32_t k_vt_lpstr = 0x1E;
constexpr std::uint32_t k_vt_lpwstr = 0x1F;
constexpr std::size_t k_max_properties = 1024;
constexpr std::size_t k_max_title_bytes = 4096;

// The ICU name of a Windows code page.
std::string charset_of(std::uint16_t codepage) {
  if (codepage == 65001) return "UTF-8";
  if (codepage == 1200) return "UTF-16LE";
  return "windows-" + std::to_string(codepage);
}

std::string from_utf16(const Bytes& b, std::size_t at, std::size_t units) {
  std::string out;
  for (std::size_t i = 0; i < units; ++i) {
    const char32_t unit = b.u16_or_zero(at + i * 2);
    if (unit == 0) break;
    if (unit >= 0xD800 && unit <= 0xDFFF) continue;
    docx::append_utf8(out, unit);
  }
  return out;
}

std::string trimmed(std::string s) {
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && static_cast<unsigned char>(s[start]) <= ' ') ++start;
  return s.substr(start);
}

}  // namespace

std::string summary_title(std::string_view stream) {
  const Bytes b(stream);
  // PropertySetStream: byte order, version, system id, CLSID, then the first set's FMTID and
  // offset. The section: its size, its property count, then (id, offset) pairs.
  if (b.u16_or_zero(0) != 0xFFFE || b.u32_or_zero(24) == 0) return {};
  const std::size_t section = b.u32_or_zero(44);
  const std::size_t count = b.u32_or_zero(section + 4);
  if (!b.has(section, 8) || count > k_max_properties || !b.has(section + 8, count * 8)) return {};
  std::uint16_t codepage = 1252;
  std::size_t title = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t pid = b.u32_or_zero(section + 8 + i * 8);
    const std::size_t at = section + b.u32_or_zero(section + 12 + i * 8);
    if (pid == k_pid_codepage && b.u32_or_zero(at) == k_vt_i2) codepage = b.u16_or_zero(at + 4);
    if (pid == k_pid_title) title = at;
  }
  if (title == 0) return {};
  const std::uint32_t type = b.u32_or_zero(title);
  const std::size_t length = std::min<std::size_t>(b.u32_or_zero(title + 4), k_max_title_bytes);
  if (type == k_vt_lpwstr) return trimmed(from_utf16(b, title + 8, length));
  if (type != k_vt_lpstr) return {};
  if (codepage == 1200) return trimmed(from_utf16(b, title + 8, length / 2));
  const auto bytes = b.slice(title + 8, length);
  if (!bytes) return {};
  std::string_view text = *bytes;
  while (!text.empty() && text.back() == '\0') text.remove_suffix(1);
  model::Diagnostics ignored;  // a title that does not decode cleanly is still the best guess
  return trimmed(decode_to_utf8(text, charset_of(codepage), ignored).utf8);
}

}  // namespace nianbao::readers::doc
