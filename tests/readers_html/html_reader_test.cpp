#include "extractor/readers/html/html_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "extractor/readers/html/report_body.hpp"
#include "extractor/readers/html/traditional.hpp"
#include "html_test_support.hpp"

namespace nianbao::testing {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

std::string repeated(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

// The six section headings with `tables` under 二, wrapped in whatever `frame` puts around
// them ("%s" marks where the report goes).
std::string report_page(const std::string& tables, const std::string& frame = "%s") {
  const std::string report =
      "<p>2021年某某县统计局政府信息公开工作年度报告</p>"
      "<p>一、总体情况</p><p>全年主动公开信息120条。</p>"
      "<p>二、主动公开政府信息情况</p>" +
      tables +
      "<p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>"
      "<p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p><p>无。</p>";
  std::string page = frame;
  page.replace(page.find("%s"), 2, report);
  return "<html><head><meta charset=\"utf-8\"></head><body>" + page + "</body></html>";
}

TEST(HtmlGrid, RowspanAndColspanGiveATrueGrid) {
  const auto doc = read_page(report_page(
      "<table border=1>"
      "<tr><td rowspan=3 colspan=3>勾稽</td><td colspan=3>申请人情况</td></tr>"
      "<tr><td rowspan=2>自然人</td><td colspan=2>法人或其他组织</td></tr>"
      "<tr><td>商业企业</td><td>科研机构</td></tr>"
      "<tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td>"
      "<td>5</td><td>1</td><td>0</td></tr>"
      "<tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>2</td><td>0</td><td>3</td></tr>"
      "</table>"));
  ASSERT_EQ(top_tables(doc).size(), 1u);
  const model::Table& t = *top_tables(doc)[0];
  EXPECT_EQ(t.rows, 5);
  EXPECT_EQ(t.cols, 6);
  EXPECT_EQ(t.cells.size(), 16u);  // a merged cell is stored once
  EXPECT_EQ(text_at(t, 2, 2), "勾稽");
  EXPECT_EQ(text_at(t, 2, 3), "自然人");
  EXPECT_EQ(text_at(t, 2, 4), "商业企业");
  EXPECT_EQ(text_at(t, 2, 5), "科研机构");
  EXPECT_EQ(text_at(t, 3, 3), "5");
  EXPECT_EQ(text_at(t, 4, 0), "三、本年度办理结果");
  EXPECT_EQ(text_at(t, 4, 1), "（三）不予公开");
  EXPECT_EQ(text_at(t, 4, 2), "1.属于国家秘密");
  EXPECT_EQ(text_at(t, 4, 5), "3");
  const model::Cell* merged = cell_at(t, 1, 1);
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->row, 0);
  EXPECT_EQ(merged->col, 0);
  EXPECT_EQ(merged->row_span, 3);
  EXPECT_EQ(merged->col_span, 3);
  // Cells are row-major by their top-left corner.
  for (std::size_t i = 1; i < t.cells.size(); ++i) {
    const auto& a = t.cells[i - 1];
    const auto& b = t.cells[i];
    EXPECT_TRUE(a.row < b.row || (a.row == b.row && a.col < b.col)) << i;
  }
}

TEST(HtmlGrid, ShortRowsLeaveHolesAndOverlongSpansAreClipped) {
  const auto doc =
      read_page(report_page("<table><tr><td>a</td><td>b</td><td>c</td></tr>"
                            "<tr><td rowspan=9>d</td></tr></table>"));
  ASSERT_EQ(top_tables(doc).size(), 1u);
  const model::Table& t = *top_tables(doc)[0];
  EXPECT_EQ(t.rows, 2);
  EXPECT_EQ(t.cols, 3);
  EXPECT_EQ(cell_at(t, 1, 1), nullptr);
  EXPECT_EQ(cell_at(t, 1, 0)->row_span, 1);
  EXPECT_TRUE(has_diagnostic(doc, "html_span_clipped"));
}

TEST(HtmlCells, NbspOnlyCellsAreBlankAndBreaksBecomeNewlines) {
  const auto doc = read_page(
      report_page("<table><tr><td>&nbsp;</td><td><p>&nbsp;</p></td><td>本年新<br />制作数量</td>"
                  "<td><p>商业</p><p>企业</p></td><td>&#12288;</td></tr></table>"));
  const model::Table& t = *top_tables(doc).at(0);
  EXPECT_EQ(text_at(t, 0, 0), "");
  EXPECT_EQ(text_at(t, 0, 1), "");
  EXPECT_EQ(text_at(t, 0, 2), "本年新\n制作数量");
  EXPECT_EQ(text_at(t, 0, 3), "商业\n企业");
  EXPECT_EQ(text_at(t, 0, 4), "");
}

TEST(HtmlCells, DigitsSplitOverSpansRejoin) {
  const auto doc = read_page(
      report_page("<table><tr>"
                  "<td><span>1</span><span>2</span><span>3</span></td>"
                  "<td><p class=MsoNormal><span lang=EN-US>4</span>\n<span lang=EN-US>5</span>"
                  "<span><o:p></o:p></span></p></td>"
                  "<td><b>9</b><i>6.</i><span>4</span></td>"
                  "</tr></table>"));
  const model::Table& t = *top_tables(doc).at(0);
  EXPECT_EQ(text_at(t, 0, 0), "123");
  EXPECT_EQ(text_at(t, 0, 1), "45");
  EXPECT_EQ(text_at(t, 0, 2), "96.4");
}

TEST(HtmlBody, ChromeAroundTheReportIsDropped) {
  const auto doc =
      read_page(report_page("<table><tr><td>规章</td><td>0</td></tr></table>",
                            "<div class=nav><a>首页</a><a>机构概况</a></div>"
                            "<div class=crumb>当前位置：首页 &gt; 年报</div>"
                            "<script>document.write('一、总体情况');</script><style>p{}</style>"
                            "<div id=content>%s</div>"
                            "<div class=footer>版权所有 某某县人民政府</div>"));
  const std::string text = all_text(doc);
  EXPECT_THAT(text, HasSubstr("一、总体情况"));
  EXPECT_THAT(text, HasSubstr("六、其他需要报告的事项"));
  EXPECT_THAT(text, Not(HasSubstr("机构概况")));
  EXPECT_THAT(text, Not(HasSubstr("当前位置")));
  EXPECT_THAT(text, Not(HasSubstr("版权所有")));
  EXPECT_THAT(text, Not(HasSubstr("document.write")));
  EXPECT_FALSE(has_diagnostic(doc, "html_report_body_not_found"));
  EXPECT_EQ(top_tables(doc).size(), 1u);
}

TEST(HtmlBody, LayoutTablesAroundTheReportAreReadThrough) {
  const auto doc = read_page(report_page(
      "<table border=1><tr><td>规章</td><td>7</td></tr></table>",
      "<table width=1000><tr><td class=side><table><tr><td><a>2020年年报</a></td></tr>"
      "<tr><td><a>2019年年报</a></td></tr></table></td>"
      "<td><table width=100%><tr><td class=content>%s</td></tr></table></td></tr></table>"));
  // Only the report's own data table becomes a table; the frames do not.
  ASSERT_EQ(top_tables(doc).size(), 1u);
  EXPECT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(text_at(*top_tables(doc)[0], 0, 1), "7");
  EXPECT_THAT(paragraph_texts(doc), Contains("一、总体情况"));
  EXPECT_THAT(all_text(doc), Not(HasSubstr("2019年年报")));
}

TEST(HtmlBody, ReportSpreadOverLayoutTableRowsIsReadInOrder) {
  // Headings in separate rows of a framing table: the table holds the report and is read as
  // text, with the data tables inside its cells kept as tables.
  const std::string page =
      "<html><body><table>"
      "<tr><td>一、总体情况</td></tr>"
      "<tr><td>二、主动公开政府信息情况<table border=1><tr><td>规章</td><td>3</td></tr>"
      "<tr><td>行政许可</td><td>4</td></tr></table></td></tr>"
      "<tr><td>三、收到和处理政府信息公开申请情况</td></tr>"
      "</table></body></html>";
  const auto doc = read_page(page);
  ASSERT_EQ(top_tables(doc).size(), 1u);
  EXPECT_EQ(text_at(*top_tables(doc)[0], 1, 1), "4");
  const auto paragraphs = paragraph_texts(doc);
  ASSERT_GE(paragraphs.size(), 3u);
  EXPECT_EQ(paragraphs[0], "一、总体情况");
  EXPECT_EQ(paragraphs[1], "二、主动公开政府信息情况");
  EXPECT_EQ(doc.blocks[2].kind, model::Block::Kind::table);
}

TEST(HtmlBody, ALongNoteRowUnderATableOfFiguresKeepsTheTable) {
  // A note of more than 200 characters in a row of its own is no sign of a layout table when
  // the other rows are rows of figures: read as text, the blank cell below would be lost.
  const std::string note = "<tr><td colspan=4>注：" +
                           repeated(
                               "本表所列数据为本机关在统计期限内收到和处理政府信息公开申请的情况，"
                               "同一申请只计一种情形。",
                               5) +
                           "</td></tr>";
  const auto doc = read_page(report_page(
      "<table border=1><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td>"
      "<td>现行有效件数</td></tr><tr><td>规章</td><td>&nbsp;</td><td>2</td><td>5</td></tr>" +
      note + "</table>"));
  ASSERT_EQ(top_tables(doc).size(), 1u);
  EXPECT_EQ(top_tables(doc)[0]->rows, 3);
  EXPECT_EQ(text_at(*top_tables(doc)[0], 1, 1), "");
  EXPECT_EQ(text_at(*top_tables(doc)[0], 1, 3), "5");
}

TEST(HtmlBody, ProseBesideOtherCellsOrAloneWithoutRowsOfFiguresIsLayout) {
  const std::string prose =
      repeated("本机关认真贯彻落实政府信息公开条例，不断完善工作机制，规范办理流程。", 8);
  const auto columns =
      read_page(report_page("<table><tr><td>" + prose +
                            "</td><td>7</td></tr><tr><td>a</td><td>b</td><td>c</td></tr>"
                            "<tr><td>d</td><td>e</td><td>f</td></tr></table>"));
  EXPECT_TRUE(top_tables(columns).empty());
  const auto one_grid_row =
      read_page(report_page("<table><tr><td colspan=3>" + prose +
                            "</td></tr><tr><td>打印</td><td>关闭</td><td>收藏</td>"
                            "</tr></table>"));
  EXPECT_TRUE(top_tables(one_grid_row).empty());
}

TEST(HtmlBody, HeadingAsTheTitleRowOfADataTableKeepsTheTable) {
  const std::string page =
      "<html><body><div><p>一、总体情况</p><p>全年公开信息56条。</p>"
      "<table border=1><tr><td colspan=2>二、主动公开政府信息情况</td></tr>"
      "<tr><td>规章</td><td>4</td></tr></table>"
      "<p>三、收到和处理政府信息公开申请情况</p></div></body></html>";
  const auto doc = read_page(page);
  ASSERT_EQ(top_tables(doc).size(), 1u);
  EXPECT_EQ(text_at(*top_tables(doc)[0], 1, 1), "4");
  EXPECT_THAT(paragraph_texts(doc), ::testing::ElementsAre("一、总体情况", "全年公开信息56条。",
                                                           "二、主动公开政府信息情况",
                                                           "三、收到和处理政府信息公开申请情况"));
  EXPECT_EQ(doc.blocks[2].paragraph.locator.path, "/html/body/div/table/tr[1]/td");
  EXPECT_EQ(doc.blocks[3].kind, model::Block::Kind::table);
}

TEST(HtmlBody, TitleAboveTheContentDivIsKeptAsTheFirstParagraph) {
  const std::string page =
      "<html><body><div class=crumb>首页 &gt; 2021年某某市司法局政府信息公开工作年度报告</div>"
      "<h1>2021年某某市司法局政府信息公开工作年度报告</h1>"
      "<div class=text><p>一、总体情况</p><p>二、主动公开政府信息情况</p>"
      "<p>三、收到和处理政府信息公开申请情况</p></div></body></html>";
  const auto doc = read_page(page);
  ASSERT_FALSE(doc.blocks.empty());
  EXPECT_EQ(doc.blocks[0].paragraph.text, "2021年某某市司法局政府信息公开工作年度报告");
  EXPECT_EQ(doc.blocks[0].paragraph.locator.path, "/html/body/h1");
  EXPECT_EQ(doc.hints.title, "2021年某某市司法局政府信息公开工作年度报告");
  EXPECT_THAT(all_text(doc), Not(HasSubstr("首页")));
}

TEST(HtmlBody, OtherYearsReportLinksAreNotTakenForTheTitle) {
  const std::string page =
      "<html><body><ul class=list><li><a href=1>2018年某某局政府信息公开工作年度报告</a></li></ul>"
      "<div class=text><p>一、总体情况</p><p>二、主动公开政府信息情况</p>"
      "<p>三、收到和处理政府信息公开申请情况</p></div></body></html>";
  const auto doc = read_page(page);
  ASSERT_FALSE(doc.blocks.empty());
  EXPECT_EQ(doc.blocks[0].paragraph.text, "一、总体情况");
  EXPECT_THAT(all_text(doc), Not(HasSubstr("2018年")));
}

TEST(HtmlBody, WordConditionalMarkersAreDropped) {
  const auto doc = read_page(
      "<html><body><p>一、总体情况</p><p class=MsoListParagraph><![if !supportLists]><span>1."
      "<span>&nbsp;&nbsp; </span></span><![endif]><span>加强领导</span></p>"
      "<p>二、主动公开政府信息情况</p><p><![CDATA[x]]></p></body></html>");
  EXPECT_THAT(paragraph_texts(doc), Contains("1. 加强领导"));
  EXPECT_THAT(all_text(doc), Not(HasSubstr("supportLists")));
  EXPECT_THAT(all_text(doc), Not(HasSubstr("endif")));
}

TEST(HtmlBody, WordConditionalCommentInTheHeadDoesNotSwallowThePageUpToTheNextMarker) {
  // Word writes its settings in a conditional comment (`<![endif]-->` ends it, not `]>`) and
  // a hidden row for misaligned columns between `<![if …]>` and `<![endif]>` markers in the
  // body; the comment's end must not be paired with the body's marker.
  const auto doc = read_page(
      "<html><head><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
      "</head><body><p>一、总体情况</p><p>二、主动公开政府信息情况</p>"
      "<table border=1><tr><td>规章</td><td>7</td></tr>"
      "<![if !supportMisalignedColumns]><tr height=0><td width=60></td><td width=60></td></tr>"
      "<![endif]></table><p>三、收到和处理政府信息公开申请情况</p></body></html>");
  EXPECT_FALSE(has_diagnostic(doc, "html_report_body_not_found"));
  EXPECT_THAT(paragraph_texts(doc), Contains("一、总体情况"));
  ASSERT_EQ(top_tables(doc).size(), 1u);
  EXPECT_EQ(text_at(*top_tables(doc)[0], 0, 1), "7");
  EXPECT_THAT(all_text(doc), Not(HasSubstr("endif")));
}

TEST(HtmlBody, PageWithoutSectionHeadingsIsReadWholeWithoutChrome) {
  const auto doc = read_page(
      "<html><body><nav>首页 机构概况</nav><div class=menu>政务公开</div>"
      "<div class=main><p><a href=x>2009年政府信息公开工作年度报告</a></p>"
      "<p>2010年政府信息公开工作年度报告</p><p>公开各类信息46条。</p></div>"
      "<footer>版权所有</footer></body></html>");
  EXPECT_TRUE(doc.readable);
  EXPECT_TRUE(has_diagnostic(doc, "html_report_body_not_found"));
  EXPECT_THAT(paragraph_texts(doc), Contains("公开各类信息46条。"));
  EXPECT_THAT(all_text(doc), Not(HasSubstr("机构概况")));
  EXPECT_THAT(all_text(doc), Not(HasSubstr("版权所有")));
  EXPECT_THAT(all_text(doc), Not(HasSubstr("政务公开")));
  EXPECT_EQ(doc.hints.title, "2010年政府信息公开工作年度报告");
}

TEST(HtmlBody, HeadingsIndentedWithEmSpacesAreFound) {
  const auto doc = read_page(
      "<html><body><div class=nav>首页</div><div id=zoom>"
      "<p>&emsp;&emsp;一、总体情况</p><p>&ensp;二、主动公开政府信息情况&#8203;</p>"
      "<p>　　三、收到和处理政府信息公开申请情况</p><p>四 、政府信息公开行政复议、行政诉讼情况</p>"
      "<p>五　存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p></div></body></html>");
  EXPECT_FALSE(has_diagnostic(doc, "html_report_body_not_found"));
  EXPECT_THAT(paragraph_texts(doc),
              ::testing::ElementsAre("一、总体情况", "二、主动公开政府信息情况",
                                     "三、收到和处理政府信息公开申请情况",
                                     "四 、政府信息公开行政复议、行政诉讼情况",
                                     "五　存在的主要问题及改进情况", "六、其他需要报告的事项"));
}

TEST(HtmlBody, SectionHeadingsAndNearMisses) {
  const auto number = [](std::string_view line) {
    return readers::html::section_heading_number(line);
  };
  EXPECT_EQ(number("一、总体情况"), 1);
  EXPECT_EQ(number("二、主动公开政府信息情况"), 2);
  EXPECT_EQ(number("三、收到和处理政府信息公开申请情况"), 3);
  EXPECT_EQ(number("四、因政府信息公开工作被申请行政复议提起行政诉讼情况"), 4);
  EXPECT_EQ(number("五、政府信息公开工作存在的主要问题及改进情况"), 5);
  EXPECT_EQ(number("六、其他需要报告的事项"), 6);
  EXPECT_EQ(number("一、概述"), 1);
  EXPECT_EQ(number("四、政府資訊公開行政復議、行政訴訟情況"), 4);
  // Row labels of table 三 open with the same numerals but are not section headings.
  EXPECT_EQ(number("一、本年新收政府信息公开申请数量"), 0);
  EXPECT_EQ(number("二、上年结转政府信息公开申请数量"), 0);
  EXPECT_EQ(number("三、本年度办理结果"), 0);
  EXPECT_EQ(number("四、结转下年度继续办理"), 0);
  EXPECT_EQ(number("一是加强领导"), 0);
  EXPECT_EQ(number("七、附件"), 0);
  EXPECT_EQ(number(""), 0);
}

TEST(HtmlBody, BreaksSplitRunningTextIntoParagraphs) {
  const auto doc = read_page(
      "<html><body><div>一、总体情况<br>我局全年公开信息56条。<br>二、主动公开政府信息情况<br>"
      "三、收到和处理政府信息公开申请情况</div></body></html>");
  EXPECT_THAT(paragraph_texts(doc), ::testing::ElementsAre("一、总体情况", "我局全年公开信息56条。",
                                                           "二、主动公开政府信息情况",
                                                           "三、收到和处理政府信息公开申请情况"));
}

TEST(HtmlLocators, ElementPathsForParagraphsAndCells) {
  const std::string page =
      "<html><body><div>nav</div><div>side</div><div>"
      "<p>一、总体情况</p><p>二、主动公开政府信息情况</p>"
      "<table><tr><td>x</td><td>y</td></tr></table>"
      "<table><tr><td>规章</td><td>1</td></tr><tr><td>规范性文件</td><td>2</td></tr></table>"
      "<p>三、收到和处理政府信息公开申请情况</p></div></body></html>";
  const auto doc = read_page(page);
  EXPECT_EQ(doc.blocks.at(0).paragraph.locator.path, "/html/body/div[3]/p[1]");
  const auto tables = top_tables(doc);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[1]->locator.path, "/html/body/div[3]/table[2]");
  const model::Cell* two = cell_at(*tables[1], 1, 1);
  ASSERT_NE(two, nullptr);
  EXPECT_EQ(two->locator.path, "/html/body/div[3]/table[2]/tr[2]/td[2]");
}

