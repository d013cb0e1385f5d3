#include "extractor/readers/image/image_reader.hpp"

#include <leptonica/allheaders.h>

#include <memory>
#include <string>

#include "extractor/readers/image/decode.hpp"
#include "extractor/readers/image/leptonica.hpp"
#include "extractor/readers/image/ocr_document.hpp"
#include "extractor/readers/image/page_ocr.hpp"

namespace nianbao::readers {
namespace {

// A page of a report scanned at 600 dpi is about 35 million pixels; far more is not a page.
constexpr long long k_max_pixels = 80'000'000;
constexpr int k_max_pages = 200;

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

// Little- or big-endian TIFF.
bool is_tiff(std::string_view bytes) {
  return starts_with(bytes, std::string_view("II*\0", 4)) ||
         starts_with(bytes, std::string_view("MM\0*", 4));
}

using image::PixPtr;

struct PixaDeleter {
  void operator()(PIXA* p) const { pixaDestroy(&p); }
};

const auto* data_of(std::string_view bytes) {
  return reinterpret_cast<const l_uint8*>(bytes.data());
}

// The decoded page as plain grey or RGB pixels, with the resolution the file states.
image::Raster raster_of(PIX* decoded) {
  image::Raster raster;
  PixPtr rgb(pixConvertTo32(decoded));
  if (!rgb) return raster;
  raster.width = static_cast<int>(pixGetWidth(rgb.get()));
  raster.height = static_cast<int>(pixGetHeight(rgb.get()));
  raster.channels = 3;
  raster.dpi = static_cast<int>(pixGetXRes(decoded));
  raster.pixels.resize(static_cast<std::size_t>(raster.width) *
                       static_cast<std::size_t>(raster.height) * 3);
  const l_uint32* data = pixGetData(rgb.get());
  const int wpl = pixGetWpl(rgb.get());
  std::size_t at = 0;
  for (int y = 0; y < raster.height; ++y) {
    const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < raster.width; ++x) {
      l_int32 r = 0, g = 0, b = 0;
      extractRGBValues(line[x], &r, &g, &b);
      raster.pixels[at++] = static_cast<std::uint8_t>(r);
      raster.pixels[at++] = static_cast<std::uint8_t>(g);
      raster.pixels[at++] = static_cast<std::uint8_t>(b);
    }
  }
  return raster;
}

void fail(model::Document& doc, const char* code, std::string message) {
  doc.readable = false;
  doc.diagnostics.push_back({code, model::Severity::error, std::move(message), {}});
}

void too_large(model::Document& doc, long long width, long long height) {
  fail(doc, "image_too_large",
       "the image is " + std::to_string(width) + " × " + std::to_string(height) +
           " pixels, more than a scanned page can be");
}

// A PNG or JPEG: one page.
std::vector<image::OcrPage> read_single_page(std::string_view bytes, model::Document& doc) {
  const bool png = starts_with(bytes, "\x89PNG");
  const image::Decoding decoding =
      png ? image::decode_png(bytes, k_max_pixels) : image::decode_jpeg(bytes, k_max_pixels);
  switch (decoding.outcome) {
    case image::Decoding::Outcome::decoded:
      return {image::ocr_page(decoding.raster)};
    case image::Decoding::Outcome::too_large:
      too_large(doc, decoding.width, decoding.height);
      return {};
    case image::Decoding::Outcome::damaged:
      break;
  }
  fail(doc, "image_damaged", png ? "the PNG cannot be decoded" : "the JPEG cannot be decoded");
  return {};
}

// A TIFF, through Leptonica: each page decoded and read in turn, so that only one page's
// pixels are held at a time.
std::vector<image::OcrPage> read_tiff_pages(std::string_view bytes, model::Document& doc) {
  l_int32 format = 0, width = 0, height = 0, bps = 0, spp = 0, colormap = 0;
  if (pixReadHeaderMem(data_of(bytes), bytes.size(), &format, &width, &height, &bps, &spp,
                       &colormap) != 0 ||
      width <= 0 || height <= 0) {
    fail(doc, "image_damaged", "the TIFF's header cannot be read");
    return {};
  }
  if (static_cast<long long>(width) * height > k_max_pixels) {
    too_large(doc, width, height);
    return {};
  }
  std::vector<image::OcrPage> pages;
  std::unique_ptr<PIXA, PixaDeleter> all(pixaReadMemMultipageTiff(data_of(bytes), bytes.size()));
  const int count = all ? pixaGetCount(all.get()) : 0;
  if (count > k_max_pages)
    doc.diagnostics.push_back({"image_pages_truncated",
                               model::Severity::warning,
                               "the TIFF has " + std::to_string(count) + " pages; only the first " +
                                   std::to_string(k_max_pages) + " are read",
                               {}});
  for (int i = 0; i < count && i < k_max_pages; ++i) {
    PixPtr page(pixaGetPix(all.get(), i, L_CLONE));
    if (page) pages.push_back(image::ocr_page(raster_of(page.get())));
  }
  if (pages.empty()) fail(doc, "image_damaged", "the TIFF cannot be decoded");
  return pages;
}

}  // namespace

bool looks_like_image(std::string_view bytes) {
  return starts_with(bytes, "\x89PNG\r\n\x1A\n") || starts_with(bytes, "\xFF\xD8\xFF") ||
         is_tiff(bytes);
}

void read_image(std::string_view bytes, model::Document& doc) {
  if (!image::ocr_available()) {
    fail(doc, "ocr_unavailable",
         "the OCR engine or its language data (chi_sim, eng) cannot be loaded; install "
         "tesseract-ocr-chi-sim and tesseract-ocr-eng");
    return;
  }
  const std::vector<image::OcrPage> pages =
      is_tiff(bytes) ? read_tiff_pages(bytes, doc) : read_single_page(bytes, doc);
  if (pages.empty()) return;  // the reason is given
  image::add_ocr_pages(pages, doc);
  doc.diagnostics.push_back({"ocr_read",
                             model::Severity::info,
                             std::to_string(pages.size()) +
                                 " page image(s) read by OCR: figures are kept only where the "
                                 "recognition is confident and the template's arithmetic holds",
                             {}});
  if (doc.blocks.empty()) fail(doc, "ocr_no_text", "OCR found no text in the image");
}

}  // namespace nianbao::readers
