#pragma once
// Reports squeezed into one paragraph (a whole early report on one line of a web page, with
// "…。二、主动公开政府信息情况 全年…" inside it; VARIATIONS D, 2009 Xiaguan): the section headings
// that stand inside paragraphs are cut out into paragraphs of their own, so that sections, facts
// and metadata see the report's structure.

#include "extractor/model/document.hpp"

namespace nianbao::layout {

// Splits paragraphs at inline section headings when the document holds at least two of them,
// in increasing order; returns whether it did. Meant for a document whose paragraphs show fewer
// than two headings of their own. A heading is cut where its words end (white space, a colon or
// 。); the text before and after it stays as paragraphs, with locators moved to where each
// piece starts.
bool split_inline_headings(model::Document& doc);

}  // namespace nianbao::layout
