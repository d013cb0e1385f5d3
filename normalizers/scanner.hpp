#pragma once
// Finds the figures in report prose: "共收到申请139件，同比增长百分之三十，收费约1.2万元" →
// 139 件, 30 %, 12000 元 (approx), each with its exact byte span in the input. Dates (2019年,
// 1月31日), document numbers (国令第711号, 〔2019〕60号), article numbers (第二十条),
// enumerators (一、 （三） 1.), phone numbers, postcodes and anything inside 《…》 are not figures.
//
// A caller turning a section's text into facts takes each Figure as one fact: its value (or
// range), unit and qualifier, and [begin, end) to point back at the source.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalizers/cell_value.hpp"
#include "normalizers/decimal.hpp"
#include "normalizers/text.hpp"
#include "normalizers/units.hpp"

namespace nianbao::norm {

struct Figure {
  std::string text;       // the matched bytes: input.substr(begin, end - begin)
  std::size_t begin = 0;  // byte offsets into the scanned input, [begin, end)
  std::size_t end = 0;
  // Exactly one of: value (a single figure), or low and high (a range: "3-5件", "两三个").
  std::optional<Decimal> value;
  std::optional<Decimal> low;
  std::optional<Decimal> high;
  // "元" for money (the value is in 元: 1.2万元 → 12000), "%" (the value is the percentage:
  // 百分之三十 → 30), a counter or time span as written (件, 人次, 个工作日), or "" for none.
  std::string unit;
  UnitKind unit_kind = UnitKind::none;
  Qualifier qualifier = Qualifier::none;

  bool is_range() const { return high.has_value(); }
};

// Every figure in the text, in order, non-overlapping. Never throws on bad input (invalid
// UTF-8 is read as U+FFFD and simply matches nothing); spans always lie on the input's bytes.
std::vector<Figure> scan_figures(std::string_view utf8);
// The same over text the caller has decoded already (`text` is decode_utf8(utf8)).
std::vector<Figure> scan_figures(const DecodedText& text, std::string_view utf8);

// The figures of a text that stands on its own (a command-line argument, a whole cell): a text
// that is one numeral and nothing else (十万, 十一万, 两千零十, 廿五, 二〇一九, -3, 两三) is that
// figure, since no word around it can make it part of one; any other text is scanned as prose
// (scan_figures), where a bare numeral needs its context. Spans are into `utf8`.
std::vector<Figure> standalone_figures(std::string_view utf8);

// The whole text (trimmed) read as one figure, without the scanner's context rules: "约5件",
// "12.35万元", "-1942", "3-5件", "百分之一点五七". nullopt when anything is left over. Spans are
// relative to the trimmed text.
std::optional<Figure> parse_figure(std::string_view utf8);

}  // namespace nianbao::norm
