#include "extractor/readers/doc/story_reader.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "extractor/readers/docx/values.hpp"

namespace nianbao::readers::doc {

namespace {

using docx::RawBlock;
using docx::RawCell;
using docx::RawParagraph;
using docx::RawRow;
using docx::RawTable;

constexpr char32_t k_paragraph_mark = 0x0D;
constexpr char32_t k_cell_mark = 0x07;
constexpr char32_t k_page_break = 0x0C;  // also the section mark, when a section ends after it
constexpr char32_t k_field_begin = 0x13;
constexpr char32_t k_field_separator = 0x14;
constexpr char32_t k_field_end = 0x15;
constexpr char32_t k_drawn_object = 0x08;

// A table being read: the row and the cell whose marks have not come yet, and the layout of
// every finished row (applied to the grid when the table ends).
struct OpenTable {
  int id = -1;
  RawRow row;
  RawCell cell;
  bool cell_has_content = false;
  std::vector<std::optional<RowLayout>> layouts;  // one per row of body.tables[id]
};

// Grid columns from the borders of every row: each distinct border position starts a column.
class TableGrid {
 public:
  explicit TableGrid(const std::vector<std::optional<RowLayout>>& layouts) {
    for (const auto& layout : layouts) {
      if (layout) borders_.insert(borders_.end(), layout->borders.begin(), layout->borders.end());
    }
    std::sort(borders_.begin(), borders_.end());
    borders_.erase(std::unique(borders_.begin(), borders_.end()), borders_.end());
  }
  int columns() const { return std::max(static_cast<int>(borders_.size()) - 1, 0); }
  int index(int border) const {
    return static_cast<int>(std::lower_bound(borders_.begin(), borders_.end(), border) -
                            borders_.begin());
  }
  std::vector<int> widths() const {
    std::vector<int> out;
    for (std::size_t i = 1; i < borders_.size(); ++i) out.push_back(borders_[i] - borders_[i - 1]);
    return out;
  }

 private:
  std::vector<int> borders_;
};

// A layout fits a row when it names a border for each of the row's cells and its borders
// run left to right.
bool layout_fits(const std::optional<RowLayout>& layout, std::size_t cells) {
  return layout && cells > 0 && layout->borders.size() >= cells + 1 &&
         std::is_sorted(layout->borders.begin(),
                        layout->borders.begin() + static_cast<std::ptrdiff_t>(cells) + 1);
}

void place_row_on_grid(RawRow& row, const RowLayout& layout, const TableGrid& grid) {
  const std::size_t n = row.cells.size();
  row.grid_before = grid.index(layout.borders[0]);
  row.grid_after = grid.columns() - grid.index(layout.borders[n]);
  for (std::size_t k = 0; k < n; ++k) {
    RawCell& cell = row.cells[k];
    cell.grid_span = std::max(grid.index(layout.borders[k + 1]) - grid.index(layout.borders[k]), 1);
    if (k < layout.vmerge.size()) {
      cell.vmerge = layout.vmerge[k] == RowLayout::VMerge::restart     ? docx::VMerge::restart
                    : layout.vmerge[k] == RowLayout::VMerge::continues ? docx::VMerge::continue_
                                                                       : docx::VMerge::none;
    }
    if (k < layout.hmerge.size()) {
      cell.hmerge_continue = layout.hmerge[k] == RowLayout::HMerge::continues;
    }
  }
}

// U+F020–U+F07E name the ASCII characters of a symbol font (digits, + - ( ) . %), as in docx.
char32_t symbol_character(char32_t symbol) {
  if (symbol >= 0xF020 && symbol < 0xF07F) return symbol - 0xF000;
  return symbol;
}

class StoryReader {
 public:
  StoryReader(const StoryContext& context, const AnchoredBlocks* anchors,
              std::vector<RawBlock>& out)
      : c_(context), anchors_(anchors), out_(out) {}

  void read(std::uint32_t begin, std::uint32_t end) {
    start_paragraph(begin);
    for (std::uint32_t cp = begin; cp < end && !c_.body.too_large; ++cp) {
      const Char& ch = c_.text[cp];
      if (ch.code == k_continuation) continue;
      if (is_mark(ch, cp)) {
        end_paragraph(ch, cp);
        start_paragraph(cp + 1);
      } else {
        add_character(ch, cp);
      }
    }
    if (!paragraph_.text.empty()) deliver_paragraph();
    while (!tables_.empty()) close_table();
  }

