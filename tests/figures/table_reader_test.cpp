#include <gtest/gtest.h>

#include <map>

#include "extractor/figures/label_matcher.hpp"
#include "extractor/pipeline/extract.hpp"

namespace nianbao::figures {
namespace {

std::map<std::string, std::string> figures_of(const model::Record& r) {
  std::map<std::string, std::string> out;
  for (const model::Figure& f : r.figures)
    out[f.id] =
        f.status == norm::CellStatus::value ? f.value->to_string() : norm::to_string(f.status);
  return out;
}

bool has_diagnostic(const model::Record& r, const std::string& code) {
  for (const auto& d : r.diagnostics)
    if (d.code == code) return true;
  return false;
}

model::Record extract(const std::string& text) { return pipeline::extract_bytes(text, "t.txt"); }

const std::string k_requests_header =
    "三、收到和处理政府信息公开申请情况\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | ||\n"
    "自然人 | 法人或其他组织 | 总计 | ||\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 "
    "| ||\n";

TEST(MatchRows, EveryTemplateRowIsFoundByItsOwnLabel) {
  for (const auto& version : templates::all_templates()) {
    for (const auto& table : version.tables) {
      for (const auto& row : table.rows) {
        const auto matches = match_rows(norm::normalize_label(row.label.text), "");
        ASSERT_FALSE(matches.empty()) << row.label.text;
        for (const RowMatch& m : matches) {
          EXPECT_EQ(m.row->key, row.key) << version.version << " " << row.label.text;
          EXPECT_EQ(m.table->key, table.key);
        }
      }
    }
  }
}

TEST(MatchRows, VariantsOfRealReports) {
  auto key = [](const char* label) {
    const auto m = match_rows(norm::normalize_label(label), "");
    return m.empty() ? std::string("-") : m.front().row->key;
  };
  EXPECT_EQ(key("(二)部分公开"), "partially_granted");
  EXPECT_EQ(key("5.属于三类内容事务信息"), "denied_internal_affairs");  // typo 内容/内部
  EXPECT_EQ(key("规章(设区的市、自治州人民政府应提供相关数据)"), "regulations");
  EXPECT_EQ(key("3.其他"), "other_misc");
  EXPECT_EQ(key("其他"), "-");  // the column header, not the 2021 row 3.其他
  EXPECT_EQ(key("行政許可"), "licensing");
  // OCR doubled the note's bracket: the label is compared whole.
  EXPECT_EQ(key("(二)部分公开（（区分处理的，只计这一情形，不计其他情形)"), "partially_granted");
}

TEST(TableReader, TableTwoOf2019ByLabelsAndHeaderOrder) {
  const auto r = extract(
      "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\n处理决定数量\n上一年项目数量\n本年增"
      "/减\n"
      "行政许可\n12\n3\n+2\n");
  const auto f = figures_of(r);
  // The header lists the columns in another order; cells follow the header, not the template.
  EXPECT_EQ(f.at("active.licensing.decisions"), "12");
  EXPECT_EQ(f.at("active.licensing.prior_count"), "3");
  EXPECT_EQ(f.at("active.licensing.change"), "2");
  EXPECT_EQ(r.report.template_version, "2019");
}

TEST(TableReader, TableTwoOf2021WithFeesInWanYuan) {
  const auto r = extract(
      "二、主动公开政府信息情况\n第二十条第(八)项 | ||\n信息内容 | 本年收费金额(单位:万元) | ||\n"
      "行政事业性收费 | 12.35 | ||\n");
  const auto f = figures_of(r);
  EXPECT_EQ(f.at("active.fees.amount"), "123500");
  EXPECT_EQ(r.figures.front().unit, "元");
  EXPECT_EQ(r.report.template_version, "2021");
}

TEST(TableReader, TableThreeRowsOfBothTemplates) {
  const auto r2019 =
      extract(k_requests_header + "（六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||\n");
  EXPECT_EQ(figures_of(r2019).at("requests.other.natural_person"), "1");
  EXPECT_EQ(r2019.tables.front().template_version, "2019");
  const auto r2021 =
      extract(k_requests_header +
              "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 "
              "| 2 | 0 | 0 | 0 | 0 | 0 | 2 | ||\n3.其他 | 0 | 1 | 0 | 0 | 0 | 0 | 1 | ||\n");
  const auto f = figures_of(r2021);
  EXPECT_EQ(f.at("requests.other_no_correction.natural_person"), "2");
  EXPECT_EQ(f.at("requests.other_misc.commercial"), "1");
  EXPECT_EQ(r2021.tables.front().template_version, "2021");
}

TEST(TableReader, RowWithDroppedBlanksIsReportedNotShifted) {
  const auto r =
      extract(k_requests_header +
              "一、本年新收政府信息公开申请数量 | 3 | 4 | ||\n二、上年结转政府信息公开申请数量 | "
              "0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n");
  const auto f = figures_of(r);
  EXPECT_EQ(f.count("requests.received.natural_person"), 0u);
  EXPECT_EQ(f.count("requests.received.total"), 0u);
  EXPECT_EQ(f.at("requests.carried_over.total"), "0");
  EXPECT_TRUE(has_diagnostic(r, "row_arity_short"));
  EXPECT_EQ(r.status, model::RecordStatus::partial);
}

TEST(TableReader, DocumentCutInsideARowKeepsOnlyWhatItShows) {
  const auto r = extract(k_requests_header + "4.保护第三方合法权益 | 1 | ");
  const auto f = figures_of(r);
  EXPECT_EQ(f.at("requests.denied_third_party.natural_person"), "1");
  EXPECT_EQ(f.size(), 1u);
  EXPECT_TRUE(has_diagnostic(r, "row_truncated"));
}

TEST(TableReader, TableFourIsOneRowOfFifteen) {
  const auto r = extract(
      "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n"
      "1 2 3 4 10 0 0 0 1 1 5 0 0 0 5\n五、存在的主要问题及改进情况\n");
  const auto f = figures_of(r);
  EXPECT_EQ(f.at("appeals.review.upheld"), "1");
  EXPECT_EQ(f.at("appeals.review.total"), "10");
  EXPECT_EQ(f.at("appeals.litigation_direct.pending"), "1");
  EXPECT_EQ(f.at("appeals.litigation_after_review.total"), "5");
}

TEST(TableReader, PlaceholdersAndBlanksAreNotZero) {
  const auto r = extract(
      "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效"
      "件数\n"
      "\t规章\n\t/\n\t\n\t—\n");
  const auto f = figures_of(r);
  EXPECT_EQ(f.at("active.regulations.issued"), "not_applicable");
  EXPECT_EQ(f.at("active.regulations.repealed"), "blank");
  EXPECT_EQ(f.at("active.regulations.in_force"), "not_applicable");
}

TEST(TableReader, NumbersInProseAreNotFigures) {
  const auto r = extract("一、总体情况\n全年主动公开政府信息139条。\n12\n");
  EXPECT_TRUE(r.figures.empty());
}

}  // namespace
}  // namespace nianbao::figures

