#include "normalizers/numerals.hpp"

#include <span>
#include <string>
#include <vector>

#include "normalizers/text.hpp"

namespace nianbao::norm {

namespace {

// A run longer than this is no number a report would write; the cap also bounds the recursion
// of the 亿/万 split on hostile input.
constexpr std::size_t k_max_tokens = 48;

enum class TokenKind { digit, zero, small_unit, big_unit, tens, arabic, point };

struct Token {
  TokenKind kind = TokenKind::digit;
  int value = 0;  // digit: 0..9; small_unit/big_unit: power of ten; tens: 2 for 廿, 3 for 卅
  Decimal arabic;
  bool arabic_single_digit = false;  // an Arabic integer of one digit ("13万2": the 2)
  int arabic_integer_digits = 0;
  bool arabic_point = false;
  bool arabic_separator = false;
  bool arabic_leading_zero = false;
  bool liang = false;  // 两/兩: a digit, but never inside a digit string
  bool financial = false;
  std::size_t end = 0;  // code point index just past the token
};

using Tokens = std::span<const Token>;

struct HanNumeral {
  TokenKind kind;
  int value;
  bool liang = false;
  bool financial = false;
};

// The characters that act as numerals in reports. ICU knows their numeric values too (the test
// checks this table against ICU), but grammar roles — digit, multiplier, the 两 that never
// appears in a digit string — are this table's business, and characters such as 参/什 that
// Unicode also gives numeric values are left out because they are common words.
std::optional<HanNumeral> han_numeral(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
      return HanNumeral{TokenKind::zero, 0};
    case U'一':
      return HanNumeral{TokenKind::digit, 1};
    case U'壹':
      return HanNumeral{TokenKind::digit, 1, false, true};
    case U'二':
      return HanNumeral{TokenKind::digit, 2};
    case U'两':
    case U'兩':
      return HanNumeral{TokenKind::digit, 2, true};
    case U'贰':
    case U'貳':
      return HanNumeral{TokenKind::digit, 2, false, true};
    case U'三':
      return HanNumeral{TokenKind::digit, 3};
    case U'叁':
      return HanNumeral{TokenKind::digit, 3, false, true};
    case U'四':
      return HanNumeral{TokenKind::digit, 4};
    case U'肆':
      return HanNumeral{TokenKind::digit, 4, false, true};
    case U'五':
      return HanNumeral{TokenKind::digit, 5};
    case U'伍':
      return HanNumeral{TokenKind::digit, 5, false, true};
    case U'六':
      return HanNumeral{TokenKind::digit, 6};
    case U'陆':
    case U'陸':
      return HanNumeral{TokenKind::digit, 6, false, true};
    case U'七':
      return HanNumeral{TokenKind::digit, 7};
    case U'柒':
      return HanNumeral{TokenKind::digit, 7, false, true};
    case U'八':
      return HanNumeral{TokenKind::digit, 8};
    case U'捌':
      return HanNumeral{TokenKind::digit, 8, false, true};
    case U'九':
      return HanNumeral{TokenKind::digit, 9};
    case U'玖':
      return HanNumeral{TokenKind::digit, 9, false, true};
    case U'十':
      return HanNumeral{TokenKind::small_unit, 1};
    case U'拾':
      return HanNumeral{TokenKind::small_unit, 1, false, true};
    case U'百':
      return HanNumeral{TokenKind::small_unit, 2};
    case U'佰':
      return HanNumeral{TokenKind::small_unit, 2, false, true};
    case U'千':
      return HanNumeral{TokenKind::small_unit, 3};
    case U'仟':
      return HanNumeral{TokenKind::small_unit, 3, false, true};
    case U'万':
    case U'萬':
      return HanNumeral{TokenKind::big_unit, 4};
    case U'亿':
    case U'億':
      return HanNumeral{TokenKind::big_unit, 8};
    case U'兆':
      // ICU's zh spell-out writes 10^12 as 一兆 (the Taiwan usage); in mainland prose 兆 is
      // mostly "mega" (100兆带宽), so tokenize() only takes it after a Chinese numeral.
      return HanNumeral{TokenKind::big_unit, 12};
    case U'廿':
      return HanNumeral{TokenKind::tens, 2};
    case U'卅':
      return HanNumeral{TokenKind::tens, 3};
    case U'卌':
      return HanNumeral{TokenKind::tens, 4};
    default:
      return std::nullopt;
  }
}

// 兆 as "mega": 兆瓦, 兆字节, 兆赫, 兆帕, 兆欧, 兆焦, 兆比特, 兆带宽, 兆B.
bool is_mega_prefix(std::u32string_view s, std::size_t after) {
  if (after >= s.size()) return false;
  static constexpr std::u32string_view k_next = U"瓦字赫帕欧焦比带位级bBW";
  return k_next.find(s[after]) != std::u32string_view::npos;
}

bool is_decimal_point(char32_t c) { return c == U'.' || c == U'．'; }
bool is_thousands_separator(char32_t c) { return c == U',' || c == U'，'; }
bool is_digit_at(std::u32string_view s, std::size_t i) {
  return i < s.size() && decimal_digit_value(s[i]) >= 0;
}

struct ArabicAtom {
  Decimal value;
  std::size_t end = 0;
  int integer_digits = 0;
  bool has_point = false;
  bool has_separator = false;
  bool leading_zero = false;
};

// A separator counts only between groups of exactly three digits ("1,234", "12,345,678"), so
// the Chinese comma between two figures ("12，3") is left alone.
bool separator_group_follows(std::u32string_view s, std::size_t i) {
  return is_thousands_separator(s[i]) && is_digit_at(s, i + 1) && is_digit_at(s, i + 2) &&
         is_digit_at(s, i + 3) && !is_digit_at(s, i + 4);
}

// NFKC turns full-width digits and points into ASCII; digits of other scripts are mapped by
// their Unicode digit value.
std::optional<Decimal> decimal_from_span(std::u32string_view span) {
  bool ascii = true;
  for (char32_t c : span) ascii = ascii && c < 0x80;
  std::u32string normalized;
  if (!ascii) normalized = nfkc(span);
  const std::u32string_view chars = ascii ? span : std::u32string_view(normalized);
  std::string plain;
  plain.reserve(chars.size());
  for (char32_t c : chars) {
    const int digit = decimal_digit_value(c);
    if (digit >= 0) {
      plain.push_back(static_cast<char>('0' + digit));
    } else if (is_decimal_point(c)) {
      plain.push_back('.');
    } else if (!is_thousands_separator(c)) {
      return std::nullopt;
    }
  }
  return Decimal::parse(plain);
}

std::optional<ArabicAtom> read_arabic(std::u32string_view s, std::size_t pos) {
  ArabicAtom atom;
  std::size_t i = pos;
  while (is_digit_at(s, i)) ++i;
  if (i == pos) return std::nullopt;
  atom.integer_digits = static_cast<int>(i - pos);
  atom.leading_zero = atom.integer_digits > 1 && decimal_digit_value(s[pos]) == 0;
  if (i < s.size() && atom.integer_digits <= 3 && !atom.leading_zero &&
      separator_group_follows(s, i)) {
    while (i < s.size() && separator_group_follows(s, i)) {
      i += 4;
      atom.integer_digits += 3;
    }
    atom.has_separator = true;
  }
  if (i + 1 < s.size() && is_decimal_point(s[i]) && is_digit_at(s, i + 1)) {
    atom.has_point = true;
    ++i;
    while (is_digit_at(s, i)) ++i;
  }
  auto value = decimal_from_span(s.substr(pos, i - pos));
  if (!value) return std::nullopt;
  atom.value = *value;
  atom.end = i;
  return atom;
}

bool is_han_token(const Token& t) { return t.kind != TokenKind::arabic; }
bool is_unit_token(const Token& t) {
  return t.kind == TokenKind::small_unit || t.kind == TokenKind::big_unit;
}

// Splits the characters at pos into numeral tokens. Arabic numbers may start the run or follow
// a 万/亿 ("13万2", "1亿2000万"); after an Arabic number only multipliers may follow ("3.5万").
std::vector<Token> tokenize(std::u32string_view s, std::size_t pos) {
  std::vector<Token> tokens;
  std::size_t i = pos;
  while (i < s.size() && tokens.size() < k_max_tokens) {
    if (is_digit_at(s, i)) {
      if (!tokens.empty() && tokens.back().kind != TokenKind::big_unit) break;
      auto atom = read_arabic(s, i);
      if (!atom) break;
      Token t;
      t.kind = TokenKind::arabic;
      t.arabic = atom->value;
      t.arabic_single_digit = atom->integer_digits == 1 && !atom->has_point;
      t.arabic_integer_digits = atom->integer_digits;
      t.arabic_point = atom->has_point;
      t.arabic_separator = atom->has_separator;
      t.arabic_leading_zero = atom->leading_zero;
      t.end = atom->end;
      tokens.push_back(t);
      i = atom->end;
      continue;
    }
    if (auto han = han_numeral(s[i])) {
      const bool after_arabic = !tokens.empty() && tokens.back().kind == TokenKind::arabic;
      if (after_arabic && han->kind != TokenKind::small_unit && han->kind != TokenKind::big_unit) {
        break;
      }
      if (han->kind == TokenKind::big_unit && han->value == 12 &&
          (tokens.empty() || after_arabic || is_mega_prefix(s, i + 1))) {
        break;
      }
      Token t;
      t.kind = han->kind;
      t.value = han->value;
      t.liang = han->liang;
      t.financial = han->financial;
      t.end = i + 1;
      tokens.push_back(t);
      ++i;
      continue;
    }
    // ○ and ◯ stand in for 〇 in many documents (二○一九年), but only inside a run of Chinese
    // digits: alone they are bullets or marks.
    const bool circle_zero =
        (s[i] == U'○' || s[i] == U'◯') && !tokens.empty() &&
        (tokens.back().kind == TokenKind::digit || tokens.back().kind == TokenKind::zero);
    if (circle_zero) {
      Token t;
      t.kind = TokenKind::zero;
      t.end = i + 1;
      tokens.push_back(t);
      ++i;
      continue;
    }
    // 点 is a decimal point only between Chinese numerals (三点五), not in 三点 (o'clock).
    const bool point_here = s[i] == U'点' && !tokens.empty() && is_han_token(tokens.back()) &&
                            i + 1 < s.size() && han_numeral(s[i + 1]) &&
                            (han_numeral(s[i + 1])->kind == TokenKind::digit ||
                             han_numeral(s[i + 1])->kind == TokenKind::zero);
    if (!point_here) break;
    Token t;
    t.kind = TokenKind::point;
    t.end = i + 1;
    tokens.push_back(t);
    ++i;
  }
  return tokens;
}

struct Parsed {
  Decimal low;
  Decimal high;
  bool is_range = false;
  bool colloquial_tail = false;
  bool digit_string = false;
  bool implied_one = false;
};

std::optional<Decimal> times_pow10(const Decimal& value, int pow) {
  return value.scaled_by_pow10(pow);
}

std::optional<Decimal> add(const std::optional<Decimal>& a, const std::optional<Decimal>& b) {
  if (!a || !b) return std::nullopt;
  return a->checked_add(*b);
}

// Below 万: digits with 千 百 十, 零 marking a gap (一千零五, and 两千零十 where 十 stands
// alone after the gap), 廿/卅, or one Arabic number optionally followed by a small multiplier
// ("5千").
std::optional<Parsed> parse_section(Tokens t) {
  if (t.empty()) return std::nullopt;
  if (t[0].kind == TokenKind::arabic) {
    Parsed p;
    if (t.size() == 1) {
      p.low = t[0].arabic;
    } else if (t.size() == 2 && t[1].kind == TokenKind::small_unit) {
      auto v = times_pow10(t[0].arabic, t[1].value);
      if (!v) return std::nullopt;
      p.low = *v;
    } else {
      return std::nullopt;
    }
    p.high = p.low;
    return p;
  }
  if (t.size() == 1 && t[0].kind == TokenKind::zero) return Parsed{};
  std::int64_t value = 0;
  int pending = -1;
  int last_pow = 4;
  bool gap = false;
  bool any = false;
  Parsed p;
  for (const Token& tok : t) {
    switch (tok.kind) {
      case TokenKind::digit:
        if (pending >= 0) return std::nullopt;
        pending = tok.value;
        break;
      case TokenKind::zero:
        if (pending >= 0 || !any) return std::nullopt;
        gap = true;
        break;
      case TokenKind::tens:
        if (pending >= 0 || last_pow <= 1) return std::nullopt;
        value += tok.value * 10;
        last_pow = 1;
        any = true;
        gap = false;
        break;
      case TokenKind::small_unit: {
        if (tok.value >= last_pow) return std::nullopt;
        std::int64_t coefficient = pending;
        if (pending < 0 && gap && tok.value == 1 && last_pow >= 3) {
          coefficient = 1;  // 两千零十 = 2010: after a skipped place, 十 stands for 一十
        } else if (pending < 0) {
          if (any || gap) return std::nullopt;  // 一百零十 skips no place: no number
          coefficient = 1;
          p.implied_one = true;
        }
        std::int64_t unit = 1;
        for (int k = 0; k < tok.value; ++k) unit *= 10;
        value += coefficient * unit;
        last_pow = tok.value;
        pending = -1;
        gap = false;
        any = true;
        break;
      }
      default:
        return std::nullopt;
    }
  }
  if (pending >= 0) {
    if (!any || gap || last_pow == 1) {
      value += pending;
    } else {
      // 一千二 = 1200, 三百五 = 350: a bare digit after a multiplier counts in the next place.
      std::int64_t unit = 1;
      for (int k = 0; k < last_pow - 1; ++k) unit *= 10;
      value += pending * unit;
      p.colloquial_tail = true;
    }
  } else if (gap || !any) {
    return std::nullopt;  // "一百零" ends in a gap
  }
  p.low = Decimal::from_int(value);
  p.high = p.low;
  return p;
}

std::optional<Parsed> parse_integer(Tokens t);

// left × 10^pow + right, for a split at 万 (pow 4), 亿 (pow 8) or 兆 (pow 12).
std::optional<Parsed> parse_split(Tokens t, std::size_t at, int pow) {
  const Tokens left = t.subspan(0, at);
  const Tokens right = t.subspan(at + 1);
  if (left.empty()) return std::nullopt;  // 万 alone is not a number (万一)
  auto lhs = pow > 4 ? parse_integer(left) : parse_section(left);
  if (!lhs || lhs->is_range) return std::nullopt;
  Parsed p;
  p.implied_one = lhs->implied_one;
  auto total = times_pow10(lhs->low, pow);
  if (!total) return std::nullopt;
  std::size_t zeros = 0;
  while (zeros < right.size() && right[zeros].kind == TokenKind::zero) ++zeros;
  const Tokens rest = right.subspan(zeros);
  if (right.empty()) {
    p.low = *total;
  } else if (rest.empty()) {
    return std::nullopt;  // trailing 零
  } else if (zeros == 0 && rest.size() == 1 &&
             (rest[0].kind == TokenKind::digit || rest[0].arabic_single_digit)) {
    // 一万五 = 15000, 13万2 = 132000.
    const Decimal digit =
        rest[0].kind == TokenKind::digit ? Decimal::from_int(rest[0].value) : rest[0].arabic;
    auto sum = add(total, times_pow10(digit, pow - 1));
    if (!sum) return std::nullopt;
    p.low = *sum;
    p.colloquial_tail = true;
  } else {
    auto rhs = pow > 4 ? parse_integer(rest) : parse_section(rest);
    if (!rhs || rhs->is_range) return std::nullopt;
    auto limit = Decimal::from_int(1).scaled_by_pow10(pow);
    if (!limit || !(rhs->low < *limit)) return std::nullopt;
    auto sum = add(total, rhs->low);
    if (!sum) return std::nullopt;
    p.low = *sum;
    p.colloquial_tail = rhs->colloquial_tail;
  }
  p.high = p.low;
  return p;
}

std::optional<std::size_t> last_big_unit(Tokens t, int pow) {
  for (std::size_t i = t.size(); i > 0; --i) {
    if (t[i - 1].kind == TokenKind::big_unit && t[i - 1].value == pow) return i - 1;
  }
  return std::nullopt;
}

// The largest unit splits first: 兆, then 亿 (its left side may hold 万: 一万亿 = 10^12), then 万,
// then the section.
std::optional<Parsed> parse_integer(Tokens t) {
  if (t.empty()) return std::nullopt;
  if (auto at = last_big_unit(t, 12)) return parse_split(t, *at, 12);
  if (auto at = last_big_unit(t, 8)) return parse_split(t, *at, 8);
  if (auto at = last_big_unit(t, 4)) return parse_split(t, *at, 4);
  return parse_section(t);
}

bool all_chinese_digits(Tokens t) {
  for (const Token& tok : t) {
    if (tok.kind != TokenKind::digit && tok.kind != TokenKind::zero) return false;
  }
  return true;
}

// 一七二零 = 1720, 二〇一九 = 2019. 两 never appears in such strings.
std::optional<Parsed> parse_digit_string(Tokens t) {
  if (t.size() < 2 || !all_chinese_digits(t)) return std::nullopt;
  std::string digits;
  for (const Token& tok : t) {
    if (tok.liang) return std::nullopt;
    digits.push_back(static_cast<char>('0' + tok.value));
  }
  auto value = Decimal::parse(digits);
  if (!value) return std::nullopt;
  Parsed p;
  p.low = *value;
  p.high = *value;
  p.digit_string = true;
  return p;
}

bool is_range_pair(const Token& a, const Token& b) {
  if (a.kind != TokenKind::digit || b.kind != TokenKind::digit) return false;
  return b.value == a.value + 1 || (a.value == 3 && b.value == 5);
}

int total_pow(Tokens units) {
  int pow = 0;
  for (const Token& tok : units) pow += tok.value;
  return pow;
}

bool all_units(Tokens t) {
  for (const Token& tok : t) {
    if (!is_unit_token(tok)) return false;
  }
  return true;
}

// 两三 (2–3), 七八十 (70–80), 三四百万, 十七八 (17–18), 一万七八千 (17000–18000).
std::optional<Parsed> parse_range(Tokens t) {
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if (!is_range_pair(t[i], t[i + 1])) continue;
    // 三五 (a few) stands alone; after a prefix it is a digit of something else (十三五).
    if (i > 0 && t[i + 1].value != t[i].value + 1) return std::nullopt;
    const Tokens prefix = t.subspan(0, i);
    const Tokens units = t.subspan(i + 2);
    if (!all_units(units)) return std::nullopt;
    if (!prefix.empty() && !is_unit_token(prefix.back()) && prefix.back().kind != TokenKind::tens) {
      return std::nullopt;
    }
    Decimal base;
    int pow = total_pow(units);
    if (!prefix.empty()) {
      auto p = parse_integer(prefix);
      if (!p || p->colloquial_tail) return std::nullopt;
      base = p->low;
      const int last_pow = prefix.back().kind == TokenKind::tens ? 1 : prefix.back().value;
      if (units.empty()) pow = last_pow - 1;  // 十七八, 三百七八 (colloquial: 370–380)
      if (pow >= last_pow) return std::nullopt;
    }
    auto low = add(base, times_pow10(Decimal::from_int(t[i].value), pow));
    auto high = add(base, times_pow10(Decimal::from_int(t[i + 1].value), pow));
    if (!low || !high) return std::nullopt;
    Parsed p;
    p.low = *low;
    p.high = *high;
    p.is_range = true;
    return p;
  }
  return std::nullopt;
}

