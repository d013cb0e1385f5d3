#include "extractor/readers/docx/layout_frames.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "extractor/readers/docx/values.hpp"

namespace nianbao::readers::docx {

namespace {

// Paragraphs with text and nested tables in one cell.
std::size_t content_pieces(const RawCell& cell) {
  std::size_t pieces = cell.nested.size();
  for (const std::string& p : cell.paragraphs) {
    if (!is_blank_text(p)) ++pieces;
  }
  return pieces;
}

bool is_layout_frame(const RawTable& table) {
  bool holds_flow = false;
  bool any_row = false;
  for (const RawRow& row : table.rows) {
    if (row.deleted) continue;
    if (row.cells.size() != 1 || row.grid_before > 0 || row.grid_after > 0) return false;
    any_row = true;
    holds_flow = holds_flow || content_pieces(row.cells.front()) > 1;
  }
  return any_row && holds_flow;
}

RawBlock paragraph_block(std::string text) {
  RawBlock block;
  block.paragraph.text = std::move(text);
  return block;
}

RawBlock table_block(RawBody& body, int table) {
  body.tables[static_cast<std::size_t>(table)].top_level = true;
  RawBlock block;
  block.is_table = true;
  block.table = table;
  return block;
}

// The cell's paragraphs and tables in the order they stand in the cell.
void append_cell_content(RawBody& body, const RawCell& cell, std::vector<RawBlock>& out) {
  std::size_t next_paragraph = 0;
  for (std::size_t k = 0; k < cell.nested.size(); ++k) {
    const std::size_t before = k < cell.nested_after.size() ? cell.nested_after[k] : 0;
    for (; next_paragraph < before && next_paragraph < cell.paragraphs.size(); ++next_paragraph) {
      out.push_back(paragraph_block(cell.paragraphs[next_paragraph]));
    }
    out.push_back(table_block(body, cell.nested[k]));
  }
  for (; next_paragraph < cell.paragraphs.size(); ++next_paragraph) {
    out.push_back(paragraph_block(cell.paragraphs[next_paragraph]));
  }
}

std::vector<RawBlock> frame_content(RawBody& body, int frame) {
  std::vector<RawBlock> content;
  // body.tables keeps its size here, so the reference stays valid while nested tables are
  // flagged as top-level.
  const std::vector<RawRow>& rows = body.tables[static_cast<std::size_t>(frame)].rows;
  for (const RawRow& row : rows) {
    if (!row.deleted) append_cell_content(body, row.cells.front(), content);
  }
  return content;
}

void report(model::Diagnostics& diagnostics, std::size_t paragraphs, std::size_t tables) {
  model::Diagnostic d;
  d.code = "docx_layout_frame";
  d.severity = model::Severity::info;
  d.message = "a one-column layout table holding " + std::to_string(paragraphs) +
              " paragraph(s) and " + std::to_string(tables) +
              " table(s) was read as body text and tables";
  diagnostics.push_back(std::move(d));
}

}  // namespace

void unwrap_layout_frames(RawBody& body, model::Diagnostics& diagnostics) {
  // Not advancing past an unwrapped frame lets a frame inside a frame be unwrapped in turn.
  for (std::size_t i = 0; i < body.blocks.size();) {
    const RawBlock& block = body.blocks[i];
    if (!block.is_table || !is_layout_frame(body.tables[static_cast<std::size_t>(block.table)])) {
      ++i;
      continue;
    }
    const int frame = block.table;
    std::vector<RawBlock> content = frame_content(body, frame);
    body.tables[static_cast<std::size_t>(frame)].unwrapped = true;
    std::size_t tables = 0;
    for (const RawBlock& b : content) tables += b.is_table ? 1 : 0;
    report(diagnostics, content.size() - tables, tables);
    body.blocks.erase(body.blocks.begin() + static_cast<std::ptrdiff_t>(i));
    body.blocks.insert(body.blocks.begin() + static_cast<std::ptrdiff_t>(i),
                       std::make_move_iterator(content.begin()),
                       std::make_move_iterator(content.end()));
  }
}

}  // namespace nianbao::readers::docx
