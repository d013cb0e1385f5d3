#include "extractor/readers/image/ocr_document.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace nianbao::readers::image {
namespace {

// A line ends its paragraph when it stops this far short of the page's text column (a
// paragraph's last line), or the next starts indented by about one character or more.
constexpr float k_short_line_share = 0.9f;
constexpr float k_indent_lines = 0.8f;  // in line heights (one character is about one)
// A page number stands in the top or bottom twelfth of the page.
constexpr int k_margin_parts = 12;
// Column boundaries of a continued table agree within this share of the page's width.
constexpr float k_same_column_share = 0.01f;
// A page read with less mean confidence than this is said to be unsure (an upright printed page
// reads at 80 to 90; a page on its side that the orientation detection missed, at about 20).
constexpr int k_least_sure_page = 50;

model::Locator locator_of(int page, int confidence, model::PixelBox box) {
  model::Locator at;
  at.page = page;
  at.ocr = true;
  at.confidence = confidence;
  at.pixels = box;
  return at;
}

model::PixelBox unite(model::PixelBox a, model::PixelBox b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

bool is_digit_or_dash(char c) { return (c >= '0' && c <= '9') || c == '-' || c == ' '; }

// "3", "- 3 -", "—3—", "第3页", "3/12": the page's number, not its text.
bool is_page_number(const OcrLine& line, int page_height) {
  const bool in_margin = line.box.y1 < page_height / k_margin_parts ||
                         line.box.y0 > page_height - page_height / k_margin_parts;
  if (!in_margin) return false;
  std::string t = line.text;
  for (const char* strip : {"—", "－", "第", "页", "共", "/"}) {
    for (std::size_t at = t.find(strip); at != std::string::npos; at = t.find(strip))
      t.erase(at, std::char_traits<char>::length(strip));
  }
  bool digit = false;
  for (char c : t) {
    if (!is_digit_or_dash(c)) return false;
    digit = digit || (c >= '0' && c <= '9');
  }
  return digit;
}

struct Item {
  int top = 0;
  const OcrLine* line = nullptr;
  const OcrTable* table = nullptr;
};

std::vector<Item> items_of(const OcrPage& page) {
  std::vector<Item> items;
  for (const OcrLine& line : page.lines)
    if (!is_page_number(line, page.height)) items.push_back({line.box.y0, &line, nullptr});
  for (const OcrTable& table : page.tables) items.push_back({table.box.y0, nullptr, &table});
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.top < b.top; });
  return items;
}

// 一、 二、 （一） (二) 1. 2、: the start of a heading or of a numbered item.
bool starts_numbered(std::string_view text) {
  static constexpr std::string_view k_numerals = "一二三四五六七八九十";
  std::size_t i = 0;
  const bool bracket = text.substr(0, 3) == "（" || text.substr(0, 1) == "(";
  if (bracket) i = text[0] == '(' ? 1 : 3;
  const std::size_t start = i;
  while (i < text.size()) {
    if (text[i] >= '0' && text[i] <= '9') {
      ++i;
    } else if (i + 3 <= text.size() &&
               k_numerals.find(text.substr(i, 3)) != std::string_view::npos &&
               (k_numerals.find(text.substr(i, 3)) % 3) == 0) {
      i += 3;
    } else {
      break;
    }
  }
  if (i == start || i - start > 9) return false;
  const std::string_view rest = text.substr(i);
  if (bracket) return rest.substr(0, 3) == "）" || rest.substr(0, 1) == ")";
  return rest.substr(0, 3) == "、" || rest.substr(0, 1) == "." || rest.substr(0, 3) == "．";
}

// Lines joined into paragraphs: a wrapped line continues the one before it when that one ran to
// the right edge of the text and this one is not indented.
class ParagraphBuilder {
 public:
  ParagraphBuilder(const OcrPage& page, int number) : number_(number) {
    for (const OcrLine& l : page.lines) {
      left_ = std::min(left_, l.box.x0);
      right_ = std::max(right_, l.box.x1);
    }
  }

  void add(const OcrLine& line, model::Document& doc) {
    const int height = std::max(1, line.box.y1 - line.box.y0);
    // A heading or a title: another size of type, or a numbered start, opens a paragraph.
    const int last_height = std::max(1, last_.y1 - last_.y0);
    const bool other_size = height * 4 > last_height * 5 || last_height * 4 > height * 5;
    const bool indented =
        static_cast<float>(line.box.x0 - left_) > k_indent_lines * static_cast<float>(height);
    const bool previous_full = open_ && static_cast<float>(last_.x1 - left_) >=
                                            k_short_line_share * static_cast<float>(right_ - left_);
    if (open_ && previous_full && !indented && !other_size && !starts_numbered(line.text)) {
      model::Paragraph& p = doc.blocks.back().paragraph;
      p.text += line.text;
      p.locator.pixels = unite(*p.locator.pixels, line.box);
      p.locator.confidence = std::min(*p.locator.confidence, line.confidence);
    } else {
      model::Block block;
      block.paragraph = {line.text, locator_of(number_, line.confidence, line.box)};
      doc.blocks.push_back(std::move(block));
    }
    last_ = line.box;
    open_ = true;
  }
  void close() { open_ = false; }

