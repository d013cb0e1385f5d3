#include "normalizers/scanner.hpp"

#include <array>

#include "normalizers/numerals.hpp"
#include "normalizers/text.hpp"

namespace nianbao::norm {

namespace {

// One figure as read from code points, before the context decides whether it is one.
struct RawFigure {
  std::size_t begin = 0;  // code points: qualifier, sign, number, unit and qualifier
  std::size_t end = 0;
  std::size_t number_begin = 0;
  std::size_t number_end = 0;  // past the numeral(s), a range's second end included
  NumberRead number;           // the first (or only) number
  Decimal low;
  Decimal high;
  bool is_range = false;
  std::string unit;
  UnitKind unit_kind = UnitKind::none;
  Qualifier qualifier = Qualifier::none;
  bool sign_written = false;
  bool percent_words = false;     // 百分之三十
  bool suffix_qualifier = false;  // 余 or 多 right after the number
};

bool is_range_connector(char32_t c) {
  return c == U'-' || c == U'－' || c == U'~' || c == U'～' || c == U'〜' || c == U'—' ||
         c == U'–' || c == U'至' || c == U'到';
}

bool is_minus(char32_t c) { return c == U'-' || c == U'－' || c == U'−'; }
bool is_plus(char32_t c) { return c == U'+' || c == U'＋'; }

bool starts_with_at(std::u32string_view s, std::size_t pos, std::u32string_view word) {
  return pos <= s.size() && s.substr(pos, word.size()) == word;
}

bool digit_at(std::u32string_view s, std::size_t i) {
  return i < s.size() && decimal_digit_value(s[i]) >= 0;
}

bool number_starts_at(std::u32string_view s, std::size_t i) {
  return i < s.size() && (decimal_digit_value(s[i]) >= 0 || is_chinese_numeral_char(s[i]));
}

bool is_inline_space(char32_t c) { return c == U' ' || c == 0x3000 || c == 0xA0; }

std::size_t skip_inline_space(std::u32string_view s, std::size_t i) {
  while (i < s.size() && is_inline_space(s[i])) ++i;
  return i;
}

std::optional<Decimal> scale(const Decimal& value, int pow) {
  return pow == 0 ? std::optional<Decimal>(value) : value.scaled_by_pow10(pow);
}

// A qualifier after the unit: 100件以上, 100件左右; 多/余 only after a span of time (3年多), since
// after a counter they start the next words (5件多为…).
std::optional<QualifierMatch> trailing_qualifier(std::u32string_view s, std::size_t i,
                                                 UnitKind unit_kind, bool has_unit) {
  if (!has_unit) return std::nullopt;
  auto match = match_trailing_qualifier(s, i);
  if (!match) return std::nullopt;
  const bool many_or_more = s[i] == U'多' || s[i] == U'余';
  if (many_or_more && unit_kind != UnitKind::time) return std::nullopt;
  return match;
}

// 最近3年 is "the last three years", not "nearly three".
bool is_part_of_word(std::u32string_view s, std::size_t pos, const QualifierMatch& q) {
  return q.length == 1 && s[pos] == U'近' && pos > 0 && s[pos - 1] == U'最';
}

// Reads [qualifier][sign|百分之]number[range][余/多[万]][unit][以上/左右…] at pos.
std::optional<RawFigure> read_figure(std::u32string_view s, std::size_t pos) {
  RawFigure f;
  f.begin = pos;
  std::size_t i = pos;
  // No qualifier word starts with a numeral, so digits skip the look-up.
  if (auto q = number_starts_at(s, i) ? std::nullopt : match_prefix_qualifier(s, i)) {
    const std::size_t after = i + q->length;
    const bool number_follows = number_starts_at(s, after) ||
                                (after < s.size() && is_minus(s[after]) && digit_at(s, after + 1));
    if (number_follows && is_part_of_word(s, pos, *q)) return std::nullopt;
    if (number_follows) {
      f.qualifier = q->qualifier;
      i = after;
    }
  }
  bool negative = false;
  if (i < s.size() && (is_minus(s[i]) || is_plus(s[i])) && digit_at(s, i + 1)) {
    negative = is_minus(s[i]);
    f.sign_written = true;
    ++i;
  } else if (i < s.size() && s[i] == U'负' && number_starts_at(s, i + 1)) {
    negative = true;
    f.sign_written = true;
    ++i;
  }
  if (starts_with_at(s, i, U"百分之")) {
    f.percent_words = true;
    i += 3;
  }
  f.number_begin = i;
  auto number = read_number(s, i);
  if (!number) return std::nullopt;
  f.number = *number;
  f.low = number->low;
  f.high = number->high;
  f.is_range = number->is_range;
  i = number->end;

  if (!f.is_range && !f.percent_words && !negative && i < s.size() && is_range_connector(s[i])) {
    auto second = read_number(s, i + 1);
    const bool same_style = second && ((second->style == NumeralStyle::arabic) ==
                                       (number->style == NumeralStyle::arabic));
    if (same_style && !second->is_range && number->low < second->low) {
      f.high = second->low;
      f.is_range = true;
      i = second->end;
    }
  }
  f.number_end = i;

  std::optional<QualifierMatch> between = match_suffix_qualifier(s, i);
  if (between) {
    f.suffix_qualifier = true;
    i += between->length;
    // 3000多万人次, 一百余万元: the multiplier comes after the qualifier.
    if (auto m = match_multiplier(s, i)) {
      auto low = scale(f.low, m->pow10);
      auto high = scale(f.high, m->pow10);
      if (!low || !high) return std::nullopt;
      f.low = *low;
      f.high = *high;
      i += m->length;
    }
  }
  if (f.percent_words) {
    // Built rather than assigned from a literal: GCC 12 at -O3 reports a false -Wrestrict on
    // std::string::operator=(const char*) here.
    f.unit = std::string(1, '%');
    f.unit_kind = UnitKind::percent;
  } else {
    const std::size_t unit_at = skip_inline_space(s, i);
    if (auto unit = match_unit(s, unit_at)) {
      auto low = scale(f.low, unit->money_pow10);
      auto high = scale(f.high, unit->money_pow10);
      if (!low || !high) return std::nullopt;
      f.low = *low;
      f.high = *high;
      f.unit = std::string(unit->unit);
      f.unit_kind = unit->kind;
      i = unit_at + unit->length;
    }
  }
  std::optional<QualifierMatch> trailing = trailing_qualifier(s, i, f.unit_kind, !f.unit.empty());
  if (trailing) i += trailing->length;
  if (f.qualifier == Qualifier::none && between) f.qualifier = between->qualifier;
  if (f.qualifier == Qualifier::none && trailing) f.qualifier = trailing->qualifier;
  if (negative) {
    f.low = f.low.negated();
    f.high = f.high.negated();
    if (f.is_range) return std::nullopt;
  }
  f.end = i;
  return f;
}

Figure to_figure(const RawFigure& raw, const DecodedText& text, std::string_view utf8) {
  Figure figure;
  figure.begin = text.byte_offsets[raw.begin];
  figure.end = text.byte_offsets[raw.end];
  figure.text = std::string(utf8.substr(figure.begin, figure.end - figure.begin));
  if (raw.is_range) {
    figure.low = raw.low;
    figure.high = raw.high;
  } else {
    figure.value = raw.low;
  }
  figure.unit = raw.unit;
  figure.unit_kind = raw.unit_kind;
  figure.qualifier = raw.qualifier;
  return figure;
}

// ---- Context rules: when a number in prose is not a figure -------------------------------------

char32_t char_at(std::u32string_view s, std::size_t i) { return i < s.size() ? s[i] : U'\0'; }
char32_t char_before(std::u32string_view s, std::size_t i) { return i > 0 ? s[i - 1] : U'\0'; }

char32_t char_before_skipping_space(std::u32string_view s, std::size_t i) {
  while (i > 0 && is_inline_space(s[i - 1])) --i;
  return char_before(s, i);
}

char32_t char_after_skipping_space(std::u32string_view s, std::size_t i) {
  return char_at(s, skip_inline_space(s, i));
}

bool is_open_bracket(char32_t c) {
  return c == U'(' || c == U'（' || c == U'〔' || c == U'[' || c == U'【' || c == U'﹝' ||
         c == U'［' || c == U'〈';
}

bool is_close_bracket(char32_t c) {
  return c == U')' || c == U'）' || c == U'〕' || c == U']' || c == U'】' || c == U'﹞' ||
         c == U'］' || c == U'〉';
}

// Words after which a long number is a phone number, postcode or account, not a count.
bool follows_contact_word(std::u32string_view s, std::size_t begin) {
  static constexpr std::array<std::u32string_view, 12> k_words = {
      U"电话",     U"传真", U"热线", U"手机", U"邮编", U"邮政编码",
      U"联系方式", U"号码", U"QQ",   U"邮箱", U"信箱", U"地址"};
  const std::size_t window = 8;
  const std::size_t from = begin > window ? begin - window : 0;
  const std::u32string_view before = s.substr(from, begin - from);
  for (std::u32string_view word : k_words) {
    if (before.find(word) != std::u32string_view::npos) return true;
  }
  return false;
}

bool precedes_hotline_word(std::u32string_view s, std::size_t end) {
  static constexpr std::array<std::u32string_view, 5> k_words = {U"热线", U"电话", U"专线",
                                                                 U"服务热线", U"便民热线"};
  const std::u32string_view after = s.substr(std::min(end, s.size()), 8);
  for (std::u32string_view word : k_words) {
    if (after.find(word) != std::u32string_view::npos) return true;
  }
  return false;
}

// Words that begin with a numeral and a counter but count nothing: 一部分, 一次性.
bool is_numeral_word(std::u32string_view s, std::size_t begin) {
  static constexpr std::array<std::u32string_view, 10> k_words = {
      U"一部分", U"一次性", U"一条龙", U"一站式", U"一把手",
      U"一本账", U"一张网", U"一张图", U"一件事", U"一年来"};
  for (std::u32string_view word : k_words) {
    if (starts_with_at(s, begin, word)) return true;
  }
  return false;
}

bool is_single_digit(const NumberRead& n) {
  return n.end == n.begin + 1 && !n.is_range && !n.has_multiplier;
}

// 上一年, 统一部署, 进一步, 每一个, 同一, 唯一, 之一: a lone digit bound to the word before it.
bool is_word_before_single_digit(char32_t c) {
  static constexpr std::u32string_view k_chars = U"上下每同单统唯进逐之其任某另专初";
  return c != U'\0' && k_chars.find(c) != std::u32string_view::npos;
}

bool is_indefinite_word_end(char32_t c) {
  return c == U'几' || c == U'数' || c == U'若' || c == U'干' || c == U'好' || c == U'上' ||
         c == U'成' || c == U'近';
}

bool is_date_or_number_tail(const RawFigure& f, std::u32string_view s) {
  const NumberRead& n = f.number;
  const bool integer = !n.has_point && f.number.low.is_integer();
  const char32_t next = char_after_skipping_space(s, f.number_end);
  const char32_t prev = char_before_skipping_space(s, f.begin);
  if (!integer) return false;
  if (next == U'号' || next == U'日' || next == U'#' || next == U'时') return true;
  if (next == U'分' && (prev == U'时' || prev == U'点')) return true;
  if (next == U'点' && n.style == NumeralStyle::arabic) return true;  // 9点, not 三点五
  const bool four_digit_year = n.style == NumeralStyle::arabic && n.arabic_integer_digits == 4;
  if (next == U'年' && (four_digit_year || n.digit_string)) return true;
  if (next == U'月') {
    const bool month =
        !(f.number.low < Decimal::from_int(1)) && !(Decimal::from_int(12) < f.number.low);
    if (month || n.digit_string) return true;
  }
  return false;
}

bool is_enumerator_or_bracketed(const RawFigure& f, std::u32string_view s, bool bare) {
  if (!bare) return false;
  const char32_t next = char_at(s, f.number_end);
  const char32_t prev = char_before(s, f.begin);
  if (is_open_bracket(prev) && is_close_bracket(next)) return true;  // （三）, 〔2019〕, (1)
  if (f.number.has_point || f.is_range) return false;
  if (next == U'、' || next == U')' || next == U'）') return true;
  if ((next == U'.' || next == U'．') && !digit_at(s, f.number_end + 1)) return true;  // "1."
  return false;
}

// Numbers inside dates, times, versions and codes: 2019.1.31, 9:30, 1.2.3, A4, GB18030.
bool is_part_of_code(const RawFigure& f, std::u32string_view s) {
  const char32_t prev = char_before(s, f.begin);
  const char32_t next = char_at(s, f.number_end);
  if (decimal_digit_value(prev) >= 0 || is_ascii_letter(prev)) return true;
  if (f.unit.empty() && is_ascii_letter(next)) return true;
  const bool joined_before = prev == U'.' || prev == U'．' || prev == U'/' || prev == U':' ||
                             prev == U'：' || prev == U'-' || prev == U'_';
  if (joined_before && digit_at(s, f.begin >= 2 ? f.begin - 2 : s.size())) return true;
  const bool joined_after = next == U'.' || next == U'．' || next == U'/' || next == U':' ||
                            next == U'：' || next == U'-' || next == U'_';
  return f.unit.empty() && joined_after && digit_at(s, f.number_end + 1);
}

bool is_phone_or_code(const RawFigure& f, std::u32string_view s, bool bare) {
  const NumberRead& n = f.number;
  if (n.style != NumeralStyle::arabic) return false;
  if (bare && (n.leading_zero || n.arabic_integer_digits >= 7)) return true;
  if (f.unit.empty() && n.arabic_integer_digits >= 5 &&
      (follows_contact_word(s, f.begin) || precedes_hotline_word(s, f.end))) {
    return true;  // 电话：12345678, 邮编636600, 12345热线
  }
  if (bare && !f.sign_written && !n.has_point && n.arabic_integer_digits == 4) {
    // A year without 年: "2019政务公开工作要点".
    return !(n.low < Decimal::from_int(1900)) && n.low < Decimal::from_int(2100);
  }
  return false;
}

// Chinese numerals are words as often as numbers (统一, 一些, 十三五, 千家万户, 几十万).
bool is_chinese_word(const RawFigure& f, std::u32string_view s) {
  const NumberRead& n = f.number;
  if (n.style != NumeralStyle::chinese) return false;
  if (n.run_end > n.end && !n.refused_colloquial_tail) return true;  // 十三五 reads only 十三
  if (f.percent_words) return false;  // 百分之百, 百分之三十
  if (is_indefinite_word_end(char_before(s, n.begin)) && n.implied_one) return true;  // 几十万
  if (char_at(s, f.number_end) == U'几') return true;                                 // 二十几
  if (n.digit_string && f.unit.empty()) return true;                      // 统一零售价: 一零
  if (!n.has_multiplier && !n.has_point && n.low.is_zero()) return true;  // 零售, 零件
  if (is_numeral_word(s, n.begin)) return true;
  if (is_single_digit(n) && is_word_before_single_digit(char_before(s, n.begin))) return true;
  const char32_t lead = s[n.begin];
  if (n.implied_one && lead != U'十' && lead != U'拾' && !f.suffix_qualifier) {
    return true;  // 千家万户, 百姓; but 百余件 is a figure
  }
  if (!f.unit.empty() || f.qualifier != Qualifier::none || f.percent_words || f.sign_written) {
    return false;
  }
  // No unit: only a number no word could be — 三万, 两百, 一百九十万零三千九百七十一, 壹仟贰佰.
  if (f.is_range || n.implied_one) return true;
  if (n.financial && n.has_multiplier) return false;
  return !(n.has_multiplier && !(n.low < Decimal::from_int(100)));
}

bool is_excluded(const RawFigure& f, std::u32string_view s) {
  const bool bare = f.unit.empty() && f.qualifier == Qualifier::none && !f.percent_words;
  if (char_before_skipping_space(s, f.begin) == U'第') return true;  // 第二十条, 国令第711号
  if (is_part_of_code(f, s)) return true;
  if (is_date_or_number_tail(f, s)) return true;
  if (is_enumerator_or_bracketed(f, s, bare)) return true;
  if (is_phone_or_code(f, s, bare)) return true;
  return is_chinese_word(f, s);
}

bool could_start_figure_slow(char32_t c) {
  if (decimal_digit_value(c) >= 0 || is_chinese_numeral_char(c)) return true;
  switch (c) {
    case U'+':
    case U'＋':
    case U'-':
    case U'－':
    case U'−':
    case U'负':
    case U'约':
    case U'大':
    case U'近':
    case U'将':
    case U'接':
    case U'不':
    case U'最':
    case U'超':
    case U'逾':
    case U'至':
    case U'多':
      return true;
    default:
      return false;
  }
}

bool could_start_figure(char32_t c) {
  static const CodePointSet k_starts(could_start_figure_slow);
  return k_starts.contains(c);
}

// Inside 《…》 nothing is a figure (years and numbers of titles). A 《 left open — a title cut
// by a line break or a stray mark — stops counting at the end of the line or after a length no
// title reaches, so it cannot silence the rest of a report.
class TitleTracker {
 public:
  void see(char32_t c, std::size_t at) {
    if (c == U'《') {
      if (depth_ == 0) opened_at_ = at;
      ++depth_;
    } else if (c == U'》' && depth_ > 0) {
      --depth_;
    } else if (c == U'\n' || c == U'\r') {
      depth_ = 0;
    }
  }
  bool inside(std::size_t at) {
    if (depth_ > 0 && at - opened_at_ > k_longest_title) depth_ = 0;
    return depth_ > 0;
  }

