// Table grids: spans, vertical merges, gridBefore/gridAfter, nested tables, header rows, split
// tables, and Table::expand_to_grid.

#include <gtest/gtest.h>

#include "docx_fixture.hpp"

namespace nianbao::testing::docx {
namespace {

TEST(DocxTables, GridSpanAndVerticalMergeGiveOneCellWithSpans) {
  // A 3-column grid: a label merged down two rows, a header spanning two columns.
  const std::string rows = tr(tc("行政复议", k_restart) + tc("结果", span(2))) +
                           tr(tc("", k_continue) + tc("维持") + tc("纠正")) +
                           tr(tc("0") + tc("1") + tc("2"));
  const model::Document doc = read_body(tbl(3, rows));
  ASSERT_EQ(doc.tables.size(), 1u);
  const model::Table& t = doc.tables[0];
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.cols, 3);
  ASSERT_EQ(t.cells.size(), 7u);  // merged cells are stored once
  const model::Cell* label = cell_at(t, 0, 0);
  ASSERT_NE(label, nullptr);
  EXPECT_EQ(label->row_span, 2);
  EXPECT_EQ(label->col_span, 1);
  EXPECT_EQ(label->text, "行政复议");  // the continuation's empty paragraph adds nothing
  EXPECT_EQ(cell_at(t, 0, 1)->col_span, 2);
  EXPECT_EQ(cell_at(t, 1, 0), nullptr);
  EXPECT_EQ(at(t, 1, 0), "行政复议");
  EXPECT_EQ(at(t, 0, 2), "结果");
  EXPECT_EQ(at(t, 2, 2), "2");
  const model::Cell* two = cell_at(t, 2, 2);
  EXPECT_EQ(two->locator.table, 0);
  EXPECT_EQ(two->locator.row, 2);
  EXPECT_EQ(two->locator.cell, 2);
}

TEST(DocxTables, VerticalMergeFollowsTheStartColumnAcrossSpans) {
  // Column 1 merges down while column 0 changes: the continuation is matched by grid column.
  const std::string rows = tr(tc("a") + tc("合并", std::string(k_restart) + span(2))) +
                           tr(tc("b") + tc("", std::string(k_continue) + span(2))) +
                           tr(tc("c") + tc("", std::string(k_continue) + span(2)));
  const model::Table t = read_body(tbl(3, rows)).tables.at(0);
  const model::Cell* merged = cell_at(t, 0, 1);
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->row_span, 3);
  EXPECT_EQ(merged->col_span, 2);
  EXPECT_EQ(at(t, 2, 2), "合并");
  EXPECT_EQ(at(t, 2, 0), "c");
}

TEST(DocxTables, OrphanContinuationIsKeptAsItsOwnCell) {
  const model::Document doc = read_body(tbl(2, tr(tc("x") + tc("孤立", k_continue))));
  EXPECT_EQ(at(doc.tables.at(0), 0, 1), "孤立");
  EXPECT_TRUE(has_code(doc, "docx_vmerge_orphan"));
}

TEST(DocxTables, GridBeforeAndGridAfterLeaveHoles) {
  const std::string rows = tr(tc("a") + tc("b") + tc("c") + tc("d")) +
                           tr(tc("右移") + tc("x"), "<w:gridBefore w:val=\"2\"/>") +
                           tr(tc("左") + tc("y"), "<w:gridAfter w:val=\"2\"/>");
  const model::Table t = read_body(tbl(4, rows)).tables.at(0);
  EXPECT_EQ(t.cols, 4);
  EXPECT_EQ(at(t, 1, 0), "<hole>");
  EXPECT_EQ(at(t, 1, 2), "右移");
  EXPECT_EQ(at(t, 1, 3), "x");
  EXPECT_EQ(at(t, 2, 1), "y");
  EXPECT_EQ(at(t, 2, 3), "<hole>");
}

TEST(DocxTables, SliverGridColumnIsJoinedWithItsNeighbours) {
  // As LibreOffice saves table 四: a 1-twip column where one header border is a twip left of
  // the borders below it.
  const std::string grid =
      "<w:tblGrid><w:gridCol w:w=\"600\"/><w:gridCol w:w=\"1\"/><w:gridCol w:w=\"600\"/>"
      "</w:tblGrid>";
  const std::string rows = tr(tc("复议") + tc("诉讼", span(2))) +
                           tr(tc("总计", span(2)) + tc("起诉")) + tr(tc("6", span(2)) + tc("4"));
  const model::Document doc = read_body("<w:tbl><w:tblPr/>" + grid + rows + "</w:tbl>");
  const model::Table& t = doc.tables.at(0);
  EXPECT_EQ(t.cols, 2);
  EXPECT_EQ(at(t, 0, 1), "诉讼");
  EXPECT_EQ(cell_at(t, 0, 1)->col_span, 1);
  EXPECT_EQ(cell_at(t, 2, 0)->col_span, 1);
  EXPECT_EQ(at(t, 2, 1), "4");
  EXPECT_EQ(cell_at(t, 2, 1)->locator.cell, 1);
  EXPECT_TRUE(has_code(doc, "docx_grid_sliver"));
  // A narrow column that a cell fills on its own is real and stays.
  const std::string kept = tr(tc("a") + tc("b") + tc("c"));
  EXPECT_EQ(read_body("<w:tbl><w:tblPr/>" + grid + kept + "</w:tbl>").tables.at(0).cols, 3);
}

