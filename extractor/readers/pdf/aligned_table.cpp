#include "extractor/readers/pdf/aligned_table.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <string>

namespace nianbao::readers::pdf {
namespace {

// A gap this wide (in ems) between two words of a line separates two cells: Chinese text has
// none between its characters, Latin words a third of an em, and the padding of narrow cells
// can be as little as half an em.
constexpr float k_cell_gap_em = 0.45f;
constexpr float k_number_gap_em = 0.35f;
// Row labels whose first characters stand within this (in ems) of each other share a column.
constexpr float k_indent_em = 1.2f;
// A line further than this (in ems) below the previous one is not in the same table.
constexpr float k_table_gap_em = 3.0f;
constexpr float k_header_gap_em = 2.5f;
constexpr int k_max_header_lines = 6;
// A label-only line this wide (share of the page's text width) is prose, not a table's line.
constexpr float k_prose_width = 0.6f;

struct Piece {
  std::vector<int> glyphs;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::u32string text;
  bool value = false;
  float cy() const { return (y0 + y1) / 2; }
};

struct Line {
  int index = 0;  // into the page's lines
  float y0 = 0, y1 = 0, em = 10;
  std::vector<Piece> pieces;
  int values = 0;
  float cy() const { return (y0 + y1) / 2; }
  bool label_only() const { return values == 0; }
  // A row of values: two values, or a label and a value beside it.
  bool anchor() const { return values >= 2 || (values >= 1 && pieces.size() >= 2); }
};

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// A number as a cell holds it (1326, 763.87, 1,286, +3, -1, 100%) or a not-applicable mark.
bool is_value_text(const std::u32string& t) {
  static const std::u32string k_marks[] = {U"/", U"／", U"—", U"——", U"-", U"–", U"－", U"—-"};
  for (const std::u32string& m : k_marks)
    if (t == m) return true;
  std::size_t i = 0;
  if (i < t.size() && (t[i] == U'+' || t[i] == U'-' || t[i] == U'−')) ++i;
  const std::size_t digits_from = i;
  while (i < t.size() && (is_digit(t[i]) || (t[i] == U',' && i > digits_from))) ++i;
  if (i == digits_from) return false;
  if (i < t.size() && t[i] == U'.') {
    ++i;
    const std::size_t fraction_from = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == fraction_from) return false;
  }
  if (i < t.size() && (t[i] == U'%' || t[i] == U'％')) ++i;
  return i == t.size();
}

float em_of(const Glyph& g) { return g.size > 0.5f ? g.size : std::max(g.y1 - g.y0, 1.0f); }

void add_glyph(Piece& piece, const Glyph& g, int index) {
  if (piece.glyphs.empty()) {
    piece.x0 = g.x0, piece.y0 = g.y0, piece.x1 = g.x1, piece.y1 = g.y1;
  } else {
    piece.x0 = std::min(piece.x0, g.x0), piece.y0 = std::min(piece.y0, g.y0);
    piece.x1 = std::max(piece.x1, g.x1), piece.y1 = std::max(piece.y1, g.y1);
  }
  piece.glyphs.push_back(index);
  piece.text.push_back(g.c);
}

// The line's cells: its words split where the gap between them is a column's.
Line line_of(const Page& page, const TextLine& text, int index) {
  Line line;
  line.index = index;
  line.y0 = text.y0, line.y1 = text.y1;
  line.em = std::max(text.size, 1.0f);
  const Glyph* prev = nullptr;
  for (int g : text.glyphs) {
    const Glyph& glyph = page.glyphs[static_cast<std::size_t>(g)];
    // Figures of narrow columns can stand less than an em apart: between two digits a
    // gap of a third of an em already separates them (within a number there is none).
    const bool digits = prev != nullptr && glyph.c < 0x80 && prev->c < 0x80;
    const float gap_em = digits ? k_number_gap_em : k_cell_gap_em;
    const bool split =
        prev == nullptr || (glyph.upright && prev->upright &&
                            glyph.x0 - prev->x1 > gap_em * std::max(em_of(glyph), em_of(*prev)));
    if (split) line.pieces.emplace_back();
    add_glyph(line.pieces.back(), glyph, g);
    prev = &glyph;
  }
  for (Piece& p : line.pieces) {
    p.value = is_value_text(p.text);
    if (p.value) ++line.values;
  }
  return line;
}

bool starts_with_section_number(const std::u32string& t) {
  static const std::u32string k_numerals = U"一二三四五六七八九十";
  std::size_t i = 0;
  while (i < t.size() && k_numerals.find(t[i]) != std::u32string::npos) ++i;
  return i > 0 && i < t.size() && t[i] == U'、';
}

// A heading (三、收到和处理政府信息公开申请情况) or a paragraph of prose: a table ends before it.
bool ends_table(const Line& line, float text_width) {
  if (!line.label_only()) return false;
  if (line.pieces.size() == 1 && line.pieces[0].text.size() >= 6 &&
      starts_with_section_number(line.pieces[0].text))
    return true;
  for (const Piece& p : line.pieces)
    if (p.x1 - p.x0 > k_prose_width * text_width) return true;
  return false;
}

struct Interval {
  float x0 = 0, x1 = 0;
};

bool overlaps(Interval a, Interval b) { return a.x0 < b.x1 && b.x0 < a.x1; }

float overlap(Interval a, Interval b) { return std::min(a.x1, b.x1) - std::max(a.x0, b.x0); }

// Intervals that overlap, joined; left to right.
std::vector<Interval> join_overlapping(std::vector<Interval> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const Interval& a, const Interval& b) { return a.x0 < b.x0; });
  std::vector<Interval> out;
  for (const Interval& s : spans) {
    if (!out.empty() && s.x0 < out.back().x1)
      out.back().x1 = std::max(out.back().x1, s.x1);
    else
      out.push_back(s);
  }
  return out;
}

