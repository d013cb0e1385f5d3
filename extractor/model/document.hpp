#pragma once
// The document model every reader produces and every later stage consumes: a sequence of
// paragraphs and tables in reading order. Text inputs give paragraphs only (one a line), and
// table recovery works from their layout; docx and HTML readers give real table grids.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extractor/model/diagnostic.hpp"
#include "extractor/model/locator.hpp"

namespace nianbao::model {

struct Paragraph {
  std::string text;  // UTF-8, as the source had it (no normalisation), without the line break
  Locator locator;
};

// One cell of a table grid. A merged cell is stored once, at its top-left grid position, with
// its spans; positions it covers hold no Cell of their own (see Table::expand_to_grid).
struct Cell {
  int row = 0;  // 0-based grid row of the top-left corner
  int col = 0;  // 0-based grid column of the top-left corner
  int row_span = 1;
  int col_span = 1;
  std::string text;  // the cell's paragraphs joined with '\n'
  Locator locator;
  std::vector<int> nested_tables;  // indexes into Document::tables of tables inside this cell
};

struct Table {
  int index = 0;  // position in Document::tables
  int rows = 0;
  int cols = 0;
  std::vector<Cell> cells;  // row-major by top-left corner
  Locator locator;
  std::optional<int> parent_table;  // for a nested table: the outer table ...
  std::optional<int> parent_cell;   // ... and the index of the cell in its `cells`
  // Header rows the source marks as repeated on every page (w:tblHeader, <thead>).
  int header_rows = 0;

  // The grid with every covered position pointing at the cell that covers it (nullptr where
  // the source left a hole). Used where matching needs a cell by position.
  std::vector<std::vector<const Cell*>> expand_to_grid() const;
};

// A block in reading order: a paragraph or a reference to a table.
struct Block {
  enum class Kind { paragraph, table };
  Kind kind = Kind::paragraph;
  Paragraph paragraph;  // for Kind::paragraph
  int table = -1;       // for Kind::table: index into Document::tables
};

// Facts about the report that a container states outside the body text, e.g. the metadata box
// of a government web page (发布机构, 发文日期) or docx core properties.
struct SourceHints {
  std::string title;
  std::string agency;
  std::string published;  // date as written
  // When the file says it was made (a PDF's CreationDate), YYYY-MM-DD: a publication date of last
  // resort, for a file made in the report's year or the next (a later one is a conversion).
  std::string created;
};

struct SourceInfo {
  std::string path;
  std::string format;    // "text", "docx", "html"
  std::string encoding;  // encoding the bytes were decoded from, e.g. "UTF-8", "GB18030"
  std::uint64_t bytes = 0;
  std::string sha256;
};

struct Document {
  SourceInfo source;
  SourceHints hints;
  std::vector<Block> blocks;
  // Every table. Blocks reference top-level tables only; a nested table is reached through its
  // outer cell's `nested_tables` (and names that cell in parent_table/parent_cell).
  std::vector<Table> tables;
  Diagnostics diagnostics;
  // False when the reader could not produce a document at all (the record becomes "failed").
  bool readable = true;
};

}  // namespace nianbao::model