namespace nianbao::figures {
namespace {

// Table 三 of a report in one-cell-a-line form with every cell kept, except in row 一, where the
// flattening dropped the empty cells: 5 and 0 of natural persons, then 2 in 其他, total 7.
std::string requests_with_dropped_blanks(const char* received_row) {
  std::string t = k_requests_header;
  t += received_row;
  t += "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 1 | 2 | ||\n";
  t += "三、本年度办理结果 | （一）予以公开 | 6 | 0 | 0 | 0 | 0 | 3 | 9 | ||\n";
  t += "（七）总计 | 6 | 0 | 0 | 0 | 0 | 3 | 9 | ||\n";
  t += "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n";
  t += "四、政府信息公开行政复议、行政诉讼情况\n";
  return t;
}

TEST(TableReader, DroppedBlanksPlacedWhenTheIdentitiesSingleOutOneReading) {
  // received + carried_over = total + carried_forward in every column fixes where 5, 2, 7 go.
  const auto r =
      extract(requests_with_dropped_blanks("一、本年新收政府信息公开申请数量\n5\n2\n7\n"));
  const auto f = figures_of(r);
  EXPECT_EQ(f.at("requests.received.natural_person"), "5");
  EXPECT_EQ(f.at("requests.received.other_org"), "2");
  EXPECT_EQ(f.at("requests.received.total"), "7");
  EXPECT_EQ(f.count("requests.received.commercial"), 0u) << "dropped cells are not invented";
  EXPECT_TRUE(has_diagnostic(r, "row_placed_by_identities"));
  EXPECT_EQ(r.status, model::RecordStatus::partial);
}

TEST(TableReader, DroppedBlanksLeftOutWhenSeveralReadingsFit) {
  // All zeros fit anywhere: nothing is placed.
  const std::string text =
      std::string(k_requests_header) +
      "一、本年新收政府信息公开申请数量\n0\n0\n二、上年结转政府信息公开申请数量 | 0 | "
      "0 | 0 | 0 | 0 | 0 | 0 | ||\n（七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n"
      "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n";
  const auto r = extract(text);
  EXPECT_EQ(figures_of(r).count("requests.received.natural_person"), 0u);
  EXPECT_EQ(figures_of(r).count("requests.received.total"), 0u);
  EXPECT_TRUE(has_diagnostic(r, "row_arity_short"));
}

TEST(TableReader, DroppedBlanksThatBreakTheIdentitiesAreLeftOut) {
  const auto r =
      extract(requests_with_dropped_blanks("一、本年新收政府信息公开申请数量\n5\n3\n7\n"));
  EXPECT_EQ(figures_of(r).count("requests.received.natural_person"), 0u);
  EXPECT_TRUE(has_diagnostic(r, "row_arity_short"));
}

TEST(TableReader, TableFourWithInterleavedVerticalHeadersReadsInTemplateOrder) {
  // A PDF flipbook page reads the one-character-wide header cells across the columns; only
  // the row of numbers says anything, in the template's column order.
  const auto r = extract(
      "四、因政府信息公开工作被申请行政复议提起行政诉讼情况\n行政复议 行政诉讼\n"
      "未经复议直接起诉 复议后起诉\n结 结 其 尚\n果 果 他 未\n总计 果 果 他 未 总 果 果 他 未 总\n"
      "维 纠 结 审\n1 2 3 4 10 5 0 0 1 6 0 1 0 0 1\n五、存在的主要问题及改进情况\n");
  const auto f = figures_of(r);
  ASSERT_EQ(f.size(), 15u);
  EXPECT_EQ(f.at("appeals.review.total"), "10");
  EXPECT_EQ(f.at("appeals.litigation_direct.upheld"), "5");
  EXPECT_EQ(f.at("appeals.litigation_direct.total"), "6");
  EXPECT_EQ(f.at("appeals.litigation_after_review.corrected"), "1");
  for (const model::Check& c : r.checks) EXPECT_NE(c.status, model::CheckStatus::fail) << c.rule;
}

TEST(TableReader, LabelsWrappedByAPdfRendererStillNameTheirRow) {
  const auto r =
      extract(std::string(k_requests_header) +
              "（六）其他处\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府\n"
              "理 5 0 0 3 3 13 24\n信息公开申请\n");
  EXPECT_EQ(figures_of(r).at("requests.other_unpaid_fee.total"), "24");
}

TEST(TableReader, AVersionIsNeverGuessedForRowsWhoseIdsDiffer) {
  // 规章 has three columns in both templates, with different ids; without a header or another
  // table to say which template this is, its cells are not placed.
  const auto r = extract("二、主动公开政府信息情况\n规章 | 1 | 2 | 3 | ||\n");
  EXPECT_TRUE(r.figures.empty());
  EXPECT_TRUE(has_diagnostic(r, "row_version_unknown"));
}

}  // namespace
}  // namespace nianbao::figures