// The grid being made: cells by position, every position covered once.
struct GridMaker {
  int rows = 0, cols = 0;
  std::vector<int> owner;  // per position: the cell, or -1
  std::vector<AlignedCell> cells;

  GridMaker(int r, int c) : rows(r), cols(c), owner(static_cast<std::size_t>(r * c), -1) {}
  bool free(int r, int c) const { return owner[static_cast<std::size_t>(r * cols + c)] < 0; }
  void add(AlignedCell cell) {
    for (int r = cell.row; r < cell.row + cell.row_span; ++r)
      for (int c = cell.col; c < cell.col + cell.col_span; ++c)
        owner[static_cast<std::size_t>(r * cols + c)] = static_cast<int>(cells.size());
    cells.push_back(std::move(cell));
  }
};

struct Block {
  std::vector<const Line*> header;  // lines above the first row of values
  std::vector<const Line*> body;    // from the first row of values on
};

class BlockReader {
 public:
  BlockReader(const Page& page, const Block& block) : page_(page), block_(block) {}
  std::optional<AlignedTable> read();

 private:
  bool find_columns();
  bool add_blank_columns();
  bool place_values();
  void take_first_row_label();
  void assign_label_lines();
  void find_label_edge();
  void find_label_levels();
  void make_header(GridMaker& grid, int header_rows);
  void make_body(GridMaker& grid, int header_rows);
  int column_of(const Piece& p) const;
  std::vector<int> slots_of(const Piece& p) const;
  int header_rows();
  Interval slot(int column) const;

  const Page& page_;
  Block block_;
  std::vector<const Line*> anchors_;
  std::vector<Interval> columns_;             // value columns, left to right
  float label_right_ = 0;                     // where the first value column's values start
  float label_edge_ = 0;                      // between the labels and the first value column
  std::vector<std::vector<int>> row_values_;  // per anchor, per column: piece index or -1
  // Per anchor: its label pieces.
  std::vector<std::vector<const Piece*>> row_labels_;
  std::vector<float> level_x_;          // left edge of each label column
  std::vector<const Piece*> spanning_;  // header pieces over several value columns
  std::vector<int> spanning_tier_;
  std::vector<std::vector<int>> spanning_slots_;
  float em_ = 10, left_ = 0, right_ = 0, top_ = 0, bottom_ = 0;
};

