#include "normalizers/scanner.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "normalizers/cell_value.hpp"
#include "normalizers/numerals.hpp"

namespace nianbao::norm {
namespace {

// A figure as "text=value unit/qualifier" or "text=low..high unit/qualifier", for compact
// expectations.
std::string describe(const Figure& f) {
  std::string out = f.text + "=";
  if (f.is_range()) {
    out += f.low->to_string() + ".." + f.high->to_string();
  } else {
    out += f.value->to_string();
  }
  out += f.unit;
  if (f.qualifier != Qualifier::none) out += std::string("/") + to_string(f.qualifier);
  return out;
}

std::vector<std::string> scan(std::string_view text) {
  std::vector<std::string> out;
  for (const Figure& f : scan_figures(text)) out.push_back(describe(f));
  return out;
}

using Strings = std::vector<std::string>;

TEST(ScanFigures, ArabicWithUnitsAndQualifiers) {
  EXPECT_EQ(scan("共发布政务信息139条。"), Strings{"139条=139条"});
  EXPECT_EQ(scan("咨询300余人次，信访5件"), (Strings{"300余人次=300人次/at_least", "5件=5件"}));
  EXPECT_EQ(scan("主动公开5500余条"), Strings{"5500余条=5500条/at_least"});
  EXPECT_EQ(scan("信息1 条;"), Strings{"1 条=1条"});
  EXPECT_EQ(scan("１２件"), Strings{"１２件=12件"});
  EXPECT_EQ(scan("公开1,326条"), Strings{"1,326条=1326条"});
  EXPECT_EQ(scan("公开1，234条"), Strings{"1，234条=1234条"});
  EXPECT_EQ(scan("1600多份"), Strings{"1600多份=1600份/at_least"});
  EXPECT_EQ(scan("15000多册"), Strings{"15000多册=15000册/at_least"});
  EXPECT_EQ(scan("约100件"), Strings{"约100件=100件/approx"});
  EXPECT_EQ(scan("大约100件"), Strings{"大约100件=100件/approx"});
  EXPECT_EQ(scan("100件左右"), Strings{"100件左右=100件/approx"});
  EXPECT_EQ(scan("100件以上"), Strings{"100件以上=100件/at_least"});
  EXPECT_EQ(scan("超过100件"), Strings{"超过100件=100件/at_least"});
  EXPECT_EQ(scan("近3年"), Strings{"近3年=3年/at_most"});
  EXPECT_EQ(scan("最近3年"), Strings{"3年=3年"});
  EXPECT_EQ(scan("3年多"), Strings{"3年多=3年/at_least"});
  EXPECT_EQ(scan("共5件多为咨询"), Strings{"5件=5件"});
  EXPECT_EQ(scan("不到10人"), Strings{"不到10人=10人/at_most"});
  EXPECT_EQ(scan("不足10人"), Strings{"不足10人=10人/at_most"});
  EXPECT_EQ(scan("不超过10人"), Strings{"不超过10人=10人/at_most"});
}

TEST(ScanFigures, MoneyIsNormalisedToYuan) {
  EXPECT_EQ(scan("收费1950万元"), Strings{"1950万元=19500000元"});
  EXPECT_EQ(scan("收费12.35万元"), Strings{"12.35万元=123500元"});
  EXPECT_EQ(scan("总额96171.6万元"), Strings{"96171.6万元=961716000元"});
  EXPECT_EQ(scan("1.2亿元"), Strings{"1.2亿元=120000000元"});
  EXPECT_EQ(scan("采购251000元"), Strings{"251000元=251000元"});
  EXPECT_EQ(scan("3千元"), Strings{"3千元=3000元"});
  EXPECT_EQ(scan("5000多万元"), Strings{"5000多万元=50000000元/at_least"});
  EXPECT_EQ(scan("一百余万元"), Strings{"一百余万元=1000000元/at_least"});
  EXPECT_EQ(scan("一百多千米"), Strings{"一百多千米=100千米/at_least"});
  EXPECT_EQ(scan("壹仟贰佰元"), Strings{"壹仟贰佰元=1200元"});
}

TEST(ScanFigures, KnownFailuresOfOtherNormalisers) {
  EXPECT_EQ(scan("16.4亿"), Strings{"16.4亿=1640000000"});
  EXPECT_EQ(scan("编号一七二零号以外共一七二零件"), Strings{"一七二零件=1720件"});
  EXPECT_EQ(scan("壹拾万零叁仟肆佰伍拾叁"), Strings{"壹拾万零叁仟肆佰伍拾叁=103453"});
  EXPECT_EQ(scan("一百九十万零三千九百七十一"), Strings{"一百九十万零三千九百七十一=1903971"});
  EXPECT_EQ(scan("两百人"), Strings{"两百人=200人"});
  EXPECT_EQ(scan("两百"), Strings{"两百=200"});
  EXPECT_EQ(scan("一万五"), Strings{"一万五=15000"});
  EXPECT_EQ(scan("几十万"), Strings{});
  EXPECT_EQ(scan("几十万人次"), Strings{});
  EXPECT_EQ(scan("三万一天"), (Strings{"三万=30000", "一天=1天"}));
  EXPECT_EQ(scan("统一零售价"), Strings{});
  EXPECT_EQ(scan("3541.07万元2"), (Strings{"3541.07万元=35410700元", "2=2"}));
}

TEST(ScanFigures, ChineseNumeralsInProse) {
  EXPECT_EQ(scan("三百余人次"), Strings{"三百余人次=300人次/at_least"});
  EXPECT_EQ(scan("举办两次培训"), Strings{"两次=2次"});
  EXPECT_EQ(scan("一千二百件"), Strings{"一千二百件=1200件"});
  EXPECT_EQ(scan("一千二"), Strings{"一千二=1200"});
  EXPECT_EQ(scan("三万二千元"), Strings{"三万二千元=32000元"});
  EXPECT_EQ(scan("十件"), Strings{"十件=10件"});
  EXPECT_EQ(scan("百余件"), Strings{"百余件=100件/at_least"});
  EXPECT_EQ(scan("13万2"), Strings{"13万2=132000"});
  EXPECT_EQ(scan("3.5万人次"), Strings{"3.5万人次=35000人次"});
  EXPECT_EQ(scan("负五"), Strings{"负五=-5"});
  EXPECT_EQ(scan("三点五万元"), Strings{"三点五万元=35000元"});
  EXPECT_EQ(scan("廿三件"), Strings{"廿三件=23件"});
}

TEST(ScanFigures, PercentsAndSigns) {
  EXPECT_EQ(scan("增长30%"), Strings{"30%=30%"});
  EXPECT_EQ(scan("增长30％"), Strings{"30％=30%"});
  EXPECT_EQ(scan("百分之三十"), Strings{"百分之三十=30%"});
  EXPECT_EQ(scan("满意率百分之百"), Strings{"百分之百=100%"});
  EXPECT_EQ(scan("占百分之一点五七"), Strings{"百分之一点五七=1.57%"});
  EXPECT_EQ(scan("约百分之五十"), Strings{"约百分之五十=50%/approx"});
  EXPECT_EQ(scan("提高1.5个百分点"), Strings{"1.5个百分点=1.5百分点"});
  EXPECT_EQ(scan("本年增/减+43，另一项-1942"), (Strings{"+43=43", "-1942=-1942"}));
  EXPECT_EQ(scan("增幅3%-5%"), (Strings{"3%=3%", "5%=5%"}));  // a dash, not a minus
}

TEST(ScanFigures, RangesAreRanges) {
  EXPECT_EQ(scan("两三个"), Strings{"两三个=2..3个"});
  EXPECT_EQ(scan("3-5件"), Strings{"3-5件=3..5件"});
  EXPECT_EQ(scan("3～5件"), Strings{"3～5件=3..5件"});
  EXPECT_EQ(scan("3至5个工作日"), Strings{"3至5个工作日=3..5个工作日"});
  EXPECT_EQ(scan("七八十人"), Strings{"七八十人=70..80人"});
  EXPECT_EQ(scan("十七八个"), Strings{"十七八个=17..18个"});
  EXPECT_EQ(scan("5-3件"), Strings{});  // not ascending: no range, and 5 is joined to "-3"
}

TEST(ScanFigures, DatesAreNotFigures) {
  EXPECT_EQ(scan("2019年"), Strings{});
  EXPECT_EQ(scan("2019年度"), Strings{});
  EXPECT_EQ(scan("二〇一九年"), Strings{});
  EXPECT_EQ(scan("二○一九年"), Strings{});
  EXPECT_EQ(scan("统计期限自2022年1月1日至12月31日"), Strings{});
  EXPECT_EQ(scan("1月31日"), Strings{});
  EXPECT_EQ(scan("2019-2020年"), Strings{});
  EXPECT_EQ(scan("发布时间:2011-03-14 18:20:44"), Strings{});
  EXPECT_EQ(scan("2019.1.31"), Strings{});
  EXPECT_EQ(scan("2019/1/31"), Strings{});
  EXPECT_EQ(scan("上午9点，下午3时"), Strings{});
  EXPECT_EQ(scan("2019政务公开要点"), Strings{});
  EXPECT_EQ(scan("3个月"), Strings{"3个月=3个月"});
  EXPECT_EQ(scan("二〇二三年一月二十日"), Strings{});
  EXPECT_EQ(scan("18：20"), Strings{});
}

TEST(ScanFigures, DocumentAndArticleNumbersAreNotFigures) {
  EXPECT_EQ(scan("国令第711号"), Strings{});
  EXPECT_EQ(scan("国办发〔2019〕60号"), Strings{});
  EXPECT_EQ(scan("第二十条第（一）项"), Strings{});
  EXPECT_EQ(scan("第 3 条"), Strings{});
  EXPECT_EQ(scan("《2019年政府信息公开工作年度报告》"), Strings{});
  EXPECT_EQ(scan("《关于印发2020政务公开要点的通知》共3件"), Strings{"3件=3件"});
  EXPECT_EQ(scan("GB18030、A4纸、5G网络、1.2.3版"), Strings{});
  EXPECT_EQ(scan("100兆带宽"), Strings{"100=100"});  // 100, never 100 × 10^12
}

TEST(ScanFigures, EnumeratorsAreNotFigures) {
  EXPECT_EQ(scan("一、总体情况"), Strings{});
  EXPECT_EQ(scan("（三）不予公开"), Strings{});
  EXPECT_EQ(scan("(1)申请"), Strings{});
  EXPECT_EQ(scan("1.属于国家秘密"), Strings{});
  EXPECT_EQ(scan("2、重复申请"), Strings{});
  EXPECT_EQ(scan("一是加强，二是完善"), Strings{});
}

TEST(ScanFigures, PhonesAndPostcodesAreNotFigures) {
  EXPECT_EQ(scan("联系电话：0827-5262085"), Strings{});
  EXPECT_EQ(scan("电话 12345678"), Strings{});
  EXPECT_EQ(scan("咨询13812345678"), Strings{});
  EXPECT_EQ(scan("邮编：636600"), Strings{});
  EXPECT_EQ(scan("邮政编码636600，共5件"), Strings{"5件=5件"});
  EXPECT_EQ(scan("拨打12345政务服务便民热线"), Strings{});
}

TEST(ScanFigures, ChineseWordsAreNotFigures) {
  for (const char* text :
       {"进一步完善", "一些问题",       "一是",     "老百姓",   "千家万户", "千万不要", "万一发生",
        "十三五规划", "十九大",         "三公经费", "五险一金", "零售",     "零件",     "一部分",
        "一次性告知", "上一年项目数量", "统一部署", "之一",     "二十几个", "数百人",   "参加",
        "什么",       "队伍",           "陆续",     "一年来"}) {
    EXPECT_EQ(scan(text), Strings{}) << text;
  }
}

TEST(ScanFigures, AnUnclosedTitleDoesNotSilenceTheRest) {
  EXPECT_EQ(scan("《2019年政府信息公开\n共收到申请12件"), Strings{"12件=12件"});
  std::string long_text = "《";
  for (int k = 0; k < 200; ++k) long_text += "文";
  long_text += "共收到申请12件";
  EXPECT_EQ(scan(long_text), Strings{"12件=12件"});
  EXPECT_EQ(scan("《关于12件事的通知》"), Strings{});
}

TEST(ScanFigures, SpansAreExactBytes) {
  const std::string text = "全年共收到申请约1,200件，办结百分之九十。";
  const auto figures = scan_figures(text);
  ASSERT_EQ(figures.size(), 2u);
  for (const Figure& f : figures) {
    EXPECT_LE(f.end, text.size());
    EXPECT_EQ(text.substr(f.begin, f.end - f.begin), f.text);
  }
  EXPECT_EQ(figures[0].text, "约1,200件");
  EXPECT_EQ(figures[0].begin, std::string("全年共收到申请").size());
  EXPECT_EQ(figures[1].text, "百分之九十");
  EXPECT_EQ(figures[0].unit_kind, UnitKind::count);
  EXPECT_EQ(figures[1].unit_kind, UnitKind::percent);
}

TEST(ScanFigures, SpansSurviveInvalidUtf8) {
  const std::string text =
      "\xff\xfe共\xe4\xb8 12件\xc0\xaf"
      "end\xed\xa0\x80 3条";
  const auto figures = scan_figures(text);
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].text, "12件");
  EXPECT_EQ(text.substr(figures[1].begin, figures[1].end - figures[1].begin), "3条");
}

