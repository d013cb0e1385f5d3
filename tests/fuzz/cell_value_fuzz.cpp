// Table cell values: the input's first line is a column header (its unit, if it states one,
// is the column's unit), the rest the cell's text. parse_cell, looks_like_cell_value and
// unit_from_header must agree with what they promise: a value exactly when the status says so,
// money in 元, and values that survive Decimal's own text form.
#include <cstdint>
#include <string>

#include "fuzz_checks.hpp"
#include "normalizers/cell_value.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao;
  using fuzz::require;
  const std::string_view input = fuzz::as_view(data, size);
  const std::size_t line_end = input.find('\n');
  const std::string_view header = input.substr(0, line_end);
  const std::string_view cell =
      line_end == std::string_view::npos ? std::string_view{} : input.substr(line_end + 1);

  const std::string unit = norm::unit_from_header(header);
  for (const std::string_view text : {input, cell}) {
    for (const std::string_view column_unit : {std::string_view{}, std::string_view(unit)}) {
      const norm::CellValue value = norm::parse_cell(text, column_unit);
      require(value.value.has_value() == (value.status == norm::CellStatus::value),
              "a cell has a value exactly when its status is value");
      if (value.value) {
        const auto back = norm::Decimal::parse(value.value->to_string());
        require(back.has_value() && *back == *value.value, "a value parses back from its text");
      }
    }
    (void)norm::looks_like_cell_value(text);
  }
  return 0;
}