 private:
  static constexpr std::size_t k_longest_title = 120;
  int depth_ = 0;
  std::size_t opened_at_ = 0;
};

// Where to resume after a number that is not a figure: past its whole run, so that "2019年"
// does not yield "019", except where a refused colloquial tail starts the next figure (三万一天).
std::size_t resume_after(const RawFigure& f) {
  if (f.number.refused_colloquial_tail) return f.number_end;
  return std::max(f.number_end, f.number.run_end);
}

std::size_t skip_numeral_run(std::u32string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && number_starts_at(s, j)) ++j;
  return j > i ? j : i + 1;
}

}  // namespace

std::vector<Figure> scan_figures(std::string_view utf8) {
  return scan_figures(decode_utf8(utf8), utf8);
}

std::vector<Figure> scan_figures(const DecodedText& text, std::string_view utf8) {
  const std::u32string_view s = text.chars;
  std::vector<Figure> figures;
  TitleTracker title;
  std::size_t last_figure_end = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t c = s[i];
    title.see(c, i);
    if (!could_start_figure(c)) {
      ++i;
      continue;
    }
    // A dash right after a figure joins it to the next ("3%-5%"); it is not a minus sign.
    if ((is_minus(c) || is_plus(c)) && i == last_figure_end && !figures.empty()) {
      ++i;
      continue;
    }
    auto raw = read_figure(s, i);
    if (!raw) {
      i = number_starts_at(s, i) ? skip_numeral_run(s, i) : i + 1;
      continue;
    }
    if (title.inside(i) || is_excluded(*raw, s)) {
      i = std::max(i + 1, resume_after(*raw));
      continue;
    }
    figures.push_back(to_figure(*raw, text, utf8));
    i = std::max(i + 1, raw->end);
    last_figure_end = i;
  }
  return figures;
}

std::optional<Figure> parse_figure(std::string_view utf8) {
  const std::string_view trimmed = trim_white_space(utf8);
  const DecodedText text = decode_utf8(trimmed);
  auto raw = read_figure(text.chars, 0);
  if (!raw || raw->end != text.chars.size()) return std::nullopt;
  return to_figure(*raw, text, trimmed);
}

std::vector<Figure> standalone_figures(std::string_view utf8) {
  const std::string_view trimmed = trim_white_space(utf8);
  auto whole = parse_figure(trimmed);
  const bool numeral = whole && whole->unit.empty() && whole->qualifier == Qualifier::none;
  if (!numeral) return scan_figures(utf8);
  const auto offset = static_cast<std::size_t>(trimmed.data() - utf8.data());
  whole->begin += offset;
  whole->end += offset;
  return {std::move(*whole)};
}

}  // namespace nianbao::norm