std::optional<AlignedTable> BlockReader::read() {
  for (const Line* line : block_.body)
    if (line->anchor()) anchors_.push_back(line);
  if (anchors_.empty()) return std::nullopt;
  em_ = anchors_.front()->em;
  if (!find_columns() || !place_values()) return std::nullopt;
  take_first_row_label();
  assign_label_lines();
  find_label_edge();
  if (add_blank_columns()) {
    if (!place_values()) return std::nullopt;
    assign_label_lines();
  }
  find_label_levels();
  // Label columns must stand left of the values.
  for (float x : level_x_)
    if (x >= label_edge_) return std::nullopt;
  left_ = 1e9f, right_ = 0, top_ = 1e9f, bottom_ = 0;
  for (const auto* lines : {&block_.header, &block_.body})
    for (const Line* line : *lines)
      for (const Piece& p : line->pieces) {
        left_ = std::min(left_, p.x0), right_ = std::max(right_, p.x1);
        top_ = std::min(top_, p.y0), bottom_ = std::max(bottom_, p.y1);
      }
  const int levels = static_cast<int>(level_x_.size());
  const int header = header_rows();
  GridMaker grid(header + static_cast<int>(anchors_.size()),
                 levels + static_cast<int>(columns_.size()));
  make_header(grid, header);
  make_body(grid, header);
  AlignedTable table;
  table.rows = grid.rows;
  table.cols = grid.cols;
  table.xs.push_back(left_);
  for (int k = 1; k < levels; ++k) table.xs.push_back(level_x_[static_cast<std::size_t>(k)]);
  for (std::size_t c = levels > 0 ? 0 : 1; c < columns_.size(); ++c)
    table.xs.push_back(slot(static_cast<int>(c)).x0);
  table.xs.push_back(right_);
  for (std::size_t k = 1; k < table.xs.size(); ++k)
    if (table.xs[k] <= table.xs[k - 1]) return std::nullopt;
  table.y0 = top_, table.y1 = bottom_;
  table.cells = std::move(grid.cells);
  std::sort(table.cells.begin(), table.cells.end(), [](const AlignedCell& a, const AlignedCell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  for (const auto* lines : {&block_.header, &block_.body})
    for (const Line* line : *lines) table.lines.push_back(line->index);
  return table;
}

// Value columns: the x-ranges the values of the rows share; then a header word over no value
// (a column left blank in every row) adds its own.
bool BlockReader::find_columns() {
  std::vector<Interval> spans;
  for (const Line* line : anchors_)
    for (const Piece& p : line->pieces)
      if (p.value) spans.push_back({p.x0, p.x1});
  columns_ = join_overlapping(spans);
  if (columns_.empty()) return false;
  label_right_ = columns_.front().x0;
  return true;
}

// Short header words right of the labels and over no value may head columns that are blank in
// every row. Such a word is taken for a column where it stands clear of every value column, by
// more than half the pitch of the columns: a word over a
// column of narrow numbers need not overlap them, but it stands near their centre. Returns
// whether a column was added.
bool BlockReader::add_blank_columns() {
  std::vector<Interval> words;
  for (const Line* line : block_.header)
    for (const Piece& p : line->pieces) {
      const Interval span{p.x0, p.x1};
      if (p.x0 < label_edge_ || p.x1 - p.x0 > 4 * em_) continue;
      bool over_value = false;
      for (const Interval& c : columns_) over_value = over_value || overlaps(span, c);
      if (!over_value) words.push_back(span);
    }
  if (words.empty()) return false;
  const std::vector<Interval> candidates = join_overlapping(words);
  // The pitch of the value columns; of the header words too where one column holds values.
  std::vector<float> centres;
  for (const Interval& c : columns_) centres.push_back((c.x0 + c.x1) / 2);
  if (columns_.size() < 2)
    for (const Interval& c : candidates) centres.push_back((c.x0 + c.x1) / 2);
  std::sort(centres.begin(), centres.end());
  if (centres.size() < 2) return false;
  std::vector<float> pitches;
  for (std::size_t c = 1; c < centres.size(); ++c) pitches.push_back(centres[c] - centres[c - 1]);
  std::nth_element(pitches.begin(), pitches.begin() + static_cast<long>(pitches.size() / 2),
                   pitches.end());
  const float pitch = pitches[pitches.size() / 2];
  std::vector<Interval> extra;
  for (const Interval& w : candidates) {
    const float centre = (w.x0 + w.x1) / 2;
    bool clear = true;
    for (const Interval& c : columns_)
      clear = clear && std::fabs((c.x0 + c.x1) / 2 - centre) > 0.6f * pitch;
    if (clear) extra.push_back(w);
  }
  if (extra.empty()) return false;
  for (const Interval& e : extra) columns_.push_back(e);
  columns_ = join_overlapping(columns_);
  label_right_ = std::min(label_right_, columns_.front().x0);
  return true;
}

// Where the labels end: halfway from the longest label to the first values (a header over a
// column of right-aligned numbers starts well left of them).
void BlockReader::find_label_edge() {
  float labels_end = 0;
  for (const auto& labels : row_labels_)
    for (const Piece* p : labels) labels_end = std::max(labels_end, p->x1);
  label_edge_ =
      labels_end > 0 && labels_end < label_right_ ? (labels_end + label_right_) / 2 : label_right_;
}

int BlockReader::column_of(const Piece& p) const {
  int found = -1;
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (overlaps({p.x0, p.x1}, columns_[c])) {
      if (found >= 0) return -2;
      found = static_cast<int>(c);
    }
  return found;
}

// Each value in exactly one column, at most one value a column in a row; else no table.
bool BlockReader::place_values() {
  row_values_.clear();
  row_labels_.clear();
  for (const Line* line : anchors_) {
    std::vector<int> cells(columns_.size(), -1);
    std::vector<const Piece*> labels;
    for (std::size_t i = 0; i < line->pieces.size(); ++i) {
      const Piece& p = line->pieces[i];
      if (!p.value && p.x1 <= label_right_ + 0.5f * em_) {
        labels.push_back(&p);
        continue;
      }
      const int c = column_of(p);
      if (c < 0 || cells[static_cast<std::size_t>(c)] >= 0) return false;
      cells[static_cast<std::size_t>(c)] = static_cast<int>(i);
    }
    row_values_.push_back(std::move(cells));
    row_labels_.push_back(std::move(labels));
  }
  return true;
}

// The last header line may be the first row's label standing above its values.
void BlockReader::take_first_row_label() {
  if (block_.header.empty() || !row_labels_.front().empty()) return;
  const Line* last = block_.header.back();
  bool in_label_area = true;
  for (const Piece& p : last->pieces) in_label_area = in_label_area && p.x1 <= label_right_;
  if (in_label_area && anchors_.front()->y0 - last->y1 < 1.0f * em_) {
    block_.header.pop_back();
    block_.body.insert(block_.body.begin(), last);
  }
}

// A label's other lines (wrapped, or a merged label's characters) go to the nearest row.
void BlockReader::assign_label_lines() {
  for (const Line* line : block_.body) {
    if (line->anchor()) continue;
    std::size_t nearest = 0;
    float best = 1e9f;
    for (std::size_t a = 0; a < anchors_.size(); ++a) {
      const float d = std::fabs(anchors_[a]->cy() - line->cy());
      if (d < best) best = d, nearest = a;
    }
    for (const Piece& p : line->pieces) row_labels_[nearest].push_back(&p);
  }
  for (auto& labels : row_labels_)
    std::stable_sort(labels.begin(), labels.end(), [](const Piece* a, const Piece* b) {
      return std::fabs(a->cy() - b->cy()) > 0.3f * (a->y1 - a->y0) ? a->cy() < b->cy()
                                                                   : a->x0 < b->x0;
    });
}

// Label columns from the labels' left edges: a label indented past another is its child.
void BlockReader::find_label_levels() {
  std::vector<float> starts;
  for (const auto& labels : row_labels_)
    for (const Piece* p : labels) starts.push_back(p->x0);
  std::sort(starts.begin(), starts.end());
  for (std::size_t i = 0; i < starts.size(); ++i)
    if (i == 0 || starts[i] - starts[i - 1] > k_indent_em * em_) level_x_.push_back(starts[i]);
}

Interval BlockReader::slot(int column) const {
  const auto c = static_cast<std::size_t>(column);
  const float x0 = c == 0 ? label_edge_ : (columns_[c - 1].x1 + columns_[c].x0) / 2;
  const float x1 = c + 1 == columns_.size() ? std::max(right_, columns_[c].x1) + 0.25f * em_
                                            : (columns_[c].x1 + columns_[c + 1].x0) / 2;
  return {x0, x1};
}

// The value columns a header word stands over.
std::vector<int> BlockReader::slots_of(const Piece& p) const {
  std::vector<int> out;
  const Interval span{p.x0, p.x1};
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const Interval s = slot(static_cast<int>(c));
    if (overlap(span, s) >= 0.5f * std::min(span.x1 - span.x0, s.x1 - s.x0))
      out.push_back(static_cast<int>(c));
  }
  return out;
}

// Header tiers: a word over several columns is a group heading; a group heading below another
// that it overlaps is one tier lower (申请人情况 → 法人或其他组织 → 商业企业).
int BlockReader::header_rows() {
  if (block_.header.empty()) return 0;
  for (const Line* line : block_.header)
    for (const Piece& p : line->pieces) {
      if ((p.x0 + p.x1) / 2 < label_edge_) continue;
      std::vector<int> s = slots_of(p);
      if (s.size() < 2) continue;
      int tier = 0;
      for (std::size_t q = 0; q < spanning_.size(); ++q) {
        // The heading's next line: its tier (make_header joins the two into one cell).
        if (spanning_slots_[q] == s && p.y0 - spanning_[q]->y1 < 0.6f * em_) {
          tier = spanning_tier_[q];
          break;
        }
        bool shared = false;
        for (int c : s)
          shared = shared || std::find(spanning_slots_[q].begin(), spanning_slots_[q].end(), c) !=
                                 spanning_slots_[q].end();
        if (shared) tier = std::max(tier, spanning_tier_[q] + 1);
      }
      spanning_.push_back(&p);
      spanning_tier_.push_back(tier);
      spanning_slots_.push_back(std::move(s));
    }
  int tiers = 0;
  for (int t : spanning_tier_) tiers = std::max(tiers, t + 1);
  return tiers + 1;
}

void append_piece(AlignedCell& cell, const Piece& p) {
  cell.glyphs.insert(cell.glyphs.end(), p.glyphs.begin(), p.glyphs.end());
}

void BlockReader::make_header(GridMaker& grid, int header_rows) {
  if (header_rows == 0) return;
  const int levels = static_cast<int>(level_x_.size());
  // Group headings, one cell each (a heading wrapped over two lines is one cell).
  std::map<std::pair<int, int>, std::size_t> group_cell;  // (tier, first slot) → cell
  for (std::size_t q = 0; q < spanning_.size(); ++q) {
    const std::vector<int>& s = spanning_slots_[q];
    const auto key = std::make_pair(spanning_tier_[q], s.front());
    if (auto it = group_cell.find(key); it != group_cell.end()) {
      append_piece(grid.cells[it->second], *spanning_[q]);
      continue;
    }
    const int row = spanning_tier_[q], col = levels + s.front();
    const int span = s.back() - s.front() + 1;
    bool free = true;
    for (int c = col; c < col + span; ++c) free = free && grid.free(row, c);
    if (!free) continue;
    AlignedCell cell{row,
                     col,
                     1,
                     span,
                     {},
                     spanning_[q]->x0,
                     spanning_[q]->y0,
                     spanning_[q]->x1,
                     spanning_[q]->y1};
    append_piece(cell, *spanning_[q]);
    group_cell[key] = grid.cells.size();
    grid.add(std::move(cell));
  }
  // Column headings: below the lowest group heading over the column, down to the body.
  std::vector<AlignedCell> leaf(columns_.size());
  AlignedCell corner{0, 0, header_rows, std::max(levels, 1), {}, left_, top_, label_right_, top_};
  for (const Line* line : block_.header)
    for (const Piece& p : line->pieces) {
      if (std::find(spanning_.begin(), spanning_.end(), &p) != spanning_.end()) continue;
      if ((p.x0 + p.x1) / 2 < label_edge_) {
        append_piece(corner, p);
        continue;
      }
      const std::vector<int> s = slots_of(p);
      if (s.size() == 1) append_piece(leaf[static_cast<std::size_t>(s.front())], p);
    }
  if (levels > 0) grid.add(std::move(corner));
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const int col = levels + static_cast<int>(c);
    int top = 0;
    for (int r = 0; r < header_rows; ++r)
      if (!grid.free(r, col)) top = r + 1;
    const Interval s = slot(static_cast<int>(c));
    for (int r = 0; r < top; ++r)
      if (grid.free(r, col)) grid.add({r, col, 1, 1, {}, s.x0, top_, s.x1, top_});
    if (top >= header_rows) continue;
    AlignedCell cell = std::move(leaf[c]);
    cell.row = top, cell.col = col, cell.row_span = header_rows - top, cell.col_span = 1;
    cell.x0 = s.x0, cell.x1 = s.x1, cell.y0 = top_, cell.y1 = anchors_.front()->y0;
    grid.add(std::move(cell));
  }
}

