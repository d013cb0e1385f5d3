#include "normalizers/units.hpp"

#include <array>
#include <unordered_map>
#include <vector>

#include "normalizers/text.hpp"

namespace nianbao::norm {

namespace {

struct UnitEntry {
  std::u32string_view written;
  std::string_view unit;
  UnitKind kind;
  int money_pow10;
};

// Longest match wins, so order does not matter. Time words that also write dates (年 月 日) are
// here only as spans; the scanner decides when 2019年 is a date.
constexpr std::array k_units = {
    UnitEntry{U"元", "元", UnitKind::money, 0},
    UnitEntry{U"块钱", "元", UnitKind::money, 0},
    UnitEntry{U"千元", "元", UnitKind::money, 3},
    UnitEntry{U"万元", "元", UnitKind::money, 4},
    UnitEntry{U"萬元", "元", UnitKind::money, 4},
    UnitEntry{U"十万元", "元", UnitKind::money, 5},
    UnitEntry{U"百万元", "元", UnitKind::money, 6},
    UnitEntry{U"千万元", "元", UnitKind::money, 7},
    UnitEntry{U"亿元", "元", UnitKind::money, 8},
    UnitEntry{U"億元", "元", UnitKind::money, 8},
    UnitEntry{U"万亿元", "元", UnitKind::money, 12},
    UnitEntry{U"%", "%", UnitKind::percent, 0},
    UnitEntry{U"％", "%", UnitKind::percent, 0},
    UnitEntry{U"‰", "‰", UnitKind::percent, 0},
    UnitEntry{U"百分点", "百分点", UnitKind::percent, 0},
    UnitEntry{U"个百分点", "百分点", UnitKind::percent, 0},
    UnitEntry{U"件", "件", UnitKind::count, 0},
    UnitEntry{U"件次", "件次", UnitKind::count, 0},
    UnitEntry{U"条", "条", UnitKind::count, 0},
    UnitEntry{U"個", "个", UnitKind::count, 0},
    UnitEntry{U"个", "个", UnitKind::count, 0},
    UnitEntry{U"项", "项", UnitKind::count, 0},
    UnitEntry{U"項", "项", UnitKind::count, 0},
    UnitEntry{U"期", "期", UnitKind::count, 0},
    UnitEntry{U"次", "次", UnitKind::count, 0},
    UnitEntry{U"人次", "人次", UnitKind::count, 0},
    UnitEntry{U"篇", "篇", UnitKind::count, 0},
    UnitEntry{U"场", "场", UnitKind::count, 0},
    UnitEntry{U"场次", "场次", UnitKind::count, 0},
    UnitEntry{U"宗", "宗", UnitKind::count, 0},
    UnitEntry{U"份", "份", UnitKind::count, 0},
    UnitEntry{U"册", "册", UnitKind::count, 0},
    UnitEntry{U"人", "人", UnitKind::count, 0},
    UnitEntry{U"名", "名", UnitKind::count, 0},
    UnitEntry{U"位", "位", UnitKind::count, 0},
    UnitEntry{U"家", "家", UnitKind::count, 0},
    UnitEntry{U"户", "户", UnitKind::count, 0},
    UnitEntry{U"部", "部", UnitKind::count, 0},
    UnitEntry{U"部分", "部分", UnitKind::count, 0},
    UnitEntry{U"批", "批", UnitKind::count, 0},
    UnitEntry{U"本", "本", UnitKind::count, 0},
    UnitEntry{U"台", "台", UnitKind::count, 0},
    UnitEntry{U"套", "套", UnitKind::count, 0},
    UnitEntry{U"张", "张", UnitKind::count, 0},
    UnitEntry{U"处", "处", UnitKind::count, 0},
    UnitEntry{U"所", "所", UnitKind::count, 0},
    UnitEntry{U"座", "座", UnitKind::count, 0},
    UnitEntry{U"类", "类", UnitKind::count, 0},
    UnitEntry{U"种", "种", UnitKind::count, 0},
    UnitEntry{U"起", "起", UnitKind::count, 0},
    UnitEntry{U"例", "例", UnitKind::count, 0},
    UnitEntry{U"封", "封", UnitKind::count, 0},
    UnitEntry{U"轮", "轮", UnitKind::count, 0},
    UnitEntry{U"届", "届", UnitKind::count, 0},
    UnitEntry{U"支", "支", UnitKind::count, 0},
    UnitEntry{U"组", "组", UnitKind::count, 0},
    UnitEntry{U"块", "块", UnitKind::count, 0},
    UnitEntry{U"页", "页", UnitKind::count, 0},
    UnitEntry{U"卷", "卷", UnitKind::count, 0},
    UnitEntry{U"盒", "盒", UnitKind::count, 0},
    UnitEntry{U"辆", "辆", UnitKind::count, 0},
    UnitEntry{U"间", "间", UnitKind::count, 0},
    UnitEntry{U"栏", "栏", UnitKind::count, 0},
    UnitEntry{U"版", "版", UnitKind::count, 0},
    UnitEntry{U"字", "字", UnitKind::count, 0},
    UnitEntry{U"则", "则", UnitKind::count, 0},
    UnitEntry{U"网页", "网页", UnitKind::count, 0},
    UnitEntry{U"倍", "倍", UnitKind::measure, 0},
    UnitEntry{U"米", "米", UnitKind::measure, 0},
    UnitEntry{U"平方米", "平方米", UnitKind::measure, 0},
    UnitEntry{U"公里", "公里", UnitKind::measure, 0},
    UnitEntry{U"千米", "千米", UnitKind::measure, 0},
    UnitEntry{U"吨", "吨", UnitKind::measure, 0},
    UnitEntry{U"亩", "亩", UnitKind::measure, 0},
    UnitEntry{U"GB", "GB", UnitKind::measure, 0},
    UnitEntry{U"天", "天", UnitKind::time, 0},
    UnitEntry{U"个工作日", "个工作日", UnitKind::time, 0},
    UnitEntry{U"工作日", "工作日", UnitKind::time, 0},
    UnitEntry{U"个月", "个月", UnitKind::time, 0},
    UnitEntry{U"周", "周", UnitKind::time, 0},
    UnitEntry{U"小时", "小时", UnitKind::time, 0},
    UnitEntry{U"个小时", "个小时", UnitKind::time, 0},
    UnitEntry{U"分钟", "分钟", UnitKind::time, 0},
    UnitEntry{U"年", "年", UnitKind::time, 0},
    // Traditional forms (mirror sites convert whole reports), normalised to Simplified.
    UnitEntry{U"條", "条", UnitKind::count, 0},
    UnitEntry{U"場", "场", UnitKind::count, 0},
    UnitEntry{U"場次", "场次", UnitKind::count, 0},
    UnitEntry{U"冊", "册", UnitKind::count, 0},
    UnitEntry{U"戶", "户", UnitKind::count, 0},
    UnitEntry{U"張", "张", UnitKind::count, 0},
    UnitEntry{U"處", "处", UnitKind::count, 0},
    UnitEntry{U"類", "类", UnitKind::count, 0},
    UnitEntry{U"種", "种", UnitKind::count, 0},
    UnitEntry{U"輪", "轮", UnitKind::count, 0},
    UnitEntry{U"屆", "届", UnitKind::count, 0},
    UnitEntry{U"組", "组", UnitKind::count, 0},
    UnitEntry{U"頁", "页", UnitKind::count, 0},
    UnitEntry{U"輛", "辆", UnitKind::count, 0},
    UnitEntry{U"間", "间", UnitKind::count, 0},
    UnitEntry{U"則", "则", UnitKind::count, 0},
    UnitEntry{U"網頁", "网页", UnitKind::count, 0},
    UnitEntry{U"噸", "吨", UnitKind::measure, 0},
    UnitEntry{U"畝", "亩", UnitKind::measure, 0},
    UnitEntry{U"個工作日", "个工作日", UnitKind::time, 0},
    UnitEntry{U"個月", "个月", UnitKind::time, 0},
    UnitEntry{U"個小時", "个小时", UnitKind::time, 0},
    UnitEntry{U"小時", "小时", UnitKind::time, 0},
    UnitEntry{U"分鐘", "分钟", UnitKind::time, 0},
};

// The first-character test is a cheap filter: match_unit runs after every number.
bool starts_with_at(std::u32string_view chars, std::size_t pos, std::u32string_view word) {
  return pos < chars.size() && chars[pos] == word[0] && chars.substr(pos, word.size()) == word;
}

struct QualifierEntry {
  std::u32string_view written;
  Qualifier qualifier;
};

constexpr std::array k_prefix_qualifiers = {
    QualifierEntry{U"约", Qualifier::approx},       QualifierEntry{U"大约", Qualifier::approx},
    QualifierEntry{U"大概", Qualifier::approx},     QualifierEntry{U"约为", Qualifier::approx},
    QualifierEntry{U"近", Qualifier::at_most},      QualifierEntry{U"将近", Qualifier::at_most},
    QualifierEntry{U"接近", Qualifier::at_most},    QualifierEntry{U"不到", Qualifier::at_most},
    QualifierEntry{U"不足", Qualifier::at_most},    QualifierEntry{U"不超过", Qualifier::at_most},
    QualifierEntry{U"最多", Qualifier::at_most},    QualifierEntry{U"超过", Qualifier::at_least},
    QualifierEntry{U"超", Qualifier::at_least},     QualifierEntry{U"逾", Qualifier::at_least},
    QualifierEntry{U"不少于", Qualifier::at_least}, QualifierEntry{U"不低于", Qualifier::at_least},
    QualifierEntry{U"至少", Qualifier::at_least},   QualifierEntry{U"多达", Qualifier::at_least},
};

constexpr std::array k_between_qualifiers = {
    QualifierEntry{U"余", Qualifier::at_least},   QualifierEntry{U"多", Qualifier::at_least},
    QualifierEntry{U"以上", Qualifier::at_least}, QualifierEntry{U"左右", Qualifier::approx},
    QualifierEntry{U"上下", Qualifier::approx},   QualifierEntry{U"以下", Qualifier::at_most},
    QualifierEntry{U"以内", Qualifier::at_most},
};

template <typename Table>
std::optional<QualifierMatch> longest_qualifier(const Table& table, std::u32string_view chars,
                                                std::size_t pos) {
  std::optional<QualifierMatch> best;
  for (const QualifierEntry& entry : table) {
    if (starts_with_at(chars, pos, entry.written) &&
        (!best || entry.written.size() > best->length)) {
      best = QualifierMatch{entry.qualifier, entry.written.size()};
    }
  }
  return best;
}

// Units by their first character: match_unit runs after every number the scanner reads.
const std::unordered_map<char32_t, std::vector<const UnitEntry*>>& units_by_first_char() {
  static const auto k_index = [] {
    std::unordered_map<char32_t, std::vector<const UnitEntry*>> index;
    for (const UnitEntry& entry : k_units) index[entry.written[0]].push_back(&entry);
    return index;
  }();
  return k_index;
}

}  // namespace

std::optional<UnitMatch> match_unit(std::u32string_view chars, std::size_t pos) {
  if (pos >= chars.size()) return std::nullopt;
  const auto& index = units_by_first_char();
  const auto candidates = index.find(chars[pos]);
  if (candidates == index.end()) return std::nullopt;
  std::optional<UnitMatch> best;
  for (const UnitEntry* entry_ptr : candidates->second) {
    const UnitEntry& entry = *entry_ptr;
    if (starts_with_at(chars, pos, entry.written) &&
        (!best || entry.written.size() > best->length)) {
      best = UnitMatch{entry.unit, entry.kind, entry.money_pow10, entry.written.size()};
    }
  }
  return best;
}

const char* to_string(UnitKind kind) {
  switch (kind) {
    case UnitKind::none:
      return "";
    case UnitKind::count:
      return "count";
    case UnitKind::money:
      return "money";
    case UnitKind::percent:
      return "percent";
    case UnitKind::time:
      return "time";
    case UnitKind::measure:
      return "measure";
  }
  return "";
}

std::optional<UnitMatch> unit_named(std::string_view utf8) {
  const DecodedText text = decode_utf8(trim_white_space(utf8));
  auto match = match_unit(text.chars, 0);
  if (!match || match->length != text.chars.size()) return std::nullopt;
  return match;
}

std::optional<QualifierMatch> match_prefix_qualifier(std::u32string_view chars, std::size_t pos) {
  return longest_qualifier(k_prefix_qualifiers, chars, pos);
}

std::optional<QualifierMatch> match_suffix_qualifier(std::u32string_view chars, std::size_t pos) {
  return longest_qualifier(k_between_qualifiers, chars, pos);
}

std::optional<QualifierMatch> match_trailing_qualifier(std::u32string_view chars, std::size_t pos) {
  return longest_qualifier(k_between_qualifiers, chars, pos);
}

std::optional<MultiplierMatch> match_multiplier(std::u32string_view chars, std::size_t pos) {
  // No bare 千 or 百: after 多/余 they begin units (一百多千米 is kilometres).
  static constexpr std::array<std::pair<std::u32string_view, int>, 6> k_multipliers = {{
      {U"万亿", 12},
      {U"千万", 7},
      {U"百万", 6},
      {U"十万", 5},
      {U"亿", 8},
      {U"万", 4},
  }};
  for (const auto& [written, pow] : k_multipliers) {
    if (starts_with_at(chars, pos, written)) return MultiplierMatch{pow, written.size()};
  }
  return std::nullopt;
}

}  // namespace nianbao::norm