// Odd bytes never crash and every span stays on the input.
TEST(ScanFigures, RandomBytesNeverBreakIt) {
  std::mt19937 rng(20240607);
  const std::string pieces[] = {
      "一", "万", "亿", "零", "十", "百", "点", "余", "约",     "元",   "件",   "%",    "-",
      "第", "年", "月", "号", "《", "》", "（", "）", "、",     ".",    ",",    "，",   "１",
      "２", "．", "9",  "0",  "5",  "两", "三", "几", "百分之", "\xff", "\xe4", "\x80", " "};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 24);
    for (int k = 0; k < length; ++k) {
      if (rng() % 5 == 0) {
        text.push_back(static_cast<char>(rng() % 256));
      } else {
        text += pieces[rng() % std::size(pieces)];
      }
    }
    for (const Figure& f : scan_figures(text)) {
      ASSERT_LE(f.begin, f.end);
      ASSERT_LE(f.end, text.size());
      ASSERT_EQ(text.substr(f.begin, f.end - f.begin), f.text);
      ASSERT_NE(f.value.has_value(), f.is_range());
    }
    (void)parse_figure(text);
    const CellValue cell = parse_cell(text, "万元");
    ASSERT_EQ(cell.value.has_value(), cell.status == CellStatus::value);
    (void)looks_like_cell_value(text);
    (void)parse_numeral(text);
    (void)unit_from_header(text);
  }
}