void BlockReader::make_body(GridMaker& grid, int header_rows) {
  const int levels = static_cast<int>(level_x_.size());
  const int rows = static_cast<int>(anchors_.size());
  auto level_of = [&](const Piece* p) {
    int level = 0;
    for (int k = 0; k < levels; ++k)
      if (p->x0 >= level_x_[static_cast<std::size_t>(k)] - 0.01f) level = k;
    return level;
  };
  // Each row's label is its deepest piece(s); shallower pieces belong to labels merged over
  // several rows (三、本年度办理结果, printed a few characters a line beside its rows).
  std::vector<int> leaf(static_cast<std::size_t>(rows), -1);
  for (int r = 0; r < rows; ++r)
    for (const Piece* p : row_labels_[static_cast<std::size_t>(r)])
      leaf[static_cast<std::size_t>(r)] = std::max(leaf[static_cast<std::size_t>(r)], level_of(p));
  auto band = [&](int r) {
    const Line* a = anchors_[static_cast<std::size_t>(r)];
    return Interval{a->y0, a->y1};
  };
  std::vector<std::vector<bool>> starts(static_cast<std::size_t>(levels),
                                        std::vector<bool>(static_cast<std::size_t>(rows)));
  for (int k = 0; k < levels; ++k) {
    std::optional<AlignedCell> run;
    auto close = [&](int end_row) {
      if (!run) return;
      run->row_span = end_row - run->row + 1;
      run->row += header_rows;
      grid.add(std::move(*run));
      run.reset();
    };
    for (int r = 0; r < rows; ++r) {
      const int l = leaf[static_cast<std::size_t>(r)];
      bool shallower_starts = false;
      for (int j = 0; j < k; ++j)
        shallower_starts =
            shallower_starts || starts[static_cast<std::size_t>(j)][static_cast<std::size_t>(r)];
      if ((l >= 0 && l <= k) || shallower_starts) close(r - 1);
      for (const Piece* p : row_labels_[static_cast<std::size_t>(r)]) {
        if (level_of(p) != k || l <= k) continue;
        // Lines of one label follow each other closely; a gap of rows begins the next label
        // of the column ((四)无法提供 and (五)不予处理, each centred beside its rows).
        // (Two pieces of one row are one label, however far apart.)
        if (run && run->row < r && p->y0 - run->y1 > 1.0f * em_) close(r - 1);
        if (!run) {
          run = AlignedCell{r, k, 1, 1, {}, p->x0, p->y0, p->x1, p->y1};
          starts[static_cast<std::size_t>(k)][static_cast<std::size_t>(r)] = true;
        }
        append_piece(*run, *p);
        run->x1 = std::max(run->x1, p->x1), run->y1 = std::max(run->y1, p->y1);
      }
    }
    close(rows - 1);
  }
  for (int r = 0; r < rows; ++r) {
    const int row = header_rows + r;
    const Interval y = band(r);
    const int l = leaf[static_cast<std::size_t>(r)];
    // The row's own label, widened left over label columns no merged label covers.
    int from = l >= 0 ? l : levels;
    while (from > 0 && grid.free(row, from - 1)) --from;
    if (l >= 0) {
      AlignedCell cell{row, from, 1, levels - from, {}, 1e9f, 1e9f, 0, 0};
      for (const Piece* p : row_labels_[static_cast<std::size_t>(r)]) {
        if (level_of(p) != l) continue;
        append_piece(cell, *p);
        cell.x0 = std::min(cell.x0, p->x0), cell.y0 = std::min(cell.y0, p->y0);
        cell.x1 = std::max(cell.x1, p->x1), cell.y1 = std::max(cell.y1, p->y1);
      }
      grid.add(std::move(cell));
    } else if (from < levels) {
      grid.add({row, from, 1, levels - from, {}, left_, y.x0, label_right_, y.x1});
    }
    for (int k = 0; k < levels; ++k)
      if (grid.free(row, k)) grid.add({row, k, 1, 1, {}, left_, y.x0, label_right_, y.x1});
    const Line* line = anchors_[static_cast<std::size_t>(r)];
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const int piece = row_values_[static_cast<std::size_t>(r)][c];
      const Interval s = slot(static_cast<int>(c));
      AlignedCell cell{row, levels + static_cast<int>(c), 1, 1, {}, s.x0, y.x0, s.x1, y.x1};
      if (piece >= 0) {
        const Piece& p = line->pieces[static_cast<std::size_t>(piece)];
        append_piece(cell, p);
        cell.x0 = p.x0, cell.y0 = p.y0, cell.x1 = p.x1, cell.y1 = p.y1;
      }
      grid.add(std::move(cell));
    }
  }
}