 private:
  bool is_mark(const Char& ch, std::uint32_t cp) const {
    if (ch.code == k_paragraph_mark || ch.code == k_cell_mark) return true;
    return ch.code == k_page_break && c_.section_ends.count(cp + 1) > 0;
  }

  void start_paragraph(std::uint32_t cp) {
    paragraph_ = RawParagraph{};
    paragraph_.char_position = cp;
    after_.clear();
  }

  void count_item() {
    if (++items_ > k_max_story_items) c_.body.too_large = true;
  }

  bool in_field_code() const {
    return std::any_of(fields_.begin(), fields_.end(), [](bool in_code) { return in_code; });
  }

  void add_character(const Char& ch, std::uint32_t cp) {
    // Field marks are followed whatever their formatting, so that begin and end stay paired.
    if (ch.code == k_field_begin) return fields_.push_back(true);
    if (ch.code == k_field_separator) {
      if (!fields_.empty()) fields_.back() = false;
      return;
    }
    if (ch.code == k_field_end) {
      if (!fields_.empty()) fields_.pop_back();
      return;
    }
    if (in_field_code()) return;
    const RunProps run = c_.formatting.run(ch);
    if (run.deleted || run.hidden) return;
    switch (ch.code) {
      case 0x09:
        paragraph_.text.push_back('\t');
        return;
      case 0x0B:  // line break
        paragraph_.text.push_back('\n');
        return;
      case k_page_break:
        paragraph_.page_break = true;
        return;
      case 0x1E:  // non-breaking hyphen
        paragraph_.text.push_back('-');
        return;
      case k_drawn_object:
        return anchor_text_boxes(cp);
      default:
        break;
    }
    // Pictures (0x01), footnote references (0x02), annotation marks (0x05), optional hyphens
    // (0x1F), column breaks (0x0E) and other controls show no text.
    if (ch.code < 0x20) return;
    const char32_t shown = run.special && run.symbol != 0 ? symbol_character(run.symbol) : ch.code;
    docx::append_utf8(paragraph_.text, shown);
  }

  void anchor_text_boxes(std::uint32_t cp) {
    if (anchors_ == nullptr) return;
    const auto found = anchors_->find(cp);
    if (found == anchors_->end()) return;
    after_.insert(after_.end(), found->second.begin(), found->second.end());
  }

  void end_paragraph(const Char& mark, std::uint32_t cp) {
    count_item();
    // A field code does not run over a paragraph mark; one still open has lost its separator
    // and would hide the rest of the document (as in the docx reader).
    std::erase_if(fields_, [](bool in_code) { return in_code; });
    const ParagraphProps props = c_.formatting.paragraph(mark);
    if (props.page_break_before) paragraph_.page_break = true;
    if (mark.code == k_page_break) paragraph_.section_break = true;
    if (props.ilfo > 0 && c_.numbering != nullptr) {
      paragraph_.text.insert(0, c_.numbering->next_label({props.ilfo, props.ilvl}));
    }
    const int depth = mark.code == k_page_break ? 0 : std::min(props.depth(), k_max_table_depth);
    set_depth(depth, paragraph_.char_position.value_or(cp), props.page_break_before);
    if (depth == 0) return deliver_paragraph();
    OpenTable& table = tables_.back();
    const bool row_end = depth == 1
                             ? mark.code == k_cell_mark && props.row_end
                             : props.inner_row_end || (mark.code == k_cell_mark && props.row_end);
    if (row_end) return end_row(table, props);
    add_to_cell(table, std::move(paragraph_.text), paragraph_.char_position);
    deliver_after();
    const bool cell_end =
        depth == 1 ? mark.code == k_cell_mark : props.inner_cell || mark.code == k_cell_mark;
    if (cell_end) end_cell(table);
  }

  void set_depth(int depth, std::size_t cp, bool page_break_before) {
    while (static_cast<int>(tables_.size()) > depth) close_table();
    while (static_cast<int>(tables_.size()) < depth) open_table(cp, page_break_before);
  }

