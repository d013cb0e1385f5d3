#pragma once
// Readers turn the bytes of one input into the document model. The format is chosen by
// content (magic bytes and markup), with the file name only as a tie-breaker.

#include <string>
#include <string_view>

#include "extractor/model/document.hpp"

namespace nianbao::readers {

enum class Format { text, docx, html, legacy_doc, pdf, image, zip_other, binary };

const char* to_string(Format format);

// Sniffs the bytes: ZIP with word/document.xml → docx (other ZIPs → zip_other), OLE2 → legacy
// .doc, %PDF → pdf, PNG/JPEG/TIFF signatures → image, markup (<html, <!DOCTYPE html, <body, <table
// …) → html, NUL-heavy → binary, anything else → text.
Format detect_format(std::string_view bytes, std::string_view path);

// Reads a whole file and returns its document. Never throws for bad input: a file that cannot
// be read gives a Document with readable == false and a diagnostic saying why.
model::Document read_file(const std::string& path);

// The same from bytes already in memory; `path` is recorded as the source path.
model::Document read_bytes(std::string_view bytes, const std::string& path);

}  // namespace nianbao::readers
