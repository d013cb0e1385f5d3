// Every golden figure of corpus/html, checked at the document-model level: the reader must put
// each value in the grid cell that the template assigns to it. This holds the reader to the
// goldens independently of the later pipeline stages.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "extractor/readers/html/traditional.hpp"
#include "extractor/readers/reader.hpp"
#include "html_test_support.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::vector<std::string> k_t3_cols = {"natural_person", "commercial", "research", "nonprofit",
                                            "legal_services", "other_org",  "total"};

std::vector<std::string> t3_rows(const std::string& templ) {
  std::vector<std::string> rows = {"received",
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
                                   "unprocessed_confirmation"};
  if (templ == "2019") {
    rows.push_back("other");
  } else {
    rows.insert(rows.end(), {"other_no_correction", "other_unpaid_fee", "other_misc"});
  }
  rows.insert(rows.end(), {"total", "carried_forward"});
  return rows;
}

// Table 二: row label → figure row id and its value columns, per template.
struct ActiveRow {
  std::string label;
  std::string id;
  std::vector<std::string> cols;
};

std::vector<ActiveRow> active_rows(const std::string& templ) {
  if (templ == "2019") {
    const std::vector<std::string> made = {"made", "published", "total_published"};
    const std::vector<std::string> items = {"prior_count", "change", "decisions"};
    return {{"规章", "regulations", made},
            {"规范性文件", "normative_documents", made},
            {"行政许可", "licensing", items},
            {"其他对外管理服务事项", "other_services", items},
            {"行政处罚", "penalties", items},
            {"行政强制", "enforcement", items},
            {"行政事业性收费", "fees", {"prior_count", "change"}},
            {"政府集中采购", "procurement", {"projects", "amount"}}};
  }
  const std::vector<std::string> docs = {"issued", "repealed", "in_force"};
  return {{"规章", "regulations", docs},
          {"行政规范性文件", "normative_documents", docs},
          {"行政许可", "licensing", {"decisions"}},
          {"行政处罚", "penalties", {"decisions"}},
          {"行政强制", "enforcement", {"decisions"}},
          {"行政事业性收费", "fees", {"amount"}}};
}

std::string simplified_text(const model::Cell* cell) {
  return cell == nullptr ? "" : readers::to_simplified(cell->text);
}

const model::Table* table_holding(const model::Document& doc, const std::string& needle) {
  for (const model::Table* t : top_tables(doc)) {
    for (const model::Cell& c : t->cells)
      if (readers::to_simplified(c.text).find(needle) != std::string::npos) return t;
  }
  return nullptr;
}

bool row_has_text(const model::Table& table, int row) {
  return std::any_of(table.cells.begin(), table.cells.end(), [&](const model::Cell& cell) {
    return cell.row == row && !cell.text.empty();
  });
}

// Figure id → the cell the template puts it in.
std::map<std::string, const model::Cell*> figure_cells(const model::Document& doc,
                                                       const std::string& templ) {
  std::map<std::string, const model::Cell*> cells;
  if (const model::Table* t2 = table_holding(doc, "第二十条")) {
    for (const ActiveRow& row : active_rows(templ)) {
      for (int r = 0; r < t2->rows; ++r) {
        if (simplified_text(cell_at(*t2, r, 0)) != row.label) continue;
        std::vector<const model::Cell*> values;
        for (int c = 1; c < t2->cols; ++c) {
          const model::Cell* cell = cell_at(*t2, r, c);
          if (cell != nullptr && (values.empty() || values.back() != cell)) values.push_back(cell);
        }
        for (std::size_t k = 0; k < row.cols.size() && k < values.size(); ++k)
          cells["active." + row.id + "." + row.cols[k]] = values[k];
      }
    }
  }
  if (const model::Table* t3 = table_holding(doc, "勾稽")) {
    int first = -1;
    for (int r = 0; r < t3->rows && first < 0; ++r)
      if (simplified_text(cell_at(*t3, r, 0)).rfind("一、本年新收", 0) == 0) first = r;
    const auto rows = t3_rows(templ);
    for (std::size_t i = 0; first >= 0 && i < rows.size(); ++i)
      for (std::size_t j = 0; j < k_t3_cols.size(); ++j)
        cells["requests." + rows[i] + "." + k_t3_cols[j]] =
            cell_at(*t3, first + static_cast<int>(i), 3 + static_cast<int>(j));
  }
  if (const model::Table* t4 = table_holding(doc, "复议后起诉")) {
    // The value row is the last row with text: Word closes a table with an empty row that only
    // sets the column widths.
    int values_row = t4->rows - 1;
    while (values_row > 0 && !row_has_text(*t4, values_row)) --values_row;
    const std::vector<std::string> blocks = {"review", "litigation_direct",
                                             "litigation_after_review"};
    const std::vector<std::string> cols = {"upheld", "corrected", "other", "pending", "total"};
    for (std::size_t b = 0; b < blocks.size(); ++b)
      for (std::size_t c = 0; c < cols.size(); ++c)
        cells["appeals." + blocks[b] + "." + cols[c]] =
            cell_at(*t4, values_row, static_cast<int>(b * 5 + c));
  }
  return cells;
}