// 三点五 = 3.5, 一点五七, 三点五万 = 35000, 十二点五亿.
std::optional<Parsed> parse_with_point(Tokens t, std::size_t at) {
  const Tokens integer_part = t.subspan(0, at);
  std::size_t i = at + 1;
  std::string fraction;
  while (i < t.size() && (t[i].kind == TokenKind::digit || t[i].kind == TokenKind::zero) &&
         !t[i].liang) {
    fraction.push_back(static_cast<char>('0' + t[i].value));
    ++i;
  }
  const Tokens multipliers = t.subspan(i);
  if (fraction.empty() || !all_units(multipliers)) return std::nullopt;
  auto whole = parse_digit_string(integer_part);
  if (!whole) whole = parse_integer(integer_part);
  if (!whole || whole->is_range || !whole->low.is_integer()) return std::nullopt;
  auto value = Decimal::parse(whole->low.to_string() + "." + fraction);
  if (!value) return std::nullopt;
  auto scaled = times_pow10(*value, total_pow(multipliers));
  if (!scaled) return std::nullopt;
  Parsed p;
  p.low = *scaled;
  p.high = *scaled;
  p.implied_one = whole->implied_one;
  return p;
}

std::optional<Parsed> parse_tokens(Tokens t) {
  if (t.empty()) return std::nullopt;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind == TokenKind::point) return parse_with_point(t, i);
  }
  if (t.size() == 2 && is_range_pair(t[0], t[1])) return parse_range(t);
  if (auto p = parse_digit_string(t)) return p;
  if (auto p = parse_integer(t)) return p;
  return parse_range(t);
}

