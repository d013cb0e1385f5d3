#include "extractor/readers/image/page_ocr.hpp"

#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include "extractor/readers/image/cell_reading.hpp"
#include "extractor/readers/image/leptonica.hpp"
#include "extractor/readers/image/recogniser.hpp"
#include "extractor/readers/pdf/ruled_grid.hpp"

namespace nianbao::readers::image {
namespace {

// ---- Working resolution and sizes -----------------------------------------------------------
// Every page is brought to about 300 dpi before it is read: Tesseract's models are trained on
// text of that size, and the line lengths below are fixed in points, so one set of numbers
// serves scans made at 150, 200, 300 or 600 dpi.
constexpr int k_working_dpi = 300;
constexpr int k_least_dpi = 250;
constexpr int k_most_dpi = 400;
constexpr float k_a4_short_side_inches = 8.27f;

constexpr float k_points_per_inch = 72.0f;
// A ruling line is longer than any stroke of a character: 24 pt across (two ems of body text),
// 14 pt down (a table row is at least that tall; a character's vertical stroke is shorter).
constexpr float k_min_rule_across_pt = 24.0f;
constexpr float k_min_rule_down_pt = 14.0f;
constexpr float k_max_rule_thickness_pt = 3.0f;
// A cell's content is read from inside its ruling, this far in (the line and JPEG ringing).
constexpr float k_cell_inset_pt = 1.5f;
// Printed text is never less than this tall; a flatter "line" of ink is a piece of a rule.
constexpr float k_min_text_height_pt = 4.0f;
constexpr float k_table_margin_pt = 3.0f;
// A page whose reading is less sure than this on average is looked at for a turn (see
// reading_confidence); the orientation detection must be this sure (its own scale, about 5 to 10
// for a page of text).
constexpr int k_least_upright_confidence = 50;
constexpr float k_least_orientation_confidence = 2.0f;

// ---- The page image --------------------------------------------------------------------------

// Red is a seal's or a signature stamp's colour, never the text's. Stamp ink is translucent:
// under it the print shows through darker, and its red channel is what the paper and the print
// beneath give back (the ink absorbs green and blue, hardly red). So a red pixel is read by its
// red channel, scaled so that the stamp on bare paper is white: a grey rule under the seal stays
// a rule, a digit under it stays a digit.
bool seal_red(int r, int g, int b) { return r > 110 && r - std::max(g, b) > 60; }

// The red channel of the stamp on bare paper: the median over the page's red pixels (most of
// a stamp lies on paper), 255 where there are none.
int stamp_on_paper_red(const Raster& image) {
  if (image.channels != 3) return 255;
  std::array<std::size_t, 256> histogram{};
  std::size_t count = 0;
  const std::size_t pixels =
      static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
  for (std::size_t i = 0; i < pixels; ++i) {
    const int r = image.pixels[3 * i], g = image.pixels[3 * i + 1], b = image.pixels[3 * i + 2];
    if (!seal_red(r, g, b)) continue;
    ++histogram[static_cast<std::size_t>(r)];
    ++count;
  }
  std::size_t seen = 0;
  for (std::size_t r = 0; r < histogram.size(); ++r) {
    seen += histogram[r];
    if (2 * seen >= count && count > 0) return static_cast<int>(r);
  }
  return 255;
}

PixPtr grey_page(const Raster& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return pix;
  const int stamp_red = stamp_on_paper_red(image);
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  const std::size_t stride =
      static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.channels);
  for (int y = 0; y < image.height; ++y) {
    const std::uint8_t* row = image.pixels.data() + static_cast<std::size_t>(y) * stride;
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < image.width; ++x) {
      int value = 0;
      if (image.channels == 1) {
        value = row[x];
      } else {
        const int r = row[3 * x], g = row[3 * x + 1], b = row[3 * x + 2];
        value = seal_red(r, g, b) ? std::min(255, r * 255 / stamp_red)
                                  : (299 * r + 587 * g + 114 * b) / 1000;
      }
      SET_DATA_BYTE(line, x, static_cast<l_uint8>(value));
    }
  }
  return pix;
}

