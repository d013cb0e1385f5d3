#include "extractor/legacy/statistics_table.hpp"

#include <gtest/gtest.h>

#include "extractor/pipeline/extract.hpp"

namespace nianbao::legacy {
namespace {

model::Document text_document(const std::vector<std::string>& lines) {
  model::Document doc;
  int line = 1;
  for (const std::string& text : lines) {
    model::Block block;
    block.paragraph.text = text;
    block.paragraph.locator.line = line++;
    doc.blocks.push_back(std::move(block));
  }
  return doc;
}

const model::Figure* figure(const LegacyTables& t, std::string_view id) {
  for (const model::Figure& f : t.figures)
    if (f.id == id) return &f;
  return nullptr;
}

std::string value_of(const LegacyTables& t, std::string_view id) {
  const model::Figure* f = figure(t, id);
  if (f == nullptr) return "absent";
  return f->value ? f->value->to_string() : norm::to_string(f->status);
}

TEST(SplitRow, BarsAndTabs) {
  EXPECT_EQ(split_row("收到申请数 | 件 | 15"),
            (std::vector<std::string>{"收到申请数", "件", "15"}));
  EXPECT_EQ(split_row("| 收到申请数 | 件 | |"), (std::vector<std::string>{"收到申请数", "件", ""}));
  EXPECT_EQ(split_row("3\t收到申请数\t\t件\t8"),
            (std::vector<std::string>{"3", "收到申请数", "件", "8"}));
  EXPECT_TRUE(split_row("全年收到申请15件。").empty());
}

TEST(ColumnKey, HeadersOfTheEraForms) {
  EXPECT_EQ(column_key("统计数"), "period");
  EXPECT_EQ(column_key("本期实际"), "period");
  EXPECT_EQ(column_key("2009年度"), "period");
  EXPECT_EQ(column_key("本年累计"), "year_cumulative");
  EXPECT_EQ(column_key("历年累计"), "all_years");
  EXPECT_EQ(column_key("备注说明"), "");
}

TEST(MetricForLabel, LabelsAreComparedNormalised) {
  EXPECT_EQ(
      metric_for_label("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "", nullptr),
      "proactive.published");
  EXPECT_EQ(metric_for_label("其中：主动公开规范性文件数", "", nullptr),
            "proactive.normative_documents");
  EXPECT_EQ(metric_for_label("其中:1.当面申请数", "", nullptr), "requests.in_person");
  EXPECT_EQ(metric_for_label("(1)“非《规定》所指政府信息”数", "", nullptr),
            "requests.denied_not_government_information");
  EXPECT_EQ(metric_for_label("主动公开情况", "", nullptr), "");
}

TEST(MetricForLabel, OutcomeRowsBelongToTheirBlock) {
  std::string block;
  EXPECT_EQ(metric_for_label("五、行政诉讼数量", "review", &block), "litigation.total");
  EXPECT_EQ(block, "litigation");
  EXPECT_EQ(metric_for_label("（二）被依法纠错数", block, nullptr), "litigation.corrected");
  EXPECT_EQ(metric_for_label("（二）被依法纠错数", "", nullptr), "");  // no block: no guess
}

TEST(ReadStatisticsTables, ValuesKeepTheirColumnHeaderAndUnit) {
  const LegacyTables t = read_statistics_tables(text_document({
      "指标名称 | 计量单位 | 2009年度 | 历年累计",
      "主动公开信息数 | 条 | 46 | 300",
      "依申请公开信息收取的费用 | 万元 | 0.12 | 1.5",
  }));
  ASSERT_EQ(t.tables.size(), 1u);
  EXPECT_EQ(t.tables[0].template_version, "pre2019");
  EXPECT_EQ(t.tables[0].figures, 4);
  const model::Figure* f = figure(t, "legacy.proactive.published.all_years");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->header, "历年累计");
  EXPECT_EQ(f->unit, "条");
  EXPECT_EQ(f->raw, "300");
  EXPECT_EQ(f->locator.line, 2);
  EXPECT_EQ(value_of(t, "legacy.fees.collected.period"), "1200");
  EXPECT_EQ(figure(t, "legacy.fees.collected.period")->unit, "元");
  EXPECT_EQ(value_of(t, "legacy.fees.collected.all_years"), "15000");
}

TEST(ReadStatisticsTables, RowsThatDoNotFitTheHeaderAreNotDealtIntoColumns) {
  const LegacyTables t = read_statistics_tables(text_document({
      "统计指标 | 单位 | 区政府统计数 | 乡镇统计数",
      "收到申请数 | 件 | 12",  // a cell dropped: which column is 12 in? Not guessed.
      "申请办结数 | 件 | 10 | 2",
      "（一）维持具体行政行为数 | 件 | 1 | 0",  // before any 行政复议 row: no block, no figure
  }));
  EXPECT_EQ(value_of(t, "legacy.requests.received.period"), "absent");
  EXPECT_EQ(value_of(t, "legacy.requests.closed.period"), "10");
  EXPECT_EQ(value_of(t, "legacy.requests.closed.period_2"), "2");
  EXPECT_EQ(figure(t, "legacy.requests.closed.period_2")->header, "乡镇统计数");
  EXPECT_EQ(t.figures.size(), 2u);
}

TEST(ReadStatisticsTables, SerialNumbersAreNeverValuesAndBlanksStayBlank) {
  const LegacyTables t = read_statistics_tables(text_document({
      "序号\t统计指标\t单位\t统计数",
      "9\t收到申请数\t件\t8",
      "73 | 申请办结数 | 件 | /",
  }));
  EXPECT_EQ(value_of(t, "legacy.requests.received.period"), "8");
  // A table continues across flattening styles only while its rows fit the header.
  EXPECT_EQ(value_of(t, "legacy.requests.closed.period"), "not_applicable");
}

TEST(ReadStatisticsTables, AHeaderWithNoKnownRowIsNoTable) {
  const LegacyTables t = read_statistics_tables(text_document({
      "项目 | 单位 | 数量",
      "办公用房 | 平方米 | 120",
  }));
  EXPECT_TRUE(t.tables.empty());
  EXPECT_TRUE(t.figures.empty());
}

TEST(ReadStatisticsTables, ProseEndsATable) {
  const LegacyTables t = read_statistics_tables(text_document({
      "统计指标 | 单位 | 统计数",
      "收到申请数 | 件 | 8",
      "以上数据截至12月31日。",
      "申请办结数 | 件 | 8",
  }));
  EXPECT_EQ(value_of(t, "legacy.requests.received.period"), "8");
  EXPECT_EQ(value_of(t, "legacy.requests.closed.period"), "absent");
}

TEST(ReadStatisticsTables, WordTablesAreReadFromTheirGrid) {
  model::Document doc;
  model::Table table;
  table.rows = 3;
  table.cols = 3;
  const char* texts[3][3] = {{"统计指标", "单位", "统计数"},
                             {"行政复议数量", "件", "3"},
                             {"维持具体行政行为数", "件", "2"}};
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) {
      model::Cell cell;
      cell.row = r;
      cell.col = c;
      cell.text = texts[r][c];
      cell.locator.table = 0;
      cell.locator.row = r;
      cell.locator.cell = c;
      table.cells.push_back(cell);
    }
  doc.tables.push_back(table);
  model::Block block;
  block.kind = model::Block::Kind::table;
  block.table = 0;
  doc.blocks.push_back(block);
  const LegacyTables t = read_statistics_tables(doc);
  EXPECT_EQ(value_of(t, "legacy.review.upheld.period"), "2");
  EXPECT_EQ(figure(t, "legacy.review.upheld.period")->locator.row, 2);
}

TEST(CheckIdentities, FailGivesBothSidesAndMissingPartsAreNamed) {
  const LegacyTables t = read_statistics_tables(text_document({
      "统计指标 | 单位 | 统计数",
      "从事政府信息公开工作人员数 | 人 | 5",
      "1.专职人员数 | 人 | 1",
      "2.兼职人员数 | 人 | 3",
      "四、行政复议数量 | 件 | 2",
      "（一）维持具体行政行为数 | 件 | 1",
      "（二）被依法纠错数 | 件 | —",
  }));
  ASSERT_EQ(t.checks.size(), 2u);
  const model::Check& review = t.checks[0].id == "A-5" ? t.checks[0] : t.checks[1];
  const model::Check& staff = t.checks[0].id == "A-6" ? t.checks[0] : t.checks[1];
  EXPECT_EQ(staff.status, model::CheckStatus::fail);
  EXPECT_EQ(staff.left->to_string(), "5");
  EXPECT_EQ(staff.right->to_string(), "4");
  EXPECT_EQ(staff.scope_value, "period");
  EXPECT_EQ(review.status, model::CheckStatus::not_assessable);
  EXPECT_EQ(review.missing, std::vector<std::string>{"legacy.review.corrected.period"});
}

const model::Check* check_of(const LegacyTables& t, std::string_view rule, std::string_view scope) {
  for (const model::Check& c : t.checks)
    if (c.rule == rule && c.scope_value == scope) return &c;
  return nullptr;
}

TEST(CheckIdentities, SoftBoundsFlagWithoutFailingTheHardRules) {
  const LegacyTables t = read_statistics_tables(text_document({
      "统计指标 | 单位 | 统计数",
      "主动公开政府信息数 | 条 | 40",
      "其中：主动公开规范性文件数 | 条 | 45",
      "制发规范性文件总数 | 件 | 50",
      "参加或举办新闻发布会总次数 | 次 | 3",
      "其中：主要负责同志参加新闻发布会次数 | 次 | 1",
  }));
  const model::Check* published =
      check_of(t, "legacy.proactive.normative_within_published", "period");
  ASSERT_NE(published, nullptr);
  EXPECT_TRUE(published->soft);
  EXPECT_EQ(published->status, model::CheckStatus::fail);
  EXPECT_EQ(published->expr, "proactive.normative_documents <= proactive.published");
  EXPECT_EQ(published->left->to_string(), "45");
  EXPECT_EQ(published->right->to_string(), "40");
  const model::Check* issued = check_of(t, "legacy.proactive.normative_within_issued", "period");
  ASSERT_NE(issued, nullptr);
  EXPECT_EQ(issued->status, model::CheckStatus::pass);
  const model::Check* heads = check_of(t, "legacy.response.press_conferences_by_heads", "period");
  ASSERT_NE(heads, nullptr);
  EXPECT_EQ(heads->status, model::CheckStatus::pass);
}

TEST(CheckIdentities, ABoundOverChannelsNeedsEveryChannel) {
  // Only two of the five channels: 60 > 25 + 20 says nothing, so the upper bound is not
  // evaluated; each shown channel is still bounded by the total.
  const LegacyTables t = read_statistics_tables(text_document({
      "统计指标 | 单位 | 统计数",
      "主动公开政府信息数 | 条 | 60",
      "政府网站公开政府信息数 | 条 | 25",
      "政务微博公开政府信息数 | 条 | 70",
  }));
  EXPECT_EQ(check_of(t, "legacy.proactive.published_within_channels", "period"), nullptr);
  const model::Check* website = check_of(t, "legacy.proactive.website_within_published", "period");
  ASSERT_NE(website, nullptr);
  EXPECT_EQ(website->status, model::CheckStatus::pass);
  const model::Check* weibo = check_of(t, "legacy.proactive.weibo_within_published", "period");
  ASSERT_NE(weibo, nullptr);
  EXPECT_EQ(weibo->status, model::CheckStatus::fail);
}

TEST(CheckIdentities, CumulativeColumnsBoundThePeriodPerMetric) {
  const LegacyTables t = read_statistics_tables(text_document({
      "统计指标 | 单位 | 本期实际 | 本年累计 | 历年累计",
      "收到申请数 | 件 | 6 | 9 | 30",
      "申请答复数 | 件 | 6 | 5 | 20",
  }));
  const model::Check* received =
      check_of(t, "legacy.cumulative.year_over_period", "requests.received");
  ASSERT_NE(received, nullptr);
  EXPECT_EQ(received->scope_kind, "row");
  EXPECT_EQ(received->status, model::CheckStatus::pass);
  const model::Check* answered =
      check_of(t, "legacy.cumulative.year_over_period", "requests.answered");
  ASSERT_NE(answered, nullptr);
  EXPECT_TRUE(answered->soft);
  EXPECT_EQ(answered->status, model::CheckStatus::fail);
  EXPECT_EQ(answered->expr, "year_cumulative >= period");
  const model::Check* all_years =
      check_of(t, "legacy.cumulative.all_years_over_year", "requests.answered");
  ASSERT_NE(all_years, nullptr);
  EXPECT_EQ(all_years->status, model::CheckStatus::pass);
}

TEST(CheckIdentities, DeniedReasonsSumSoftly) {
  const LegacyTables t = read_statistics_tables(text_document({
      "统计指标 | 单位 | 统计数",
      "不同意公开答复数 | 件 | 4",
      "其中：涉及国家秘密 | 件 | 1",
      "涉及个人隐私 | 件 | 2",
  }));
  const model::Check* reasons = check_of(t, "legacy.requests.denied_reasons", "period");
  ASSERT_NE(reasons, nullptr);
  EXPECT_TRUE(reasons->soft);
  EXPECT_EQ(reasons->status, model::CheckStatus::fail);
  EXPECT_EQ(reasons->right->to_string(), "3");
}

TEST(CellLines, ATableGivenOneCellALineIsReadByItsHeader) {
  const LegacyTables t = read_statistics_tables(text_document({
      "指标名称",
      "计量单位",
      "2012年度",
      "历年累计",  // header
      "主动公开信息数",
      "条",
      "186",
      "912",  //
      "其中：全文电子化的主动公开信息数",
      "条",
      "152",
      "740",  //
      "收到申请数",
      "件",
      "6",  // lost a cell: skipped
      "当面申请数",
      "件",
      "3",
      "11",                                  //
      "三、本年度依申请公开情况显示如下。",  // prose ends the table
      "传真申请数",
      "件",
      "0",
      "1",
  }));
  EXPECT_EQ(value_of(t, "legacy.proactive.published.period"), "186");
  EXPECT_EQ(value_of(t, "legacy.proactive.published.all_years"), "912");
  EXPECT_EQ(figure(t, "legacy.proactive.published.period")->header, "2012年度");
  EXPECT_EQ(value_of(t, "legacy.proactive.full_text_electronic.all_years"), "740");
  EXPECT_EQ(value_of(t, "legacy.requests.received.period"), "absent");
  EXPECT_EQ(value_of(t, "legacy.requests.in_person.period"), "3");
  EXPECT_EQ(value_of(t, "legacy.requests.by_fax.period"), "absent");
}

TEST(CellLines, BarClosedCellsKeepTheirEmptyCells) {
  const LegacyTables t = read_statistics_tables(text_document({
      "统计指标 |",
      "单位 |",
      "统计数 |",
      "||",  //
      "主动公开政府信息数 |",
      "条 |",
      "428 |",  //
      "制发规范性文件总数 |",
      "件 |",
      "|",  //
      "兼职人员数 |",
      "|",
      "3 |",
  }));
  EXPECT_EQ(value_of(t, "legacy.proactive.published.period"), "428");
  EXPECT_EQ(value_of(t, "legacy.normative_documents.issued.period"), "blank");
  EXPECT_EQ(value_of(t, "legacy.staff.part_time.period"), "3");
}

TEST(Pipeline, AStatisticsTableMakesAReportPre2019EvenWithoutAYear) {
  const model::Record r = pipeline::extract_bytes(
      "某局政府信息公开工作报告\n统计指标 | 单位 | 统计数\n收到申请数 | 件 | 8\n", "x.txt");
  EXPECT_EQ(r.report.template_version, "pre2019");
  ASSERT_EQ(r.figures.size(), 1u);
  EXPECT_EQ(r.figures[0].id, "legacy.requests.received.period");
}

TEST(Pipeline, BadInputNeverCrashes) {
  const std::string junk[] = {"统计指标 | 单位", "|||||\n统计指标|单位|统计数\n|||\n\t\t\t",
                              "统计指标 | 单位 | 统计数\n收到申请数 | 件 | \xff\xfe"};
  for (const std::string& s : junk) EXPECT_NO_THROW(pipeline::extract_bytes(s, "junk.txt"));
}

}  // namespace
}  // namespace nianbao::legacy
