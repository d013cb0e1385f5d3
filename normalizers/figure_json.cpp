#include "normalizers/figure_json.hpp"

#include <array>

#include "normalizers/text.hpp"

namespace nianbao::norm {

namespace {

void append_escaped(std::string& out, char32_t c) {
  switch (c) {
    case U'"':
      out += "\\\"";
      return;
    case U'\\':
      out += "\\\\";
      return;
    case U'\n':
      out += "\\n";
      return;
    case U'\r':
      out += "\\r";
      return;
    case U'\t':
      out += "\\t";
      return;
    case U'\b':
      out += "\\b";
      return;
    case U'\f':
      out += "\\f";
      return;
    default:
      break;
  }
  if (c < 0x20 || c == 0x7F) {
    static constexpr std::array<char, 16> k_hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                   '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    out += "\\u00";
    out.push_back(k_hex[(c >> 4) & 0xF]);
    out.push_back(k_hex[c & 0xF]);
    return;
  }
  if (c == 0xFFFD) {
    out += "\\ufffd";  // also stands for every ill-formed byte of the input
    return;
  }
  append_utf8(out, c);
}

// A Decimal's digits are already a valid JSON number: optional '-', digits, optional fraction,
// no exponent, no leading '+'.
std::string json_number(const std::optional<Decimal>& value) {
  return value ? value->to_string() : "null";
}

}  // namespace

// As in the report record (OUTPUT.md): no unit or qualifier is null, not "".
std::string json_string_or_null(std::string_view utf8) {
  return utf8.empty() ? std::string("null") : json_string(utf8);
}

std::string json_string(std::string_view utf8) {
  const DecodedText text = decode_utf8(utf8);
  std::string out;
  out.reserve(utf8.size() + 2);
  out.push_back('"');
  for (char32_t c : text.chars) append_escaped(out, c);
  out.push_back('"');
  return out;
}

std::string figure_to_json(const Figure& figure) {
  std::string out = "{\"text\": " + json_string(figure.text);
  out += ", \"value\": " + json_number(figure.value);
  out += ", \"low\": " + json_number(figure.low);
  out += ", \"high\": " + json_number(figure.high);
  out += ", \"unit\": " + json_string_or_null(figure.unit);
  out += ", \"qualifier\": " + json_string_or_null(to_string(figure.qualifier));
  out += ", \"span\": [" + std::to_string(figure.begin) + ", " + std::to_string(figure.end) + "]}";
  return out;
}

std::string figures_to_json(std::string_view input, const std::vector<Figure>& figures) {
  std::string out = "{\"input\": " + json_string(input) + ", \"figures\": [";
  for (std::size_t i = 0; i < figures.size(); ++i) {
    if (i > 0) out += ", ";
    out += figure_to_json(figures[i]);
  }
  out += "]}";
  return out;
}

}  // namespace nianbao::norm
