#pragma once
// Layout frames: body text set inside a layout table. Web systems that export a page as
// Word, WPS converting a page, and authors drawing a border around the report all put the
// headings, the prose and the report's tables into the cell(s) of such a table. Read as a table,
// the whole report would be one cell: no section headings, no sentences, no signature block.

#include "extractor/model/document.hpp"
#include "extractor/readers/docx/body_parser.hpp"

namespace nianbao::readers::docx {

// Replaces each top-level layout frame by its content, in reading order: the cell paragraphs
// become body paragraphs and the tables inside become top-level tables (themselves unwrapped
// when they are frames too). A frame is either
// - a table whose every row is one cell (no gridBefore or gridAfter), where some cell holds
//   more than one piece of content: two paragraphs with text, or text and a table. A one-cell
//   box around a single line or around a single table is left as it is: reading it as a table
//   loses nothing; or
// - a wider table (a spacer or margin column beside the report) where one cell holds the
//   report, two section headings or more (layout::classify_heading), and every other cell is
//   empty or a short text without a digit and without a table. Only the report's cell is read;
//   the margin cells are left out. A data table always has figures or a table beside any text.
// The frame is marked `unwrapped` and is no table of the document. Each unwrapped frame gives an
// info diagnostic "docx_layout_frame".
void unwrap_layout_frames(RawBody& body, model::Diagnostics& diagnostics);

}  // namespace nianbao::readers::docx