TEST(HtmlHints, MetadataBoxAsTableGivesAgencyAndDate) {
  const auto doc = read_page(report_page(
      "",
      "<table class=meta><tr><td>索引号：</td><td>000-2022-01</td>"
      "<td>发布机构：</td><td>某某区教育局</td></tr>"
      "<tr><td>发文日期：</td><td>2022年01月25日</td><td>主题分类：</td><td>其他</td></tr></table>"
      "<div class=article>%s</div>"));
  EXPECT_EQ(doc.hints.agency, "某某区教育局");
  EXPECT_EQ(doc.hints.published, "2022年01月25日");
  EXPECT_EQ(doc.hints.title, "2021年某某县统计局政府信息公开工作年度报告");
  EXPECT_THAT(all_text(doc), Not(HasSubstr("索引号")));
}

TEST(HtmlHints, MetadataInRunningTextAndLists) {
  const auto inline_box = read_page(report_page(
      "",
      "<div class=info>发布机构：某某镇人民政府 发布时间：2021-01-29 10:32:11 浏览次数：58</div>"
      "<div>%s</div>"));
  EXPECT_EQ(inline_box.hints.agency, "某某镇人民政府");
  EXPECT_EQ(inline_box.hints.published, "2021-01-29");
  const auto list_box = read_page(report_page(
      "",
      "<ul><li><b>发文机关:</b> 某某市财政局</li><li><b>成文日期:</b> 2020-01-15</li></ul>"
      "<div>%s</div>"));
  EXPECT_EQ(list_box.hints.agency, "某某市财政局");
  EXPECT_EQ(list_box.hints.published, "2020-01-15");
}

