#include "extractor/readers/docx/table_builder.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "extractor/readers/docx/values.hpp"

namespace nianbao::readers::docx {

namespace {

// A hostile table can declare huge spans; keep every grid small enough to expand.
constexpr int k_max_span = 1000;
constexpr long k_max_grid_area = 4L * 1024 * 1024;
// Narrower than any real column: about 0.5 mm (a twip is 1/20 pt).
constexpr int k_sliver_twips = 30;

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) out.push_back('\n');
    out += paragraphs[i];
  }
  return out;
}

int clamp_span(int span) { return std::clamp(span, 1, k_max_span); }

int row_width(const RawRow& row) {
  int width = std::clamp(row.grid_before, 0, k_max_span);
  for (const RawCell& cell : row.cells) width += clamp_span(cell.grid_span);
  return width + std::clamp(row.grid_after, 0, k_max_span);
}

int table_width(const RawTable& table) {
  int width = 0;
  for (const RawRow& row : table.rows) width = std::max(width, row_width(row));
  return width;
}

bool widths_close(int a, int b) {
  const int tolerance = std::max(30, std::max(a, b) / 20);
  return std::abs(a - b) <= tolerance;
}

bool grids_match(const RawTable& a, const RawTable& b) {
  if (!a.grid.empty() && !b.grid.empty()) {
    if (a.grid.size() != b.grid.size()) return false;
    for (std::size_t i = 0; i < a.grid.size(); ++i) {
      if (!widths_close(a.grid[i], b.grid[i])) return false;
    }
    return true;
  }
  return table_width(a) == table_width(b) && table_width(a) > 0;
}

// What a row shows: the text and span of each cell, so that a header typed again on the next
// page is recognised.
std::string row_signature(const RawRow& row) {
  std::string sig = std::to_string(row.grid_before) + "|";
  for (const RawCell& cell : row.cells) {
    sig += std::to_string(cell.grid_span) + ":" + join_paragraphs(cell.paragraphs) + "\x1f";
  }
  return sig;
}

bool row_is_blank(const RawRow& row) {
  for (const RawCell& cell : row.cells) {
    for (const std::string& p : cell.paragraphs) {
      if (!is_blank_text(p)) return false;
    }
  }
  return true;
}

// How many leading rows of `second` repeat the leading rows of `first`. At least one row of
// `second` is always kept.
std::size_t repeated_header_rows(const RawTable& first, const RawTable& second) {
  std::size_t k = 0;
  while (k + 1 < second.rows.size() && k < first.rows.size() && !row_is_blank(first.rows[k]) &&
         row_signature(first.rows[k]) == row_signature(second.rows[k])) {
    ++k;
  }
  return k;
}

// The blocks between a table and the next one qualify as a page or section break between two
// parts of one table; returns the index of the next table block, or 0 when they do not.
std::size_t next_table_across_break(const RawBody& body, std::size_t table_block) {
  bool saw_break = false;
  std::size_t j = table_block + 1;
  for (; j < body.blocks.size() && !body.blocks[j].is_table; ++j) {
    const RawParagraph& p = body.blocks[j].paragraph;
    if (!is_blank_text(p.text)) return 0;
    saw_break = saw_break || p.page_break || p.section_break;
  }
  if (j >= body.blocks.size()) return 0;
  if (j != table_block + 1 && !saw_break) return 0;
  return j;
}

}  // namespace

void join_split_tables(RawBody& body, model::Diagnostics& diagnostics) {
  for (std::size_t i = 0; i < body.blocks.size(); ++i) {
    if (!body.blocks[i].is_table) continue;
    RawTable& first = body.tables[static_cast<std::size_t>(body.blocks[i].table)];
    for (;;) {
      const std::size_t j = next_table_across_break(body, i);
      if (j == 0) break;
      const int second_id = body.blocks[j].table;
      RawTable& second = body.tables[static_cast<std::size_t>(second_id)];
      if (!grids_match(first, second) || second.rows.empty()) break;
      const std::size_t skip = repeated_header_rows(first, second);
      const std::size_t rows_before = first.rows.size();
      for (std::size_t r = skip; r < second.rows.size(); ++r) {
        first.rows.push_back(std::move(second.rows[r]));
      }
      second.rows.clear();
      second.merged_into = body.blocks[i].table;
      body.blocks.erase(body.blocks.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                        body.blocks.begin() + static_cast<std::ptrdiff_t>(j) + 1);
      model::Diagnostic d;
      d.code = "docx_table_joined";
      d.severity = model::Severity::info;
      d.message = "a table split by a page or section break was joined: rows " +
                  std::to_string(rows_before) + " onward continue the table" +
                  (skip > 0 ? " (" + std::to_string(skip) + " repeated header row(s) dropped)"
                            : std::string());
      diagnostics.push_back(std::move(d));
    }
  }
}

