// The reader on real documents: the three shared docx reports (skipped when ../shared/corpus
// is absent) and the project's own corpus/docx documents, whose golden values are checked at
// the grid positions the 2021 template gives them.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "docx_fixture.hpp"
#include "test_paths.hpp"

namespace nianbao::testing::docx {
namespace {

using ::testing::Contains;

// ---------------------------------------------------------------- shared corpus

TEST(DocxSharedCorpus, SeedTableTwoIsOnAFiveColumnGrid) {
  NIANBAO_REQUIRE_SHARED_CORPUS(corpus);
  const model::Document doc = read_path(corpus / "full" / "2019-seed-wanyuan-jingxin.docx");
  ASSERT_TRUE(doc.readable);
  EXPECT_EQ(doc.hints.title, "2019年XX乡镇（部门）政府信息公开工作年度报告");
  const auto tables = body_tables(doc);
  ASSERT_EQ(tables.size(), 3u);
  const model::Table& t2 = *tables[0];
  EXPECT_EQ(t2.rows, 18);
  EXPECT_EQ(t2.cols, 5);
  // 行政许可 | 3 | 0 (spans 2) | 12
  EXPECT_EQ(at(t2, 6, 0), "行政许可");
  EXPECT_EQ(at(t2, 6, 1), "3");
  ASSERT_NE(cell_at(t2, 6, 2), nullptr);
  EXPECT_EQ(cell_at(t2, 6, 2)->col_span, 2);
  EXPECT_EQ(at(t2, 6, 4), "12");
  EXPECT_EQ(at(t2, 10, 1), "14");
  EXPECT_EQ(at(t2, 10, 2), "6");
  EXPECT_EQ(at(t2, 10, 4), "59");
  // 政府集中采购 | 1 (spans 2) | 1950 (spans 2)
  EXPECT_EQ(cell_at(t2, 17, 1)->col_span, 2);
  EXPECT_EQ(cell_at(t2, 17, 3)->text, "1950");
  EXPECT_EQ(cell_at(t2, 17, 3)->col_span, 2);
  EXPECT_EQ(cell_at(t2, 0, 0)->col_span, 5);
}

TEST(DocxSharedCorpus, SeedTablesThreeAndFourKeepTheirMerges) {
  NIANBAO_REQUIRE_SHARED_CORPUS(corpus);
  const model::Document doc = read_path(corpus / "full" / "2019-seed-wanyuan-jingxin.docx");
  const auto tables = body_tables(doc);
  ASSERT_EQ(tables.size(), 3u);
  const model::Table& t3 = *tables[1];
  EXPECT_EQ(t3.rows, 26);
  EXPECT_EQ(t3.cols, 10);
  const model::Cell* caption = cell_at(t3, 0, 0);
  ASSERT_NE(caption, nullptr);
  EXPECT_EQ(caption->row_span, 3);
  EXPECT_EQ(caption->col_span, 3);
  EXPECT_EQ(cell_at(t3, 5, 0)->text, "三、本年度办理结果");
  EXPECT_EQ(cell_at(t3, 5, 0)->row_span, 20);
  EXPECT_EQ(cell_at(t3, 7, 1)->text, "（三）不予公开");
  EXPECT_EQ(cell_at(t3, 7, 1)->row_span, 8);
  EXPECT_EQ(cell_at(t3, 1, 3)->text, "自然人");
  EXPECT_EQ(cell_at(t3, 1, 3)->row_span, 2);
  EXPECT_EQ(at(t3, 25, 0), "四、结转下年度继续办理");
  EXPECT_EQ(at(t3, 25, 9), "0");
  const model::Table& t4 = *tables[2];
  EXPECT_EQ(t4.rows, 4);
  EXPECT_EQ(t4.cols, 15);
  EXPECT_EQ(cell_at(t4, 1, 0)->row_span, 2);
  EXPECT_EQ(cell_at(t4, 0, 5)->col_span, 10);
  EXPECT_EQ(at(t4, 3, 14), "0");
  // The title heading has a line break inside.
  EXPECT_THAT(paragraph_texts(doc), Contains("2019年XX乡镇（部门）政府信息公开工作\n年度报告"));
}

TEST(DocxSharedCorpus, BlankTemplateKeepsIdeographicSpacesAndHeaderBreaks) {
  NIANBAO_REQUIRE_SHARED_CORPUS(corpus);
  const model::Document doc = read_path(corpus / "full" / "2021-template-blank.docx");
  ASSERT_TRUE(doc.readable);
  EXPECT_EQ(doc.hints.title, "");
  const auto tables = body_tables(doc);
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(tables[0]->cols, 4);
  EXPECT_EQ(tables[0]->rows, 14);
  EXPECT_EQ(tables[1]->cols, 10);
  EXPECT_EQ(tables[1]->rows, 28);
  EXPECT_EQ(tables[2]->cols, 15);
  EXPECT_EQ(at(*tables[0], 9, 1), "\u3000");  // 行政处罚: a value cell holding U+3000
  EXPECT_EQ(at(*tables[1], 2, 4), "商业\n企业");
  EXPECT_EQ(at(*tables[1], 3, 3), "");
  EXPECT_EQ(cell_at(*tables[1], 5, 0)->row_span, 22);
  EXPECT_EQ(at(*tables[2], 1, 1), "结果\n纠正");
}

TEST(DocxSharedCorpus, SyntheticCountyValuesLandInTheirGridPositions) {
  NIANBAO_REQUIRE_SHARED_CORPUS(corpus);
  const model::Document doc = read_path(corpus / "full" / "2021-synthetic-county.docx");
  ASSERT_TRUE(doc.readable);
  EXPECT_EQ(doc.hints.title, "某县自然资源局2022年政府信息公开工作年度报告");
  const auto tables = body_tables(doc);
  ASSERT_EQ(tables.size(), 3u);
  const model::Table& t2 = *tables[0];
  EXPECT_EQ(at(t2, 2, 1), "2");
  EXPECT_EQ(at(t2, 2, 3), "9");
  EXPECT_EQ(at(t2, 6, 1), "1286");
  EXPECT_EQ(at(t2, 10, 1), "/");
  EXPECT_EQ(at(t2, 13, 1), "12.35");
  // Every value cell of table 三 matches the golden figure at its template position.
  std::ifstream in(corpus / "full" / "2021-synthetic-county.docx.golden.json");
  const nlohmann::json golden = nlohmann::json::parse(in);
  const std::vector<std::string> rows{"received", "carried_over", "granted"};
  const std::vector<std::string> cols{"natural_person", "commercial", "research", "nonprofit",
                                      "legal_services", "other_org",  "total"};
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const std::string id = "requests." + rows[r] + "." + cols[c];
      EXPECT_EQ(at(*tables[1], static_cast<int>(r) + 3, static_cast<int>(c) + 3),
                std::to_string(golden["figures"][id].get<int>()))
          << id;
    }
  }
}

