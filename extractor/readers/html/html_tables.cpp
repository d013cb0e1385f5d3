#include "extractor/readers/html/html_tables.hpp"

#include <algorithm>
#include <string>

#include "extractor/readers/html/css_table.hpp"
#include "extractor/readers/html/html_dom.hpp"

namespace nianbao::readers::html {
namespace {

// Roles rather than names, so that CSS grids (display:table-row, table-cell …) read alike.
bool is_cell(const xmlNode* n) { return table_role(n) == TableRole::cell; }
bool is_row(const xmlNode* n) { return table_role(n) == TableRole::row; }

void collect_cells(const xmlNode* parent, std::vector<const xmlNode*>& cells, int depth) {
  if (depth > k_max_walk_depth) return;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || is_skipped(c)) continue;
    if (is_cell(c)) {
      cells.push_back(c);
    } else if (!is_table(c) && !is_row(c)) {
      collect_cells(c, cells, depth + 1);  // e.g. a <form> wrapped around cells
    }
  }
}

void collect_rows(const xmlNode* parent, bool in_head, std::vector<TableRow>& rows, int depth) {
  if (depth > k_max_walk_depth) return;
  const xmlNode* stray_parent = nullptr;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || is_skipped(c) || is_table(c)) continue;
    if (is_row(c)) {
      TableRow row{c, {}, in_head};
      collect_cells(c, row.cells, depth + 1);
      rows.push_back(std::move(row));
      stray_parent = nullptr;
    } else if (is_cell(c)) {
      // Cells outside any <tr> form one row per run, as browsers recover them.
      if (stray_parent != parent) rows.push_back(TableRow{parent, {}, in_head});
      stray_parent = parent;
      rows.back().cells.push_back(c);
    } else if (table_role(c) != TableRole::caption) {
      collect_rows(c, in_head || table_role(c) == TableRole::header_group, rows, depth + 1);
      stray_parent = nullptr;
    }
  }
}

// Bytes of visible text below `node`, counting stops once past `limit`.
std::size_t text_bytes(const xmlNode* node, std::size_t limit, int depth) {
  if (depth > k_max_walk_depth) return 0;
  std::size_t total = 0;
  for (const xmlNode* c = node->children; c != nullptr && total <= limit; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      total += trim_all_space(text_of(c)).size();
    } else if (c->type == XML_ELEMENT_NODE && !is_skipped(c)) {
      total += text_bytes(c, limit - std::min(limit, total), depth + 1);
    }
  }
  return total;
}

bool contains_table(const xmlNode* node, int depth) {
  if (depth > k_max_walk_depth) return false;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is_table(c) || contains_table(c, depth + 1)) return true;
  }
  return false;
}

// A span attribute as browsers read it: leading digits, anything unparsable meaning 1.
int span_attribute(const xmlNode* cell, const char* name, int fallback) {
  const std::string value = attribute(cell, name);
  std::size_t i = 0;
  while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n')) ++i;
  if (i >= value.size() || value[i] < '0' || value[i] > '9') return fallback;
  long n = 0;
  for (; i < value.size() && value[i] >= '0' && value[i] <= '9'; ++i) {
    n = n * 10 + (value[i] - '0');
    if (n > 100000) break;
  }
  return static_cast<int>(n);
}

// Gathers a cell's lines (paragraphs, <br>) joined by '\n'; nested tables are built as tables of
// their own and only referenced.
class CellTextWalker final : public FlowWalker {
 public:
  CellTextWalker(TableBuilder& builder, int table_index, int cell_index, std::vector<int>& nested)
      : builder_(builder), table_index_(table_index), cell_index_(cell_index), nested_(nested) {}
  std::string text;

 protected:
  void on_line(std::string line, const xmlNode* /*block*/) override {
    if (!text.empty()) text.push_back('\n');
    text += line;
  }
  bool take_table(const xmlNode* table) override {
    nested_.push_back(builder_.build(table, table_index_, cell_index_));
    return true;
  }

 private:
  TableBuilder& builder_;
  int table_index_;
  int cell_index_;
  std::vector<int>& nested_;
};

struct Placement {
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
};

// Lays cells out as browsers do: each cell takes the first free column of its row, and a
// rowspan reserves positions in the rows below. Spans past the table's edge are cut to fit.
class GridPlacer {
 public:
  explicit GridPlacer(int rows) : rows_(rows), taken_(static_cast<std::size_t>(rows)) {}

  // Where the next cell of row `r` goes; nullopt when the row or the table has no room left.
  std::optional<Placement> place(int r, int& cursor, const xmlNode* cell) {
    while (cursor < k_max_table_cols && taken(r, cursor)) ++cursor;
    if (cursor >= k_max_table_cols) {
      clipped = true;
      return std::nullopt;
    }
    const int requested_cols = std::max(1, span_attribute(cell, "colspan", 1));
    int requested_rows = span_attribute(cell, "rowspan", 1);
    if (requested_rows == 0) requested_rows = rows_ - r;  // HTML: to the end of the section
    Placement p{r, cursor, std::clamp(requested_rows, 1, rows_ - r),
                std::min(requested_cols, k_max_table_cols - cursor)};
    if (p.col_span != requested_cols || p.row_span != requested_rows) clipped = true;
    positions_ += static_cast<std::size_t>(p.col_span) * static_cast<std::size_t>(p.row_span);
    if (positions_ > k_max_grid_positions) {
      too_large = true;
      return std::nullopt;
    }
    for (int rr = r; rr < r + p.row_span; ++rr)
      for (int cc = p.col; cc < p.col + p.col_span; ++cc) take(rr, cc);
    cursor += p.col_span;
    return p;
  }

