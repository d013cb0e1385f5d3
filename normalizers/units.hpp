#pragma once
// Units and qualifiers that travel with a figure: counters (件 条 个 项 …) kept as written, money
// (元 千元 万元 亿元) normalised to 元 by a power of ten, percent, time spans, measures; and the
// words that make a figure approximate (约, 左右), a lower bound (余, 多, 以上, 超过) or an upper
// bound (近, 不到, 不足).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "normalizers/cell_value.hpp"

namespace nianbao::norm {

enum class UnitKind { none, count, money, percent, time, measure };

const char* to_string(UnitKind kind);  // "", "count", "money", "percent", "time", "measure"

struct UnitMatch {
  std::string_view unit;  // normalised: "元" for all money, "%" for ％, else as written
  UnitKind kind = UnitKind::none;
  int money_pow10 = 0;     // 万元 → 4: the amount in 元 is the number × 10^money_pow10
  std::size_t length = 0;  // code points matched
};

// The longest unit written at chars[pos] ("人次" over "人", "万元" over "万").
std::optional<UnitMatch> match_unit(std::u32string_view chars, std::size_t pos);

// The unit a whole string names, as match_unit ("万元" → money, 4), or nullopt.
std::optional<UnitMatch> unit_named(std::string_view utf8);

struct QualifierMatch {
  Qualifier qualifier = Qualifier::none;
  std::size_t length = 0;  // code points matched
};

// Words before a number: 约 大约 大概 近 将近 接近 超过 逾 不到 不足 不少于 不超过 至少 最多 ….
std::optional<QualifierMatch> match_prefix_qualifier(std::u32string_view chars, std::size_t pos);
// Words right after a number, before its unit: 余 多 (100余条, 1600多份), and the ones that may
// also follow the unit: 以上 左右 上下 以下 以内.
std::optional<QualifierMatch> match_suffix_qualifier(std::u32string_view chars, std::size_t pos);
// Words after the unit: 以上 左右 上下 以下 以内 多 余 (100件以上, 3年多).
std::optional<QualifierMatch> match_trailing_qualifier(std::u32string_view chars, std::size_t pos);

// A multiplier standing between a qualifier and the unit: "3000多万人次", "一百余万元".
struct MultiplierMatch {
  int pow10 = 0;
  std::size_t length = 0;
};
std::optional<MultiplierMatch> match_multiplier(std::u32string_view chars, std::size_t pos);

}  // namespace nianbao::norm