// The scan's resolution: as the file states it where that makes a page of a plausible size,
// else from the page's width taken as A4's short side (a report is printed on A4). Many files
// state 72 or 96 dpi whatever they hold (a screen's default, an extraction tool's), which would
// make a 300 dpi scan a page a metre wide.
constexpr float k_least_short_side_inches = 2.0f;
constexpr float k_most_short_side_inches = 12.0f;  // A3's is 11.7

int source_dpi(const Raster& image) {
  const int short_side = std::min(image.width, image.height);
  if (image.dpi >= 50 && image.dpi <= 2400) {
    const float inches = static_cast<float>(short_side) / static_cast<float>(image.dpi);
    if (inches >= k_least_short_side_inches && inches <= k_most_short_side_inches) return image.dpi;
  }
  return std::max(50, static_cast<int>(static_cast<float>(short_side) / k_a4_short_side_inches));
}

// ---- Ruling ----------------------------------------------------------------------------------

struct Ruling {
  std::vector<pdf::Rule> rules;  // in points of the working image
  PixPtr mask;                   // the ruling's pixels, to be erased before cells are read
};

float to_points(int pixels, int dpi) {
  return static_cast<float>(pixels) * k_points_per_inch / static_cast<float>(dpi);
}
int to_pixels(float points, int dpi) {
  return static_cast<int>(points * static_cast<float>(dpi) / k_points_per_inch + 0.5f);
}

// Long thin runs of ink: morphological opening with a line longer than any character stroke
// keeps the ruling and removes the text. Only gaps of a pixel or two are closed first (JPEG, a
// faint print): a wider closing joins the strokes of neighbouring characters into lines.
Ruling find_ruling(PIX* binary, int dpi) {
  Ruling ruling;
  const int across = to_pixels(k_min_rule_across_pt, dpi);
  const int down = to_pixels(k_min_rule_down_pt, dpi);
  const int thickness = std::max(3, to_pixels(k_max_rule_thickness_pt, dpi));
  PixPtr closed_h(pixCloseBrick(nullptr, binary, 3, 1));
  PixPtr horizontal(pixOpenBrick(nullptr, closed_h.get(), across, 1));
  PixPtr closed_v(pixCloseBrick(nullptr, binary, 1, 3));
  PixPtr vertical(pixOpenBrick(nullptr, closed_v.get(), 1, down));
  if (!horizontal || !vertical) return ruling;
  for (const Rect& r : component_boxes(horizontal.get())) {
    if (r.h > thickness) continue;  // a filled block, not a line
    const float y = to_points(r.y, dpi) + to_points(r.h, dpi) / 2;
    ruling.rules.push_back({to_points(r.x, dpi), y, to_points(r.x + r.w, dpi), y});
  }
  for (const Rect& r : component_boxes(vertical.get())) {
    if (r.w > thickness) continue;
    const float x = to_points(r.x, dpi) + to_points(r.w, dpi) / 2;
    ruling.rules.push_back({x, to_points(r.y, dpi), x, to_points(r.y + r.h, dpi)});
  }
  PixPtr lines(pixOr(nullptr, horizontal.get(), vertical.get()));
  if (lines) ruling.mask.reset(pixDilateBrick(nullptr, lines.get(), 5, 5));
  return ruling;
}

model::PixelBox pixel_box(const Rect& r) { return {r.x, r.y, r.x + r.w, r.y + r.h}; }