TEST(HtmlHints, SourceNamingTheWebsiteIsNoAgency) {
  const auto doc = read_page(
      report_page("", "<div class=info>来源：本站原创 发布时间：2021-01-29</div><div>%s</div>"));
  EXPECT_EQ(doc.hints.agency, "");
  EXPECT_EQ(doc.hints.published, "2021-01-29");
}

TEST(HtmlHints, TitlesWithATrailingNoteOrCalledNianbao) {
  const auto summary = read_page(
      "<html><body><h2>某某区民政局2021年政府信息公开工作年度报告（摘要）</h2><div>"
      "<p>一、总体情况</p><p>二、主动公开政府信息情况</p></div></body></html>");
  EXPECT_EQ(summary.hints.title, "某某区民政局2021年政府信息公开工作年度报告（摘要）");
  const auto nianbao = read_page(
      "<html><body><h2>某某镇2022年政府信息公开年报</h2><div>"
      "<p>一、总体情况</p><p>二、主动公开政府信息情况</p></div></body></html>");
  EXPECT_EQ(nianbao.hints.title, "某某镇2022年政府信息公开年报");
}

TEST(HtmlHints, TitleElementIsTheLastResort) {
  const auto doc = read_page(
      "<html><head><title>2019年某某局政府信息公开工作年度报告_某某市人民政府</title></head>"
      "<body><p>一、总体情况</p><p>二、主动公开政府信息情况</p></body></html>");
  EXPECT_EQ(doc.hints.title, "2019年某某局政府信息公开工作年度报告");
}

