// Issue 17: a text that is one numeral and nothing else (a whole cell, the whole argument of
// `nianbao numeral`) is a figure; in running prose a bare numeral still needs its context; and
// 廿/卅 and 两千零十 parse wherever a figure does.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalizers/cell_value.hpp"
#include "normalizers/numerals.hpp"
#include "normalizers/scanner.hpp"

namespace nianbao::norm {
namespace {

using Strings = std::vector<std::string>;

std::string shown(const Figure& f) {
  std::string out = f.text + "=";
  out += f.is_range() ? f.low->to_string() + ".." + f.high->to_string() : f.value->to_string();
  out += f.unit;
  if (f.qualifier != Qualifier::none) out += std::string("/") + to_string(f.qualifier);
  return out;
}

Strings standalone(std::string_view text) {
  Strings out;
  for (const Figure& f : standalone_figures(text)) out.push_back(shown(f));
  return out;
}

Strings prose(std::string_view text) {
  Strings out;
  for (const Figure& f : scan_figures(text)) out.push_back(shown(f));
  return out;
}

std::string cell(std::string_view text) {
  const CellValue c = parse_cell(text);
  return c.status == CellStatus::value ? c.value->to_string() : to_string(c.status);
}

std::string numeral(std::string_view text) {
  auto value = parse_numeral(text);
  return value ? value->to_string() : "none";
}

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

TEST(StandaloneFigures, AWholeNumeralIsAFigure) {
  // The four texts of the issue, and more of their kind.
  EXPECT_EQ(standalone("十万"), Strings{"十万=100000"});
  EXPECT_EQ(standalone("十一万"), Strings{"十一万=110000"});
  EXPECT_EQ(standalone("两千零十"), Strings{"两千零十=2010"});
  EXPECT_EQ(standalone("廿五"), Strings{"廿五=25"});
  EXPECT_EQ(standalone("卅"), Strings{"卅=30"});
  EXPECT_EQ(standalone("十"), Strings{"十=10"});
  EXPECT_EQ(standalone("百"), Strings{"百=100"});
  EXPECT_EQ(standalone("千万"), Strings{"千万=10000000"});
  EXPECT_EQ(standalone("零"), Strings{"零=0"});
  EXPECT_EQ(standalone("二〇一九"), Strings{"二〇一九=2019"});
  EXPECT_EQ(standalone("负十万"), Strings{"负十万=-100000"});
  EXPECT_EQ(standalone("两三"), Strings{"两三=2..3"});
  EXPECT_EQ(standalone("2019"), Strings{"2019=2019"});
}

TEST(StandaloneFigures, WithAUnitOrQualifierItIsScannedAsBefore) {
  EXPECT_EQ(standalone("十一万元"), Strings{"十一万元=110000元"});
  EXPECT_EQ(standalone("约十万"), Strings{"约十万=100000/approx"});
  EXPECT_EQ(standalone("廿五件"), Strings{"廿五件=25件"});
  // Not one numeral: the prose rules decide.
  EXPECT_EQ(standalone("2019年"), Strings{});
  EXPECT_EQ(standalone("十万。"), Strings{});
  EXPECT_EQ(standalone("十三五规划"), Strings{});
  EXPECT_EQ(standalone("共收到申请十万"), Strings{});
}

TEST(StandaloneFigures, SpansPointIntoTheTextAsGiven) {
  const std::vector<Figure> figures = standalone_figures("  十万 ");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].begin, 2u);
  EXPECT_EQ(figures[0].end, 8u);
  EXPECT_EQ(figures[0].text, "十万");
  EXPECT_TRUE(standalone_figures("").empty());
  EXPECT_TRUE(standalone_figures("   ").empty());
}

TEST(StandaloneFigures, AWholeCellReadsTheSame) {
  EXPECT_EQ(cell("十万"), "100000");
  EXPECT_EQ(cell("十一万"), "110000");
  EXPECT_EQ(cell("两千零十"), "2010");
  EXPECT_EQ(cell("廿五"), "25");
  EXPECT_EQ(cell("卅"), "30");
  EXPECT_EQ(cell("一百零十"), "unparsed");
}

TEST(BareNumeralsInProse, StillNeedTheirContext) {
  // A word could be meant: 十万 (十万火急), 廿五 standing alone, a range.
  for (const char* text : {"收到十万", "十一万", "廿五", "第廿五", "两三", "十万火急"})
    EXPECT_EQ(prose(text), Strings{}) << text;
  // With a unit or counted noun they are figures, 廿/卅 and 两千零十 included.
  EXPECT_EQ(prose("共收到申请廿五件"), Strings{"廿五件=25件"});
  EXPECT_EQ(prose("接待群众卅人次"), Strings{"卅人次=30人次"});
  EXPECT_EQ(prose("全年公开信息两千零十条"), Strings{"两千零十条=2010条"});
  EXPECT_EQ(prose("收费两千零十元"), Strings{"两千零十元=2010元"});
  EXPECT_EQ(prose("约十一万元"), Strings{"约十一万元=110000元/approx"});
  // A bare numeral no word could be counts, as before (三万, and now 两千零十).
  EXPECT_EQ(prose("累计三万"), Strings{"三万=30000"});
  EXPECT_EQ(prose("累计两千零十"), Strings{"两千零十=2010"});
  // Dates keep out: 廿五日 is a day.
  EXPECT_EQ(prose("于廿五日公开"), Strings{});
}

}  // namespace
}  // namespace nianbao::norm