OcrTable read_grid(Engines& engines, PIX* clean, const pdf::RuledGrid& grid, int dpi,
                   const Clock& clock, bool& timed_out) {
  OcrTable table;
  table.rows = grid.rows();
  table.cols = grid.cols();
  for (float x : grid.xs) table.xs.push_back(to_pixels(x, dpi));
  std::vector<int> ys;
  for (float y : grid.ys) ys.push_back(to_pixels(y, dpi));
  table.box = {table.xs.front(), ys.front(), table.xs.back(), ys.back()};
  const int inset = std::max(2, to_pixels(k_cell_inset_pt, dpi));
  for (const pdf::GridCell& g : grid.cells) {
    const auto col = static_cast<std::size_t>(g.col);
    const auto row = static_cast<std::size_t>(g.row);
    const Rect outer{table.xs[col], ys[row],
                     table.xs[col + static_cast<std::size_t>(g.col_span)] - table.xs[col],
                     ys[row + static_cast<std::size_t>(g.row_span)] - ys[row]};
    OcrCell cell{g.row, g.col, g.row_span, g.col_span, {}, 0, pixel_box(outer)};
    const Rect inner{outer.x + inset, outer.y + inset, outer.w - 2 * inset, outer.h - 2 * inset};
    if (inner.w > 2 && inner.h > 2) {
      const CellReading reading = read_cell(engines, clean, inner, dpi, clock);
      cell.text = reading.text;
      cell.confidence = reading.confidence;
      timed_out = timed_out || reading.timed_out;
    } else {
      cell.confidence = 100;
    }
    table.cells.push_back(std::move(cell));
  }
  return table;
}

// The text outside the tables, line by line, by Tesseract's own page layout analysis.
std::vector<OcrLine> read_prose(Engines& engines, PIX* clean, const std::vector<OcrTable>& tables,
                                int dpi, const Clock& clock, bool& timed_out) {
  std::vector<OcrLine> lines;
  PixPtr page(pixCopy(nullptr, clean));
  if (!page) return lines;
  // A table is blanked with a margin: on a page not quite level, the ends of its outer rules
  // stray outside its box, and a stray piece of a rule reads as 一 or 二.
  const int margin = to_pixels(k_table_margin_pt, dpi);
  for (const OcrTable& t : tables) {
    BoxPtr box(boxCreate(t.box.x0 - margin, t.box.y0 - margin, t.box.x1 - t.box.x0 + 2 * margin,
                         t.box.y1 - t.box.y0 + 2 * margin));
    pixSetInRect(page.get(), box.get());  // white
  }
  const int budget = clock.remaining_ms();
  if (budget <= 0) {
    timed_out = true;
    return lines;
  }
  tesseract::TessBaseAPI& api = engines.text;
  api.SetPageSegMode(tesseract::PSM_AUTO);
  api.SetImage(page.get());
  api.SetSourceResolution(dpi);
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(budget);
  const bool failed = api.Recognize(&monitor) != 0;
  if (monitor.deadline_exceeded()) timed_out = true;
  std::unique_ptr<tesseract::ResultIterator> it(failed ? nullptr : api.GetIterator());
  if (it) {
    do {
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
      if (!text) continue;
      OcrLine line;
      line.text = close_spaces(text.get());
      while (!line.text.empty() && line.text.back() == ' ') line.text.pop_back();
      if (line.text.empty()) continue;
      line.confidence = std::max(0, static_cast<int>(it->Confidence(tesseract::RIL_TEXTLINE)));
      it->BoundingBox(tesseract::RIL_TEXTLINE, &line.box.x0, &line.box.y0, &line.box.x1,
                      &line.box.y1);
      if (line.box.y1 - line.box.y0 < to_pixels(k_min_text_height_pt, dpi)) continue;  // a rule
      lines.push_back(std::move(line));
    } while (it->Next(tesseract::RIL_TEXTLINE));
  }
  api.Clear();
  return lines;
}

// The page straightened by Leptonica's skew search (left as it is where the search fails), with
// the page's angle and size set to match.
void straighten(PixPtr& grey, OcrPage& page) {
  l_float32 angle = 0, confidence = 0;
  PixPtr straight(pixFindSkewAndDeskew(grey.get(), 0, &angle, &confidence));
  if (straight) {
    grey = std::move(straight);
    page.skew_degrees = angle;
  }
  page.width = static_cast<int>(pixGetWidth(grey.get()));
  page.height = static_cast<int>(pixGetHeight(grey.get()));
}

// Brought to the working resolution and straightened; red ink already turned to paper.
PixPtr working_page(const Raster& image, OcrPage& page) {
  PixPtr grey = grey_page(image);
  if (!grey) return grey;
  const int dpi = source_dpi(image);
  if (dpi < k_least_dpi || dpi > k_most_dpi) {
    const float scale = static_cast<float>(k_working_dpi) / static_cast<float>(dpi);
    PixPtr scaled(scale > 1 ? pixScaleGrayLI(grey.get(), scale, scale)
                            : pixScaleAreaMap(grey.get(), scale, scale));
    if (scaled) grey = std::move(scaled);
    page.dpi = k_working_dpi;
  } else {
    page.dpi = dpi;
  }
  straighten(grey, page);
  return grey;
}