namespace {

struct ParentLink {
  int child = -1;  // final index of the nested table
  int table = -1;  // final index of the outer table
  int cell = -1;   // index in the outer table's cells
};

class TableBuilder {
 public:
  TableBuilder(const RawTable& raw, int index, const std::vector<int>& final_index,
               model::Diagnostics& diagnostics)
      : raw_(raw), final_index_(final_index), diagnostics_(diagnostics) {
    table_.index = index;
    table_.locator.table = index;
  }

  model::Table build(std::vector<ParentLink>& links) {
    int r = 0;
    bool header_run = true;
    for (const RawRow& row : raw_.rows) {
      if (row.deleted) continue;
      if (static_cast<long>(r + 1) * std::max(table_.cols, 1) > k_max_grid_area) {
        warn("docx_table_too_large", "the table is cut after " + std::to_string(r) + " rows");
        break;
      }
      add_row(row, r, links);
      header_run = header_run && row.header;
      if (header_run) table_.header_rows = r + 1;
      ++r;
    }
    table_.rows = r;
    table_.cols = std::max(table_.cols, static_cast<int>(raw_.grid.size()));
    remove_absent_columns();
    return std::move(table_);
  }

 private:
  void add_row(const RawRow& row, int r, std::vector<ParentLink>& links) {
    std::map<int, int> open_next;  // start column → cell index of a vertical merge
    int col = std::clamp(row.grid_before, 0, k_max_span);
    for (const RawCell& raw : row.cells) {
      const int span = clamp_span(raw.grid_span);
      if (raw.deleted) {  // a hole for now; its column goes too unless a live cell needs it
        mark_deleted_columns(col, span);
        col += span;
        continue;
      }
      const int index = place_cell(raw, r, col, span, open_next);
      for (int nested : raw.nested) {
        links.push_back({final_index_[static_cast<std::size_t>(nested)], table_.index, index});
        table_.cells[static_cast<std::size_t>(index)].nested_tables.push_back(
            final_index_[static_cast<std::size_t>(nested)]);
      }
      col += span;
    }
    table_.cols = std::max(table_.cols, col + std::clamp(row.grid_after, 0, k_max_span));
    open_ = std::move(open_next);
  }

  // Grid columns the printed table does not have are removed by joining the column borders on
  // their two sides, so that grid positions match the printed table and the template:
  //  - slivers: LibreOffice and WPS leave grid columns a few twips wide where cell borders
  //    almost line up (saved by LibreOffice, table 四 gets a 1-twip w:gridCol because 行政诉讼
  //    starts one twip left of 未经复议直接起诉);
  //  - deleted columns: a column removed with tracked changes (LibreOffice writes w:cellDel on
  //    each of its cells) is gone once the change is accepted, which is the text read here
  //    (w:del text is not read either); a header spanning it narrows by one.
  // A column that some live cell fills alone is kept: that cell would vanish.
  void remove_absent_columns() {
    for (int c = table_.cols - 1; c >= 0; --c) {
      const bool sliver = c < static_cast<int>(raw_.grid.size()) &&
                          raw_.grid[static_cast<std::size_t>(c)] < k_sliver_twips;
      const bool deleted = c < static_cast<int>(deleted_columns_.size()) &&
                           deleted_columns_[static_cast<std::size_t>(c)];
      if ((!sliver && !deleted) || fills_only(c)) continue;
      remove_grid_column(c);
      if (deleted) {
        note("docx_column_deleted",
             "grid column " + std::to_string(c) + " was deleted with tracked changes; dropped");
      } else {
        note("docx_grid_sliver", "a grid column " +
                                     std::to_string(raw_.grid[static_cast<std::size_t>(c)]) +
                                     " twips wide was joined with its neighbours");
      }
    }
  }

  void mark_deleted_columns(int col, int span) {
    const auto end = static_cast<std::size_t>(col + span);
    if (deleted_columns_.size() < end) deleted_columns_.resize(end, false);
    std::fill(deleted_columns_.begin() + col, deleted_columns_.begin() + col + span, true);
  }

  void remove_grid_column(int c) {
    // Border k (left edge of column k) moves to k - 1 when it lies right of column c.
    const auto moved = [c](int border) { return border > c ? border - 1 : border; };
    for (model::Cell& cell : table_.cells) {
      const int left = moved(cell.col);
      const int right = moved(cell.col + cell.col_span);
      cell.col = left;
      cell.col_span = right - left;
      cell.locator.cell = left;
    }
    --table_.cols;
  }

  void note(const char* code, std::string message) {
    diagnose(model::Severity::info, code, std::move(message));
  }

  // Some cell covers exactly column `col` and nothing else.
  bool fills_only(int col) const {
    for (const model::Cell& cell : table_.cells) {
      if (cell.col == col && cell.col_span == 1) return true;
    }
    return false;
  }

