#include "extractor/readers/image/decode.hpp"

// jpeglib.h needs FILE and size_t declared before it.
#include <jpeglib.h>
#include <png.h>

#include <csetjmp>
#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace nianbao::readers::image {
namespace {

std::uint32_t big_endian_32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

// The resolution a PNG states in its pHYs chunk (pixels per metre), 0 when it states none. The
// simplified libpng API does not give it, so the chunks before the image data are walked here.
int png_dpi(std::string_view bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t at = 8;  // past the signature
  while (at + 8 <= bytes.size()) {
    const std::uint32_t length = big_endian_32(data + at);
    const std::string_view type = bytes.substr(at + 4, 4);
    if (type == "IDAT" || length > bytes.size() - at - 8) return 0;
    if (type == "pHYs" && length == 9) {
      const std::uint32_t per_metre = big_endian_32(data + at + 8);
      const bool metres = data[at + 16] == 1;
      return metres ? static_cast<int>((per_metre * 254ULL + 5000) / 10000) : 0;
    }
    at += 12 + std::size_t{length};  // length, type, data, CRC
  }
  return 0;
}

bool too_many(long long width, long long height, long long max_pixels) {
  return width > 0 && height > 0 && width > max_pixels / height;
}

struct JpegError {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
};

[[noreturn]] void jpeg_give_up(j_common_ptr info) {
  std::longjmp(reinterpret_cast<JpegError*>(info->err)->jump, 1);
}

// Warnings (a missing end marker, a bad restart) leave the decoded part usable: say nothing.
void jpeg_say_nothing(j_common_ptr) {}

int jpeg_dpi(const jpeg_decompress_struct& info) {
  if (info.density_unit == 1) return info.X_density;                     // dots per inch
  if (info.density_unit == 2) return (info.X_density * 254 + 50) / 100;  // dots per cm
  return 0;
}

// Adobe's CMYK JPEGs store the inks inverted; what is left of white after the inks is the
// product of the stored channel and the stored black.
void cmyk_to_rgb(const JSAMPLE* cmyk, std::uint8_t* rgb, unsigned width) {
  for (unsigned x = 0; x < width; ++x, cmyk += 4, rgb += 3)
    for (int c = 0; c < 3; ++c) rgb[c] = static_cast<std::uint8_t>((cmyk[c] * cmyk[3] + 127) / 255);
}

// The decoding itself, between setjmp and libjpeg's error exit: only C objects live in this
// frame after the setjmp, and `out` (in the caller's frame) is reached through a reference.
void decode_jpeg_into(std::string_view bytes, long long max_pixels, Decoding& out) {
  jpeg_decompress_struct info{};
  JpegError error{};
  info.err = jpeg_std_error(&error.manager);
  error.manager.error_exit = jpeg_give_up;
  error.manager.output_message = jpeg_say_nothing;
  JSAMPLE* volatile cmyk_row = nullptr;
  if (setjmp(error.jump) != 0) {
    delete[] cmyk_row;
    jpeg_destroy_decompress(&info);
    return;  // out.outcome is still damaged, or too_large
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&info, TRUE);
  out.width = info.image_width;
  out.height = info.image_height;
  if (too_many(out.width, out.height, max_pixels)) {
    out.outcome = Decoding::Outcome::too_large;
    jpeg_destroy_decompress(&info);
    return;
  }
  const bool cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
  info.out_color_space = cmyk ? JCS_CMYK : info.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_start_decompress(&info);
  Raster& raster = out.raster;
  raster.width = static_cast<int>(info.output_width);
  raster.height = static_cast<int>(info.output_height);
  raster.channels = cmyk ? 3 : info.output_components;
  raster.dpi = jpeg_dpi(info);
  const std::size_t stride =
      static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.channels);
  raster.pixels.resize(stride * static_cast<std::size_t>(raster.height));
  if (cmyk) cmyk_row = new JSAMPLE[static_cast<std::size_t>(raster.width) * 4];
  while (info.output_scanline < info.output_height) {
    std::uint8_t* line = raster.pixels.data() + stride * info.output_scanline;
    JSAMPROW row = cmyk ? cmyk_row : line;
    if (jpeg_read_scanlines(&info, &row, 1) != 1) break;
    if (cmyk) cmyk_to_rgb(cmyk_row, line, info.output_width);
  }
  delete[] cmyk_row;
  cmyk_row = nullptr;
  jpeg_abort_decompress(&info);  // a truncated file has no end to finish at
  jpeg_destroy_decompress(&info);
  out.outcome = Decoding::Outcome::decoded;
}

}  // namespace

Decoding decode_png(std::string_view bytes, long long max_pixels) {
  Decoding out;
  // The size is read from IHDR here, before libpng: libpng refuses a huge image as damaged,
  // where the record should say it is too large.
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() < 24 || bytes.substr(12, 4) != "IHDR") return out;
  out.width = big_endian_32(data + 16);
  out.height = big_endian_32(data + 20);
  if (too_many(out.width, out.height, max_pixels)) {
    out.outcome = Decoding::Outcome::too_large;
    return out;
  }
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  // The simplified API keeps its errors and warnings in image.message; it prints nothing.
  if (png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()) == 0) return out;
  // Colour is kept (the OCR removes red seals by it); transparency is laid on white paper.
  const bool colour = (image.format & PNG_FORMAT_FLAG_COLOR) != 0;
  image.format = colour ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  Raster& raster = out.raster;
  raster.width = static_cast<int>(image.width);
  raster.height = static_cast<int>(image.height);
  raster.channels = colour ? 3 : 1;
  raster.pixels.resize(PNG_IMAGE_SIZE(image));
  const png_color white{255, 255, 255};
  if (png_image_finish_read(&image, &white, raster.pixels.data(), 0, nullptr) == 0) {
    png_image_free(&image);
    out.raster = {};
    return out;
  }
  raster.dpi = png_dpi(bytes);
  out.outcome = Decoding::Outcome::decoded;
  return out;
}

Decoding decode_jpeg(std::string_view bytes, long long max_pixels) {
  Decoding out;
  decode_jpeg_into(bytes, max_pixels, out);
  if (out.outcome != Decoding::Outcome::decoded) out.raster = {};
  return out;
}

}  // namespace nianbao::readers::image
