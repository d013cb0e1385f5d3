#include "normalizers/cell_value.hpp"

#include <gtest/gtest.h>

namespace nianbao::norm {
namespace {

void expect_value(std::string_view cell, std::string_view column_unit, std::string_view value,
                  std::string_view unit, Qualifier qualifier = Qualifier::none) {
  const CellValue v = parse_cell(cell, column_unit);
  ASSERT_EQ(v.status, CellStatus::value) << cell;
  ASSERT_TRUE(v.value.has_value()) << cell;
  EXPECT_EQ(v.value->to_string(), value) << cell;
  EXPECT_EQ(v.unit, unit) << cell;
  EXPECT_EQ(v.qualifier, qualifier) << cell;
}

void expect_status(std::string_view cell, CellStatus status) {
  const CellValue v = parse_cell(cell);
  EXPECT_EQ(v.status, status) << cell << " → " << to_string(v.status);
  EXPECT_EQ(v.value.has_value(), status == CellStatus::value) << cell;
}

TEST(ParseCell, BlankIsEmptyOrWhiteSpace) {
  for (const char* cell : {"", " ", "\t\n", "\u3000", "\u00a0", " \u3000\u00a0 "}) {
    expect_status(cell, CellStatus::blank);
  }
}

TEST(ParseCell, PlaceholdersAreNotApplicableNotZero) {
  for (const char* cell :
       {"/", "／", "-", "－", "—", "——", "–", "无", "不涉及", " / ", "\u3000无\u3000"}) {
    expect_status(cell, CellStatus::not_applicable);
  }
}

TEST(ParseCell, PlainAndSignedNumbers) {
  expect_value("0", "", "0", "");
  expect_value("1950", "", "1950", "");
  expect_value("+43", "", "43", "");
  expect_value("-1942", "", "-1942", "");
  expect_value(" 12 ", "", "12", "");
  expect_value("12.35", "", "12.35", "");
}

TEST(ParseCell, MoneyIsNormalisedToYuanExactly) {
  expect_value("12.35", "万元", "123500", "元");
  expect_value("0.5", "万元", "5000", "元");
  expect_value("251000元", "", "251000", "元");
  expect_value("251000元", "万元", "251000", "元");  // the cell's unit wins
  expect_value("3.5万元", "", "35000", "元");
  expect_value("96171.6万元", "", "961716000", "元");
  expect_value("16.4亿元", "", "1640000000", "元");
  expect_value("1950", "元", "1950", "元");
  expect_value("3", "千元", "3000", "元");
  expect_value("5万", "万元", "50000", "元");  // the cell's own 万 is not applied twice
  expect_value("5万", "", "50000", "");
  expect_value("0.00", "万元", "0", "元");
}

TEST(ParseCell, CountUnitsAreKept) {
  expect_value("139条", "", "139", "条");
  expect_value("1 条", "", "1", "条");
  expect_value("12", "件", "12", "件");
  expect_value("5件", "万元", "5", "件");
}

TEST(ParseCell, SeparatorsAndFullWidth) {
  expect_value("1,234", "", "1234", "");
  expect_value("1，234", "", "1234", "");
  expect_value("１２", "", "12", "");
  expect_value("３．５", "", "3.5", "");
  expect_value("１，２３４．５", "", "1234.5", "");
  expect_value("１２件", "", "12", "件");
}

TEST(ParseCell, ChineseNumerals) {
  expect_value("三", "", "3", "");
  expect_value("十二", "", "12", "");
  expect_value("壹仟贰佰", "", "1200", "");
  expect_value("一万五", "", "15000", "");
  expect_value("三点五", "万元", "35000", "元");
}

TEST(ParseCell, Qualifiers) {
  expect_value("约5件", "", "5", "件", Qualifier::approx);
  expect_value("100余条", "", "100", "条", Qualifier::at_least);
  expect_value("近30", "", "30", "", Qualifier::at_most);
}

TEST(ParseCell, AnythingElseIsUnparsedNeverAGuess) {
  for (const char* cell : {"规章", "1.属于国家秘密", "2019年", "3-5", "12abc", "1.2.3", "几十万",
                           "约", "元", "\xff\xfe", "12 34", "1,23", "五件事"}) {
    expect_status(cell, CellStatus::unparsed);
  }
}

TEST(LooksLikeCellValue, ValuesAndPlaceholdersButNotLabels) {
  for (const char* yes : {"0", "/", "12.35", "-1942", "251000元", "—", "三", "+43"}) {
    EXPECT_TRUE(looks_like_cell_value(yes)) << yes;
  }
  for (const char* no : {"1.属于国家秘密", "规章", "2019年", "", "（一）予以公开", "总计"}) {
    EXPECT_FALSE(looks_like_cell_value(no)) << no;
  }
}

TEST(UnitFromHeader, FindsTheStatedUnit) {
  EXPECT_EQ(unit_from_header("本年收费金额（单位：万元）"), "万元");
  EXPECT_EQ(unit_from_header("本年收费金额(单位:万元)"), "万元");
  EXPECT_EQ(unit_from_header("(单位:元)"), "元");
  EXPECT_EQ(unit_from_header("采购总金额（万元）"), "万元");
  EXPECT_EQ(unit_from_header("单位：件"), "件");
  EXPECT_EQ(unit_from_header("采购总金额"), "");
  EXPECT_EQ(unit_from_header("上一年项目数量(指2019年事项数)"), "");
  EXPECT_EQ(unit_from_header(""), "");
}

TEST(ToString, NamesStatusesAndQualifiers) {
  EXPECT_STREQ(to_string(CellStatus::value), "value");
  EXPECT_STREQ(to_string(CellStatus::blank), "blank");
  EXPECT_STREQ(to_string(CellStatus::not_applicable), "not_applicable");
  EXPECT_STREQ(to_string(CellStatus::unparsed), "unparsed");
  EXPECT_STREQ(to_string(Qualifier::none), "");
  EXPECT_STREQ(to_string(Qualifier::approx), "approx");
  EXPECT_STREQ(to_string(Qualifier::at_least), "at_least");
  EXPECT_STREQ(to_string(Qualifier::at_most), "at_most");
}

}  // namespace
}  // namespace nianbao::norm
