#include "normalizers/numerals.hpp"

#include <gtest/gtest.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <string>

#include "normalizers/text.hpp"

namespace nianbao::norm {
namespace {

std::string numeral(std::string_view text) {
  auto value = parse_numeral(text);
  return value ? value->to_string() : "none";
}

TEST(ParseNumeral, ArabicFullWidthSeparatorsSigns) {
  EXPECT_EQ(numeral("139"), "139");
  EXPECT_EQ(numeral("１２"), "12");
  EXPECT_EQ(numeral("３．５"), "3.5");
  EXPECT_EQ(numeral("1,234"), "1234");
  EXPECT_EQ(numeral("1，234"), "1234");
  EXPECT_EQ(numeral("12,345,678.90"), "12345678.90");
  EXPECT_EQ(numeral("+43"), "43");
  EXPECT_EQ(numeral("-1942"), "-1942");
  EXPECT_EQ(numeral("－5"), "-5");
  EXPECT_EQ(numeral("负五"), "-5");
  EXPECT_EQ(numeral("٣٤"), "34");  // Arabic-Indic digits, by their Unicode digit value
  EXPECT_EQ(numeral("1,23"), "none");
  EXPECT_EQ(numeral("1,2345"), "none");
  EXPECT_EQ(numeral("1.2.3"), "none");
}

TEST(ParseNumeral, ChineseLowerCase) {
  EXPECT_EQ(numeral("零"), "0");
  EXPECT_EQ(numeral("三"), "3");
  EXPECT_EQ(numeral("十"), "10");
  EXPECT_EQ(numeral("十五"), "15");
  EXPECT_EQ(numeral("二十"), "20");
  EXPECT_EQ(numeral("一百零五"), "105");
  EXPECT_EQ(numeral("一千零五十"), "1050");
  EXPECT_EQ(numeral("两百"), "200");
  EXPECT_EQ(numeral("百"), "100");
  EXPECT_EQ(numeral("千万"), "10000000");
  EXPECT_EQ(numeral("十万"), "100000");
  EXPECT_EQ(numeral("三百余"), "none");  // a qualifier is not part of a number
  EXPECT_EQ(numeral("一百九十万零三千九百七十一"), "1903971");
  EXPECT_EQ(numeral("一亿零五"), "100000005");
  EXPECT_EQ(numeral("一万亿"), "1000000000000");
  EXPECT_EQ(numeral("一兆"), "1000000000000");  // ICU's zh spell-out writes 10^12 so
  EXPECT_EQ(numeral("一兆二十亿三百万四千〇五"), "1002003004005");
  EXPECT_EQ(numeral("100兆"), "none");  // after Arabic digits 兆 is "mega"
  EXPECT_EQ(numeral("一百兆瓦"), "none");
  EXPECT_EQ(numeral("十二亿三千四百五十六万七千八百九十"), "1234567890");
  EXPECT_EQ(numeral("廿三"), "23");
  EXPECT_EQ(numeral("卅"), "30");
}

TEST(ParseNumeral, ChineseUpperCase) {
  EXPECT_EQ(numeral("壹拾万零叁仟肆佰伍拾叁"), "103453");
  EXPECT_EQ(numeral("壹仟贰佰"), "1200");
  EXPECT_EQ(numeral("玖萬捌仟柒佰陆拾伍"), "98765");
  EXPECT_EQ(numeral("壹億"), "100000000");
  EXPECT_EQ(numeral("貳拾"), "20");
}

TEST(ParseNumeral, ColloquialTails) {
  EXPECT_EQ(numeral("一万五"), "15000");
  EXPECT_EQ(numeral("一千二"), "1200");
  EXPECT_EQ(numeral("三万二"), "32000");
  EXPECT_EQ(numeral("三百五"), "350");
  EXPECT_EQ(numeral("一亿五"), "150000000");
  EXPECT_EQ(numeral("二十五"), "25");  // after 十 a digit is the units digit
  EXPECT_EQ(numeral("一万零五"), "10005");
}

TEST(ParseNumeral, DigitStrings) {
  EXPECT_EQ(numeral("一七二零"), "1720");
  EXPECT_EQ(numeral("二〇一九"), "2019");
  EXPECT_EQ(numeral("二零二一"), "2021");
  EXPECT_EQ(numeral("二○一九"), "2019");  // U+25CB, common in official documents
  EXPECT_EQ(numeral("一◯五"), "105");
  EXPECT_EQ(numeral("○"), "none");  // alone it is a mark, not a zero
  EXPECT_EQ(numeral("两零"), "none");
}

TEST(ParseNumeral, MixedDecimalsAndMultipliers) {
  EXPECT_EQ(numeral("16.4亿"), "1640000000");
  EXPECT_EQ(numeral("1.2亿"), "120000000");
  EXPECT_EQ(numeral("3.5万"), "35000");
  EXPECT_EQ(numeral("96171.6万"), "961716000");
  EXPECT_EQ(numeral("13万2"), "132000");
  EXPECT_EQ(numeral("13万2000"), "132000");
  EXPECT_EQ(numeral("1亿2000万"), "120000000");
  EXPECT_EQ(numeral("5千"), "5000");
  EXPECT_EQ(numeral("３．５万"), "35000");
  EXPECT_EQ(numeral("三点五"), "3.5");
  EXPECT_EQ(numeral("一点五七"), "1.57");
  EXPECT_EQ(numeral("零点零五"), "0.05");
  EXPECT_EQ(numeral("三点五万"), "35000");
  EXPECT_EQ(numeral("十二点五亿"), "1250000000");
  EXPECT_EQ(numeral("二〇点五"), "20.5");
}

TEST(ParseNumeral, NotNumbers) {
  for (const char* text :
       {"", "几十万", "万", "万一", "统一零售价", "两三", "三万一天", "一些", "点五", "三点", "1.",
        ".5", "五件", "亿万", "一百零", "两两", "\xff", "12\xe4"}) {
    EXPECT_EQ(numeral(text), "none") << text;
  }
}

struct Read {
  std::string low;
  std::string high;
  bool range;
  std::size_t end;
};

Read read(std::u32string_view text) {
  auto r = read_number(text, 0);
  if (!r) return {"none", "none", false, 0};
  return {r->low.to_string(), r->high.to_string(), r->is_range, r->end};
}

TEST(ReadNumber, RangesAreRangesNotDigitStrings) {
  auto r = read(U"两三个");
  EXPECT_TRUE(r.range);
  EXPECT_EQ(r.low, "2");
  EXPECT_EQ(r.high, "3");
  EXPECT_EQ(r.end, 2u);
  r = read(U"七八十");
  EXPECT_TRUE(r.range);
  EXPECT_EQ(r.low, "70");
  EXPECT_EQ(r.high, "80");
  r = read(U"十七八");
  EXPECT_EQ(r.low, "17");
  EXPECT_EQ(r.high, "18");
  r = read(U"三四百万");
  EXPECT_EQ(r.low, "3000000");
  EXPECT_EQ(r.high, "4000000");
  r = read(U"一万七八千");
  EXPECT_EQ(r.low, "17000");
  EXPECT_EQ(r.high, "18000");
}

TEST(ReadNumber, LongestNumberAndWhereItEnds) {
  auto r = read(U"三万一天");
  EXPECT_FALSE(r.range);
  EXPECT_EQ(r.low, "30000");
  EXPECT_EQ(r.end, 2u);
  auto full = read_number(U"三万一天", 0);
  ASSERT_TRUE(full);
  EXPECT_TRUE(full->refused_colloquial_tail);
  r = read(U"一万五左右");
  EXPECT_EQ(r.low, "15000");
  EXPECT_EQ(r.end, 3u);
  r = read(U"3541.07万元2");
  EXPECT_EQ(r.low, "35410700");
  EXPECT_EQ(r.end, 8u);
  r = read(U"1.属于");
  EXPECT_EQ(r.low, "1");
  EXPECT_EQ(r.end, 1u);
  r = read(U"12，3");  // a Chinese comma between figures is not a thousands separator
  EXPECT_EQ(r.low, "12");
  EXPECT_EQ(r.end, 2u);
  auto broken = read_number(U"十三五规划", 0);
  ASSERT_TRUE(broken);
  EXPECT_GT(broken->run_end, broken->end);
}

TEST(ReadNumber, DescribesTheNumeral) {
  auto r = read_number(U"二〇一九年", 0);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->digit_string);
  EXPECT_EQ(r->style, NumeralStyle::chinese);
  r = read_number(U"2019年", 0);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->style, NumeralStyle::arabic);
  EXPECT_EQ(r->arabic_integer_digits, 4);
  r = read_number(U"1.2亿", 0);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->style, NumeralStyle::mixed);
  EXPECT_TRUE(r->has_multiplier);
  r = read_number(U"百姓", 0);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->implied_one);
  r = read_number(U"壹佰", 0);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->financial);
  EXPECT_FALSE(read_number(U"abc", 0));
  EXPECT_FALSE(read_number(U"", 0));
  EXPECT_FALSE(read_number(U"12", 5));
}