TEST(DocxTables, CellParagraphsJoinedWithNewlineAndIdeographicSpacesKept) {
  const std::string cell = "<w:tc>" + p(r("商业")) + p(r("企业")) + "</w:tc>";
  const model::Table t = read_body(tbl(2, tr(cell + tc("\u3000\u3000")))).tables.at(0);
  EXPECT_EQ(at(t, 0, 0), "商业\n企业");
  EXPECT_EQ(at(t, 0, 1), "\u3000\u3000");
}

TEST(DocxTables, NestedTableIsItsOwnTableLinkedToTheOuterCell) {
  const std::string inner = tbl(2, tr(tc("1") + tc("2")));
  const std::string outer_cell = "<w:tc>" + p(r("说明")) + inner + p("") + "</w:tc>";
  const std::string body =
      tbl(2, tr(tc("外") + outer_cell)) + p(r("之后")) + tbl(1, tr(tc("第三张")));
  const model::Document doc = read_body(body);
  ASSERT_EQ(doc.tables.size(), 3u);
  const auto blocks = body_tables(doc);
  ASSERT_EQ(blocks.size(), 2u);  // the nested table is reached through its outer cell
  EXPECT_EQ(blocks[0]->index, 0);
  EXPECT_EQ(blocks[1]->index, 2);  // document order: outer, nested, next
  const model::Table& nested = doc.tables[1];
  EXPECT_EQ(nested.parent_table, 0);
  ASSERT_TRUE(nested.parent_cell.has_value());
  const model::Cell& holder = doc.tables[0].cells.at(static_cast<std::size_t>(*nested.parent_cell));
  EXPECT_EQ(holder.col, 1);
  EXPECT_EQ(holder.nested_tables, std::vector<int>{1});
  EXPECT_EQ(holder.text, "说明\n");  // the nested table's text is not folded into the cell
  EXPECT_EQ(at(nested, 0, 1), "2");
  EXPECT_EQ(cell_at(nested, 0, 1)->locator.table, 1);
  EXPECT_FALSE(doc.tables[0].parent_table.has_value());
}

TEST(DocxTables, RepeatedHeaderRowsAreCounted) {
  const std::string rows = tr(tc("h1"), "<w:tblHeader/>") + tr(tc("h2"), "<w:tblHeader/>") +
                           tr(tc("v")) + tr(tc("late"), "<w:tblHeader/>");
  EXPECT_EQ(read_body(tbl(1, rows)).tables.at(0).header_rows, 2);
}

TEST(DocxTables, DeletedRowsAreDropped) {
  const std::string rows =
      tr(tc("keep")) + tr(tc("gone"), "<w:del w:id=\"9\" w:author=\"a\"/>") + tr(tc("too"));
  const model::Table t = read_body(tbl(1, rows)).tables.at(0);
  EXPECT_EQ(t.rows, 2);
  EXPECT_EQ(at(t, 1, 0), "too");
}

TEST(DocxTables, ColumnDeletedWithTrackedChangesIsGoneAndHeadersNarrow) {
  // LibreOffice records a tracked column deletion as w:cellDel on each of the column's cells.
  const char* del = "<w:cellDel w:id=\"1\" w:author=\"a\"/>";
  const std::string rows = tr(tc("项目") + tc("申请人", span(3))) +
                           tr(tc("") + tc("甲") + tc("旧", del) + tc("乙")) +
                           tr(tc("收到") + tc("1") + tc("9", del) + tc("2"));
  const model::Document doc = read_body(tbl(4, rows));
  const model::Table& t = doc.tables.at(0);
  EXPECT_EQ(t.cols, 3);
  EXPECT_EQ(cell_at(t, 0, 1)->col_span, 2);
  EXPECT_EQ(at(t, 1, 2), "乙");
  EXPECT_EQ(at(t, 2, 1), "1");
  EXPECT_EQ(at(t, 2, 2), "2");
  EXPECT_EQ(cell_at(t, 2, 2)->locator.cell, 2);
  EXPECT_TRUE(has_code(doc, "docx_column_deleted"));
  // Where another row has a live cell in that column alone, the column stays, with a hole.
  const std::string kept = tr(tc("a") + tc("b", del) + tc("c")) + tr(tc("1") + tc("2") + tc("3"));
  const model::Document kept_doc = read_body(tbl(3, kept));
  const model::Table& k = kept_doc.tables.at(0);
  EXPECT_EQ(k.cols, 3);
  EXPECT_EQ(at(k, 0, 1), "<hole>");
  EXPECT_EQ(at(k, 0, 2), "c");
}