  // A table that starts on a new page carries the break on its first paragraph (LibreOffice
  // writes a docx's page-break paragraph between two parts of a table that way). The break lies
  // between the table and what comes before: it is given to the blank paragraph before it, where
  // the split-table join looks for it.
  void open_table(std::size_t cp, bool page_break_before) {
    if (page_break_before && tables_.empty() && !out_.empty() && !out_.back().is_table &&
        docx::is_blank_text(out_.back().paragraph.text)) {
      out_.back().paragraph.page_break = true;
    }
    count_item();
    const int id = static_cast<int>(c_.body.tables.size());
    c_.body.tables.emplace_back();
    RawBlock block;
    block.is_table = true;
    block.table = id;
    if (tables_.empty()) {
      out_.push_back(std::move(block));
    } else {
      OpenTable& outer = tables_.back();
      outer.cell.nested.push_back(id);
      outer.cell.nested_after.push_back(outer.cell.paragraphs.size());
      if (!outer.cell_has_content) outer.cell.char_position = cp;
      outer.cell_has_content = true;
    }
    tables_.push_back(OpenTable{});
    tables_.back().id = id;
  }

  void add_to_cell(OpenTable& table, std::string text, std::optional<std::size_t> cp) {
    if (!table.cell_has_content) table.cell.char_position = cp;
    table.cell_has_content = true;
    table.cell.paragraphs.push_back(std::move(text));
  }

  void end_cell(OpenTable& table) {
    count_item();
    table.row.cells.push_back(std::move(table.cell));
    table.cell = RawCell{};
    table.cell_has_content = false;
  }

  void end_row(OpenTable& table, const ParagraphProps& props) {
    if (table.cell_has_content) end_cell(table);  // a cell whose mark is missing
    count_item();
    std::optional<RowLayout> layout = props.row;
    if (layout) {
      for (const auto& [itc, merge] : props.vert_merges) {
        if (itc >= 0 && static_cast<std::size_t>(itc) < layout->vmerge.size()) {
          layout->vmerge[static_cast<std::size_t>(itc)] = merge;
        }
      }
    }
    table.row.header = props.header_row;
    c_.body.tables[static_cast<std::size_t>(table.id)].rows.push_back(std::move(table.row));
    table.layouts.push_back(std::move(layout));
    table.row = RawRow{};
  }

  // A table ends where a paragraph of lesser depth starts (or the story ends): a row without
  // its row mark is kept as it is, without a layout.
  void close_table() {
    OpenTable& table = tables_.back();
    if (table.cell_has_content) end_cell(table);
    RawTable& raw = c_.body.tables[static_cast<std::size_t>(table.id)];
    if (!table.row.cells.empty()) {
      raw.rows.push_back(std::move(table.row));
      table.layouts.emplace_back();
    }
    const TableGrid grid(table.layouts);
    raw.grid = grid.widths();
    for (std::size_t r = 0; r < raw.rows.size() && r < table.layouts.size(); ++r) {
      if (layout_fits(table.layouts[r], raw.rows[r].cells.size())) {
        place_row_on_grid(raw.rows[r], *table.layouts[r], grid);
      }
    }
    tables_.pop_back();
  }

  void deliver_paragraph() {
    RawBlock block;
    block.paragraph = std::move(paragraph_);
    out_.push_back(std::move(block));
    deliver_after();
  }

  // Text boxes anchored in the paragraph just delivered: after it, in the same place.
  void deliver_after() {
    for (RawBlock& block : after_) {
      if (!tables_.empty()) {
        OpenTable& table = tables_.back();
        if (block.is_table) {
          table.cell.nested.push_back(block.table);
          table.cell.nested_after.push_back(table.cell.paragraphs.size());
          table.cell_has_content = true;
        } else {
          add_to_cell(table, std::move(block.paragraph.text), block.paragraph.char_position);
        }
        continue;
      }
      out_.push_back(std::move(block));
    }
    after_.clear();
  }

  const StoryContext& c_;
  const AnchoredBlocks* anchors_;
  std::vector<RawBlock>& out_;
  RawParagraph paragraph_;
  std::vector<RawBlock> after_;
  std::vector<bool> fields_;  // per open field: still in its code (before the separator)
  std::vector<OpenTable> tables_;
  long items_ = 0;
};

}  // namespace

void read_story(const StoryContext& context, std::uint32_t begin, std::uint32_t end,
                const AnchoredBlocks* anchors, std::vector<RawBlock>& out) {
  StoryReader reader(context, anchors, out);
  reader.read(begin, std::min<std::uint32_t>(end, static_cast<std::uint32_t>(context.text.size())));
}

}  // namespace nianbao::readers::doc