  bool clipped = false;
  bool too_large = false;

 private:
  bool taken(int r, int c) const {
    const auto& row = taken_[static_cast<std::size_t>(r)];
    return static_cast<std::size_t>(c) < row.size() && row[static_cast<std::size_t>(c)];
  }
  void take(int r, int c) {
    auto& row = taken_[static_cast<std::size_t>(r)];
    if (row.size() <= static_cast<std::size_t>(c)) row.resize(static_cast<std::size_t>(c) + 1);
    row[static_cast<std::size_t>(c)] = true;
  }
  int rows_;
  std::size_t positions_ = 0;
  std::vector<std::vector<bool>> taken_;
};

}  // namespace

std::vector<TableRow> table_rows(const xmlNode* table) {
  std::vector<TableRow> rows;
  collect_rows(table, false, rows, 0);
  return rows;
}

bool is_layout_table(const xmlNode* table, int section_headings) {
  if (section_headings >= 2) return true;
  constexpr std::size_t k_prose_bytes = 600;  // about 200 Chinese characters
  const std::vector<TableRow> rows = table_rows(table);
  std::size_t cells = 0;
  std::size_t grid_rows = 0;  // rows of three or more short cells framing nothing
  bool frames_table = false;
  bool has_note_row = false;
  for (const TableRow& row : rows) {
    bool grid_row = row.cells.size() >= 3;
    for (const xmlNode* cell : row.cells) {
      ++cells;
      const bool frames = contains_table(cell, 0);
      const bool prose = text_bytes(cell, k_prose_bytes, 0) > k_prose_bytes;
      frames_table = frames_table || frames;
      grid_row = grid_row && !frames && !prose;
      if (!prose) continue;
      // Prose beside other cells is a page laid out in columns; prose alone in its row may
      // be a note (注：…) under a table of figures, decided once the rows are counted.
      if (row.cells.size() > 1 || frames) return true;
      has_note_row = true;
    }
    if (grid_row) ++grid_rows;
  }
  if (has_note_row && grid_rows < 2) return true;
  return cells == 1 || (frames_table && cells <= 4);
}

void TableBuilder::diagnose(const char* code, model::Severity severity, std::string message,
                            const xmlNode* table) {
  model::Locator where;
  where.path = paths_.path(table);
  doc_.diagnostics.push_back({code, severity, std::move(message), std::move(where)});
}

std::string TableBuilder::cell_text(const xmlNode* cell, int table_index, int cell_index,
                                    std::vector<int>& nested) {
  CellTextWalker walker(*this, table_index, cell_index, nested);
  walker.walk(cell);
  return std::move(walker.text);
}

int TableBuilder::build(const xmlNode* table, std::optional<int> parent_table,
                        std::optional<int> parent_cell) {
  const int index = static_cast<int>(doc_.tables.size());
  doc_.tables.emplace_back();  // reserve the index before nested tables take theirs
  model::Table grid;
  grid.index = index;
  grid.locator.path = paths_.path(table);
  grid.parent_table = parent_table;
  grid.parent_cell = parent_cell;

  std::vector<TableRow> rows = table_rows(table);
  if (rows.size() > static_cast<std::size_t>(k_max_table_rows)) {
    diagnose("html_table_too_large", model::Severity::warning,
             "table has " + std::to_string(rows.size()) + " rows; only the first " +
                 std::to_string(k_max_table_rows) + " are read",
             table);
    rows.resize(static_cast<std::size_t>(k_max_table_rows));
  }
  const int row_count = static_cast<int>(rows.size());
  while (grid.header_rows < row_count && rows[static_cast<std::size_t>(grid.header_rows)].in_head)
    ++grid.header_rows;

  GridPlacer placer(row_count);
  for (int r = 0; r < row_count && !placer.too_large; ++r) {
    int cursor = 0;
    for (const xmlNode* element : rows[static_cast<std::size_t>(r)].cells) {
      const std::optional<Placement> at = placer.place(r, cursor, element);
      if (!at) break;
      model::Cell cell;
      cell.row = at->row;
      cell.col = at->col;
      cell.row_span = at->row_span;
      cell.col_span = at->col_span;
      cell.locator.path = paths_.path(element);
      cell.text =
          cell_text(element, index, static_cast<int>(grid.cells.size()), cell.nested_tables);
      grid.cells.push_back(std::move(cell));
      grid.cols = std::max(grid.cols, at->col + at->col_span);
    }
  }
  grid.rows = row_count;
  if (placer.clipped) {
    diagnose("html_span_clipped", model::Severity::info,
             "a rowspan or colspan reaches past the edge of the table and was cut to fit", table);
  }
  if (placer.too_large) {
    diagnose("html_table_too_large", model::Severity::warning,
             "table spans more than " + std::to_string(k_max_grid_positions) +
                 " grid positions; the rest is not read",
             table);
  }
  doc_.tables[static_cast<std::size_t>(index)] = std::move(grid);
  return index;
}

}  // namespace nianbao::readers::html
