#include "extractor/readers/pdf/ruled_grid.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace nianbao::readers::pdf {
namespace {

// Lines this close are one line: producers draw a cell's border once per neighbouring cell,
// and double borders sit a point or two apart.
constexpr float k_same_line = 2.0f;
// How far a line may stop short of the line it meets and still be joined to it.
constexpr float k_reach = 2.5f;
// Grid lines closer than this bound no cell that can hold text: they are merged.
constexpr float k_min_cell = 3.0f;

struct Segment {
  float at = 0;            // y of a horizontal line, x of a vertical one
  float from = 0, to = 0;  // its extent along the line
};

// Collinear pieces that touch or overlap become one segment.
std::vector<Segment> merge_collinear(std::vector<Segment> pieces) {
  std::sort(pieces.begin(), pieces.end(), [](const Segment& a, const Segment& b) {
    return a.at != b.at ? a.at < b.at : a.from < b.from;
  });
  std::vector<Segment> merged;
  std::size_t i = 0;
  while (i < pieces.size()) {
    std::size_t j = i + 1;
    while (j < pieces.size() && pieces[j].at - pieces[j - 1].at <= k_same_line / 2) ++j;
    std::vector<Segment> group(pieces.begin() + static_cast<long>(i),
                               pieces.begin() + static_cast<long>(j));
    std::sort(group.begin(), group.end(),
              [](const Segment& a, const Segment& b) { return a.from < b.from; });
    float at_sum = 0;
    for (const Segment& s : group) at_sum += s.at;
    const float at = at_sum / static_cast<float>(group.size());
    Segment current{at, group[0].from, group[0].to};
    for (std::size_t k = 1; k < group.size(); ++k) {
      if (group[k].from <= current.to + k_reach) {
        current.to = std::max(current.to, group[k].to);
      } else {
        merged.push_back(current);
        current = {at, group[k].from, group[k].to};
      }
    }
    merged.push_back(current);
    i = j;
  }
  return merged;
}

bool crosses(const Segment& h, const Segment& v) {
  return v.at >= h.from - k_reach && v.at <= h.to + k_reach && h.at >= v.from - k_reach &&
         h.at <= v.to + k_reach;
}

struct DisjointSets {
  std::vector<int> parent;
  explicit DisjointSets(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) {
    while (parent[static_cast<std::size_t>(x)] != x) {
      parent[static_cast<std::size_t>(x)] =
          parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
      x = parent[static_cast<std::size_t>(x)];
    }
    return x;
  }
  void join(int a, int b) { parent[static_cast<std::size_t>(find(a))] = find(b); }
};

// Positions of lines, clustered: lines within k_min_cell of each other are one boundary.
std::vector<float> boundaries(std::vector<float> positions) {
  std::sort(positions.begin(), positions.end());
  std::vector<float> out;
  std::size_t i = 0;
  while (i < positions.size()) {
    std::size_t j = i + 1;
    while (j < positions.size() && positions[j] - positions[j - 1] < k_min_cell) ++j;
    float sum = 0;
    for (std::size_t k = i; k < j; ++k) sum += positions[k];
    out.push_back(sum / static_cast<float>(j - i));
    i = j;
  }
  return out;
}

// Whether one of `lines` at `at` covers the middle half of [from, to].
bool drawn(const std::vector<const Segment*>& lines, float at, float from, float to) {
  const float quarter = (to - from) / 4;
  for (const Segment* s : lines)
    if (std::fabs(s->at - at) < k_min_cell && s->from <= from + quarter + k_reach &&
        s->to >= to - quarter - k_reach)
      return true;
  return false;
}

// The smallest and largest position the segments reach along their length.
std::pair<float, float> extent(const std::vector<const Segment*>& lines) {
  float from = lines.front()->from, to = lines.front()->to;
  for (const Segment* s : lines) {
    from = std::min(from, s->from);
    to = std::max(to, s->to);
  }
  return {from, to};
}

RuledGrid grid_from_lines(const std::vector<const Segment*>& horizontal,
                          const std::vector<const Segment*>& vertical) {
  RuledGrid grid;
  std::vector<float> ys, xs;
  for (const Segment* s : horizontal) ys.push_back(s->at);
  for (const Segment* s : vertical) xs.push_back(s->at);
  // Where the lines end is the table's edge even when no border is drawn there: Word and
  // LibreOffice tables often have inner lines only, or no left and right border.
  const auto [h_from, h_to] = extent(horizontal);
  const auto [v_from, v_to] = extent(vertical);
  xs.push_back(h_from);
  xs.push_back(h_to);
  ys.push_back(v_from);
  ys.push_back(v_to);
  grid.ys = boundaries(ys);
  grid.xs = boundaries(xs);
  const int rows = grid.rows(), cols = grid.cols();
  if (rows < 1 || cols < 1) return grid;
  // Grid positions joined where the line between them is missing.
  DisjointSets sets(static_cast<std::size_t>(rows * cols));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const std::size_t ur = static_cast<std::size_t>(r), uc = static_cast<std::size_t>(c);
      if (c + 1 < cols && !drawn(vertical, grid.xs[uc + 1], grid.ys[ur], grid.ys[ur + 1]))
        sets.join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !drawn(horizontal, grid.ys[ur + 1], grid.xs[uc], grid.xs[uc + 1]))
        sets.join(r * cols + c, (r + 1) * cols + c);
    }
  }
  // Each joined set is one cell, stored at its top-left corner with the spans of its extent.
  grid.owner.assign(static_cast<std::size_t>(rows * cols), -1);
  std::vector<int> cell_of_root(static_cast<std::size_t>(rows * cols), -1);
  for (int p = 0; p < rows * cols; ++p) {
    const int root = sets.find(p);
    int& cell = cell_of_root[static_cast<std::size_t>(root)];
    const int r = p / cols, c = p % cols;
    if (cell < 0) {
      cell = static_cast<int>(grid.cells.size());
      grid.cells.push_back({r, c, 1, 1});
    }
    GridCell& g = grid.cells[static_cast<std::size_t>(cell)];
    const int col0 = std::min(g.col, c);
    const int col1 = std::max(g.col + g.col_span, c + 1);
    g.col = col0;
    g.col_span = col1 - col0;
    g.row_span = std::max(g.row_span, r - g.row + 1);
    grid.owner[static_cast<std::size_t>(p)] = cell;
  }
  return grid;
}

}  // namespace

