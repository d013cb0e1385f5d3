// Reports as pdftotext leaves them (made from the project's own docx by
// tools/make_pdf_text_corpus.py).
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "extractor/pipeline/extract.hpp"
#include "golden.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

model::Record pdftext(const char* name) {
  return pipeline::extract_file((project_corpus() / "pdftext" / name).string());
}

bool has_han(const std::string& line) {
  for (std::size_t i = 0; i + 2 < line.size(); ++i) {
    const auto lead = static_cast<unsigned char>(line[i]);
    if (lead >= 0xE4 && lead <= 0xE9) return true;  // U+4E00…U+9FFF in UTF-8
  }
  return false;
}

bool starts_with_digit(const std::string& line) {
  return !line.empty() && std::isdigit(static_cast<unsigned char>(line.front()));
}

// VARIATIONS A.3: as the one-cell-a-line " |" flattening, but table rows open with a lone "|"
// line: every row, or (`from_line` containing) only the rows from the first line holding
// `from` on.
std::string with_row_opening_bars(const std::string& text, const std::string& from = "") {
  std::istringstream in(text);
  std::string out, line;
  bool after_label = true;
  bool on = from.empty();
  while (std::getline(in, line)) {
    on = on || line.find(from) != std::string::npos;
    const bool cell = !line.empty() && line.back() == '|';
    const bool label = cell && has_han(line) && !starts_with_digit(line);  // not "216272元 |"
    if (on && label && !after_label) out += "|\n";
    after_label = cell ? label : true;
    out += line + "\n";
  }
  return out;
}

std::string town_report() {
  std::ifstream file(project_corpus() / "text" / "2020-town-blanks-cellpipe.txt", std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

int count_of(const model::Record& r, const std::string& code) {
  int n = 0;
  for (const model::Diagnostic& d : r.diagnostics) n += d.code == code;
  return n;
}

TEST(Flattenings, RowsOpenedByALoneBarAreReadWhole) {
  // Every row opens with "|": those lines are no cells, and every figure is read, blanks too.
  const auto golden = project_corpus() / "text" / "2020-town-blanks-cellpipe.txt.golden.json";
  const model::Record r = pipeline::extract_bytes(with_row_opening_bars(town_report()), "a3.txt");
  const GoldenComparison c = compare_with_golden(r, golden);
  EXPECT_TRUE(c.wrong.empty() && c.missed.empty()) << describe(c);
}

TEST(Flattenings, StrayEmptyCellsAfterRowsNeverShiftACell) {
  // Only table 三's rows open with "|", so the bars are no flattening of the whole report: they
  // read as an empty cell after each row. Rows that start blank then show empty cells at both
  // ends; the row identity picks their alignment.
  const auto golden = project_corpus() / "text" / "2020-town-blanks-cellpipe.txt.golden.json";
  const model::Record r =
      pipeline::extract_bytes(with_row_opening_bars(town_report(), "三、收到和处理"), "a3.txt");
  const GoldenComparison c = compare_with_golden(r, golden);
  EXPECT_TRUE(c.wrong.empty()) << describe(c);
  EXPECT_GE(count_of(r, "row_placed_by_identities"), 1);
  EXPECT_EQ(c.right, c.expected) << describe(c);
}

TEST(Flattenings, ATableThatLostAColumnIsPartialNotShifted) {
  // Printed wider than the page, table 三 lost its 总计 column: six numbers for seven columns
  // on every row. Nothing of table 三 may be emitted; tables 二 and 四 are read.
  const model::Record r = pdftext("2022-district-market-bureau-clipped.pdftotext-raw.txt");
  EXPECT_EQ(r.status, model::RecordStatus::partial);
  int requests = 0, active = 0, appeals = 0, short_rows = 0;
  for (const model::Figure& f : r.figures) {
    requests += f.table == "requests";
    active += f.table == "active";
    appeals += f.table == "appeals";
  }
  for (const model::Diagnostic& d : r.diagnostics) short_rows += d.code == "row_arity_short";
  EXPECT_EQ(requests, 0);
  EXPECT_EQ(active, 10);
  EXPECT_EQ(appeals, 15);
  EXPECT_GE(short_rows, 20);
}

TEST(Flattenings, RawAndLayoutRenderingsAgreeWithTheDocx) {
  const model::Record docx = pdftext("2022-district-market-bureau.docx");
  for (const char* name : {"2022-district-market-bureau.pdftotext-raw.txt",
                           "2022-district-market-bureau.pdftotext-layout.txt"}) {
    const model::Record text = pdftext(name);
    ASSERT_EQ(text.figures.size(), docx.figures.size()) << name;
    for (std::size_t i = 0; i < docx.figures.size(); ++i) {
      EXPECT_EQ(text.figures[i].id, docx.figures[i].id) << name;
      EXPECT_TRUE(text.figures[i].value == docx.figures[i].value)
          << name << " " << docx.figures[i].id;
    }
    for (const model::Check& c : text.checks)
      EXPECT_EQ(c.status, model::CheckStatus::pass) << c.rule;
  }
}

}  // namespace
}  // namespace nianbao::testing
