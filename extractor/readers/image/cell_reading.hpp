#pragma once
// One table cell of a page image read on its own: blank where it holds no ink; a number read by
// both models (or, where the Chinese model's reading looks like a misread number, by the digits
// model with its confidence capped); else the Chinese model's text.

#include <string>

#include "extractor/readers/image/leptonica.hpp"
#include "extractor/readers/image/recogniser.hpp"

namespace nianbao::readers::image {

// Grey levels below this are ink. Scans and their JPEG noise keep paper well above it; a thin
// line or a 1 drawn again by deskewing or by scaling up a 150 dpi scan is spread over pixels
// of lighter grey (at 170, a page turned by 1° kept 2 of its 19 horizontal lines).
constexpr int k_ink_threshold = 200;

struct CellReading {
  std::string text;    // "" for no ink, and for ink that could not be read (confidence 0)
  int confidence = 0;  // 100 for a cell without ink
  bool timed_out = false;
};

// The cell `cell` (inside its ruling) of the page `clean` (the ruling erased), at `dpi`.
CellReading read_cell(Engines& engines, PIX* clean, const Rect& cell, int dpi, const Clock& clock);

}  // namespace nianbao::readers::image
