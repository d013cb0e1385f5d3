#pragma once
#include <string_view>

#include "extractor/model/document.hpp"

namespace nianbao::readers {

// Reads a Word 97–2003 binary document (.doc, and a Kingsoft WPS .wps saved in the same
// format) from the bytes of its compound file into `doc`: paragraphs and table grids in reading
// order, with each paragraph's and cell's character position (Locator::char_position). On
// failure sets doc.readable = false and adds a diagnostic with a stable code (listed in
// doc_reader.cpp and docs/DIAGNOSTICS.md). `path` only tells a .wps apart in messages.
void read_doc(std::string_view bytes, std::string_view path, model::Document& doc);

// True when the file named `path` is a .wps (any case).
bool has_wps_extension(std::string_view path);

}  // namespace nianbao::readers