TEST(HtmlTraditional, HeadingsAreFoundAndTextIsKeptAsWritten) {
  const auto doc = read_page(
      "<html><body><div class=nav>網站首頁</div><div id=c><p>一、總體情況</p>"
      "<p>二、主動公開政府信息情況</p>"
      "<table><tr><td>第二十條第（一）項</td><td>0</td></tr></table>"
      "<p>三、收到和處理政府信息公開申請情況</p></div></body></html>");
  EXPECT_FALSE(has_diagnostic(doc, "html_report_body_not_found"));
  EXPECT_THAT(all_text(doc), Not(HasSubstr("網站首頁")));
  EXPECT_EQ(text_at(*top_tables(doc).at(0), 0, 0), "第二十條第（一）項");
}

TEST(HtmlTraditional, ToSimplifiedConvertsLabels) {
  EXPECT_EQ(readers::to_simplified("第二十條第（一）項"), "第二十条第（一）项");
  EXPECT_EQ(readers::to_simplified("本年收費金額（單位：萬元）"), "本年收费金额（单位：万元）");
  EXPECT_EQ(readers::to_simplified("plain ascii 123"), "plain ascii 123");
  EXPECT_EQ(readers::to_simplified(""), "");
}

TEST(HtmlNested, DataTableInsideADataCellIsLinkedToItsParent) {
  const auto doc = read_page(report_page(
      "<table border=1><tr><td>行政许可</td><td>3</td><td>5</td></tr>"
      "<tr><td>附</td><td>注</td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr>"
      "</table>"));
  ASSERT_EQ(top_tables(doc).size(), 1u);
  ASSERT_EQ(doc.tables.size(), 2u);
  const model::Table& outer = doc.tables[0];
  const model::Table& inner = doc.tables[1];
  EXPECT_EQ(inner.parent_table, 0);
  ASSERT_TRUE(inner.parent_cell.has_value());
  const model::Cell& holder = outer.cells.at(static_cast<std::size_t>(*inner.parent_cell));
  EXPECT_EQ(holder.row, 1);
  EXPECT_EQ(holder.col, 2);
  EXPECT_EQ(holder.nested_tables, std::vector<int>{1});
  EXPECT_EQ(text_at(inner, 0, 1), "y");
}

