#pragma once
// A page image in plain C++: what the PDF reader renders from a scanned page and what the image
// reader decodes from a PNG, JPEG or TIFF, before OCR sees it. Neither side's library types
// cross this boundary.

#include <cstdint>
#include <vector>

namespace nianbao::readers::image {

struct Raster {
  int width = 0;
  int height = 0;
  int channels = 1;                  // 1: grey, 3: RGB (interleaved)
  int dpi = 0;                       // 0 when the source does not say
  std::vector<std::uint8_t> pixels;  // rows top to bottom, width * channels bytes each
};

}  // namespace nianbao::readers::image