namespace nianbao::figures {
namespace {

TEST(TableReader, ALocalRowIsKeptUnderItsOwnIdNeverMergedIntoATemplateRow) {
  const auto r = extract(
      "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年新制作数量 | 本年新公开数量 | "
      "对外公开总数量 |\n"
      "规章 | 0 | 0 | 0 |\n规范性文件(行政机关制定发布的决定、公告) | 3 | 3 | 40 |\n"
      "其他主动公开文件(含以本单位名义正式签发的文件) | 12 | 12 | 150 |\n"
      "第二十条第（五）项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 9 | "
      "+43 | 52 |\n");
  const auto f = figures_of(r);
  EXPECT_EQ(f.at("active.normative_documents.total_published"), "40");
  EXPECT_EQ(f.at("active.extra_1.made"), "12");
  EXPECT_EQ(f.at("active.extra_1.total_published"), "150");
  EXPECT_EQ(f.at("active.licensing.change"), "43");
  EXPECT_TRUE(has_diagnostic(r, "row_not_in_template"));
  for (const model::Figure& fig : r.figures) {
    if (fig.row == "extra_1") {
      EXPECT_EQ(fig.row_label, "其他主动公开文件(含以本单位名义正式签发的文件)");
    }
  }
}

TEST(TableReader, ALabelWrappedAroundItsValuesIsCompletedByTheLineBelow) {
  // pdftotext -layout centres the values on the middle line of a label cut over three lines.
  const std::string table =
      "二、主动公开政府信息情况\n        第二十条第（五）项\n"
      "         上一年项   本年增/   处理决定\n 信息内容\n         目数量     减     数量\n"
      " 行政许可     3      0      12\n\n其他对外管理\n          4      5      6\n 服务事项\n"
      "        第二十条第（六）项\n 行政处罚     14      6      59\n";
  const auto f = figures_of(extract(table));
  EXPECT_EQ(f.at("active.other_services.prior_count"), "4");
  EXPECT_EQ(f.at("active.other_services.decisions"), "6");
  EXPECT_EQ(f.count("active.extra_1.prior_count"), 0u);
  EXPECT_EQ(f.at("active.penalties.decisions"), "59");
  // Values over two lines might not be in the page's order: the label is not completed.
  const auto split = figures_of(extract(
      "二、主动公开政府信息情况\n        第二十条第（五）项\n"
      "         上一年项   本年增/   处理决定\n 信息内容\n         目数量     减     数量\n"
      " 行政许可     3      0      12\n\n其他对外管理      6\n          4      5\n 服务事项\n"
      "        第二十条第（六）项\n 行政处罚     14      6      59\n"));
  EXPECT_EQ(split.count("active.other_services.prior_count"), 0u);
}

TEST(TableReader, ADroppedColumnFollowsTheHeader) {
  const auto r = extract(
      "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容 | 上一年项目数量 | 处理决定数量 |\n"
      "行政许可 | 9 | 52 |\n");
  const auto f = figures_of(r);
  EXPECT_EQ(f.at("active.licensing.prior_count"), "9");
  EXPECT_EQ(f.at("active.licensing.decisions"), "52");
  EXPECT_EQ(f.count("active.licensing.change"), 0u);
}

TEST(TableReader, ProvincialNotesInHeadersAndLabels) {
  const auto r = extract(
      "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容 | 上一年项目数量(指2019年事项数) | "
      "本年增/减(指2020年增加或减少的事项数,减用负值表示,如-8) | 处理决定数量(指2020年办件量) |\n"
      "其他对外管理服务事项(指行政许可证以外的其他对外管理服务事项) | 8249 | -1942 | 6307 |\n");
  const auto f = figures_of(r);
  EXPECT_EQ(f.at("active.other_services.prior_count"), "8249");
  EXPECT_EQ(f.at("active.other_services.change"), "-1942");
  EXPECT_EQ(f.at("active.other_services.decisions"), "6307");
}

}  // namespace
}  // namespace nianbao::figures