TEST(HtmlEncoding, GbkPageIsDecodedAndEncodingRecorded) {
  // "一、总体情况" and "二、主动公开" in GBK, declared gb2312.
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
      "</head><body><p>\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6</p>"
      "<p>\xB6\xFE\xA1\xA2\xD6\xF7\xB6\xAF\xB9\xAB\xBF\xAA</p></body></html>";
  const auto doc = read_page(page);
  EXPECT_EQ(doc.source.encoding, "GB18030");
  EXPECT_THAT(paragraph_texts(doc), Contains("一、总体情况"));
  EXPECT_FALSE(has_diagnostic(doc, "encoding_declared_mismatch"));
}

TEST(HtmlEncoding, GbkPageCutInsideACharacterIsStillReadAsGbk) {
  // "一、总体情况" and "二、主动公开" in GBK, then the first byte of "无".
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">"
      "</head><body><p>\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6</p>"
      "<p>\xB6\xFE\xA1\xA2\xD6\xF7\xB6\xAF\xB9\xAB\xBF\xAA</p><p>\xCE";
  const auto doc = read_page(page);
  EXPECT_EQ(doc.source.encoding, "GB18030");
  // The shared decoder reads a declared multibyte charset leniently when only a few bytes fail.
  EXPECT_TRUE(has_diagnostic(doc, "encoding_invalid_bytes"));
  EXPECT_FALSE(has_diagnostic(doc, "encoding_declared_mismatch"));
  EXPECT_THAT(paragraph_texts(doc), Contains("一、总体情况"));
}

