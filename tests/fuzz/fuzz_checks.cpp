#include "fuzz_checks.hpp"

#include "extractor/readers/encoding.hpp"

namespace nianbao::fuzz {
namespace {

bool is_table_index(const model::Document& doc, int index) {
  return index >= 0 && static_cast<std::size_t>(index) < doc.tables.size();
}

void check_table(const model::Document& doc, const model::Table& table, std::size_t position) {
  require(table.index == static_cast<int>(position), "Table::index is its position in tables");
  require(table.rows >= 0 && table.cols >= 0, "a table's size is not negative");
  for (const model::Cell& cell : table.cells) {
    require(readers::is_valid_utf8(cell.text), "cell text is valid UTF-8");
    require(cell.row_span >= 1 && cell.col_span >= 1, "cell spans are at least 1");
    for (int nested : cell.nested_tables)
      require(is_table_index(doc, nested), "Cell::nested_tables names a table");
  }
  if (table.parent_table) {
    require(is_table_index(doc, *table.parent_table), "Table::parent_table names a table");
    const model::Table& parent = doc.tables[static_cast<std::size_t>(*table.parent_table)];
    require(table.parent_cell.has_value() && *table.parent_cell >= 0 &&
                static_cast<std::size_t>(*table.parent_cell) < parent.cells.size(),
            "Table::parent_cell names a cell of the parent");
  }
  // Used by matching on every table: must stay within the grid whatever the cells say.
  const auto grid = table.expand_to_grid();
  require(grid.size() == static_cast<std::size_t>(table.rows), "the grid has the table's rows");
}

}  // namespace

void check_document(const model::Document& doc) {
  if (!doc.readable) {
    bool has_error = false;
    for (const model::Diagnostic& d : doc.diagnostics)
      has_error = has_error || d.severity == model::Severity::error;
    require(has_error, "an unreadable document says why (an error diagnostic)");
  }
  for (const model::Diagnostic& d : doc.diagnostics) {
    require(!d.code.empty(), "every diagnostic has a code");
  }
  for (const model::Block& block : doc.blocks) {
    if (block.kind == model::Block::Kind::table) {
      require(is_table_index(doc, block.table), "a table block names a table");
    } else {
      require(readers::is_valid_utf8(block.paragraph.text), "paragraph text is valid UTF-8");
    }
  }
  for (std::size_t k = 0; k < doc.tables.size(); ++k) check_table(doc, doc.tables[k], k);
  require(readers::is_valid_utf8(doc.hints.title) && readers::is_valid_utf8(doc.hints.agency) &&
              readers::is_valid_utf8(doc.hints.published),
          "source hints are valid UTF-8");
}

}  // namespace nianbao::fuzz
