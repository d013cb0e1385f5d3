#pragma once
// What one table cell holds, normalised: a number (exact, money in 元), an empty cell, a
// not-applicable placeholder, or text that is not a number. The raw text is kept by the caller.

#include <optional>
#include <string>
#include <string_view>

#include "normalizers/decimal.hpp"

namespace nianbao::norm {

enum class CellStatus { value, blank, not_applicable, unparsed };
enum class Qualifier { none, approx, at_least, at_most };

const char* to_string(CellStatus status);    // "value", "blank", "not_applicable", "unparsed"
const char* to_string(Qualifier qualifier);  // "" for none, "approx", "at_least", "at_most"

struct CellValue {
  CellStatus status = CellStatus::unparsed;
  std::optional<Decimal> value;  // set iff status == value
  // "元" for money; a counter word (件, 条, 项 …) if written; "" if none.
  std::string unit;
  Qualifier qualifier = Qualifier::none;
};

// Interprets the text of one table cell.
// - Blank: empty or only white space (ASCII, U+3000, NBSP …).
// - Not applicable: "/", "／", "-", "－", "—", "——", "–", "无", "不涉及" (alone, after trimming).
// - Value: a number in any notation the normalisers know (Arabic, full-width, thousands
//   separators, sign, decimal point, Chinese numerals), optionally with a unit and qualifier
//   ("251000元", "约5件", "3.5万"). A money unit in the cell wins over the column's unit.
// - column_unit: the unit the column header states ("万元" from
//   "本年收费金额（单位：万元）"), or "" for none. Money is normalised to 元 exactly (12.35 万元 →
//   123500 元).
// - Unparsed: anything else; never a guess.
CellValue parse_cell(std::string_view text, std::string_view column_unit = {});

// True when a flattened line (already stripped of table punctuation) reads as a value cell: a
// number or a placeholder, not a label. "0", "/", "12.35", "-1942", "251000元" → true;
// "1.属于国家秘密", "规章", "2019年" → false.
bool looks_like_cell_value(std::string_view text);

// The unit a column header states, if any: "本年收费金额（单位：万元）" → "万元",
// "(单位:元)" → "元".
std::string unit_from_header(std::string_view header);

}  // namespace nianbao::norm
