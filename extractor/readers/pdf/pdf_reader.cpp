#include "extractor/readers/pdf/pdf_reader.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "extractor/readers/image/ocr_document.hpp"
#include "extractor/readers/image/page_ocr.hpp"
#include "extractor/readers/pdf/aligned_table.hpp"
#include "extractor/readers/pdf/furniture.hpp"
#include "extractor/readers/pdf/pdf_source.hpp"
#include "extractor/readers/pdf/ruled_grid.hpp"
#include "extractor/readers/pdf/text_lines.hpp"

namespace nianbao::readers {
namespace {

using pdf::Glyph;
using pdf::Page;
using pdf::RuledGrid;
using pdf::TextLine;

// Acrobat accepts a file whose header comes after up to 1 KiB of junk (mail gateways and
// download scripts prepend such); so do we.
constexpr std::size_t k_header_search = 1024;

model::Severity severity_of(const pdf::Problem& problem) {
  if (problem.fatal) return model::Severity::error;
  if (problem.code == "pdf_library_message") return model::Severity::info;
  return model::Severity::warning;
}

void add_diagnostic(model::Document& doc, const char* code, model::Severity severity,
                    std::string message) {
  doc.diagnostics.push_back({code, severity, std::move(message), {}});
}

// ---------------------------------------------------------------------------------------------
// Text the fonts cannot map to Unicode: a CID font without a ToUnicode map gives private-use
// code points, U+FFFD or control characters instead of the characters drawn. Such a font's
// text is dropped whole, so that no figure is read from garbage.

bool unmapped_code_point(char32_t c) {
  return c == 0xFFFD || c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0xE000 && c <= 0xF8FF) ||
         c >= 0xF0000;
}

std::set<int> unmapped_fonts(const std::vector<Page>& pages) {
  std::vector<std::pair<int, int>> counts;  // per font: glyphs, unmapped glyphs
  for (const Page& page : pages)
    for (const Glyph& g : page.glyphs) {
      if (static_cast<std::size_t>(g.font) >= counts.size())
        counts.resize(static_cast<std::size_t>(g.font) + 1);
      auto& [all, bad] = counts[static_cast<std::size_t>(g.font)];
      ++all;
      if (unmapped_code_point(g.c)) ++bad;
    }
  std::set<int> fonts;
  for (std::size_t f = 0; f < counts.size(); ++f)
    if (counts[f].second > 0 && counts[f].second * 4 >= counts[f].first)
      fonts.insert(static_cast<int>(f));
  return fonts;
}

void drop_unmapped_text(std::vector<Page>& pages, model::Document& doc) {
  const std::set<int> fonts = unmapped_fonts(pages);
  std::size_t dropped = 0;
  std::set<int> affected;
  for (Page& page : pages) {
    const std::size_t before = page.glyphs.size();
    std::erase_if(page.glyphs, [&](const Glyph& g) {
      return fonts.count(g.font) > 0 || unmapped_code_point(g.c);
    });
    if (page.glyphs.size() != before) affected.insert(page.number);
    dropped += before - page.glyphs.size();
  }
  if (fonts.empty() || dropped == 0) return;
  std::string pages_text;
  for (int p : affected) pages_text += (pages_text.empty() ? "" : ", ") + std::to_string(p);
  add_diagnostic(doc, "pdf_text_unmapped", model::Severity::warning,
                 std::to_string(dropped) + " characters on page(s) " + pages_text +
                     " are drawn with fonts that give no Unicode text (no ToUnicode map); that "
                     "text is not read");
}

// ---------------------------------------------------------------------------------------------
// Pages without text: a scan is one image a page and no glyphs.

// False when not one page could be read: the page tree is missing (a file cut short before
// it) or broken, or every page failed. Pages held back by the reader's limits are not damage.
bool check_pages(const pdf::Source& source, model::Document& doc) {
  for (const Page& page : source.pages)
    if (page.read) return true;
  for (const pdf::Problem& problem : source.problems)
    if (problem.code == "pdf_stream_too_large") return true;
  add_diagnostic(
      doc, "pdf_damaged", model::Severity::error,
      source.page_count == 0
          ? "the PDF's page tree cannot be found: no page of it can be read"
          : "none of the PDF's " + std::to_string(source.page_count) + " pages can be read");
  return false;
}

// False when no page has text at all (the document then cannot be read).
bool check_text_layer(const std::vector<Page>& pages, model::Document& doc) {
  std::vector<int> image_only;
  bool any_text = false;
  for (const Page& page : pages) {
    if (!page.glyphs.empty())
      any_text = true;
    else if (page.read && page.images > 0)
      image_only.push_back(page.number);
  }
  if (any_text && image_only.empty()) return true;
  if (!any_text) {
    add_diagnostic(doc, "pdf_no_text_layer", model::Severity::error,
                   image_only.empty()
                       ? "the PDF has no text on any page"
                       : "the PDF's pages are images without a text layer (a scan); read it "
                         "with OCR first");
    return false;
  }
  std::string list;
  for (int p : image_only) list += (list.empty() ? "" : ", ") + std::to_string(p);
  add_diagnostic(doc, "pdf_no_text_layer", model::Severity::warning,
                 "page(s) " + list + " are images without a text layer; their text is not read");
  return true;
}

// A scan without a text layer: its pages were drawn and read by OCR while the file was open.
bool read_scanned_pages(const std::vector<image::OcrPage>& scanned, model::Document& doc) {
  if (scanned.empty()) return false;
  image::add_ocr_pages(scanned, doc);
  add_diagnostic(doc, "ocr_read", model::Severity::info,
                 std::to_string(scanned.size()) +
                     " scanned page(s) without a text layer read by OCR: figures are kept only "
                     "where the recognition is confident and the template's arithmetic holds");
  if (doc.blocks.empty()) {
    add_diagnostic(doc, "pdf_no_text_layer", model::Severity::error,
                   "the PDF's pages are images without a text layer, and OCR found no text");
    doc.readable = false;
  }
  return true;
}

// A scan that its producer ran through OCR: an image, and over it the recognised text drawn
// invisible. That text is read, but its figures are only as good as that OCR: the user is told.
void note_ocr_text_layers(const std::vector<Page>& pages, model::Document& doc) {
  std::string list;
  for (const Page& page : pages)
    if (page.invisible_text && page.images > 0 && !page.glyphs.empty())
      list += (list.empty() ? "" : ", ") + std::to_string(page.number);
  if (list.empty()) return;
  add_diagnostic(doc, "pdf_text_layer_ocr", model::Severity::warning,
                 "page(s) " + list +
                     " are scanned images under an invisible text layer (OCR by the file's "
                     "producer): their text and figures are as reliable as that OCR; check the "
                     "figures against the checks");
}

// ---------------------------------------------------------------------------------------------
// Tables from ruling.

model::PageBox box_of(const TextLine& line) { return {line.x0, line.y0, line.x1, line.y1}; }

model::PageBox unite(model::PageBox a, model::PageBox b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

struct CellBuild {
  int row = 0, col = 0, row_span = 1, col_span = 1;
  std::string text;
  int page = 0;
  model::PageBox box;  // the words' box; the cell's own box when it is blank
};

struct TableBuild {
  int page = 0;       // where it starts
  int last_page = 0;  // where it ends (after joining continuations)
  model::PageBox box;
  std::vector<float> xs;  // column boundaries on its first page
  int rows = 0, cols = 0;
  std::vector<CellBuild> cells;
};

std::string cell_text(const Page& page, const std::vector<int>& glyphs, model::PageBox& box) {
  std::string text;
  bool first = true;
  for (const TextLine& line : pdf::build_lines(page, glyphs)) {
    pdf::append_wrapped(text, line.text);
    box = first ? box_of(line) : unite(box, box_of(line));
    first = false;
  }
  return text;
}

TableBuild table_from_grid(const Page& page, const RuledGrid& grid,
                           const std::vector<std::vector<int>>& cell_glyphs) {
  TableBuild table;
  table.page = table.last_page = page.number;
  table.box = {grid.xs.front(), grid.ys.front(), grid.xs.back(), grid.ys.back()};
  table.xs = grid.xs;
  table.rows = grid.rows();
  table.cols = grid.cols();
  for (std::size_t i = 0; i < grid.cells.size(); ++i) {
    const pdf::GridCell& g = grid.cells[i];
    CellBuild cell{g.row, g.col, g.row_span, g.col_span, {}, page.number, {}};
    cell.box = {grid.xs[static_cast<std::size_t>(g.col)], grid.ys[static_cast<std::size_t>(g.row)],
                grid.xs[static_cast<std::size_t>(g.col + g.col_span)],
                grid.ys[static_cast<std::size_t>(g.row + g.row_span)]};
    cell.text = cell_text(page, cell_glyphs[i], cell.box);
    table.cells.push_back(std::move(cell));
  }
  return table;
}

TableBuild table_from_alignment(const Page& page, const pdf::AlignedTable& aligned) {
  TableBuild table;
  table.page = table.last_page = page.number;
  table.box = {aligned.xs.front(), aligned.y0, aligned.xs.back(), aligned.y1};
  table.xs = aligned.xs;
  table.rows = aligned.rows;
  table.cols = aligned.cols;
  for (const pdf::AlignedCell& a : aligned.cells) {
    CellBuild cell{a.row, a.col, a.row_span, a.col_span, {}, page.number, {a.x0, a.y0, a.x1, a.y1}};
    cell.text = cell_text(page, a.glyphs, cell.box);
    table.cells.push_back(std::move(cell));
  }
  return table;
}

// ---------------------------------------------------------------------------------------------
// A page: its tables, and its lines outside them.

struct PageItem {
  float top = 0;
  int line = -1;   // index into the page's lines
  int table = -1;  // index into the document's tables
};

struct LaidOutPage {
  pdf::PageLines lines;
  std::vector<PageItem> items;  // in reading order, furniture left out (after mark_furniture)
  std::vector<int> tables;
  std::vector<float> refused_tables;  // tops of value blocks that could not be made tables
};

LaidOutPage lay_out_page(const Page& page, std::vector<TableBuild>& tables) {
  LaidOutPage out;
  out.lines.height = page.height;
  const std::vector<RuledGrid> grids = pdf::find_ruled_grids(page.rules);
  std::vector<std::vector<std::vector<int>>> cell_glyphs(grids.size());
  for (std::size_t t = 0; t < grids.size(); ++t) cell_glyphs[t].resize(grids[t].cells.size());
  std::vector<int> body;
  for (std::size_t i = 0; i < page.glyphs.size(); ++i) {
    const Glyph& g = page.glyphs[i];
    const float cx = (g.x0 + g.x1) / 2, cy = (g.y0 + g.y1) / 2;
    bool in_table = false;
    for (std::size_t t = 0; t < grids.size() && !in_table; ++t) {
      const int cell = grids[t].cell_at(cx, cy);
      if (cell < 0) continue;
      cell_glyphs[t][static_cast<std::size_t>(cell)].push_back(static_cast<int>(i));
      in_table = true;
    }
    if (!in_table) body.push_back(static_cast<int>(i));
  }
  for (std::size_t t = 0; t < grids.size(); ++t) {
    out.tables.push_back(static_cast<int>(tables.size()));
    tables.push_back(table_from_grid(page, grids[t], cell_glyphs[t]));
  }
  out.lines.lines = pdf::build_lines(page, body);
  // Tables without ruling, from the lines' words; their lines are no longer text.
  std::vector<bool> in_table(out.lines.lines.size(), false);
  const pdf::AlignedTables found = pdf::find_aligned_tables(page, out.lines.lines);
  out.refused_tables = found.refused;
  for (const pdf::AlignedTable& aligned : found.tables) {
    out.tables.push_back(static_cast<int>(tables.size()));
    tables.push_back(table_from_alignment(page, aligned));
    for (int line : aligned.lines) in_table[static_cast<std::size_t>(line)] = true;
  }
  std::vector<TextLine> outside;
  for (std::size_t i = 0; i < out.lines.lines.size(); ++i)
    if (!in_table[i]) outside.push_back(std::move(out.lines.lines[i]));
  out.lines.lines = std::move(outside);
  return out;
}

void order_items(LaidOutPage& page, const std::vector<TableBuild>& tables) {
  for (std::size_t i = 0; i < page.lines.lines.size(); ++i)
    if (!page.lines.furniture[i])
      page.items.push_back({page.lines.lines[i].y0, static_cast<int>(i), -1});
  for (int t : page.tables)
    page.items.push_back({tables[static_cast<std::size_t>(t)].box.y0, -1, t});
  std::stable_sort(page.items.begin(), page.items.end(),
                   [](const PageItem& a, const PageItem& b) { return a.top < b.top; });
}

// Lines with values that line up as no table: they stay text, and the user learns why figures
// from them may be missing (the text machinery downstream refuses what it cannot place).
void report_refused_tables(const std::vector<Page>& source_pages,
                           const std::vector<LaidOutPage>& pages, model::Document& doc) {
  for (std::size_t p = 0; p < pages.size(); ++p)
    for (std::size_t n = 0; n < pages[p].refused_tables.size(); ++n) {
      model::Locator at;
      at.page = source_pages[p].number;
      doc.diagnostics.push_back(
          {"pdf_table_unplaced", model::Severity::warning,
           "page " + std::to_string(source_pages[p].number) +
               ": lines of values without ruling whose values do not each fall in one column; "
               "they are read as text, not placed in cells",
           at});
    }
}

// ---------------------------------------------------------------------------------------------
// A table continued on the next page: the same column boundaries (or some of them), the first
// thing on the new page. Its repeated header rows are dropped.

constexpr float k_same_column = 3.0f;

// The index of the boundary of `xs` at x, or -1.
int boundary_at(const std::vector<float>& xs, float x) {
  for (std::size_t i = 0; i < xs.size(); ++i)
    if (std::fabs(xs[i] - x) <= k_same_column) return static_cast<int>(i);
  return -1;
}

// The columns of `next` as columns of `first`, or empty when they do not line up.
std::vector<int> column_map(const TableBuild& first, const TableBuild& next) {
  std::vector<int> map;
  for (float x : next.xs) {
    const int at = boundary_at(first.xs, x);
    if (at < 0 || (!map.empty() && at <= map.back())) return {};
    map.push_back(at);
  }
  if (map.front() != 0 || map.back() != first.cols) return {};
  return map;
}

// The cells that start in rows [0, rows), as (col, col_span, text), when none reaches below.
bool header_rows(const TableBuild& table, int rows, const std::vector<int>& map,
                 std::vector<std::tuple<int, int, std::string>>& out) {
  for (const CellBuild& c : table.cells) {
    if (c.row >= rows) continue;
    if (c.row + c.row_span > rows) return false;
    const int col = map.empty() ? c.col : map[static_cast<std::size_t>(c.col)];
    const int end =
        map.empty() ? c.col + c.col_span : map[static_cast<std::size_t>(c.col + c.col_span)];
    out.emplace_back(c.row * 1000 + col, end - col, c.text);
  }
  std::sort(out.begin(), out.end());
  return true;
}

// How many leading rows of `next` repeat the header of `first`.
int repeated_header(const TableBuild& first, const TableBuild& next, const std::vector<int>& map) {
  constexpr int k_max_header_rows = 4;
  for (int rows = std::min({k_max_header_rows, first.rows - 1, next.rows - 1}); rows >= 1; --rows) {
    std::vector<std::tuple<int, int, std::string>> a, b;
    if (!header_rows(first, rows, {}, a) || !header_rows(next, rows, map, b)) continue;
    bool any_text = false;
    for (const auto& cell : a)
      if (!std::get<2>(cell).empty()) any_text = true;
    if (any_text && a == b) return rows;
  }
  return 0;
}

void append_continuation(TableBuild& first, const TableBuild& next, const std::vector<int>& map) {
  const int skip = repeated_header(first, next, map);
  const int offset = first.rows - skip;
  for (const CellBuild& c : next.cells) {
    if (c.row < skip) continue;
    CellBuild moved = c;
    moved.row = c.row + offset;
    moved.col = map[static_cast<std::size_t>(c.col)];
    moved.col_span = map[static_cast<std::size_t>(c.col + c.col_span)] - moved.col;
    first.cells.push_back(std::move(moved));
  }
  first.rows += next.rows - skip;
  first.last_page = next.page;
  // A continuation's cells covering columns its own page did not split are kept as spans; the
  // grid keeps the first page's columns.
  std::stable_sort(first.cells.begin(), first.cells.end(),
                   [](const CellBuild& a, const CellBuild& b) {
                     return a.row != b.row ? a.row < b.row : a.col < b.col;
                   });
}

// Joins tables split by page breaks; returns, for each table, the table it was joined into
// (itself when it stands alone).
std::vector<int> join_continued_tables(std::vector<LaidOutPage>& pages,
                                       std::vector<TableBuild>& tables) {
  std::vector<int> joined_into(tables.size());
  for (std::size_t t = 0; t < tables.size(); ++t) joined_into[t] = static_cast<int>(t);
  for (std::size_t p = 1; p < pages.size(); ++p) {
    if (pages[p].items.empty() || pages[p].items.front().table < 0) continue;
    if (pages[p - 1].items.empty()) continue;
    const PageItem& last = pages[p - 1].items.back();
    if (last.table < 0) continue;
    const int first = joined_into[static_cast<std::size_t>(last.table)];
    const int next = pages[p].items.front().table;
    const std::vector<int> map =
        column_map(tables[static_cast<std::size_t>(first)], tables[static_cast<std::size_t>(next)]);
    if (map.empty()) continue;
    append_continuation(tables[static_cast<std::size_t>(first)],
                        tables[static_cast<std::size_t>(next)], map);
    joined_into[static_cast<std::size_t>(next)] = first;
  }
  return joined_into;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs from lines.

struct Margins {
  float left = 0, right = 0;
};

Margins margins_of(const pdf::PageLines& page) {
  Margins m{1e9f, 0};
  bool any = false;
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    if (page.furniture[i]) continue;
    m.left = std::min(m.left, page.lines[i].x0);
    m.right = std::max(m.right, page.lines[i].x1);
    any = true;
  }
  if (!any) m = {0, 0};
  return m;
}

// "1." "2、" "3．" "4）": an item number in digits, not the start of a number such as 1.5.
bool starts_with_item_number(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && digits < 3 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return false;
  const std::string_view rest = text.substr(digits);
  for (std::string_view mark : {"、", "．", "）", ")"})
    if (rest.compare(0, mark.size(), mark) == 0) return true;
  return rest.size() >= 2 && rest[0] == '.' && !(rest[1] >= '0' && rest[1] <= '9');
}

bool starts_with_enumerator(const std::string& text) {
  static constexpr std::string_view k_marks[] = {"（",   "(",    "一、", "二、", "三、", "四、",
                                                 "五、", "六、", "七、", "八、", "九、", "十"};
  for (std::string_view m : k_marks)
    if (text.compare(0, m.size(), m) == 0) return true;
  return starts_with_item_number(text);
}

struct LineRef {
  const TextLine* line = nullptr;
  Margins margins;
};

// Whether `line` starts a new paragraph after `prev` (both outside tables).
bool starts_paragraph(const LineRef& prev, const LineRef& next) {
  const TextLine& a = *prev.line;
  const TextLine& b = *next.line;
  const float em = std::max(a.size, 1.0f);
  if (std::fabs(a.size - b.size) > 0.2f * em) return true;
  if (b.x0 > next.margins.left + 1.0f * em) return true;   // indented first line
  if (a.x1 < prev.margins.right - 2.0f * em) return true;  // the previous line ended short
  if (starts_with_enumerator(b.text)) return true;
  if (a.page == b.page && b.y0 - a.y1 > 1.2f * em) return true;  // a blank line between
  return false;
}

void add_paragraph(model::Document& doc, const std::vector<LineRef>& lines, int& index) {
  if (lines.empty()) return;
  model::Paragraph paragraph;
  model::PageBox box = box_of(*lines.front().line);
  for (const LineRef& ref : lines) {
    pdf::append_wrapped(paragraph.text, ref.line->text);
    if (ref.line->page == lines.front().line->page) box = unite(box, box_of(*ref.line));
  }
  paragraph.locator.page = lines.front().line->page;
  paragraph.locator.bbox = box;
  paragraph.locator.paragraph = index++;
  model::Block block;
  block.kind = model::Block::Kind::paragraph;
  block.paragraph = std::move(paragraph);
  doc.blocks.push_back(std::move(block));
}

void add_table(model::Document& doc, const TableBuild& build) {
  model::Table table;
  table.index = static_cast<int>(doc.tables.size());
  table.rows = build.rows;
  table.cols = build.cols;
  table.locator.page = build.page;
  table.locator.table = table.index;
  table.locator.bbox = build.box;
  for (const CellBuild& c : build.cells) {
    model::Cell cell;
    cell.row = c.row;
    cell.col = c.col;
    cell.row_span = c.row_span;
    cell.col_span = c.col_span;
    cell.text = c.text;
    cell.locator.page = c.page;
    cell.locator.bbox = c.box;
    cell.locator.table = table.index;
    cell.locator.row = c.row;
    cell.locator.cell = c.col;
    table.cells.push_back(std::move(cell));
  }
  model::Block block;
  block.kind = model::Block::Kind::table;
  block.table = table.index;
  doc.blocks.push_back(std::move(block));
  doc.tables.push_back(std::move(table));
}

void emit_blocks(const std::vector<LaidOutPage>& pages, const std::vector<TableBuild>& tables,
                 const std::vector<int>& joined_into, model::Document& doc) {
  std::vector<LineRef> paragraph;
  int paragraph_index = 0;
  for (const LaidOutPage& page : pages) {
    const Margins margins = margins_of(page.lines);
    for (const PageItem& item : page.items) {
      if (item.table >= 0) {
        add_paragraph(doc, paragraph, paragraph_index);
        paragraph.clear();
        if (joined_into[static_cast<std::size_t>(item.table)] == item.table)
          add_table(doc, tables[static_cast<std::size_t>(item.table)]);
        continue;
      }
      const LineRef ref{&page.lines.lines[static_cast<std::size_t>(item.line)], margins};
      if (!paragraph.empty() && starts_paragraph(paragraph.back(), ref)) {
        add_paragraph(doc, paragraph, paragraph_index);
        paragraph.clear();
      }
      paragraph.push_back(ref);
    }
  }
  add_paragraph(doc, paragraph, paragraph_index);
}

// Boxes of pages read turned (text running sideways) back in the page's displayed frame, where
// a person looking at the PDF finds them.
void show_box_as_displayed(const std::vector<Page>& pages, model::Locator& locator) {
  if (!locator.bbox || !locator.page || *locator.page < 1 ||
      static_cast<std::size_t>(*locator.page) > pages.size())
    return;
  const Page& page = pages[static_cast<std::size_t>(*locator.page - 1)];
  if (page.turned == 0) return;
  const model::PageBox b = *locator.bbox;
  const pdf::Point p = pdf::displayed(page, b.x0, b.y0), q = pdf::displayed(page, b.x1, b.y1);
  locator.bbox = model::PageBox{std::min(p.x, q.x), std::min(p.y, q.y), std::max(p.x, q.x),
                                std::max(p.y, q.y)};
}

void show_boxes_as_displayed(const std::vector<Page>& pages, model::Document& doc) {
  for (model::Block& block : doc.blocks)
    if (block.kind == model::Block::Kind::paragraph)
      show_box_as_displayed(pages, block.paragraph.locator);
  for (model::Table& table : doc.tables) {
    show_box_as_displayed(pages, table.locator);
    for (model::Cell& cell : table.cells) show_box_as_displayed(pages, cell.locator);
  }
}

// ---------------------------------------------------------------------------------------------
// The information dictionary, used where the text does not say.

std::string title_from_info(std::string title) {
  // Word's PDF printer names the document after its file.
  for (std::string_view prefix : {"Microsoft Word - ", "Microsoft Word-"})
    if (title.compare(0, prefix.size(), prefix) == 0) title.erase(0, prefix.size());
  for (std::string_view ext : {".docx", ".doc", ".wps", ".pdf"})
    if (title.size() > ext.size() && title.compare(title.size() - ext.size(), ext.size(), ext) == 0)
      title.erase(title.size() - ext.size());
  return title;
}

}  // namespace

void read_pdf(std::string_view bytes, model::Document& doc) {
  const std::size_t header = bytes.substr(0, k_header_search + 5).find("%PDF-");
  if (header != std::string_view::npos) bytes.remove_prefix(header);
  std::vector<image::OcrPage> scanned;
  pdf::ScanPages scans;
  if (image::ocr_available())
    scans.on_page = [&scanned](int number, const image::Raster& raster) {
      scanned.push_back(image::ocr_page(raster));
      scanned.back().number = number;
    };
  pdf::Source source = pdf::load_pdf(bytes, {}, &scans);
  bool fatal = false;
  for (const pdf::Problem& problem : source.problems) {
    doc.diagnostics.push_back({problem.code, severity_of(problem), problem.message, {}});
    fatal = fatal || problem.fatal;
  }
  if (fatal) {
    doc.readable = false;
    return;
  }
  doc.hints.title = title_from_info(source.title);
  doc.hints.created = source.created;
  if (!check_pages(source, doc)) {
    doc.readable = false;
    return;
  }
  drop_unmapped_text(source.pages, doc);
  note_ocr_text_layers(source.pages, doc);
  if (read_scanned_pages(scanned, doc)) return;
  if (!check_text_layer(source.pages, doc)) {
    doc.readable = false;
    return;
  }
  std::vector<TableBuild> tables;
  std::vector<LaidOutPage> pages;
  for (const Page& page : source.pages) pages.push_back(lay_out_page(page, tables));
  {
    std::vector<pdf::PageLines> all;
    for (LaidOutPage& page : pages) all.push_back(std::move(page.lines));
    pdf::mark_furniture(all);
    for (std::size_t i = 0; i < pages.size(); ++i) pages[i].lines = std::move(all[i]);
  }
  for (LaidOutPage& page : pages) order_items(page, tables);
  report_refused_tables(source.pages, pages, doc);
  const std::vector<int> joined_into = join_continued_tables(pages, tables);
  emit_blocks(pages, tables, joined_into, doc);
  show_boxes_as_displayed(source.pages, doc);
}

}  // namespace nianbao::readers
