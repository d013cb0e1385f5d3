#pragma once
// The streaming pass over word/document.xml. It produces the body as raw blocks and raw tables
// exactly as the XML has them (cells with their gridSpan and vMerge marks, rows with
// gridBefore/gridAfter); table_builder turns those into true grids afterwards, once rows that
// continue across a split table are known.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace nianbao::readers::docx {

class Numbering;
class XmlStream;

enum class VMerge { none, restart, continue_ };

struct RawParagraph {
  std::string text;
  bool page_break = false;     // w:br w:type="page" or w:pageBreakBefore
  bool section_break = false;  // w:pPr/w:sectPr: the section ends after this paragraph
  std::optional<std::size_t>
      char_position;  // a .doc's CP of the paragraph (Locator::char_position)
};

struct RawCell {
  int grid_span = 1;
  VMerge vmerge = VMerge::none;
  bool hmerge_continue = false;  // legacy w:hMerge: this cell widens the one before it
  bool deleted = false;          // w:tcPr/w:cellDel: removed with tracked changes
  std::vector<std::string> paragraphs;
  std::vector<int> nested;  // raw table ids of the tables inside this cell
  // For each nested table, how many of `paragraphs` come before it: the cell's reading order,
  // needed when a one-column layout table is read as body text (unwrap_layout_frames).
  std::vector<std::size_t> nested_after;
  std::optional<std::size_t> char_position;  // a .doc's CP of the cell's first character
};

struct RawRow {
  int grid_before = 0;
  int grid_after = 0;
  bool header = false;   // w:tblHeader: repeated at the top of every page
  bool deleted = false;  // w:trPr/w:del: a row removed with tracked changes
  std::vector<RawCell> cells;
};

struct RawTable {
  std::vector<int> grid;  // w:tblGrid column widths (twips)
  std::vector<RawRow> rows;
  bool top_level = false;
  int merged_into = -1;    // raw id of the table this one continues (split tables)
  bool unwrapped = false;  // a layout frame whose content was moved into the body
};

struct RawBlock {
  bool is_table = false;
  RawParagraph paragraph;
  int table = -1;  // raw table id
};

struct RawBody {
  std::vector<RawBlock> blocks;
  std::vector<RawTable> tables;    // raw id = index, in document (start tag) order
  bool saw_document_root = false;  // the part's root is w:document
  bool too_large = false;          // parsing stopped at the element budget (k_max_body_items)
  int alt_chunks = 0;              // w:altChunk: content imported from another part, not read
};

// Paragraphs, tables, rows and cells one document may have. A real report has about a
// thousand; the budget keeps memory proportional to a sane document even when a small part
// of tiny elements (<w:p/> is 6 bytes) would otherwise expand into millions of objects.
inline constexpr long k_max_body_items = 300000;

// Reads document.xml. Stops early on an XML failure (see xml.error()); what was read so far
// stays in `body`. `numbering` provides list labels and is advanced paragraph by paragraph.
// `max_items` bounds paragraphs, tables, rows and cells (see k_max_body_items).
void parse_body(XmlStream& xml, Numbering& numbering, RawBody& body,
                long max_items = k_max_body_items);

}  // namespace nianbao::readers::docx