// ---------------------------------------------------------------- the project's own corpus

const std::vector<std::string> k_t3_rows{"received",
                                         "carried_over",
                                         "granted",
                                         "partially_granted",
                                         "denied_state_secret",
                                         "denied_prohibited_by_law",
                                         "denied_security_stability",
                                         "denied_third_party",
                                         "denied_internal_affairs",
                                         "denied_process_info",
                                         "denied_enforcement_file",
                                         "denied_query_matter",
                                         "unavailable_not_held",
                                         "unavailable_needs_creation",
                                         "unavailable_unclear",
                                         "unprocessed_petition",
                                         "unprocessed_duplicate",
                                         "unprocessed_publication",
                                         "unprocessed_excessive",
                                         "unprocessed_confirmation",
                                         "other_no_correction",
                                         "other_unpaid_fee",
                                         "other_misc",
                                         "total",
                                         "carried_forward"};
const std::vector<std::string> k_t3_cols{"natural_person", "commercial", "research", "nonprofit",
                                         "legal_services", "other_org",  "total"};

nlohmann::json golden_of(const std::string& name) {
  std::ifstream in(project_corpus() / "docx" / (name + ".golden.json"));
  return nlohmann::json::parse(in);
}

// Table 三 of the 2021 template: value row i at grid row 3 + i, column c at grid column 3 + c.
void expect_table3_matches_golden(const model::Table& t3, const nlohmann::json& golden) {
  ASSERT_EQ(t3.rows, 28);
  ASSERT_EQ(t3.cols, 10);
  for (std::size_t r = 0; r < k_t3_rows.size(); ++r) {
    for (std::size_t c = 0; c < k_t3_cols.size(); ++c) {
      const std::string id = "requests." + k_t3_rows[r] + "." + k_t3_cols[c];
      EXPECT_EQ(at(t3, static_cast<int>(r) + 3, static_cast<int>(c) + 3),
                std::to_string(golden["figures"][id].get<int>()))
          << id;
    }
  }
}