namespace nianbao::figures {
namespace {

TEST(TableReader, RowsOpenedByALonePipeKeepTheirHeaderAndUnit) {
  // Every row opens with a "|" line; the header still names the unit of the fee column.
  const auto r = extract(
      "二、主动公开政府信息情况\n第二十条第(八)项 |\n|||\n信息内容 |\n本年收费金额(单位:万元) "
      "|\n||\n|\n"
      "行政事业性收费 |\n12.35 |\n||\n");
  EXPECT_EQ(figures_of(r).at("active.fees.amount"), "123500");
}

TEST(TableReader, HeaderCellBrokenWithItsSeparatorOnTheNextLine) {
  const auto r = extract(
      "二、主动公开政府信息情况\n第二十条第(五)项 | |||\n信息内容 | 上一年项目数量\n| 本年增/减\n"
      "| 处理决定数量\n|\n行政许可 | 9 | +43 | 52 |\n");
  const auto f = figures_of(r);
  EXPECT_EQ(f.at("active.licensing.prior_count"), "9");
  EXPECT_EQ(f.at("active.licensing.change"), "43");
  EXPECT_EQ(f.at("active.licensing.decisions"), "52");
  EXPECT_EQ(r.report.template_version, "2019");
}

TEST(TableReader, RowsWhoseLabelsVanishedAreReadBetweenNamedRowsWhenTheyAddUp) {
  // pdftotext dropped the labels of （一）予以公开 and （二）部分公开; their numbers stand
  // between 二、上年结转 and 1.属于国家秘密, and each row's 总计 is the sum of the others.
  const std::string text = std::string(k_requests_header) +
                           "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n三、本年度办\n"
                           "1288\n21\n0\n0\n0\n0\n1309\n5\n1\n0\n0\n0\n0\n6\n"
                           "（三）不予公开\n1.属于国家秘密 0 0 0 0 0 0 0\n";
  const auto r = extract(text);
  const auto f = figures_of(r);
  EXPECT_EQ(f.at("requests.granted.natural_person"), "1288");
  EXPECT_EQ(f.at("requests.granted.total"), "1309");
  EXPECT_EQ(f.at("requests.partially_granted.total"), "6");
  EXPECT_TRUE(has_diagnostic(r, "row_inferred_by_position"));
}

TEST(TableReader, UnnamedNumbersThatDoNotAddUpAreNotPlaced) {
  const std::string text = std::string(k_requests_header) +
                           "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
                           "1288\n21\n0\n0\n0\n0\n1300\n5\n1\n0\n0\n0\n0\n6\n"
                           "1.属于国家秘密 0 0 0 0 0 0 0\n";
  const auto r = extract(text);
  EXPECT_EQ(figures_of(r).count("requests.granted.natural_person"), 0u);
  EXPECT_EQ(figures_of(r).count("requests.partially_granted.total"), 0u);
}

}  // namespace
}  // namespace nianbao::figures