TEST(ScanFigures, LongInputsStayLinear) {
  std::string text;
  for (int k = 0; k < 2000; ++k) text += "亿";
  text += "万万万一一一一二二二二";
  for (int k = 0; k < 2000; ++k) text += "9";
  EXPECT_NO_FATAL_FAILURE(scan_figures(text));
}

TEST(ParseFigure, WholeTextIsOneFigure) {
  auto f = parse_figure(" 约5件 ");
  ASSERT_TRUE(f);
  EXPECT_EQ(describe(*f), "约5件=5件/approx");
  EXPECT_FALSE(parse_figure("5件事"));
  EXPECT_FALSE(parse_figure(""));
  auto range = parse_figure("3-5件");
  ASSERT_TRUE(range);
  EXPECT_TRUE(range->is_range());
}

// Issue 17: a text that is one numeral and nothing else (a whole cell, the whole argument of
// `nianbao numeral`) is a figure; in running prose a bare numeral still needs its context.
std::vector<std::string> standalone(std::string_view text) {
  std::vector<std::string> out;
  for (const Figure& f : standalone_figures(text)) out.push_back(describe(f));
  return out;
}

std::string cell(std::string_view text) {
  const CellValue c = parse_cell(text);
  return c.status == CellStatus::value ? c.value->to_string() : to_string(c.status);
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
    EXPECT_EQ(scan(text), Strings{}) << text;
  // With a unit or counted noun they are figures, 廿/卅 and 两千零十 included.
  EXPECT_EQ(scan("共收到申请廿五件"), Strings{"廿五件=25件"});
  EXPECT_EQ(scan("接待群众卅人次"), Strings{"卅人次=30人次"});
  EXPECT_EQ(scan("全年公开信息两千零十条"), Strings{"两千零十条=2010条"});
  EXPECT_EQ(scan("收费两千零十元"), Strings{"两千零十元=2010元"});
  EXPECT_EQ(scan("约十一万元"), Strings{"约十一万元=110000元/approx"});
  // A bare numeral no word could be counts, as before (三万, and now 两千零十).
  EXPECT_EQ(scan("累计三万"), Strings{"三万=30000"});
  EXPECT_EQ(scan("累计两千零十"), Strings{"两千零十=2010"});
  // Dates keep out: 廿五日 is a day.
  EXPECT_EQ(scan("于廿五日公开"), Strings{});
}

}  // namespace
}  // namespace nianbao::norm