// The grammar table must agree with Unicode's numeric values (as ICU reports them) for every
// character that has one; 两 has none in Unicode but is a 2 in every report.
TEST(ChineseNumeralTable, AgreesWithIcuNumericValues) {
  const std::pair<const char*, std::u32string_view> by_value[] = {
      {"0", U"〇零"},     {"1", U"一壹"},        {"2", U"二贰貳"}, {"3", U"三叁"},
      {"4", U"四肆"},     {"5", U"五伍"},        {"6", U"六陆陸"}, {"7", U"七柒"},
      {"8", U"八捌"},     {"9", U"九玖"},        {"10", U"十拾"},  {"20", U"廿"},
      {"30", U"卅"},      {"40", U"卌"},         {"100", U"百佰"}, {"1000", U"千仟"},
      {"10000", U"万萬"}, {"100000000", U"亿億"}};
  for (const auto& [value, chars] : by_value) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString pattern =
        icu::UnicodeString::fromUTF8(std::string("[\\p{Numeric_Value=") + value + "}]");
    const icu::UnicodeSet set(pattern, status);
    ASSERT_TRUE(U_SUCCESS(status)) << value;
    for (char32_t c : chars) {
      EXPECT_TRUE(set.contains(static_cast<UChar32>(c))) << to_utf8(std::u32string(1, c));
      EXPECT_TRUE(is_chinese_numeral_char(c));
      if (value == std::string_view("0") || value == std::string_view("10000") ||
          value == std::string_view("100000000")) {
        continue;
      }
      EXPECT_EQ(numeral(to_utf8(std::u32string(1, c))), value);
    }
  }
  EXPECT_EQ(numeral("两"), "2");
  EXPECT_FALSE(is_chinese_numeral_char(U'参'));  // 参加: a numeral to Unicode, a verb here
  EXPECT_FALSE(is_chinese_numeral_char(U'什'));  // 什么
}

// Issue 17: 两千零十 and 廿/卅 parse wherever a figure does.
TEST(ZeroBeforeTen, TenAloneAfterASkippedPlaceMeansOneTen) {
  EXPECT_EQ(numeral("两千零十"), "2010");
  EXPECT_EQ(numeral("一千零十"), "1010");
  EXPECT_EQ(numeral("两千零十五"), "2015");
  EXPECT_EQ(numeral("三千零十万"), "30100000");
  EXPECT_EQ(numeral("一万零十"), "10010");
  EXPECT_EQ(numeral("壹仟零拾"), "1010");
  // The formal spelling still reads, and 零十 after 百 skips no place: no number.
  EXPECT_EQ(numeral("两千零一十"), "2010");
  EXPECT_EQ(numeral("一百零十"), "none");
  EXPECT_EQ(numeral("一百零十五"), "none");
}

TEST(NianAndSa, ReadAsTwentyAndThirty) {
  EXPECT_EQ(numeral("廿五"), "25");
  EXPECT_EQ(numeral("卅一"), "31");
  EXPECT_EQ(numeral("卌"), "40");
  EXPECT_EQ(numeral("廿五万"), "250000");
}

}  // namespace
}  // namespace nianbao::norm
