#pragma once
// Table recovery, step one: the document becomes one stream of cell tokens in reading order.
// A text line, a pipe-separated piece, a tab-indented line or a grid cell is one token, and
// each token says what it looks like (a label, a value, an empty cell, merge padding) and where
// its physical row starts. Which template row a token belongs to is decided later, by labels.

#include <string>
#include <vector>

#include "extractor/layout/sections.hpp"
#include "extractor/model/document.hpp"
#include "normalizers/labels.hpp"

namespace nianbao::layout {

enum class TokenKind {
  label,       // text that is not a number: a row or column label, a caption, prose
  value,       // a number or a not-applicable placeholder ("/", "—", "无")
  empty_cell,  // a cell that exists and is empty ("|" line, tab-only line, empty grid cell)
  padding,     // what merged cells leave behind ("||", "|||"): no cell
  heading,     // a section heading
};

struct Token {
  TokenKind kind = TokenKind::label;
  std::string text;  // the cell's text as the document has it, trimmed of table punctuation
  model::Locator locator;
  bool row_start = false;  // first token of a physical row (grid row, pipe row, after a blank line)
  bool in_grid = false;    // comes from a real table grid (docx, HTML)
  bool lone_pipe_cell = false;  // the only cell of a text line closed by '|' ("规章 |", "|")
  int section = -1;             // for headings: index into the section list
  norm::Label key;              // for labels: the text normalised for matching, computed once
};

// Classifies a trimmed cell text as label, value or empty_cell.
TokenKind classify_cell_text(std::string_view text);

std::vector<Token> tokenize(const model::Document& doc,
                            const std::vector<SectionHeading>& sections);

}  // namespace nianbao::layout
