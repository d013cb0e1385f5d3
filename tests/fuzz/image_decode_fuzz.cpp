// PNG and JPEG decoding: libpng's simplified API and libjpeg with the reader's quiet handlers and
// its setjmp exit, the size read from the header before any pixels. A decoded page must be as
// large as it says; nothing may print (the handlers say nothing) or crash.
#include <cstdint>

#include "extractor/readers/image/decode.hpp"
#include "fuzz_checks.hpp"

namespace {

// Small enough that every decoded page stays cheap under the sanitizers.
constexpr long long k_max_pixels = 4'000'000;

void check(const nianbao::readers::image::Decoding& d) {
  using Outcome = nianbao::readers::image::Decoding::Outcome;
  if (d.outcome != Outcome::decoded) {
    nianbao::fuzz::require(d.raster.pixels.empty(), "pixels kept for an image not decoded");
    return;
  }
  const auto& r = d.raster;
  nianbao::fuzz::require(r.width > 0 && r.height > 0, "a decoded page without size");
  nianbao::fuzz::require(r.channels == 1 || r.channels == 3, "neither grey nor RGB");
  nianbao::fuzz::require(static_cast<long long>(r.width) * r.height <= k_max_pixels,
                         "more pixels than the limit");
  nianbao::fuzz::require(r.pixels.size() == static_cast<std::size_t>(r.width) *
                                                static_cast<std::size_t>(r.height) *
                                                static_cast<std::size_t>(r.channels),
                         "pixels do not fill the page");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = nianbao::fuzz::as_view(data, size);
  check(nianbao::readers::image::decode_png(bytes, k_max_pixels));
  check(nianbao::readers::image::decode_jpeg(bytes, k_max_pixels));
  return 0;
}
