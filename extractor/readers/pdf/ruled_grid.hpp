#pragma once
// Table grids from a page's ruling: the horizontal and vertical lines that cross each other form
// a grid, and a cell is merged where the line between two grid positions is missing.

#include <vector>

#include "extractor/readers/pdf/pdf_source.hpp"

namespace nianbao::readers::pdf {

struct GridCell {
  int row = 0, col = 0, row_span = 1, col_span = 1;
};

struct RuledGrid {
  std::vector<float> xs;        // column boundaries, left to right (cols + 1 of them)
  std::vector<float> ys;        // row boundaries, top to bottom (rows + 1 of them)
  std::vector<GridCell> cells;  // row-major by top-left corner
  std::vector<int> owner;       // for each grid position (row * cols + col): its cell

  int rows() const { return static_cast<int>(ys.size()) - 1; }
  int cols() const { return static_cast<int>(xs.size()) - 1; }
  bool contains(float x, float y) const {
    return x >= xs.front() && x <= xs.back() && y >= ys.front() && y <= ys.back();
  }
  // The cell whose box holds the point, or -1.
  int cell_at(float x, float y) const;
};

// Every grid of at least two cells and two columns drawn on the page, top to bottom. A frame
// around a block of text (one column) is not a table.
std::vector<RuledGrid> find_ruled_grids(const std::vector<Rule>& rules);

}  // namespace nianbao::readers::pdf