// The mean confidence of what a page's reading holds (its prose lines and the cells with text):
// an upright page reads at 80 to 90, a page on its side at about 20.
int reading_confidence(const OcrPage& page) {
  long long sum = 0;
  long long count = 0;
  for (const OcrLine& line : page.lines) {
    sum += line.confidence;
    ++count;
  }
  for (const OcrTable& table : page.tables)
    for (const OcrCell& cell : table.cells)
      if (!cell.text.empty()) {
        sum += cell.confidence;
        ++count;
      }
  return count == 0 ? 0 : static_cast<int>(sum / count);
}

// The tables and the prose of a page at the working resolution, straightened.
void read_working_page(Engines& ocr, PIX* grey, OcrPage& page, const Clock& clock) {
  page.tables.clear();
  page.lines.clear();
  PixPtr binary(pixThresholdToBinary(grey, k_ink_threshold));
  if (!binary) return;
  Ruling ruling = find_ruling(binary.get(), page.dpi);
  PixPtr clean(pixCopy(nullptr, grey));
  if (!clean) return;
  if (ruling.mask) pixSetMasked(clean.get(), ruling.mask.get(), 255);
  for (const pdf::RuledGrid& grid : pdf::find_ruled_grids(ruling.rules))
    page.tables.push_back(read_grid(ocr, clean.get(), grid, page.dpi, clock, page.timed_out));
  page.lines = read_prose(ocr, clean.get(), page.tables, page.dpi, clock, page.timed_out);
  page.confidence = reading_confidence(page);
}

// How many quarter turns clockwise bring the page upright, by Tesseract's orientation
// detection; 0 where it is upright, unsure, or the detection is not installed.
int quarter_turns_to_upright(PIX* grey, int dpi) {
  OrientationEngine* osd = orientation_engine();
  if (osd == nullptr) return 0;
  osd->api.SetPageSegMode(tesseract::PSM_OSD_ONLY);
  osd->api.SetImage(grey);
  osd->api.SetSourceResolution(dpi);
  int degrees = 0;
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool found =
      osd->api.DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
  osd->api.Clear();
  if (!found || confidence < k_least_orientation_confidence) return 0;
  // The detection gives the page's turn counterclockwise; it is undone clockwise.
  return (4 - (degrees / 90) % 4) % 4;
}

// A page that read badly may be on its side (a landscape table printed turned, a sheet fed
// turned): where the orientation detection says so, it is turned upright, straightened again and
// read again, and the better of the two readings is kept.
void read_turned(Engines& ocr, PIX* grey, OcrPage& page, const Clock& clock) {
  const int turns = quarter_turns_to_upright(grey, page.dpi);
  if (turns == 0) return;
  PixPtr upright(pixRotateOrth(grey, turns));
  if (!upright) return;
  OcrPage again = page;
  again.skew_degrees = 0;
  again.quarter_turns = turns;
  straighten(upright, again);
  read_working_page(ocr, upright.get(), again, clock);
  if (again.confidence > page.confidence) page = std::move(again);
}

}  // namespace

bool ocr_available() { return engines() != nullptr; }

OcrPage ocr_page(const Raster& image, const OcrLimits& limits) {
  OcrPage page;
  Engines* ocr = engines();
  if (ocr == nullptr) {
    page.unavailable = true;
    return page;
  }
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() < static_cast<std::size_t>(image.width) *
                                static_cast<std::size_t>(image.height) *
                                static_cast<std::size_t>(image.channels))
    return page;
  const Clock clock(limits.page_milliseconds);
  PixPtr grey = working_page(image, page);
  if (!grey) return page;
  read_working_page(*ocr, grey.get(), page, clock);
  if (page.confidence < k_least_upright_confidence) read_turned(*ocr, grey.get(), page, clock);
  return page;
}

}  // namespace nianbao::readers::image
