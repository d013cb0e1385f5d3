#include "normalizers/decimal.hpp"

#include <gtest/gtest.h>

namespace nianbao::norm {
namespace {

Decimal dec(std::string_view text) {
  auto d = Decimal::parse(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(Decimal{});
}

TEST(Decimal, ParsesPlainNotationAndKeepsDigits) {
  EXPECT_EQ(dec("12.350").to_string(), "12.350");
  EXPECT_EQ(dec("1950").to_string(), "1950");
  EXPECT_EQ(dec("+43").to_string(), "43");
  EXPECT_EQ(dec("-1942").to_string(), "-1942");
  EXPECT_EQ(dec("0.05").to_string(), "0.05");
  EXPECT_EQ(dec("-0.5").to_string(), "-0.5");
  EXPECT_EQ(dec("0").to_string(), "0");
  EXPECT_EQ(dec("007").to_string(), "7");
}

TEST(Decimal, RejectsAnythingElse) {
  for (const char* bad :
       {"", ".5", "5.", "+", "-", "1e5", "1,234", " 1", "1 ", "1.2.3", "--1", "０", "abc", "12a"}) {
    EXPECT_FALSE(Decimal::parse(bad).has_value()) << bad;
  }
}

TEST(Decimal, RejectsOverflow) {
  EXPECT_TRUE(Decimal::parse("9999999999999999999999999999999999999").has_value());  // 37 digits
  EXPECT_FALSE(Decimal::parse("10000000000000000000000000000000000000").has_value());
  EXPECT_FALSE(Decimal::parse(std::string(200, '9')).has_value());
}

TEST(Decimal, ScalesExactly) {
  EXPECT_EQ(dec("12.35").scaled_by_pow10(4)->to_string(), "123500");
  EXPECT_EQ(dec("12.350").scaled_by_pow10(4)->to_string(), "123500");
  EXPECT_EQ(dec("16.4").scaled_by_pow10(8)->to_string(), "1640000000");
  EXPECT_EQ(dec("96171.6").scaled_by_pow10(4)->to_string(), "961716000");
  EXPECT_EQ(dec("1.23456").scaled_by_pow10(4)->to_string(), "12345.6");
  EXPECT_EQ(dec("3").scaled_by_pow10(-2)->to_string(), "0.03");
  EXPECT_FALSE(dec("1").scaled_by_pow10(40).has_value());
  EXPECT_TRUE(dec("0").scaled_by_pow10(8)->is_zero());
}

TEST(Decimal, ComparesNumerically) {
  EXPECT_EQ(dec("1.50"), dec("1.5"));
  EXPECT_NE(dec("1.51"), dec("1.5"));
  EXPECT_LT(dec("-2"), dec("1.5"));
  EXPECT_LT(dec("0.999"), dec("1"));
  EXPECT_GT(dec("10"), dec("9.99999"));
  EXPECT_EQ(dec("0.0"), Decimal{});
  // Aligning 10^36 to scale 30 overflows; the comparison must still be right.
  const Decimal huge = dec("999999999999999999999999999999999999");
  const Decimal tiny = dec("0.000000000000000000000000000001");
  EXPECT_GT(huge, tiny);
  EXPECT_LT(huge.negated(), tiny);
}

TEST(Decimal, Arithmetic) {
  EXPECT_EQ(dec("1.5").checked_add(dec("2.25"))->to_string(), "3.75");
  EXPECT_EQ(dec("1").checked_sub(dec("2.5"))->to_string(), "-1.5");
  EXPECT_EQ(dec("1.5").checked_mul(dec("-2.5"))->to_string(), "-3.75");
  EXPECT_FALSE(dec("9999999999999999999").checked_mul(dec("9999999999999999999")).has_value());
  EXPECT_TRUE(dec("12.00").is_integer());
  EXPECT_FALSE(dec("12.01").is_integer());
  EXPECT_EQ(dec("12.3400").trimmed().to_string(), "12.34");
  EXPECT_EQ(Decimal::from_int(-7).to_string(), "-7");
  EXPECT_EQ(Decimal::from_int(INT64_MIN).to_string(), "-9223372036854775808");
  EXPECT_FALSE(Decimal::from_parts(1, -1).has_value());
}

}  // namespace
}  // namespace nianbao::norm
