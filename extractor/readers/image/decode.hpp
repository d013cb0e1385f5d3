#pragma once
// PNG and JPEG pages decoded by libpng and libjpeg directly, with their error and warning
// handlers kept quiet: the libraries' default handlers print to stderr, and a damaged file in
// a bulk run must give a diagnostic in its record, not a line on the console. (TIFF goes
// through Leptonica, whose libtiff handlers are already quiet.)

#include <string_view>

#include "extractor/readers/image/raster.hpp"

namespace nianbao::readers::image {

struct Decoding {
  enum class Outcome { decoded, damaged, too_large };
  Outcome outcome = Outcome::damaged;
  long long width = 0;  // from the header, once it is read
  long long height = 0;
  Raster raster;  // filled when decoded
};

// `max_pixels` is checked against the header before any pixel memory is taken.
Decoding decode_png(std::string_view bytes, long long max_pixels);
Decoding decode_jpeg(std::string_view bytes, long long max_pixels);

}  // namespace nianbao::readers::image
