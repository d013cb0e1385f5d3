#include "normalizers/cell_value.hpp"

#include <array>
#include <functional>
#include <string>
#include <unordered_map>

#include "normalizers/scanner.hpp"
#include "normalizers/text.hpp"
#include "normalizers/units.hpp"

namespace nianbao::norm {

namespace {

bool is_dash(char32_t c) {
  return c == U'-' || c == U'－' || c == U'—' || c == U'–' || c == U'―' || c == U'‐' || c == U'‑' ||
         c == U'‒' || c == U'−' || c == U'─';
}

// "/", "／", any run of dashes ("-", "—", "——", "－－"), "无", "不涉及". Read on the UTF-8
// itself: a well-formed code point has exactly one encoding, and every cell passes here.
bool is_not_applicable(std::string_view cell) {
  if (cell == "/" || cell == "／" || cell == "无" || cell == "不涉及") return true;
  if (cell.empty()) return false;
  for (std::size_t pos = 0, length = 0; pos < cell.size(); pos += length) {
    if (!is_dash(code_point_at(cell, pos, length))) return false;
  }
  return true;
}

// Units a table cell may carry. Time spans ("2019年") and ranges are not cell values.
bool is_cell_unit(UnitKind kind) {
  return kind == UnitKind::none || kind == UnitKind::count || kind == UnitKind::money ||
         kind == UnitKind::percent || kind == UnitKind::measure;
}

// 万 or 亿 written in the number itself ("5万"). Searched as UTF-8: a lead byte always starts a
// code point, so finding the bytes is finding the character.
bool has_big_multiplier(std::string_view cell) {
  for (std::string_view multiplier : {"万", "萬", "亿", "億"})
    if (cell.find(multiplier) != std::string_view::npos) return true;
  return false;
}

// Applies the column's unit to a value the cell writes without one. A cell that writes its own
// multiplier ("5万" under 万元) states its amount in full: it takes the column's 元 but not the
// column's power of ten again.
std::optional<CellValue> apply_column_unit(CellValue cell, std::string_view column_unit,
                                           bool own_multiplier) {
  if (column_unit.empty()) return cell;
  auto unit = unit_named(column_unit);
  if (!unit) return cell;  // a header unit we do not know is not a guess we make
  if (unit->kind == UnitKind::money && !own_multiplier) {
    auto in_yuan = cell.value->scaled_by_pow10(unit->money_pow10);
    if (!in_yuan) return std::nullopt;
    cell.value = in_yuan;
  }
  cell.unit = std::string(unit->unit);
  return cell;
}

// The common case of a table cell, "0" or "1288" or "-1942": plain ASCII digits with an
// optional sign and decimal point. Read directly, because every cell of every report passes
// here and the general path decodes and normalises the text first.
bool is_plain_ascii_number(std::string_view s) {
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
  if (s.empty() || s.size() > 18 || s.front() == '.' || s.back() == '.') return false;
  bool point = false;
  for (char c : s) {
    if (c == '.') {
      if (point) return false;
      point = true;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

bool is_ascii_graphic(char byte) { return byte > 0x20 && byte < 0x7F; }

// Lead byte of a character in U+4000–U+9FFF (CJK ideographs), none of which is white space.
bool is_ideograph_lead(char byte) {
  const auto b = static_cast<unsigned char>(byte);
  return b >= 0xE4 && b <= 0xE9;
}

bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0u) == 0x80u; }

// trim_white_space(text), answered without decoding when neither end can be white space: an
// ASCII character other than a space or control, or a CJK ideograph, first and last. That is
// nearly every cell and label, and they all pass here.
std::string_view trim_cell_text(std::string_view text) {
  const std::size_t n = text.size();
  const bool plain_start = n > 0 && (is_ascii_graphic(text[0]) || is_ideograph_lead(text[0]));
  const bool plain_end = n > 0 && (is_ascii_graphic(text[n - 1]) ||
                                   (n >= 3 && is_ideograph_lead(text[n - 3]) &&
                                    is_continuation(text[n - 2]) && is_continuation(text[n - 1])));
  return plain_start && plain_end ? text : trim_white_space(text);
}

}  // namespace

const char* to_string(CellStatus status) {
  switch (status) {
    case CellStatus::value:
      return "value";
    case CellStatus::blank:
      return "blank";
    case CellStatus::not_applicable:
      return "not_applicable";
    case CellStatus::unparsed:
      return "unparsed";
  }
  return "unparsed";
}

const char* to_string(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::none:
      return "";
    case Qualifier::approx:
      return "approx";
    case Qualifier::at_least:
      return "at_least";
    case Qualifier::at_most:
      return "at_most";
  }
  return "";
}

CellValue parse_cell(std::string_view text, std::string_view column_unit) {
  CellValue cell;
  const std::string_view trimmed = trim_cell_text(text);
  if (trimmed.empty()) {
    cell.status = CellStatus::blank;
    return cell;
  }
  if (column_unit.empty() && is_plain_ascii_number(trimmed)) {
    if (auto value = Decimal::parse(trimmed)) {
      cell.status = CellStatus::value;
      cell.value = *value;
      return cell;
    }
  }
  if (is_not_applicable(trimmed)) {
    cell.status = CellStatus::not_applicable;
    return cell;
  }
  auto figure = parse_figure(trimmed);
  if (!figure || figure->is_range() || !is_cell_unit(figure->unit_kind)) return cell;
  cell.status = CellStatus::value;
  cell.value = figure->value;
  cell.unit = figure->unit;
  cell.qualifier = figure->qualifier;
  if (!cell.unit.empty()) return cell;  // a unit in the cell wins over the column's
  auto with_column_unit = apply_column_unit(cell, column_unit, has_big_multiplier(trimmed));
  if (!with_column_unit) return CellValue{};
  return *with_column_unit;
}

bool looks_like_cell_value(std::string_view text) {
  if (is_plain_ascii_number(trim_cell_text(text))) return true;
  // Every label of every report is asked (that is what tells labels from values), and the
  // same labels recur from report to report: answers for short texts are remembered per
  // thread, as the label memo does, within a bounded size.
  thread_local std::unordered_map<std::string, bool, StringViewHash, std::equal_to<>> memo;
  constexpr std::size_t k_memo_limit = 1 << 12;
  constexpr std::size_t k_longest_remembered = 256;
  if (auto it = memo.find(text); it != memo.end()) return it->second;
  const CellStatus status = parse_cell(text).status;
  const bool value = status == CellStatus::value || status == CellStatus::not_applicable;
  if (text.size() <= k_longest_remembered) {
    if (memo.size() >= k_memo_limit) memo.clear();
    memo.emplace(text, value);
  }
  return value;
}

std::string unit_from_header(std::string_view header) {
  const DecodedText text = decode_utf8(header);
  const std::u32string_view s = text.chars;
  // "（单位：万元）", "(单位:元)", "单位：万元": the word 单位 names it.
  for (std::size_t at = s.find(U"单位"); at != std::u32string_view::npos;
       at = s.find(U"单位", at + 1)) {
    std::size_t i = at + 2;
    // A scan's colon may come back from OCR as a semicolon.
    while (i < s.size() &&
           (s[i] == U':' || s[i] == U'：' || s[i] == U';' || s[i] == U'；' || is_white_space(s[i])))
      ++i;
    if (auto unit = match_unit(s, i)) return to_utf8(s.substr(i, unit->length));
  }
  // "采购总金额（万元）": a unit alone in brackets.
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != U'(' && s[i] != U'（') continue;
    std::size_t j = i + 1;
    while (j < s.size() && is_white_space(s[j])) ++j;
    auto unit = match_unit(s, j);
    if (!unit) continue;
    std::size_t k = j + unit->length;
    while (k < s.size() && is_white_space(s[k])) ++k;
    if (k < s.size() && (s[k] == U')' || s[k] == U'）')) return to_utf8(s.substr(j, unit->length));
  }
  return {};
}

}  // namespace nianbao::norm
