#pragma once
// The PDF reader: the words on each page by their positions (MuPDF), paragraphs in reading
// order with page furniture dropped, and table grids from the page's ruling — the same document
// model as every other reader, with each locator naming the page and the box on it.

#include <string_view>

#include "extractor/model/document.hpp"

namespace nianbao::readers {

void read_pdf(std::string_view bytes, model::Document& doc);

}  // namespace nianbao::readers
