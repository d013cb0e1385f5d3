// Property: every integer 0..10^12 that ICU's own Chinese spell-out rules write (the zh
// locale's %spellout-cardinal, %spellout-cardinal-financial and %spellout-numbering) parses
// back to the same value.

#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>

#include <cstdint>
#include <random>
#include <string>

#include "normalizers/numerals.hpp"

namespace nianbao::norm {
namespace {

constexpr std::int64_t k_max = 1'000'000'000'000;
constexpr int k_numbers_per_rule_set = 40'000;  // × 3 rule sets = 120,000 round trips

// Half the draws are uniform over 0..10^12 (mostly twelve-digit numbers); the other half pick a
// length first and blank out random digits, so small numbers and 零 gaps (一百万零一, 一万〇五)
// are well covered too.
std::int64_t draw(std::mt19937_64& rng) {
  if (rng() % 2 == 0)
    return static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(k_max + 1));
  const int digits = 1 + static_cast<int>(rng() % 13);
  std::int64_t value = 0;
  for (int k = 0; k < digits; ++k) {
    const bool zero = rng() % 3 == 0;
    value = value * 10 + (zero ? 0 : static_cast<std::int64_t>(1 + rng() % 9));
  }
  return value > k_max ? value % (k_max + 1) : value;
}

std::string spell(const icu::RuleBasedNumberFormat& format, const icu::UnicodeString& rule_set,
                  std::int64_t value) {
  icu::UnicodeString out;
  icu::FieldPosition position;
  UErrorCode status = U_ZERO_ERROR;
  format.format(value, rule_set, out, position, status);
  if (U_FAILURE(status)) return {};
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

class SpelloutRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(SpelloutRoundTrip, ParsesBackToTheSameValue) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::RuleBasedNumberFormat format(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
  ASSERT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  const icu::UnicodeString rule_set = icu::UnicodeString::fromUTF8(GetParam());
  std::mt19937_64 rng(0x6e69616e62616fULL);  // fixed: failures must reproduce
  int failures = 0;
  const std::int64_t edges[] = {0,         1,         10,         11,        100,   101,    110,
                                1000,      1010,      10000,      10001,     10010, 100000, 1000001,
                                100000000, 100000005, 1000000005, k_max - 1, k_max};
  auto check = [&](std::int64_t value) {
    const std::string spelled = spell(format, rule_set, value);
    ASSERT_FALSE(spelled.empty()) << value;
    const auto parsed = parse_numeral(spelled);
    const Decimal expected = Decimal::from_int(value);
    if (!parsed || *parsed != expected) {
      ++failures;
      if (failures <= 20) {
        ADD_FAILURE() << GetParam() << ": " << value << " → " << spelled << " → "
                      << (parsed ? parsed->to_string() : "nothing");
      }
    }
  };
  for (std::int64_t value : edges) check(value);
  for (int k = 0; k < k_numbers_per_rule_set; ++k) check(draw(rng));
  EXPECT_EQ(failures, 0);
}

INSTANTIATE_TEST_SUITE_P(ZhRuleSets, SpelloutRoundTrip,
                         ::testing::Values("%spellout-cardinal", "%spellout-cardinal-financial",
                                           "%spellout-numbering"));

}  // namespace
}  // namespace nianbao::norm
