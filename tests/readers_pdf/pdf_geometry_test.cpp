// The PDF reader's geometry on pages made by hand: grids from ruling (edges where the lines end,
// merges where a line is missing), tables from the words' positions when nothing is ruled
// (blank cells in place, a value that fits no single column refused), turned pages mapped back,
// and radicals read as the ideographs they stand for.
#include <gtest/gtest.h>

#include <string>

#include "extractor/readers/pdf/aligned_table.hpp"
#include "extractor/readers/pdf/pdf_source.hpp"
#include "extractor/readers/pdf/ruled_grid.hpp"
#include "extractor/readers/pdf/text_lines.hpp"
#include "normalizers/radicals.hpp"
#include "normalizers/text.hpp"

namespace nianbao::testing {
namespace {

using readers::pdf::AlignedTable;
using readers::pdf::Glyph;
using readers::pdf::Page;
using readers::pdf::Rule;

constexpr float k_size = 10;

// Draws `text` from x on the baseline y, as a producer lays out one run: ideographs an em wide,
// ASCII a little over half.
void draw(Page& page, const std::string& text, float x, float baseline) {
  static int run = 0;
  ++run;
  for (char32_t c : norm::decode_utf8(text).chars) {
    const float width = c < 0x80 ? 0.55f * k_size : k_size;
    Glyph g;
    g.c = c;
    g.x0 = x, g.x1 = x + width;
    g.y0 = baseline - 0.88f * k_size, g.y1 = baseline + 0.12f * k_size;
    g.size = k_size;
    g.run = run;
    page.glyphs.push_back(g);
    x += width;
  }
}

std::vector<readers::pdf::TextLine> lines_of(const Page& page) {
  std::vector<int> all;
  for (std::size_t i = 0; i < page.glyphs.size(); ++i) all.push_back(static_cast<int>(i));
  return readers::pdf::build_lines(page, all);
}

std::string cell_text(const Page& page, const readers::pdf::AlignedCell& cell) {
  std::string out;
  for (int g : cell.glyphs) norm::append_utf8(out, page.glyphs[static_cast<std::size_t>(g)].c);
  return out;
}

const readers::pdf::AlignedCell* cell_at(const AlignedTable& t, int row, int col) {
  for (const auto& c : t.cells)
    if (c.row == row && c.col == col) return &c;
  return nullptr;
}

TEST(RuledGrid, EdgesStandWhereTheLinesEndWhenNoBorderIsDrawn) {
  // Three horizontal lines and two inner verticals: no left or right border.
  std::vector<Rule> rules = {{50, 100, 250, 100},
                             {50, 120, 250, 120},
                             {50, 140, 250, 140},
                             {100, 100, 100, 140},
                             {150, 100, 150, 140}};
  const auto grids = readers::pdf::find_ruled_grids(rules);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].cols(), 3);
  EXPECT_EQ(grids[0].rows(), 2);
  EXPECT_NEAR(grids[0].xs.front(), 50, 0.01);
  EXPECT_NEAR(grids[0].xs.back(), 250, 0.01);
  EXPECT_EQ(grids[0].cells.size(), 6u);
}

TEST(RuledGrid, AMissingLineMergesTheCellsItWouldSeparate) {
  // The vertical at x = 150 stops at the second row: the first row's last two cells are one.
  std::vector<Rule> rules = {{50, 100, 250, 100}, {50, 120, 250, 120},  {50, 140, 250, 140},
                             {50, 100, 50, 140},  {100, 100, 100, 140}, {150, 120, 150, 140},
                             {250, 100, 250, 140}};
  const auto grids = readers::pdf::find_ruled_grids(rules);
  ASSERT_EQ(grids.size(), 1u);
  const auto& g = grids[0];
  ASSERT_EQ(g.cols(), 3);
  const int merged = g.cell_at(200, 110);
  ASSERT_GE(merged, 0);
  EXPECT_EQ(g.cells[static_cast<std::size_t>(merged)].col_span, 2);
  EXPECT_NE(g.cell_at(125, 130), g.cell_at(200, 130));
}

TEST(RuledGrid, OneLineAloneIsNoTable) {
  EXPECT_TRUE(readers::pdf::find_ruled_grids({{50, 100, 250, 100}}).empty());
}

// A header row and two rows of values; the second row leaves its middle cell blank.
Page unruled_page() {
  Page page;
  page.number = 1, page.width = 595, page.height = 842;
  draw(page, "信息内容", 50, 100);
  draw(page, "甲类", 195, 100);
  draw(page, "乙类", 255, 100);
  draw(page, "丙类", 315, 100);
  draw(page, "规章", 50, 120);
  draw(page, "12", 200, 120);
  draw(page, "3", 262, 120);
  draw(page, "45", 320, 120);
  draw(page, "规范性文件", 50, 140);
  draw(page, "6", 202, 140);
  draw(page, "78", 320, 140);
  return page;
}

