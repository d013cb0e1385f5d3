// Table::expand_to_grid: the one place that turns cells stored once with spans into a
// position-addressable grid. Readers keep rows × cols small enough to expand (the docx reader
// cuts tables beyond a few million positions), and spans that overrun the table are clipped.

#include <algorithm>

#include "extractor/model/document.hpp"

namespace nianbao::model {

std::vector<std::vector<const Cell*>> Table::expand_to_grid() const {
  const int height = std::max(rows, 0);
  const int width = std::max(cols, 0);
  std::vector<std::vector<const Cell*>> grid(
      static_cast<std::size_t>(height),
      std::vector<const Cell*>(static_cast<std::size_t>(width), nullptr));
  for (const Cell& cell : cells) {
    const int top = std::max(cell.row, 0);
    const int left = std::max(cell.col, 0);
    const int bottom = std::min(cell.row + std::max(cell.row_span, 1), height);
    const int right = std::min(cell.col + std::max(cell.col_span, 1), width);
    for (int r = top; r < bottom; ++r) {
      auto& line = grid[static_cast<std::size_t>(r)];
      for (int c = left; c < right; ++c) line[static_cast<std::size_t>(c)] = &cell;
    }
  }
  return grid;
}

}  // namespace nianbao::model
