#pragma once
#include <string_view>

#include "extractor/model/document.hpp"

namespace nianbao::readers {

// Reads a .docx package (bytes of the ZIP) into `doc`: paragraphs and table grids in reading
// order. On failure sets doc.readable = false and adds a diagnostic with a stable code.
// Blocks reference top-level tables only; a nested table is in doc.tables, linked from its
// outer cell (Cell::nested_tables) and back (Table::parent_table/parent_cell).
// A table split at a page or section break is joined into one (see table_builder.hpp).
// Diagnostic codes are listed in docx_reader.cpp.
void read_docx(std::string_view bytes, model::Document& doc);

// True for an OLE2 file that is an encrypted Office (OOXML) package rather than a legacy .doc.
// Sniffing sees OLE2 magic in both; the dispatcher can use this to route encrypted packages to
// read_docx (which reports docx_encrypted) instead of reporting a legacy .doc.
bool is_encrypted_office_package(std::string_view bytes);

}  // namespace nianbao::readers
