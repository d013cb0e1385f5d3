#pragma once
// What the PDF library gives us, in plain C++: for each page its glyphs (character, box, size,
// the library's line it belongs to) and its ruling (the straight lines and thin rectangles the
// page draws), plus the document's information dictionary. Only pdf_source.cpp sees MuPDF; the
// geometry that turns this into paragraphs and table grids works on these structs alone.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/readers/image/raster.hpp"

namespace nianbao::readers::pdf {

// One character as drawn, in PDF points from the page's displayed top-left corner (y down).
struct Glyph {
  char32_t c = 0;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float size = 0;       // font size in points
  int run = 0;          // the library's text line: glyphs of one run share a baseline
  bool upright = true;  // false for text drawn rotated or in vertical writing mode
  int font = 0;         // index of the font within the document
};

// A horizontal (y0 == y1) or vertical (x0 == x1) line segment of the page's drawing.
struct Rule {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool horizontal() const { return y0 == y1; }
};

struct Page {
  int number = 0;               // 1-based
  float width = 0, height = 0;  // of the frame the glyphs and rules are in
  // Degrees (0, 90, 180, 270) the page was turned clockwise so that its text runs left to
  // right; glyphs and rules are in the turned frame, displayed() maps a point back.
  int turned = 0;
  float displayed_width = 0, displayed_height = 0;
  std::vector<Glyph> glyphs;
  std::vector<Rule> rules;
  int images = 0;               // images drawn on the page (a scan is one per page)
  int image_dpi = 0;            // the finest resolution of those images, pixels per inch
  bool invisible_text = false;  // nine tenths of its text or more drawn invisible (render mode 3)
  bool read = false;            // false when the page could not be interpreted
};

// Where a point of the turned frame of `page` stands on the page as displayed.
struct Point {
  float x = 0, y = 0;
};
inline Point displayed(const Page& page, float x, float y) {
  switch (page.turned) {
    case 90:  // turned clockwise: the displayed page's left edge became the top
      return {y, page.displayed_height - x};
    case 180:
      return {page.displayed_width - x, page.displayed_height - y};
    case 270:
      return {page.displayed_width - y, x};
    default:
      return {x, y};
  }
}

// A problem met while reading, as a diagnostic code and a message for people.
struct Problem {
  std::string code;
  std::string message;
  bool fatal = false;  // the document could not be read at all
};

struct Source {
  std::vector<Page> pages;
  int page_count = 0;  // pages in the file (may exceed pages.size() under the page limit)
  std::string title, author, creator, producer, created;  // information dictionary
  std::vector<Problem> problems;
};

// Bounds that keep one hostile file from taking the machine.
struct Limits {
  std::size_t memory_bytes = 768u << 20;  // everything the library allocates for one file
  int max_pages = 5000;
  // A repaired file's objects are found by scanning, and MuPDF parses the page tree again for
  // each page: 6,000 pages took 6 s of CPU. A report needs far fewer pages than this.
  int max_pages_repaired = 500;
  std::size_t max_content_bytes = 64u << 20;  // one page's decompressed content streams
  std::size_t max_glyphs = 4'000'000;         // in the whole document
  std::size_t max_path_segments = 2'000'000;  // in one page
};

// A scan: when no page of the file has any text and some pages draw images, each such page is
// drawn at `dpi` while the file is open and handed over, one at a time (a page at 300 dpi is
// 26 MB of RGB; a report's pages are not all held at once).
struct ScanPages {
  int dpi = 300;
  std::function<void(int page_number, const image::Raster& page)> on_page;
};

// Opens the PDF in `bytes` and collects every page. Never throws for bad input: what went
// wrong is in `problems`.
Source load_pdf(std::string_view bytes, const Limits& limits = {},
                const ScanPages* scans = nullptr);

}  // namespace nianbao::readers::pdf
