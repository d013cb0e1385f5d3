#pragma once
// The document model from OCR'd pages: text lines joined into paragraphs, page numbers dropped,
// table grids as tables (a table broken over pages joined again), every paragraph and cell
// located by page and pixel box and marked as OCR with its confidence.

#include <vector>

#include "extractor/model/document.hpp"
#include "extractor/readers/image/page_ocr.hpp"

namespace nianbao::readers::image {

// Appends the pages' blocks and tables to `doc`, pages numbered from 1 in the order given;
// also adds the diagnostics OCR calls for (pages out of time, no recogniser).
void add_ocr_pages(const std::vector<OcrPage>& pages, model::Document& doc);

}  // namespace nianbao::readers::image
