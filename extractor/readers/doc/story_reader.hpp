#pragma once
// From a story's characters to the raw body the docx reader's table builder consumes
// (docx/body_parser.hpp): paragraphs at their marks (0x0D), table cells and rows at their
// marks (0x07 at depth 1; 0x0D marked as inner cell or row end in nested tables), each row's
// cells placed on a grid made of the borders every row of the table gives (sprmTDefTable),
// with horizontal and vertical merges from the cells' flags. What Word shows is what is read:
// field codes are dropped and their results kept, deleted revision text and hidden text are
// not read, drawn objects and pictures give no text, and the text boxes anchored in a
// paragraph follow it.

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "extractor/readers/doc/formatting.hpp"
#include "extractor/readers/doc/piece_table.hpp"
#include "extractor/readers/docx/body_parser.hpp"
#include "extractor/readers/docx/numbering.hpp"

namespace nianbao::readers::doc {

// The blocks of the text boxes anchored at each CP of the main document (a drawn object,
// 0x08, at that CP).
using AnchoredBlocks = std::map<std::uint32_t, std::vector<docx::RawBlock>>;

struct StoryContext {
  const std::vector<Char>& text;
  const Formatting& formatting;
  const std::set<std::uint32_t>& section_ends;  // CPs just after a section mark
  docx::RawBody& body;                          // receives the tables
  docx::Numbering* numbering = nullptr;         // list labels (lists.hpp), none when null
};

// Reads CPs [begin, end) of the text. Blocks go to `out`; a table's block is delivered there
// too and its rows to body.tables. `anchors` (may be null) gives text boxes to insert after the
// paragraph holding their anchor.
void read_story(const StoryContext& context, std::uint32_t begin, std::uint32_t end,
                const AnchoredBlocks* anchors, std::vector<docx::RawBlock>& out);

// Characters, paragraphs, cells and rows one document may make; beyond it reading stops
// (RawBody::too_large).
inline constexpr long k_max_story_items = 300000;

}  // namespace nianbao::readers::doc
