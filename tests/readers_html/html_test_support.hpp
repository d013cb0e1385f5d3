#pragma once
// Helpers shared by the HTML reader tests: reading a page from a string and looking cells up
// by grid position.

#include <string>
#include <string_view>
#include <vector>

#include "extractor/model/document.hpp"
#include "extractor/readers/html/html_reader.hpp"

namespace nianbao::testing {

inline model::Document read_page(std::string_view html) {
  model::Document doc;
  readers::read_html(html, doc);
  return doc;
}

// The cell covering grid position (row, col), found from spans (not Table::expand_to_grid,
// which belongs to the docx reader); null for a hole.
inline const model::Cell* cell_at(const model::Table& table, int row, int col) {
  for (const model::Cell& cell : table.cells) {
    if (row >= cell.row && row < cell.row + cell.row_span && col >= cell.col &&
        col < cell.col + cell.col_span) {
      return &cell;
    }
  }
  return nullptr;
}

inline std::string text_at(const model::Table& table, int row, int col) {
  const model::Cell* cell = cell_at(table, row, col);
  return cell == nullptr ? "<hole>" : cell->text;
}

inline std::vector<std::string> paragraph_texts(const model::Document& doc) {
  std::vector<std::string> out;
  for (const model::Block& block : doc.blocks) {
    if (block.kind == model::Block::Kind::paragraph) out.push_back(block.paragraph.text);
  }
  return out;
}

inline std::vector<const model::Table*> top_tables(const model::Document& doc) {
  std::vector<const model::Table*> out;
  for (const model::Block& block : doc.blocks) {
    if (block.kind == model::Block::Kind::table)
      out.push_back(&doc.tables.at(static_cast<std::size_t>(block.table)));
  }
  return out;
}

inline bool has_diagnostic(const model::Document& doc, std::string_view code) {
  for (const model::Diagnostic& d : doc.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

inline std::string all_text(const model::Document& doc) {
  std::string out;
  for (const std::string& p : paragraph_texts(doc)) out += p + "\n";
  for (const model::Table& t : doc.tables) {
    for (const model::Cell& c : t.cells) out += c.text + "\n";
  }
  return out;
}

}  // namespace nianbao::testing
