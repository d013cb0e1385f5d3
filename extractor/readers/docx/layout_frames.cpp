#include "extractor/readers/docx/layout_frames.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/layout/sections.hpp"
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

bool is_one_column_frame(const RawTable& table) {
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

// Section headings (一、总体情况 … 六、…) among the cell's own paragraphs, numbered upwards as
// the pipeline finds them later.
int section_headings_in(const RawCell& cell) {
  int headings = 0;
  int previous = 0;
  for (const std::string& text : cell.paragraphs) {
    if (const auto heading = layout::classify_heading(text, previous)) {
      previous = heading->ordinal;
      ++headings;
    }
  }
  return headings;
}

bool is_digit_at(std::string_view text, std::size_t i) {
  if (text[i] >= '0' && text[i] <= '9') return true;
  // Fullwidth ０ … ９ are U+FF10 … U+FF19: EF BC 90 … EF BC 99.
  return i + 2 < text.size() && text.substr(i, 2) == "\xEF\xBC" &&
         static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
         static_cast<unsigned char>(text[i + 2]) <= 0x99;
}

// A cell beside the report in a wider layout table: empty, or a short caption, logo title or
// margin note with no digit in it. Anything that could be a figure (a digit, a table) means the
// table may be a data table, which must stay a table.
bool is_margin_cell(const RawCell& cell) {
  constexpr std::size_t k_max_code_points = 40;
  if (!cell.nested.empty()) return false;
  std::size_t code_points = 0;
  for (const std::string& text : cell.paragraphs) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (is_digit_at(text, i)) return false;
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++code_points;
    }
  }
  return code_points <= k_max_code_points;
}

// In a layout table of more than one column (a spacer or margin column beside the report), the
// one cell that holds the report: two section headings or more, every other cell a margin
// cell. nullptr when the table is no such frame. One heading alone does not make a report, and
// a cell with headings beside another one means the table is no frame around one report.
const RawCell* report_cell_of_wide_frame(const RawTable& table) {
  constexpr int k_min_headings = 2;
  const RawCell* report = nullptr;
  for (const RawRow& row : table.rows) {
    if (row.deleted) continue;
    for (const RawCell& cell : row.cells) {
      if (cell.deleted) continue;
      if (section_headings_in(cell) >= k_min_headings) {
        if (report != nullptr) return nullptr;
        report = &cell;
      } else if (!is_margin_cell(cell)) {
        return nullptr;
      }
    }
  }
  return report;
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

// The cells whose content is read as the body in place of the table, in reading order: every
// row's cell of a one-column frame, the report's cell of a wider one; none when the table is
// no frame.
std::vector<const RawCell*> frame_cells(const RawTable& table) {
  std::vector<const RawCell*> cells;
  if (is_one_column_frame(table)) {
    for (const RawRow& row : table.rows) {
      if (!row.deleted) cells.push_back(&row.cells.front());
    }
  } else if (const RawCell* report = report_cell_of_wide_frame(table)) {
    cells.push_back(report);
  }
  return cells;
}

std::vector<RawBlock> frame_content(RawBody& body, const std::vector<const RawCell*>& cells) {
  std::vector<RawBlock> content;
  // body.tables keeps its size here, so the cells stay valid while nested tables are flagged
  // as top-level.
  for (const RawCell* cell : cells) append_cell_content(body, *cell, content);
  return content;
}

std::size_t columns_of(const RawTable& table) {
  std::size_t columns = table.grid.size();
  for (const RawRow& row : table.rows) columns = std::max(columns, row.cells.size());
  return columns;
}

void report(model::Diagnostics& diagnostics, const RawTable& frame, std::size_t paragraphs,
            std::size_t tables) {
  model::Diagnostic d;
  d.code = "docx_layout_frame";
  d.severity = model::Severity::info;
  const std::string held =
      std::to_string(paragraphs) + " paragraph(s) and " + std::to_string(tables) + " table(s)";
  if (is_one_column_frame(frame)) {
    d.message = "a one-column layout table holding " + held + " was read as body text and tables";
  } else {
    d.message = "a layout table of " + std::to_string(columns_of(frame)) +
                " columns with the report in one cell (" + held +
                ") was read as body text and tables; the margin cells beside it hold no figures "
                "and were left out";
  }
  diagnostics.push_back(std::move(d));
}

}  // namespace

void unwrap_layout_frames(RawBody& body, model::Diagnostics& diagnostics) {
  // Not advancing past an unwrapped frame lets a frame inside a frame be unwrapped in turn.
  for (std::size_t i = 0; i < body.blocks.size();) {
    const RawBlock& block = body.blocks[i];
    const std::vector<const RawCell*> cells =
        block.is_table ? frame_cells(body.tables[static_cast<std::size_t>(block.table)])
                       : std::vector<const RawCell*>{};
    if (cells.empty()) {
      ++i;
      continue;
    }
    RawTable& frame = body.tables[static_cast<std::size_t>(block.table)];
    std::vector<RawBlock> content = frame_content(body, cells);
    frame.unwrapped = true;
    std::size_t tables = 0;
    for (const RawBlock& b : content) tables += b.is_table ? 1 : 0;
    report(diagnostics, frame, content.size() - tables, tables);
    body.blocks.erase(body.blocks.begin() + static_cast<std::ptrdiff_t>(i));
    body.blocks.insert(body.blocks.begin() + static_cast<std::ptrdiff_t>(i),
                       std::make_move_iterator(content.begin()),
                       std::make_move_iterator(content.end()));
  }
}

}  // namespace nianbao::readers::docx