TEST(DocxOwnCorpus, NumberedHeadingsAndSplitTable) {
  const std::string name = "2022-county-numbered-split.docx";
  const model::Document doc = read_path(project_corpus() / "docx" / name);
  ASSERT_TRUE(doc.readable);
  const auto texts = paragraph_texts(doc);
  for (const char* heading :
       {"一、总体情况", "（一）主动公开", "（二）依申请公开", "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}) {
    EXPECT_THAT(texts, Contains(std::string(heading)));
  }
  EXPECT_THAT(texts,
              Contains(std::string("全年通过政府网站主动公开政府信息1326条，其中政策文件46件。")));
  const auto tables = body_tables(doc);
  ASSERT_EQ(tables.size(), 3u);  // table 三's two parts are one table
  EXPECT_TRUE(has_code(doc, "docx_table_joined"));
  const model::Table& t3 = *tables[1];
  EXPECT_EQ(t3.header_rows, 3);
  EXPECT_EQ(cell_at(t3, 5, 0)->row_span, 22);  // 三、本年度办理结果 across the page break
  EXPECT_EQ(cell_at(t3, 7, 1)->row_span, 8);   // （三）不予公开 across the page break
  const nlohmann::json golden = golden_of(name);
  expect_table3_matches_golden(t3, golden);
  EXPECT_EQ(at(t3, 5, 3), "123");  // three runs
  const model::Table& t2 = *tables[0];
  EXPECT_EQ(at(t2, 6, 1), "2417");  // three runs
  EXPECT_EQ(at(t2, 9, 1), "386");   // 38 + deleted 5 + inserted 6
}

TEST(DocxOwnCorpus, NestedTableAndTextBox) {
  const std::string name = "2022-town-nested-textbox.docx";
  const model::Document doc = read_path(project_corpus() / "docx" / name);
  ASSERT_TRUE(doc.readable);
  const std::string title = "某镇人民政府2022年政府信息公开工作年度报告";
  EXPECT_EQ(doc.hints.title, title);
  const auto texts = paragraph_texts(doc);
  EXPECT_EQ(std::count(texts.begin(), texts.end(), title), 1);  // DrawingML read, VML skipped
  const auto tables = body_tables(doc);
  ASSERT_EQ(tables.size(), 3u);  // 二, the frame holding 三, 四
  ASSERT_EQ(doc.tables.size(), 4u);
  const model::Table& frame = *tables[1];
  ASSERT_EQ(frame.cells.size(), 1u);
  ASSERT_EQ(frame.cells[0].nested_tables.size(), 1u);
  const model::Table& t3 = doc.tables.at(static_cast<std::size_t>(frame.cells[0].nested_tables[0]));
  EXPECT_EQ(t3.parent_table, frame.index);
  EXPECT_EQ(t3.parent_cell, 0);
  expect_table3_matches_golden(t3, golden_of(name));
  const model::Table& t2 = *tables[0];
  EXPECT_EQ(t2.cols, 4);
  EXPECT_EQ(at(t2, 0, 3), "<hole>");  // gridAfter padding
  EXPECT_EQ(at(t2, 10, 1), "/");
  EXPECT_EQ(at(t2, 13, 1), "1.5");
  const model::Table& t4 = *tables[2];
  const nlohmann::json golden = golden_of(name);
  EXPECT_EQ(at(t4, 3, 4), std::to_string(golden["figures"]["appeals.review.total"].get<int>()));
  EXPECT_EQ(at(t4, 3, 14),
            std::to_string(golden["figures"]["appeals.litigation_after_review.total"].get<int>()));
}

// LibreOffice rewrites the documents its own way (numbering definitions, sliver grid columns,
// text boxes); the grids and values must not change.
TEST(DocxOwnCorpus, LibreOfficeResavesGiveTheSameGrids) {
  for (const std::string name : {"2022-county-numbered-split.libreoffice.docx",
                                 "2022-town-nested-textbox.libreoffice.docx"}) {
    SCOPED_TRACE(name);
    const model::Document doc = read_path(project_corpus() / "docx" / name);
    ASSERT_TRUE(doc.readable);
    const nlohmann::json golden = golden_of(name);
    const model::Table* t3 = nullptr;
    const model::Table* t4 = nullptr;
    for (const model::Table& t : doc.tables) {
      if (t.rows == 28) t3 = &t;
      if (t.rows == 4) t4 = &t;
    }
    ASSERT_NE(t3, nullptr);
    expect_table3_matches_golden(*t3, golden);
    ASSERT_NE(t4, nullptr);
    EXPECT_EQ(t4->cols, 15);  // LibreOffice's 1-twip sliver column is gone
    const std::vector<std::string> blocks{"review", "litigation_direct", "litigation_after_review"};
    const std::vector<std::string> cols{"upheld", "corrected", "other", "pending", "total"};
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      for (std::size_t c = 0; c < cols.size(); ++c) {
        const std::string id = "appeals." + blocks[b] + "." + cols[c];
        EXPECT_EQ(at(*t4, 3, static_cast<int>(b * 5 + c)),
                  std::to_string(golden["figures"][id].get<int>()))
            << id;
      }
    }
    const auto texts = paragraph_texts(doc);
    EXPECT_THAT(texts, Contains(std::string("三、收到和处理政府信息公开申请情况")));
  }
}

TEST(DocxOwnCorpus, EveryDocumentHasAGoldenFile) {
  int documents = 0;
  for (const auto& entry : std::filesystem::directory_iterator(project_corpus() / "docx")) {
    if (entry.path().extension() != ".docx") continue;
    ++documents;
    const auto golden = entry.path().string() + ".golden.json";
    ASSERT_TRUE(std::filesystem::exists(golden)) << golden;
    std::ifstream in(golden);
    const nlohmann::json g = nlohmann::json::parse(in);
    EXPECT_EQ(g["document"], entry.path().filename().string());
    EXPECT_EQ(g["figures"].size(), 200u);  // every 2021-template figure
    EXPECT_TRUE(read_path(entry.path()).readable);
  }
  EXPECT_GE(documents, 4);
}

}  // namespace
}  // namespace nianbao::testing::docx