  // Places one w:tc and returns the index of the model cell that holds its content.
  int place_cell(const RawCell& raw, int r, int col, int span, std::map<int, int>& open_next) {
    if (raw.hmerge_continue && !table_.cells.empty() && table_.cells.back().row == r) {
      model::Cell& left = table_.cells.back();  // legacy horizontal merge widens the left cell
      left.col_span += span;
      append_text(left, raw);
      return static_cast<int>(table_.cells.size()) - 1;
    }
    if (raw.vmerge == VMerge::continue_) {
      const auto above = open_.find(col);
      if (above != open_.end()) {
        model::Cell& merged = table_.cells[static_cast<std::size_t>(above->second)];
        merged.row_span = r - merged.row + 1;
        append_text(merged, raw);
        open_next[col] = above->second;
        return above->second;
      }
      warn("docx_vmerge_orphan", "a vertically merged cell at row " + std::to_string(r) +
                                     ", column " + std::to_string(col) +
                                     " continues nothing; kept as its own cell");
    }
    model::Cell cell;
    cell.row = r;
    cell.col = col;
    cell.col_span = span;
    cell.text = join_paragraphs(raw.paragraphs);
    cell.locator.table = table_.index;
    cell.locator.row = r;
    cell.locator.cell = col;
    cell.locator.paragraph = first_text_paragraph(raw);
    cell.locator.char_position = raw.char_position;
    table_.cells.push_back(std::move(cell));
    const int index = static_cast<int>(table_.cells.size()) - 1;
    if (raw.vmerge != VMerge::none) open_next[col] = index;
    return index;
  }

  // A continuation cell normally holds one empty paragraph; any text it has is kept.
  static void append_text(model::Cell& cell, const RawCell& raw) {
    const std::string more = join_paragraphs(raw.paragraphs);
    if (is_blank_text(more)) return;
    if (!cell.text.empty()) cell.text.push_back('\n');
    cell.text += more;
  }

  static int first_text_paragraph(const RawCell& raw) {
    for (std::size_t i = 0; i < raw.paragraphs.size(); ++i) {
      if (!is_blank_text(raw.paragraphs[i])) return static_cast<int>(i);
    }
    return 0;
  }

  void warn(const char* code, std::string message) {
    diagnose(model::Severity::warning, code, std::move(message));
  }

  void diagnose(model::Severity severity, const char* code, std::string message) {
    model::Diagnostic d;
    d.code = code;
    d.severity = severity;
    d.message = std::move(message);
    d.locator.table = table_.index;
    diagnostics_.push_back(std::move(d));
  }

  const RawTable& raw_;
  const std::vector<int>& final_index_;
  model::Diagnostics& diagnostics_;
  model::Table table_;
  std::map<int, int> open_;            // vertical merges open in the previous row, by start column
  std::vector<bool> deleted_columns_;  // grid columns where a row has a deleted cell (w:cellDel)
};

}  // namespace

void build_document(const RawBody& body, model::Document& doc) {
  // Final table indexes in document order, skipping tables joined into an earlier one and
  // layout frames read as body text.
  std::vector<int> final_index(body.tables.size(), -1);
  int next = 0;
  for (std::size_t id = 0; id < body.tables.size(); ++id) {
    const RawTable& table = body.tables[id];
    if (table.merged_into < 0 && !table.unwrapped) final_index[id] = next++;
  }
  doc.tables.resize(static_cast<std::size_t>(next));
  std::vector<ParentLink> links;
  for (std::size_t id = 0; id < body.tables.size(); ++id) {
    if (final_index[id] < 0) continue;
    TableBuilder builder(body.tables[id], final_index[id], final_index, doc.diagnostics);
    doc.tables[static_cast<std::size_t>(final_index[id])] = builder.build(links);
  }
  for (const ParentLink& link : links) {
    if (link.child < 0) continue;
    model::Table& child = doc.tables[static_cast<std::size_t>(link.child)];
    child.parent_table = link.table;
    child.parent_cell = link.cell;
  }
  int paragraph_index = 0;
  for (const RawBlock& raw : body.blocks) {
    if (raw.is_table) {
      // Only top-level tables are blocks; nested ones are reached through their outer cell
      // (Cell::nested_tables), which is where the pipeline reads them, in place.
      model::Block block;
      block.kind = model::Block::Kind::table;
      block.table = final_index[static_cast<std::size_t>(raw.table)];
      if (block.table >= 0) doc.blocks.push_back(std::move(block));
      continue;
    }
    model::Block block;
    block.paragraph.text = raw.paragraph.text;
    block.paragraph.locator.paragraph = paragraph_index++;
    block.paragraph.locator.char_position = raw.paragraph.char_position;
    doc.blocks.push_back(std::move(block));
  }
}

}  // namespace nianbao::readers::docx
