#pragma once
#include <string_view>

#include "extractor/model/document.hpp"

namespace nianbao::readers {

// Reads plain text (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK detected) into
// `doc`: one paragraph a line, with line, column and byte offset locators.
void read_text(std::string_view bytes, model::Document& doc);

}  // namespace nianbao::readers