 private:
  int number_;
  int left_ = 1 << 30, right_ = 0;
  model::PixelBox last_;
  bool open_ = false;
};

model::Table table_of(const OcrTable& t, int page, int index) {
  model::Table table;
  table.index = index;
  table.rows = t.rows;
  table.cols = t.cols;
  table.locator = locator_of(page, 100, t.box);
  for (const OcrCell& c : t.cells) {
    model::Cell cell;
    cell.row = c.row;
    cell.col = c.col;
    cell.row_span = c.row_span;
    cell.col_span = c.col_span;
    cell.text = c.text;
    cell.locator = locator_of(page, c.confidence, c.box);
    table.cells.push_back(std::move(cell));
  }
  return table;
}

bool same_columns(const OcrTable& a, const OcrTable& b, int page_width) {
  if (a.xs.size() != b.xs.size()) return false;
  const int tolerance =
      std::max(4, static_cast<int>(k_same_column_share * static_cast<float>(page_width)));
  for (std::size_t i = 0; i < a.xs.size(); ++i)
    if (std::abs(a.xs[i] - b.xs[i]) > tolerance) return false;
  return true;
}

// Rows at the top of `next` that repeat the first rows of `first` word for word (a header
// printed again on the new page).
int repeated_rows(const model::Table& first, const model::Table& next) {
  auto row_text = [](const model::Table& t, int row) {
    std::string s;
    for (const model::Cell& c : t.cells)
      if (c.row == row) s += std::to_string(c.col) + ":" + c.text + "|";
    return s;
  };
  int rows = 0;
  while (rows < std::min(first.rows, next.rows) - 1 && rows < 4 &&
         row_text(first, rows) == row_text(next, rows) && !row_text(first, rows).empty())
    ++rows;
  return rows;
}

void append_rows(model::Table& first, model::Table next) {
  const int skip = repeated_rows(first, next);
  const int offset = first.rows - skip;
  for (model::Cell& c : next.cells) {
    if (c.row < skip) continue;
    c.row += offset;
    first.cells.push_back(std::move(c));
  }
  first.rows += next.rows - skip;
}

void note(model::Document& doc, const char* code, model::Severity severity, std::string message,
          model::Locator at = {}) {
  doc.diagnostics.push_back({code, severity, std::move(message), std::move(at)});
}

}  // namespace

void add_ocr_pages(const std::vector<OcrPage>& pages, model::Document& doc) {
  // The table the last block stands for, and its grid, while nothing but page furniture has come
  // after it: a table on the next page with the same columns continues it.
  const OcrTable* open_table = nullptr;
  int open_index = -1;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const OcrPage& page = pages[p];
    const int number = page.number > 0 ? page.number : static_cast<int>(p) + 1;
    if (page.unavailable) continue;
    if (page.timed_out)
      note(doc, "ocr_page_timeout", model::Severity::warning,
           "page " + std::to_string(number) +
               " took longer than the OCR time limit; what was not read by then is missing",
           locator_of(number, 0, {0, 0, page.width, page.height}));
    if (page.confidence < k_least_sure_page && (!page.lines.empty() || !page.tables.empty()))
      note(doc, "ocr_page_unsure", model::Severity::warning,
           "page " + std::to_string(number) + " was recognised with mean confidence " +
               std::to_string(page.confidence) +
               " (a faint, coarse or unusual page): most of its figures are likely withheld",
           locator_of(number, page.confidence, {0, 0, page.width, page.height}));
    ParagraphBuilder paragraphs(page, number);
    bool first_item = true;
    for (const Item& item : items_of(page)) {
      if (item.line != nullptr) {
        paragraphs.add(*item.line, doc);
        open_table = nullptr;
      } else {
        paragraphs.close();
        if (first_item && open_table != nullptr &&
            same_columns(*open_table, *item.table, page.width)) {
          append_rows(doc.tables[static_cast<std::size_t>(open_index)],
                      table_of(*item.table, number, open_index));
        } else {
          open_index = static_cast<int>(doc.tables.size());
          doc.tables.push_back(table_of(*item.table, number, open_index));
          model::Block block;
          block.kind = model::Block::Kind::table;
          block.table = open_index;
          doc.blocks.push_back(std::move(block));
        }
        open_table = item.table;
      }
      first_item = false;
    }
  }
}

}  // namespace nianbao::readers::image