TEST(HtmlEncoding, Utf8PageCutInsideACharacterIsStillReadAsUtf8) {
  std::string page =
      "<html><head><meta charset=\"utf-8\"></head><body><p>一、总体情况</p>"
      "<p>二、主动公开政府信息情况</p><p>无";
  page.pop_back();  // two of the three bytes of 无 remain
  const auto doc = read_page(page);
  EXPECT_EQ(doc.source.encoding, "UTF-8");
  EXPECT_TRUE(has_diagnostic(doc, "encoding_invalid_bytes"));
  EXPECT_THAT(paragraph_texts(doc), Contains("一、总体情况"));
}

TEST(HtmlEncoding, StrayByteInAGbkPageDoesNotTurnItIntoLatin1) {
  std::string page =
      "<html><head><meta charset=\"gb2312\"></head><body>"
      "<p>\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6</p>\xFF"
      "<p>\xB6\xFE\xA1\xA2\xD6\xF7\xB6\xAF\xB9\xAB\xBF\xAA</p>";
  page += std::string(2000, ' ') + "</body></html>";  // one bad byte among many good ones
  const auto doc = read_page(page);
  EXPECT_EQ(doc.source.encoding, "GB18030");
  EXPECT_TRUE(has_diagnostic(doc, "encoding_invalid_bytes"));
  EXPECT_FALSE(has_diagnostic(doc, "encoding_declared_mismatch"));
  EXPECT_THAT(paragraph_texts(doc), Contains("一、总体情况"));
  EXPECT_THAT(paragraph_texts(doc), Contains("二、主动公开"));
}

