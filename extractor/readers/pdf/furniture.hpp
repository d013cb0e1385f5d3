#pragma once
// Page furniture: page numbers (`- 4 -`, `—4—`, `第4页 共9页`, `4/9`) and the running headers and
// footers repeated in the margins of most pages. They are not part of the report's text.

#include <vector>

#include "extractor/readers/pdf/text_lines.hpp"

namespace nianbao::readers::pdf {

struct PageLines {
  float height = 0;
  std::vector<TextLine> lines;
  std::vector<bool> furniture;  // one flag a line
};

// Marks the furniture of every page. The lines are those outside ruled tables, so a bare number
// in the margin is a page number, not a cell's value.
void mark_furniture(std::vector<PageLines>& pages);

bool looks_like_page_number(const std::string& text);

}  // namespace nianbao::readers::pdf
