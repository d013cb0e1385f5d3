#pragma once
// Small helpers shared by the WordprocessingML passes: attribute values and UTF-8 output.

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "extractor/readers/docx/xml_stream.hpp"

namespace nianbao::readers::docx {

// An integer attribute value (w:val="3", w:char="F02B" with base 16); nullopt when malformed.
inline std::optional<int> parse_int(std::string_view s, int base = 10) {
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
  if (ec != std::errc() || end == s.data()) return std::nullopt;
  return value;
}

// OOXML on/off properties (<w:b/>, <w:vanish w:val="0"/>): absent w:val means on.
inline bool on_off(const XmlStream& xml) {
  if (!xml.has_attribute("val")) return true;
  const std::string v = xml.attribute("val");
  return !(v == "0" || v == "false" || v == "off");
}

// Text that shows nothing: ASCII white space and ideographic spaces (U+3000) only.
inline bool is_blank_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (text.substr(i, 3) == "\u3000") {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x110000) {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace nianbao::readers::docx
