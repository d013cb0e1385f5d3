#pragma once
// HTML tables into true grids: rowspan/colspan resolved the way browsers lay them out, a merged
// cell stored once at its top-left corner. Also tells data tables from layout tables, which
// government sites use to frame a page and which must be read as flowing text instead.

#include <libxml/tree.h>

#include <optional>
#include <vector>

#include "extractor/model/document.hpp"
#include "extractor/readers/html/html_flow.hpp"

namespace nianbao::readers::html {

// Limits that keep a hostile table from exhausting memory; real report tables have a few dozen
// rows and at most 16 columns.
inline constexpr int k_max_table_rows = 20000;
inline constexpr int k_max_table_cols = 1000;  // the HTML limit for colspan
inline constexpr std::size_t k_max_grid_positions = 2'000'000;

// The rows of a table, each with its cells, in document order: rows of thead/tbody/tfoot, rows
// wrapped in stray elements by broken markup, and cells sitting outside any <tr>. Rows of
// nested tables are not included.
struct TableRow {
  const xmlNode* element = nullptr;  // the <tr>, or the parent of stray cells
  std::vector<const xmlNode*> cells;
  bool in_head = false;
};
std::vector<TableRow> table_rows(const xmlNode* table);

// True when the table is page layout rather than data: the report's sections run through it
// (`section_headings` ≥ 2; one heading alone may be a data table's title row), it is a
// single-cell frame, frames a nested table in a few cells, or has a cell with a run of prose.
bool is_layout_table(const xmlNode* table, int section_headings);

class TableBuilder {
 public:
  TableBuilder(model::Document& doc, PathIndex& paths) : doc_(doc), paths_(paths) {}
  // Adds the table (and, first-come, the tables nested in its cells) to doc.tables and returns
  // its index.
  int build(const xmlNode* table, std::optional<int> parent_table = std::nullopt,
            std::optional<int> parent_cell = std::nullopt);

 private:
  std::string cell_text(const xmlNode* cell, int table_index, int cell_index,
                        std::vector<int>& nested);
  void diagnose(const char* code, model::Severity severity, std::string message,
                const xmlNode* table);
  model::Document& doc_;
  PathIndex& paths_;
};

}  // namespace nianbao::readers::html
