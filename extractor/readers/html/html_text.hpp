#pragma once
// How the text of an HTML page becomes lines: which elements start a new line, which are never
// shown, and how white space is collapsed, so that paragraphs, table cells and the pre-pass
// that looks for the report all see the same text.

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace nianbao::readers::html {

// Elements whose content is not part of the visible page (scripts, styles, form controls,
// embedded objects) or that the author hid with `hidden` / display:none.
bool is_skipped(const xmlNode* element);

// Elements that begin and end a line of text in a browser (p, div, h1, li, td …).
bool is_block(const xmlNode* element);

// Accumulates the text of one line. White space runs (including U+00A0 from &nbsp;) collapse
// to one space and the ends are trimmed, so a cell holding only &nbsp; is empty. A white-space
// text node holding a line break is source formatting between tags and adds nothing: inline
// elements such as <span>1</span>\n<span>2</span> rejoin as "12".
class LineBuilder {
 public:
  void add(std::string_view raw);
  bool empty() const { return text_.empty(); }
  // The line so far, trimmed; the builder is reset.
  std::string take();

 private:
  std::string text_;
  bool pending_space_ = false;
};

// Number of code points in UTF-8 text (for length limits on titles and headings).
std::size_t code_points(std::string_view utf8);

// Removes leading and trailing white space, including U+00A0 and the ideographic space U+3000.
std::string_view trim_all_space(std::string_view s);

}  // namespace nianbao::readers::html