// Splits a table's lines where a new header row begins after rows of values (the small tables
// of 表二 follow each other, each with its own columns).
std::vector<Block> split_blocks(const std::vector<const Line*>& header,
                                const std::vector<const Line*>& body) {
  // Where the values start: a header row has words over them, a label's line does not.
  float values_from = 1e9f;
  for (const Line* line : body)
    if (line->anchor())
      for (const Piece& p : line->pieces)
        if (p.value) values_from = std::min(values_from, p.x0);
  auto over_values = [&](const Line* line) {
    for (const Piece& p : line->pieces)
      if (p.x1 > values_from) return true;
    return false;
  };
  std::vector<Block> blocks(1);
  blocks[0].header = header;
  bool seen_values = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const Line* line = body[i];
    if (line->anchor()) {
      seen_values = true;
      blocks.back().body.push_back(line);
      continue;
    }
    const bool header_row = line->label_only() && line->pieces.size() >= 2 && over_values(line);
    if (!header_row || !seen_values) {
      blocks.back().body.push_back(line);
      continue;
    }
    // The new table's caption lines (第二十条第（五）项) came just before its header row.
    Block next;
    std::vector<const Line*>& previous = blocks.back().body;
    int moved = 0;
    while (!previous.empty() && !previous.back()->anchor() && moved < 2) {
      next.header.insert(next.header.begin(), previous.back());
      previous.pop_back();
      ++moved;
    }
    std::size_t j = i;
    while (j < body.size() && !body[j]->anchor()) next.header.push_back(body[j++]);
    i = j - 1;
    blocks.push_back(std::move(next));
    seen_values = false;
  }
  return blocks;
}

}  // namespace

