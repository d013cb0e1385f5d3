// The numeral readers and the prose figure scanner on any text: read_number at every start,
// parse_numeral, scan_figures, standalone_figures and parse_figure. Besides not crashing, every
// span must lie on the input's bytes and quote them, a range must be ordered, and every value
// must survive Decimal's own text form.
#include <algorithm>
#include <cstdint>
#include <string>

#include "fuzz_checks.hpp"
#include "normalizers/numerals.hpp"
#include "normalizers/scanner.hpp"
#include "normalizers/text.hpp"

namespace {

using nianbao::fuzz::require;
using nianbao::norm::Decimal;

void check_value(const Decimal& value) {
  const std::string text = value.to_string();
  const std::optional<Decimal> back = Decimal::parse(text);
  require(back.has_value() && *back == value, "a value parses back from its own text");
}

void check_figure(const nianbao::norm::Figure& figure, std::string_view input) {
  require(figure.begin <= figure.end && figure.end <= input.size(), "a span lies on the input");
  require(figure.text == input.substr(figure.begin, figure.end - figure.begin),
          "a figure quotes its span");
  require(figure.value.has_value() != figure.high.has_value(), "a value or a range, not both");
  require(figure.low.has_value() == figure.high.has_value(), "a range has both ends");
  if (figure.value) check_value(*figure.value);
  if (figure.low) {
    check_value(*figure.low);
    check_value(*figure.high);
    require(*figure.low <= *figure.high, "a range is ordered");
  }
}

void check_figures(const std::vector<nianbao::norm::Figure>& figures, std::string_view input) {
  std::size_t last_end = 0;
  for (const auto& figure : figures) {
    check_figure(figure, input);
    require(figure.begin >= last_end, "figures are in order and do not overlap");
    last_end = figure.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao;
  const std::string_view input = fuzz::as_view(data, size);
  const norm::DecodedText decoded = norm::decode_utf8(input);
  require(decoded.byte_offsets.size() == decoded.chars.size() + 1 &&
              decoded.byte_offsets.back() == input.size(),
          "decoded offsets end at the input's size");

  // Every start in the first code points (the rest repeats what the scanner does).
  const std::size_t starts = std::min<std::size_t>(decoded.chars.size(), 64);
  for (std::size_t pos = 0; pos < starts; ++pos) {
    const auto number = norm::read_number(decoded.chars, pos);
    if (!number) continue;
    require(number->begin == pos && number->begin < number->end && number->end <= number->run_end &&
                number->run_end <= decoded.chars.size(),
            "a number's code point span is ordered and inside the text");
    check_value(number->low);
    check_value(number->high);
    require(number->is_range ? number->low <= number->high : number->low == number->high,
            "a number's range is ordered (and single values have low == high)");
  }
  if (const auto value = norm::parse_numeral(input)) check_value(*value);

  check_figures(norm::scan_figures(input), input);
  check_figures(norm::scan_figures(decoded, input), input);
  check_figures(norm::standalone_figures(input), input);
  if (const auto figure = norm::parse_figure(input)) {
    const std::string_view trimmed = norm::trim_white_space(input);
    check_figure(*figure, trimmed);
  }
  return 0;
}
