#pragma once
// Numbers as reports write them: Arabic (１２, 1,234, 1，234, ３．５), Chinese 小写 and 大写
// (一百九十万零三千九百七十一, 壹拾万零叁仟肆佰伍拾叁, 两百, 廿三), colloquial tails (一万五 =
// 15000), digit strings (一七二零, 二〇一九), decimals (三点五), mixed forms (1.2亿, 3.5万, 13万2)
// and approximate ranges (两三, 七八十). Exact: every value is a Decimal.

#include <cstddef>
#include <optional>
#include <string_view>

#include "normalizers/decimal.hpp"

namespace nianbao::norm {

enum class NumeralStyle { arabic, chinese, mixed };

struct NumberRead {
  Decimal low;   // the value; for a range its lower end
  Decimal high;  // == low unless is_range
  bool is_range = false;
  std::size_t begin = 0;  // code point index of the first character
  std::size_t end = 0;    // code point index just past the number
  // End of the run of numeral characters the number was read from. Greater than `end` when only
  // a prefix of the run is a number ("十三五" reads 十三) or when a colloquial tail was refused.
  std::size_t run_end = 0;
  NumeralStyle style = NumeralStyle::arabic;
  bool digit_string = false;      // Chinese digits without multipliers: 一七二零, 二〇一九
  bool implied_one = false;       // starts with a multiplier: 十五, 百, 千万
  bool has_multiplier = false;    // any of 十 百 千 万 亿 (or 拾 佰 仟 萬 億, 廿 卅)
  bool financial = false;         // written with 大写 characters (壹 贰 … 拾 佰 仟)
  bool has_point = false;         // a decimal point (12.35, 三点五)
  bool has_separator = false;     // a thousands separator (1,234)
  bool leading_zero = false;      // Arabic integer part starting with 0 and longer than one digit
  int arabic_integer_digits = 0;  // digits before the point of a purely Arabic number
  // The run continued with one more digit that was left out because a counter followed it:
  // "三万一天" reads 三万 (30000), leaving 一天.
  bool refused_colloquial_tail = false;
};

// Reads the longest number that starts at chars[pos]; nullopt when none starts there. Signs,
// percent words, qualifiers and units are not part of a number (see scanner.hpp).
std::optional<NumberRead> read_number(std::u32string_view chars, std::size_t pos);

// The value of a text that is one number and nothing else (surrounding white space allowed),
// with an optional sign (+, -, ＋, －, 负). "12件", "几十万", "两三" (a range) → nullopt.
std::optional<Decimal> parse_numeral(std::string_view utf8);

// A character that can be part of a Chinese numeral: 零 〇 一 … 九 两 十 百 千 万 亿 廿 卅 卌 and
// the 大写 forms.
bool is_chinese_numeral_char(char32_t c);

}  // namespace nianbao::norm