TEST(DocxTables, LegacyHorizontalMergeWidensTheLeftCell) {
  const std::string rows =
      tr(tc("宽", "<w:hMerge w:val=\"restart\"/>") + tc("", "<w:hMerge/>")) + tr(tc("a") + tc("b"));
  const model::Table t = read_body(tbl(2, rows)).tables.at(0);
  EXPECT_EQ(cell_at(t, 0, 0)->col_span, 2);
  EXPECT_EQ(at(t, 0, 1), "宽");
}

TEST(DocxTables, HostileSpansAreClamped) {
  const model::Table t = read_body(tbl(1, tr(tc("x", "<w:gridSpan w:val=\"2000000000\"/>")) +
                                              tr(tc("y", "<w:gridSpan w:val=\"-5\"/>"))))
                             .tables.at(0);
  EXPECT_LE(t.cols, 1000);
  EXPECT_EQ(cell_at(t, 1, 0)->col_span, 1);
  EXPECT_EQ(t.expand_to_grid().size(), 2u);
}

// ---------------------------------------------------------------- split tables

std::string part_one() {
  return tbl(3, tr(tc("项目") + tc("甲") + tc("乙"), "<w:tblHeader/>") +
                    tr(tc("办理结果", k_restart) + tc("1") + tc("2")));
}

TEST(DocxSplitTables, PageBreakBetweenMatchingGridsJoinsTheRows) {
  // Page two repeats the header row and continues the vertical merge.
  const std::string part_two =
      tbl(3, tr(tc("项目") + tc("甲") + tc("乙")) + tr(tc("", k_continue) + tc("3") + tc("4")));
  const std::string brk = p("<w:r><w:br w:type=\"page\"/></w:r>");
  const model::Document doc = read_body(part_one() + brk + part_two + p(r("后文")));
  ASSERT_EQ(body_tables(doc).size(), 1u);
  ASSERT_EQ(doc.tables.size(), 1u);
  const model::Table& t = doc.tables[0];
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.header_rows, 1);
  EXPECT_EQ(cell_at(t, 1, 0)->row_span, 2);
  EXPECT_EQ(at(t, 2, 2), "4");
  EXPECT_EQ(cell_at(t, 2, 2)->locator.row, 2);
  EXPECT_TRUE(has_code(doc, "docx_table_joined"));
  EXPECT_EQ(paragraph_texts(doc), std::vector<std::string>{"后文"});
}

TEST(DocxSplitTables, SectionBreakAndAdjacentTablesJoinToo) {
  const std::string part_two = tbl(3, tr(tc("x") + tc("5") + tc("6")));
  const std::string section = p("", "<w:sectPr><w:type w:val=\"nextPage\"/></w:sectPr>");
  EXPECT_EQ(read_body(part_one() + section + part_two).tables.size(), 1u);
  EXPECT_EQ(read_body(part_one() + part_two).tables.size(), 1u);
}

TEST(DocxSplitTables, TextOrPlainEmptyParagraphOrOtherGridKeepsTablesApart) {
  const std::string part_two = tbl(3, tr(tc("x") + tc("5") + tc("6")));
  const std::string brk = p("<w:r><w:br w:type=\"page\"/></w:r>");
  EXPECT_EQ(read_body(part_one() + p(r("三、收到和处理")) + part_two).tables.size(), 2u);
  EXPECT_EQ(read_body(part_one() + p("") + part_two).tables.size(), 2u);
  EXPECT_EQ(
      read_body(part_one() + brk + tbl(4, tr(tc("1") + tc("2") + tc("3") + tc("4")))).tables.size(),
      2u);
  EXPECT_EQ(
      read_body(part_one() + brk + tbl(3, tr(tc("x") + tc("5") + tc("6")), 3000)).tables.size(),
      2u);
}

// ---------------------------------------------------------------- expand_to_grid

TEST(TableGrid, ExpandsSpansAndLeavesHoles) {
  model::Table t;
  t.rows = 3;
  t.cols = 3;
  t.cells.push_back({0, 0, 2, 2, "big", {}, {}});
  t.cells.push_back({2, 2, 1, 1, "corner", {}, {}});
  t.cells.push_back({1, 2, 5, 5, "overrun", {}, {}});  // clipped to the table
  const auto grid = t.expand_to_grid();
  ASSERT_EQ(grid.size(), 3u);
  EXPECT_EQ(grid[1][1], &t.cells[0]);
  EXPECT_EQ(grid[0][2], nullptr);
  EXPECT_EQ(grid[2][0], nullptr);
  EXPECT_EQ(grid[1][2], &t.cells[2]);
  EXPECT_EQ(grid[2][2], &t.cells[2]);  // where a bad span overlaps, the later cell wins
}

TEST(TableGrid, EmptyAndNegativeSizes) {
  model::Table t;
  t.rows = -1;
  t.cols = 2;
  t.cells.push_back({-3, -3, 1, 1, "x", {}, {}});
  EXPECT_TRUE(t.expand_to_grid().empty());
}

}  // namespace
}  // namespace nianbao::testing::docx
