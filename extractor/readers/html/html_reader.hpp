#pragma once
#include <string_view>

#include "extractor/model/document.hpp"

namespace nianbao::readers {

// Reads a saved web page into `doc`: finds the report body, decodes the page's charset, and
// gives paragraphs and table grids in reading order, with element paths as locators.
void read_html(std::string_view bytes, model::Document& doc);

}  // namespace nianbao::readers
