#include "extractor/readers/text/text_reader.hpp"

#include <algorithm>

#include "extractor/readers/encoding.hpp"

namespace nianbao::readers {
namespace {

// About how many lines `text` has (a CRLF counts twice, a form feed not at all): enough to
// reserve the blocks once rather than moving them as the vector grows.
std::size_t most_lines(const std::string& text) {
  const auto breaks =
      std::count_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; });
  return static_cast<std::size_t>(breaks) + 1;
}

// Splits decoded text into lines. CRLF, lone CR and LF all end a line; a form feed (as
// pdftotext emits between pages) ends the line too and starts the next page.
void split_into_paragraphs(const std::string& text, model::Document& doc) {
  doc.blocks.reserve(doc.blocks.size() + most_lines(text));
  int line_number = 1;
  int page = 1;
  std::size_t start = 0;
  auto emit = [&](std::size_t end) {
    model::Paragraph p;
    p.text = text.substr(start, end - start);
    p.locator.line = line_number;
    p.locator.column = 1;
    p.locator.byte_offset = start;
    p.locator.page = page;
    doc.blocks.push_back({model::Block::Kind::paragraph, std::move(p), -1});
    ++line_number;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      emit(i);
      start = i + 1;
    } else if (c == '\r') {
      emit(i);
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    } else if (c == '\f') {
      emit(i);
      start = i + 1;
      ++page;
    }
  }
  if (start < text.size()) emit(text.size());
}

}  // namespace

void read_text(std::string_view bytes, model::Document& doc) {
  Decoded decoded = decode_to_utf8(bytes, {}, doc.diagnostics);
  doc.source.encoding = decoded.encoding;
  if (decoded.utf8.find('\0') != std::string::npos) {
    doc.diagnostics.push_back({"text_nul_bytes",
                               model::Severity::warning,
                               "the text holds NUL characters; they were dropped",
                               {}});
    std::erase(decoded.utf8, '\0');
  }
  split_into_paragraphs(decoded.utf8, doc);
}

}  // namespace nianbao::readers
