#pragma once
// Glyphs to text: the visual lines a set of glyphs forms, in reading order, and how lines and
// glyphs are joined (Chinese text without spaces; spaces only where the page leaves a gap).

#include <string>
#include <vector>

#include "extractor/readers/pdf/pdf_source.hpp"

namespace nianbao::readers::pdf {

struct TextLine {
  int page = 0;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float size = 0;  // the largest font size on the line
  std::string text;
  std::vector<int> glyphs;  // indexes into the page's glyphs, in reading order
};

// The visual lines formed by `glyphs` (indexes into page.glyphs), top to bottom; each line's
// pieces left to right. Text drawn rotated stays a line of its own, in the order it was drawn.
std::vector<TextLine> build_lines(const Page& page, const std::vector<int>& glyphs);

// How the next line continues the text of the previous one: Chinese runs on directly, Latin
// words and numbers get a space, and a word hyphenated at the line end is joined again.
void append_wrapped(std::string& text, const std::string& next_line);

void append_utf8(std::string& out, char32_t c);

// Whether the code point is a CJK ideograph or CJK punctuation (joined without spaces).
bool is_cjk(char32_t c);

}  // namespace nianbao::readers::pdf