AlignedTables find_aligned_tables(const Page& page, const std::vector<TextLine>& text_lines) {
  std::vector<Line> lines;
  float text_left = 1e9f, text_right = 0;
  for (std::size_t i = 0; i < text_lines.size(); ++i) {
    lines.push_back(line_of(page, text_lines[i], static_cast<int>(i)));
    text_left = std::min(text_left, text_lines[i].x0);
    text_right = std::max(text_right, text_lines[i].x1);
  }
  const float text_width = std::max(text_right - text_left, 1.0f);
  AlignedTables found;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (!lines[i].anchor()) {
      ++i;
      continue;
    }
    // Rows: from this line of values down to the last before a heading, prose or a wide gap.
    std::size_t last_anchor = i, j = i + 1;
    while (j < lines.size()) {
      const Line& line = lines[j];
      if (ends_table(line, text_width)) break;
      if (line.y0 - lines[j - 1].y1 > k_table_gap_em * line.em) break;
      if (line.anchor()) last_anchor = j;
      if (j - last_anchor > 4) break;
      ++j;
    }
    std::size_t end = last_anchor + 1;  // then a label's last wrapped lines
    while (end < j && end - last_anchor <= 2 && lines[end].label_only() &&
           lines[end].y0 - lines[end - 1].y1 < 0.8f * lines[end].em)
      ++end;
    // Header: the lines just above, up to a heading or prose.
    std::size_t first = i;
    while (first > 0 && i - first < static_cast<std::size_t>(k_max_header_lines)) {
      const Line& above = lines[first - 1];
      if (ends_table(above, text_width) || !above.label_only()) break;
      if (lines[first].y0 - above.y1 > k_header_gap_em * above.em) break;
      --first;
    }
    std::vector<const Line*> header, body;
    for (std::size_t k = first; k < i; ++k) header.push_back(&lines[k]);
    for (std::size_t k = i; k < end; ++k) body.push_back(&lines[k]);
    for (const Block& block : split_blocks(header, body)) {
      BlockReader reader(page, block);
      if (std::optional<AlignedTable> table = reader.read())
        found.tables.push_back(std::move(*table));
      else if (!block.body.empty())
        found.refused.push_back(block.body.front()->y0);
    }
    i = end;
  }
  return found;
}

}  // namespace nianbao::readers::pdf