int RuledGrid::cell_at(float x, float y) const {
  if (!contains(x, y)) return -1;
  const auto col = std::upper_bound(xs.begin(), xs.end(), x) - xs.begin() - 1;
  const auto row = std::upper_bound(ys.begin(), ys.end(), y) - ys.begin() - 1;
  const int c = std::clamp(static_cast<int>(col), 0, cols() - 1);
  const int r = std::clamp(static_cast<int>(row), 0, rows() - 1);
  return owner[static_cast<std::size_t>(r * cols() + c)];
}

std::vector<RuledGrid> find_ruled_grids(const std::vector<Rule>& rules) {
  std::vector<Segment> h_pieces, v_pieces;
  for (const Rule& rule : rules) {
    if (rule.horizontal())
      h_pieces.push_back({rule.y0, rule.x0, rule.x1});
    else
      v_pieces.push_back({rule.x0, rule.y0, rule.y1});
  }
  const std::vector<Segment> h = merge_collinear(std::move(h_pieces));
  const std::vector<Segment> v = merge_collinear(std::move(v_pieces));
  // Lines that cross belong to one table.
  DisjointSets sets(h.size() + v.size());
  for (std::size_t i = 0; i < h.size(); ++i)
    for (std::size_t j = 0; j < v.size(); ++j)
      if (crosses(h[i], v[j])) sets.join(static_cast<int>(i), static_cast<int>(h.size() + j));
  std::vector<std::vector<const Segment*>> h_of(h.size() + v.size()), v_of(h.size() + v.size());
  for (std::size_t i = 0; i < h.size(); ++i)
    h_of[static_cast<std::size_t>(sets.find(static_cast<int>(i)))].push_back(&h[i]);
  for (std::size_t j = 0; j < v.size(); ++j)
    v_of[static_cast<std::size_t>(sets.find(static_cast<int>(h.size() + j)))].push_back(&v[j]);
  std::vector<RuledGrid> grids;
  for (std::size_t root = 0; root < h_of.size(); ++root) {
    // Two lines and one across them already make a table of two cells: a two-column table
    // drawn with inner lines only has one vertical line.
    if (h_of[root].empty() || v_of[root].empty() || h_of[root].size() + v_of[root].size() < 3)
      continue;
    RuledGrid grid = grid_from_lines(h_of[root], v_of[root]);
    if (grid.cols() < 2 || grid.rows() < 1 || grid.cells.size() < 2) continue;
    grids.push_back(std::move(grid));
  }
  std::sort(grids.begin(), grids.end(),
            [](const RuledGrid& a, const RuledGrid& b) { return a.ys.front() < b.ys.front(); });
  return grids;
}

}  // namespace nianbao::readers::pdf
