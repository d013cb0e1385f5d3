#pragma once
// Tables printed without ruling: the grid is recovered from where the words stand. Rows are the
// lines that carry values (a label's wrapped lines and the pieces of a label merged over several
// rows belong to the row nearest to them), value columns are the x-ranges the values share (and
// the header words above a column that holds no value at all), and the label columns are the
// indents of the row labels. A blank cell is a column position with no word in the row. Where
// any value cannot be put in exactly one column, no table is made: the lines stay text, and the
// text machinery downstream refuses what it cannot place.

#include <vector>

#include "extractor/readers/pdf/pdf_source.hpp"
#include "extractor/readers/pdf/text_lines.hpp"

namespace nianbao::readers::pdf {

struct AlignedCell {
  int row = 0, col = 0, row_span = 1, col_span = 1;
  std::vector<int> glyphs;               // indexes into the page's glyphs; empty for a blank cell
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the cell's position on the page
};

struct AlignedTable {
  std::vector<float> xs;  // column boundaries, left to right
  float y0 = 0, y1 = 0;
  int rows = 0, cols = 0;
  std::vector<AlignedCell> cells;  // row-major by top-left corner
  std::vector<int> lines;          // the indexes of the lines it was made of
};

struct AlignedTables {
  std::vector<AlignedTable> tables;
  // Where a block of lines with values could not be made a table (the top of its first line):
  // its lines stay text.
  std::vector<float> refused;
};

// The unruled tables among `lines` (the page's lines outside ruled tables, top to bottom).
AlignedTables find_aligned_tables(const Page& page, const std::vector<TextLine>& lines);

}  // namespace nianbao::readers::pdf