TEST(AlignedTable, RowsAndColumnsFromTheWordsWithTheBlankInItsPlace) {
  const Page page = unruled_page();
  const auto tables = readers::pdf::find_aligned_tables(page, lines_of(page)).tables;
  ASSERT_EQ(tables.size(), 1u);
  const AlignedTable& t = tables[0];
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.cols, 4);
  ASSERT_NE(cell_at(t, 0, 2), nullptr);
  EXPECT_EQ(cell_text(page, *cell_at(t, 0, 2)), "乙类");
  ASSERT_NE(cell_at(t, 2, 0), nullptr);
  EXPECT_EQ(cell_text(page, *cell_at(t, 2, 0)), "规范性文件");
  ASSERT_NE(cell_at(t, 2, 1), nullptr);
  EXPECT_EQ(cell_text(page, *cell_at(t, 2, 1)), "6");
  const auto* blank = cell_at(t, 2, 2);
  ASSERT_NE(blank, nullptr);
  EXPECT_TRUE(blank->glyphs.empty());
  EXPECT_GT(blank->x1, blank->x0);  // the blank cell still has its place on the page
  ASSERT_NE(cell_at(t, 2, 3), nullptr);
  EXPECT_EQ(cell_text(page, *cell_at(t, 2, 3)), "78");
  EXPECT_EQ(t.lines.size(), 3u);
}

TEST(AlignedTable, AColumnBlankInEveryRowIsFoundFromItsHeading) {
  Page page = unruled_page();
  draw(page, "丁类", 375, 100);  // a fourth column that no row fills
  const auto tables = readers::pdf::find_aligned_tables(page, lines_of(page)).tables;
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].cols, 5);
  ASSERT_NE(cell_at(tables[0], 1, 4), nullptr);
  EXPECT_TRUE(cell_at(tables[0], 1, 4)->glyphs.empty());
}

TEST(AlignedTable, AValueThatFitsNoSingleColumnLeavesTheLinesAsText) {
  Page page = unruled_page();
  draw(page, "其他", 50, 160);
  draw(page, "123456789012", 200, 160);  // runs from the first column into the second
  draw(page, "9", 320, 160);
  const auto found = readers::pdf::find_aligned_tables(page, lines_of(page));
  EXPECT_TRUE(found.tables.empty());
  EXPECT_EQ(found.refused.size(), 1u);  // and the reader says so (pdf_table_unplaced)
}

TEST(AlignedTable, ProseIsNoTable) {
  Page page;
  draw(page, "2022年，全年收到政府信息公开申请370件，均在法定期限内答复。", 50, 100);
  draw(page, "主动公开政府信息1326条，其中政策文件46件。", 50, 120);
  const auto found = readers::pdf::find_aligned_tables(page, lines_of(page));
  EXPECT_TRUE(found.tables.empty());
  EXPECT_TRUE(found.refused.empty());
}

TEST(PdfSource, TurnedPagesMapBackToThePageAsDisplayed) {
  Page page;
  page.displayed_width = 595, page.displayed_height = 842;
  page.turned = 90;  // text ran up the page: the page was turned a quarter clockwise
  page.width = 842, page.height = 595;
  const auto p = readers::pdf::displayed(page, 100, 50);
  EXPECT_FLOAT_EQ(p.x, 50);
  EXPECT_FLOAT_EQ(p.y, 842 - 100);
  page.turned = 270;
  const auto q = readers::pdf::displayed(page, 100, 50);
  EXPECT_FLOAT_EQ(q.x, 595 - 50);
  EXPECT_FLOAT_EQ(q.y, 100);
  page.turned = 0;
  EXPECT_FLOAT_EQ(readers::pdf::displayed(page, 100, 50).x, 100);
}

TEST(Radicals, RadicalsInATextLayerAreTheIdeographsTheyStandFor) {
  EXPECT_EQ(norm::ideograph_for_radical(U'⼀'), U'一');  // U+2F00, Kangxi
  EXPECT_EQ(norm::ideograph_for_radical(U'⼈'), U'人');
  EXPECT_EQ(norm::ideograph_for_radical(U'⾏'), U'行');
  EXPECT_EQ(norm::ideograph_for_radical(U'⺠'), U'民');  // U+2EA0, supplement
  EXPECT_EQ(norm::ideograph_for_radical(U'⻘'), U'青');
  EXPECT_EQ(norm::ideograph_for_radical(U'⻔'), U'门');
  EXPECT_EQ(norm::ideograph_for_radical(U'一'), U'一');
  EXPECT_EQ(norm::ideograph_for_radical(U'A'), U'A');
  EXPECT_EQ(norm::ideograph_for_radical(U'⺀'), U'⺀');  // a radical no character is written as
}

}  // namespace
}  // namespace nianbao::testing
