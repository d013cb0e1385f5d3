#pragma once
// Reading one page image by OCR: its table grids found from the ruling in the image, every cell
// recognised on its own (numbers twice, by two different models, and kept only where both
// agree), and the text outside the tables read as lines. Boxes are in the pixels of the page as
// it was read (after deskewing and scaling to the working resolution, `scale` × the source's).

#include <string>
#include <vector>

#include "extractor/model/locator.hpp"
#include "extractor/readers/image/raster.hpp"

namespace nianbao::readers::image {

struct OcrCell {
  int row = 0, col = 0, row_span = 1, col_span = 1;
  std::string text;     // "" for a cell without ink
  int confidence = 0;   // 0–100; 0 also where two readings of a number disagree
  model::PixelBox box;  // the cell's box inside its ruling
};

struct OcrTable {
  int rows = 0, cols = 0;
  std::vector<int> xs;  // column boundaries in pixels (cols + 1)
  std::vector<OcrCell> cells;
  model::PixelBox box;
};

struct OcrLine {
  std::string text;
  int confidence = 0;
  model::PixelBox box;
};

struct OcrPage {
  int number = 0;              // page number in its file (1-based); 0: by position
  int width = 0, height = 0;   // of the page as read
  int dpi = 0;                 // working resolution of the boxes
  float skew_degrees = 0;      // the rotation that was taken out
  int quarter_turns = 0;       // clockwise quarter turns that brought the page upright
  int confidence = 0;          // the mean confidence of its lines and of its cells with text
  std::vector<OcrLine> lines;  // outside the tables, top to bottom
  std::vector<OcrTable> tables;
  bool timed_out = false;    // the page's time ran out: what was not read is missing
  bool unavailable = false;  // the recogniser or its language data could not be loaded
};

struct OcrLimits {
  int page_milliseconds = 120'000;  // one page's whole OCR budget
};

OcrPage ocr_page(const Raster& image, const OcrLimits& limits = {});

// Whether the recogniser and its models (chi_sim, eng) can be loaded on this machine.
bool ocr_available();

}  // namespace nianbao::readers::image