TEST(HtmlEncoding, MisdeclaredCharsetIsReadAsTheBytesSayWithADiagnostic) {
  // UTF-8 bytes under a gb2312 declaration: the meta must not make libxml2 re-decode them.
  const auto doc = read_page(
      "<html><head><meta charset=\"gb2312\"></head><body><p>一、总体情况</p>"
      "<p>二、主动公开政府信息情况</p></body></html>");
  EXPECT_EQ(doc.source.encoding, "UTF-8");
  EXPECT_TRUE(has_diagnostic(doc, "encoding_declared_mismatch"));
  EXPECT_THAT(paragraph_texts(doc), Contains("一、总体情况"));
}

TEST(HtmlEncoding, Utf16PageWithBom) {
  // "\uFEFF<p>一、总体情况</p>" in UTF-16LE.
  const std::string page(
      "\xFF\xFE<\0p\0>\0\x00\x4E\x01\x30\x3B\x60\x53\x4F\xC5\x60\xB5\x51<\0/\0p\0>\0", 28);
  const auto doc = read_page(page);
  EXPECT_EQ(doc.source.encoding, "UTF-16LE");
  EXPECT_THAT(paragraph_texts(doc), Contains("一、总体情况"));
}

}  // namespace
}  // namespace nianbao::testing
