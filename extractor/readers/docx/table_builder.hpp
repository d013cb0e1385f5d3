#pragma once
// From the raw body to the document model: split tables joined, vertical merges resolved into
// cells stored once with their spans, nested tables linked to their outer cell, locators set.

#include "extractor/model/document.hpp"
#include "extractor/readers/docx/body_parser.hpp"

namespace nianbao::readers::docx {

// Joins a table that Word or WPS split in two at a page or section break back into the first
// one. The rule: two top-level tables are one when
//   1. nothing but empty paragraphs stands between them, and either nothing at all does or
//      one of those paragraphs carries the break (w:br type="page", w:pageBreakBefore or a
//      section break, w:pPr/w:sectPr);
//   2. their column grids match: the same number of w:gridCol with widths within 5% (or 30
//      twips) of each other, or, without a w:tblGrid, the same number of grid columns;
//   3. the second continues the rows: leading rows that repeat the first table's leading
//      rows (the header typed again on the new page) are dropped, and a w:vMerge continue at
//      the top of the second table extends the merge from the first.
// Merged tables get an info diagnostic "docx_table_joined".
void join_split_tables(RawBody& body, model::Diagnostics& diagnostics);

// Fills doc.blocks and doc.tables from the body (after join_split_tables).
void build_document(const RawBody& body, model::Document& doc);

}  // namespace nianbao::readers::docx
