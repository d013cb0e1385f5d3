#pragma once
#include <string_view>

#include "extractor/model/document.hpp"

namespace nianbao::readers {

// Reads a .docx package (bytes of the ZIP) into `doc`: paragraphs and table grids in reading
// order. On failure sets doc.readable = false and adds a diagnostic with a stable code.
void read_docx(std::string_view bytes, model::Document& doc);

}  // namespace nianbao::readers
