#include <gtest/gtest.h>

#include "normalizers/text.hpp"
#include "normalizers/units.hpp"

namespace nianbao::norm {
namespace {

TEST(MatchUnit, LongestUnitWins) {
  auto u = match_unit(U"人次以上", 0);
  ASSERT_TRUE(u);
  EXPECT_EQ(u->unit, "人次");
  EXPECT_EQ(u->length, 2u);
  u = match_unit(U"个工作日内", 0);
  ASSERT_TRUE(u);
  EXPECT_EQ(u->unit, "个工作日");
  EXPECT_EQ(u->kind, UnitKind::time);
  u = match_unit(U"万元", 0);
  ASSERT_TRUE(u);
  EXPECT_EQ(u->unit, "元");
  EXPECT_EQ(u->kind, UnitKind::money);
  EXPECT_EQ(u->money_pow10, 4);
  u = match_unit(U"％", 0);
  ASSERT_TRUE(u);
  EXPECT_EQ(u->unit, "%");
  EXPECT_FALSE(match_unit(U"季度", 0));
  EXPECT_FALSE(match_unit(U"件", 1));
  EXPECT_FALSE(match_unit(U"", 0));
}

TEST(UnitNamed, WholeStringOnly) {
  auto u = unit_named(" 亿元 ");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->money_pow10, 8);
  EXPECT_EQ(unit_named("千元")->money_pow10, 3);
  EXPECT_EQ(unit_named("件")->kind, UnitKind::count);
  EXPECT_FALSE(unit_named("万元整"));
  EXPECT_FALSE(unit_named(""));
  EXPECT_STREQ(to_string(UnitKind::money), "money");
  EXPECT_STREQ(to_string(UnitKind::none), "");
}

TEST(Qualifiers, PrefixAndSuffixWords) {
  EXPECT_EQ(match_prefix_qualifier(U"约5", 0)->qualifier, Qualifier::approx);
  EXPECT_EQ(match_prefix_qualifier(U"大约5", 0)->length, 2u);
  EXPECT_EQ(match_prefix_qualifier(U"超过5", 0)->qualifier, Qualifier::at_least);
  EXPECT_EQ(match_prefix_qualifier(U"不超过5", 0)->qualifier, Qualifier::at_most);
  EXPECT_EQ(match_prefix_qualifier(U"近5", 0)->qualifier, Qualifier::at_most);
  EXPECT_EQ(match_prefix_qualifier(U"不到5", 0)->qualifier, Qualifier::at_most);
  EXPECT_EQ(match_prefix_qualifier(U"不足5", 0)->qualifier, Qualifier::at_most);
  EXPECT_FALSE(match_prefix_qualifier(U"共5", 0));
  EXPECT_EQ(match_suffix_qualifier(U"余条", 0)->qualifier, Qualifier::at_least);
  EXPECT_EQ(match_suffix_qualifier(U"多份", 0)->qualifier, Qualifier::at_least);
  EXPECT_EQ(match_trailing_qualifier(U"以上", 0)->qualifier, Qualifier::at_least);
  EXPECT_EQ(match_trailing_qualifier(U"左右", 0)->qualifier, Qualifier::approx);
  EXPECT_EQ(match_trailing_qualifier(U"以下", 0)->qualifier, Qualifier::at_most);
  EXPECT_EQ(match_multiplier(U"万人次", 0)->pow10, 4);
  EXPECT_EQ(match_multiplier(U"千万元", 0)->pow10, 7);
  EXPECT_FALSE(match_multiplier(U"千米", 0));  // kilometres, not thousands
}

TEST(DecodeUtf8, OffsetsAreExactEvenForBadBytes) {
  const std::string text = "a共\xff\xe4\xb8z\xf0\x9f\x98\x80";
  const DecodedText d = decode_utf8(text);
  ASSERT_EQ(d.chars.size(), 7u);
  EXPECT_EQ(d.chars[0], U'a');
  EXPECT_EQ(d.chars[1], U'共');
  EXPECT_EQ(d.chars[2], U'\uFFFD');  // lone 0xFF
  EXPECT_EQ(d.chars[3], U'\uFFFD');  // truncated sequence: one U+FFFD per byte
  EXPECT_EQ(d.chars[4], U'\uFFFD');
  EXPECT_EQ(d.chars[5], U'z');
  EXPECT_EQ(d.chars[6], U'\U0001F600');
  EXPECT_EQ(d.byte_offsets, (std::vector<std::size_t>{0, 1, 4, 5, 6, 7, 8, 12}));
  EXPECT_EQ(decode_utf8("\xc0\xaf").chars, (std::u32string{U'\uFFFD', U'\uFFFD'}));  // overlong
  EXPECT_EQ(decode_utf8("\xed\xa0\x80").chars.size(), 3u);                           // surrogate
  EXPECT_EQ(to_utf8(decode_utf8("共139件").chars), "共139件");
}

TEST(TextHelpers, WhiteSpaceTrimAndNfkcOfNumericSpans) {
  EXPECT_TRUE(is_white_space(U'\u3000'));
  EXPECT_TRUE(is_white_space(U'\u00A0'));
  EXPECT_TRUE(is_white_space(U'\t'));
  EXPECT_FALSE(is_white_space(U'共'));
  EXPECT_EQ(trim_white_space("\u3000 12 \u00a0"), "12");
  EXPECT_EQ(trim_white_space("   "), "");
  EXPECT_EQ(nfkc(U"１２．５"), U"12.5");
  EXPECT_EQ(decimal_digit_value(U'７'), 7);
  EXPECT_EQ(decimal_digit_value(U'七'), -1);  // Han numerals are the numeral grammar's business
  EXPECT_TRUE(is_han(U'万'));
  EXPECT_FALSE(is_han(U'1'));
}

}  // namespace
}  // namespace nianbao::norm

namespace nianbao::norm {
namespace {

TEST(TraditionalUnits, ReadAsTheirSimplifiedForms) {
  const auto tiao = unit_named("條");
  ASSERT_TRUE(tiao.has_value());
  EXPECT_EQ(tiao->unit, "条");
  EXPECT_EQ(tiao->kind, UnitKind::count);
  const auto changci = unit_named("場次");
  ASSERT_TRUE(changci.has_value());
  EXPECT_EQ(changci->unit, "场次");
  const auto months = unit_named("個月");
  ASSERT_TRUE(months.has_value());
  EXPECT_EQ(months->kind, UnitKind::time);
}

}  // namespace
}  // namespace nianbao::norm
