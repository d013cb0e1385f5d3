#pragma once
// Automatic numbering ([MS-DOC] 2.9.147 LSTF, 2.9.150 LVL, 2.9.131 LFO): the "一、" and "（一）"
// of section headings that the official template puts in list numbering, never in the text.
// The lists (PlfLst, with each list's levels after the LSTF array) and the list instances
// paragraphs name by sprmPIlfo (PlfLfo) are read into the docx reader's Numbering, which counts
// and formats the labels the way Word shows them.

#include "extractor/readers/doc/bytes.hpp"
#include "extractor/readers/doc/fib.hpp"
#include "extractor/readers/docx/numbering.hpp"

namespace nianbao::readers::doc {

// Reads what parses of the document's lists; a damaged list table gives fewer labels, never
// an error (the text is whole without them).
void read_lists(const Fib& fib, const Bytes& table_stream, docx::Numbering& numbering);

// The name of a number format (MSONFC) as numbering.xml spells it, e.g. 37 → chineseCounting.
const char* number_format_name(std::uint8_t nfc);

}  // namespace nianbao::readers::doc
