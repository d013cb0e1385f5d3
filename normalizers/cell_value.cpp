// TEMPORARY local stand-in (not committed) until the normalizers branch lands.
#include "normalizers/cell_value.hpp"

#include "normalizers/labels.hpp"
namespace nianbao::norm {
const char* to_string(CellStatus s) {
  switch (s) {
    case CellStatus::value:
      return "value";
    case CellStatus::blank:
      return "blank";
    case CellStatus::not_applicable:
      return "not_applicable";
    default:
      return "unparsed";
  }
}
const char* to_string(Qualifier q) {
  switch (q) {
    case Qualifier::approx:
      return "approx";
    case Qualifier::at_least:
      return "at_least";
    case Qualifier::at_most:
      return "at_most";
    default:
      return "";
  }
}
CellValue parse_cell(std::string_view text, std::string_view column_unit) {
  std::string t = normalize_for_match(text);
  CellValue v;
  if (t.empty()) {
    v.status = CellStatus::blank;
    return v;
  }
  if (t == "/" || t == "-" || t == "—" || t == "——" || t == "无" || t == "不涉及") {
    v.status = CellStatus::not_applicable;
    return v;
  }
  std::string unit;
  for (const char* u : {"万元", "元"}) {
    std::string su(u);
    if (t.size() > su.size() && t.ends_with(su)) {
      unit = su;
      t.resize(t.size() - su.size());
      break;
    }
  }
  std::string digits;
  for (char c : t)
    if (c != ',') digits.push_back(c);
  auto d = Decimal::parse(digits);
  if (!d) {
    v.status = CellStatus::unparsed;
    return v;
  }
  if (unit.empty()) unit = std::string(column_unit);
  if (unit == "万元") {
    d = d->scaled_by_pow10(4);
    unit = "元";
  }
  v.status = CellStatus::value;
  v.value = d;
  v.unit = unit;
  return v;
}
bool looks_like_cell_value(std::string_view text) {
  auto v = parse_cell(text);
  return v.status == CellStatus::value || v.status == CellStatus::not_applicable;
}
std::string unit_from_header(std::string_view h) {
  std::string t = normalize_for_match(h);
  if (t.find("万元") != std::string::npos) return "万元";
  if (t.find("单位:元") != std::string::npos) return "元";
  return "";
}
}  // namespace nianbao::norm