// The cell's number in the golden's convention: 元 dropped, + sign dropped, 万元 × 10000.
std::optional<long long> cell_number(std::string text, bool ten_thousands) {
  if (text.size() >= 3 && text.substr(text.size() - 3) == "元") text.resize(text.size() - 3);
  if (!text.empty() && text[0] == '+') text.erase(0, 1);
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  const std::size_t dot = text.find('.');
  std::string whole = text.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || whole.find_first_not_of("0123456789") != std::string::npos ||
      frac.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const int scale = ten_thousands ? 4 : 0;
  if (static_cast<int>(frac.size()) > scale) return std::nullopt;
  frac.resize(static_cast<std::size_t>(scale), '0');
  const long long value = std::stoll(whole + frac);
  return negative ? -value : value;
}

std::vector<fs::path> golden_files() {
  std::vector<fs::path> out;
  const fs::path dir = project_corpus() / "html";
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 12 && name.substr(name.size() - 12) == ".golden.json")
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(HtmlCorpus, HoldsTheFourRequiredPages) { EXPECT_GE(golden_files().size(), 4u); }

TEST(HtmlCorpus, EveryGoldenFigureIsInItsTemplateCell) {
  for (const fs::path& golden_path : golden_files()) {
    std::ifstream in(golden_path);
    const Json golden = Json::parse(in);
    const fs::path page = golden_path.parent_path() / golden["document"].get<std::string>();
    SCOPED_TRACE(page.filename().string());
    const model::Document doc = readers::read_file(page.string());
    ASSERT_TRUE(doc.readable);
    EXPECT_EQ(doc.source.format, "html");
    const std::string templ = golden["report"]["template"].get<std::string>();
    const auto cells = figure_cells(doc, templ);
    int checked = 0;
    for (const auto& [id, expected] : golden["figures"].items()) {
      SCOPED_TRACE(id);
      const auto it = cells.find(id);
      ASSERT_TRUE(it != cells.end() && it->second != nullptr) << "no cell for the figure";
      const std::string& text = it->second->text;
      if (expected.is_string() && expected.get<std::string>() == "blank") {
        EXPECT_EQ(text, "");
      } else if (expected.is_string()) {
        EXPECT_EQ(text, "/");
      } else {
        EXPECT_EQ(cell_number(text, id == "active.fees.amount"), expected.get<long long>())
            << "cell text: " << text;
      }
      ++checked;
    }
    EXPECT_EQ(checked, templ == "2019" ? 198 : 200);
  }
}

TEST(HtmlCorpus, HintsAndEncodingsOfTheCorpusPages) {
  const fs::path dir = project_corpus() / "html";
  const auto gbk = readers::read_file((dir / "2019-gbk-county-bureau.html").string());
  EXPECT_EQ(gbk.source.encoding, "GB18030");
  EXPECT_EQ(gbk.hints.agency, "青禾县农业农村局");
  EXPECT_EQ(gbk.hints.published, "2020-01-21");
  EXPECT_EQ(gbk.hints.title, "2019年青禾县农业农村局政府信息公开工作年度报告");
  EXPECT_EQ(all_text(gbk).find("年报目录"), std::string::npos);  // sidebar dropped

  const auto utf8 = readers::read_file((dir / "2021-utf8-city-office.html").string());
  EXPECT_EQ(utf8.source.encoding, "UTF-8");
  EXPECT_EQ(utf8.hints.agency, "临江市司法局");
  EXPECT_EQ(utf8.hints.published, "2022-01-28");

  const auto big5 = readers::read_file((dir / "2022-big5-traditional.html").string());
  EXPECT_EQ(big5.hints.agency, "白石市司法局");
  EXPECT_EQ(big5.hints.published, "2023-01-16");
  EXPECT_NE(big5.hints.title.find("年度報告"), std::string::npos);  // raw, not converted

  // Metadata line inside the framing table, before the first heading; BOM, no declaration.
  const auto sloppy = readers::read_file((dir / "2020-broken-markup-layout-rows.html").string());
  EXPECT_EQ(sloppy.source.encoding, "UTF-8");
  EXPECT_EQ(sloppy.hints.agency, "石门镇人民政府");
  EXPECT_EQ(sloppy.hints.published, "2021-01-15");
  EXPECT_EQ(all_text(sloppy).find("网站首页"), std::string::npos);

  const auto word = readers::read_file((dir / "2022-split-spans-misdeclared.html").string());
  EXPECT_EQ(word.source.encoding, "GB18030");
  EXPECT_TRUE(has_diagnostic(word, "encoding_declared_mismatch"));
  EXPECT_EQ(word.hints.title, "云杉区住房和城乡建设局2022年政府信息公开工作年度报告");
}

}  // namespace
}  // namespace nianbao::testing
