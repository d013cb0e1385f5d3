#include "extractor/readers/text/text_reader.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "extractor/readers/encoding.hpp"

namespace nianbao::readers {
namespace {

// How many times `c` occurs in `text`, found by memchr (which steps over many bytes at once).
std::size_t occurrences(std::string_view text, char c) {
  std::size_t n = 0;
  for (std::size_t at = text.find(c); at != std::string_view::npos; at = text.find(c, at + 1)) ++n;
  return n;
}

// About how many lines `text` has (a CRLF counts twice, a form feed not at all): enough to
// reserve the blocks once rather than moving them as the vector grows.
std::size_t most_lines(std::string_view text) {
  return occurrences(text, '\n') + occurrences(text, '\r') + 1;
}

// Where the next line break (LF, CR or form feed) at or after a position is. Each kind is
// looked up by memchr and remembered until passed, so the text is not walked byte by byte.
class LineBreaks {
 public:
  explicit LineBreaks(std::string_view text) : text_(text) {
    for (std::size_t k = 0; k < k_breaks.size(); ++k) found_[k] = text_.find(k_breaks[k]);
  }

  std::size_t next(std::size_t from) {
    for (std::size_t k = 0; k < k_breaks.size(); ++k) {
      if (found_[k] < from) found_[k] = text_.find(k_breaks[k], from);
    }
    return std::min({found_[0], found_[1], found_[2]});
  }

 private:
  static constexpr std::array<char, 3> k_breaks = {'\n', '\r', '\f'};
  std::string_view text_;
  // Where each kind was last found (npos: none left).
  std::array<std::size_t, 3> found_{};
};

// Splits decoded text into lines. CRLF, lone CR and LF all end a line; a form feed (as
// pdftotext emits between pages) ends the line too and starts the next page.
void split_into_paragraphs(const std::string& text, model::Document& doc) {
  doc.blocks.reserve(doc.blocks.size() + most_lines(text));
  int line_number = 1;
  int page = 1;
  std::size_t start = 0;
  auto emit = [&](std::size_t end) {
    // Built in place: a block holds a paragraph and its locator, costly to move.
    model::Block& block = doc.blocks.emplace_back();
    model::Paragraph& p = block.paragraph;
    p.text.assign(text, start, end - start);
    p.locator.line = line_number;
    p.locator.column = 1;
    p.locator.byte_offset = start;
    p.locator.page = page;
    ++line_number;
  };
  LineBreaks breaks(text);
  for (std::size_t i = breaks.next(0); i != std::string::npos; i = breaks.next(start)) {
    const char c = text[i];
    emit(i);
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (c == '\f') ++page;
    start = i + 1;
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
