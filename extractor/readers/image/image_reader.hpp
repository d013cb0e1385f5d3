#pragma once
// The image reader: a scan published as a picture — PNG, JPEG or TIFF (every page of a
// multi-page TIFF), chosen by content — read by OCR into the one document model.

#include <string_view>

#include "extractor/model/document.hpp"

namespace nianbao::readers {

// Whether the bytes start like a PNG, JPEG or TIFF file.
bool looks_like_image(std::string_view bytes);

void read_image(std::string_view bytes, model::Document& doc);

}  // namespace nianbao::readers