// A colloquial tail digit is refused when a counter or other word follows it: in "三万一天" the
// 一 counts days. Qualifiers (一万五左右, 一万五多) and 元 keep it.
bool tail_digit_is_refused(std::u32string_view s, std::size_t after) {
  if (after >= s.size()) return false;
  const char32_t next = s[after];
  if (!is_han(next)) return false;
  return next != U'多' && next != U'余' && next != U'左' && next != U'以' && next != U'元' &&
         next != U'上';
}

NumberRead describe(Tokens tokens, const Parsed& parsed, std::size_t pos, std::size_t run_end) {
  NumberRead r;
  r.low = parsed.low;
  r.high = parsed.high;
  r.is_range = parsed.is_range;
  r.begin = pos;
  r.end = tokens.back().end;
  r.run_end = run_end;
  r.digit_string = parsed.digit_string;
  r.implied_one = parsed.implied_one;
  bool any_arabic = false;
  bool any_han = false;
  for (const Token& tok : tokens) {
    any_arabic = any_arabic || tok.kind == TokenKind::arabic;
    any_han = any_han || tok.kind != TokenKind::arabic;
    r.has_multiplier = r.has_multiplier || is_unit_token(tok) || tok.kind == TokenKind::tens;
    r.financial = r.financial || tok.financial;
    r.has_point = r.has_point || tok.kind == TokenKind::point;
  }
  r.style = any_arabic && any_han ? NumeralStyle::mixed
            : any_arabic          ? NumeralStyle::arabic
                                  : NumeralStyle::chinese;
  return r;
}

// The common case, an Arabic number no multiplier follows ("139条"), without the token machinery.
std::optional<NumberRead> read_plain_arabic(std::u32string_view chars, std::size_t pos) {
  auto atom = read_arabic(chars, pos);
  if (!atom) return std::nullopt;
  NumberRead r;
  r.low = atom->value;
  r.high = atom->value;
  r.begin = pos;
  r.end = atom->end;
  r.run_end = atom->end;
  r.style = NumeralStyle::arabic;
  r.has_point = atom->has_point;
  r.has_separator = atom->has_separator;
  r.leading_zero = atom->leading_zero;
  r.arabic_integer_digits = atom->integer_digits;
  return r;
}

bool multiplier_at(std::u32string_view chars, std::size_t i) {
  if (i >= chars.size()) return false;
  auto han = han_numeral(chars[i]);
  return han && (han->kind == TokenKind::small_unit || han->kind == TokenKind::big_unit);
}

}  // namespace

bool is_chinese_numeral_char(char32_t c) {
  static const CodePointSet k_numerals([](char32_t x) { return han_numeral(x).has_value(); });
  return k_numerals.contains(c);
}

std::optional<NumberRead> read_number(std::u32string_view chars, std::size_t pos) {
  if (pos >= chars.size()) return std::nullopt;
  if (is_digit_at(chars, pos)) {
    auto plain = read_plain_arabic(chars, pos);
    if (!plain) return std::nullopt;
    if (!multiplier_at(chars, plain->end)) return plain;
  }
  const std::vector<Token> tokens = tokenize(chars, pos);
  if (tokens.empty()) return std::nullopt;
  const std::size_t run_end = tokens.back().end;
  bool refused_tail = false;
  // The longest prefix of the run that is a number wins ("一千二百三十四五" reads 一千二百三十四).
  for (std::size_t n = tokens.size(); n > 0; --n) {
    const Tokens prefix = Tokens(tokens).subspan(0, n);
    if (prefix.back().kind == TokenKind::point) continue;
    auto parsed = parse_tokens(prefix);
    if (!parsed) continue;
    if (parsed->colloquial_tail && tail_digit_is_refused(chars, prefix.back().end)) {
      refused_tail = true;
      continue;
    }
    NumberRead r = describe(prefix, *parsed, pos, run_end);
    r.refused_colloquial_tail = refused_tail;
    if (prefix[0].kind == TokenKind::arabic) {
      r.has_point = r.has_point || prefix[0].arabic_point;
      r.has_separator = prefix[0].arabic_separator;
      if (prefix.size() == 1) {
        r.arabic_integer_digits = prefix[0].arabic_integer_digits;
        r.leading_zero = prefix[0].arabic_leading_zero;
      }
    }
    return r;
  }
  return std::nullopt;
}

std::optional<Decimal> parse_numeral(std::string_view utf8) {
  const DecodedText text = decode_utf8(trim_white_space(utf8));
  std::u32string_view chars = text.chars;
  bool negative = false;
  if (!chars.empty() && (chars[0] == U'+' || chars[0] == U'＋')) {
    chars.remove_prefix(1);
  } else if (!chars.empty() &&
             (chars[0] == U'-' || chars[0] == U'－' || chars[0] == U'−' || chars[0] == U'负')) {
    negative = true;
    chars.remove_prefix(1);
  }
  auto number = read_number(chars, 0);
  if (!number || number->end != chars.size() || number->is_range) return std::nullopt;
  return negative ? number->low.negated() : number->low;
}

}  // namespace nianbao::norm
