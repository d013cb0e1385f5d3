#pragma once
// Paragraph and character properties by file position (FC), with the list a paragraph's style
// gives (the style sheet, STSH: each paragraph style's UPX, following its base styles): the bin
// tables (PlcBtePapx, PlcBteChpx) name 512-byte formatted disk pages (FKPs) in the WordDocument
// stream, and each page maps runs of FCs to a grpprl. Only what shapes the text is kept: table
// depth and cell/row marks, the row's cells and merges (TDefTable), list membership, page breaks
// before; and for characters, deleted revision text, hidden text, special characters and symbols.
//
// Every bin table and page is checked when the index is built (pages inside the stream, run
// counts that fit a page, FCs in order), so lookups never leave the stream.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/readers/doc/bytes.hpp"
#include "extractor/readers/doc/fib.hpp"
#include "extractor/readers/doc/piece_table.hpp"

namespace nianbao::readers::doc {

// One table row's cells as sprmTDefTable gives them: the cells' borders (itcMac + 1 positions
// in twips) and each cell's merge flags.
struct RowLayout {
  std::vector<int> borders;
  enum class HMerge : std::uint8_t { none, first, continues };
  enum class VMerge : std::uint8_t { none, restart, continues };
  std::vector<HMerge> hmerge;
  std::vector<VMerge> vmerge;
};

struct ParagraphProps {
  bool in_table = false;       // sprmPFInTable
  bool row_end = false;        // sprmPFTtp: this mark ends a row (depth 1)
  bool inner_cell = false;     // sprmPFInnerTableCell: this mark ends a cell (depth > 1)
  bool inner_row_end = false;  // sprmPFInnerTtp: this mark ends a row (depth > 1)
  int itap = 0;                // table depth, 0 when not given
  bool page_break_before = false;
  bool header_row = false;  // sprmTTableHeader on a row end
  int ilfo = 0;             // list: 1-based LFO index, 0 for none
  int ilvl = 0;
  std::uint16_t istd = 0;                                      // paragraph style
  std::optional<RowLayout> row;                                // on a row end: its cells
  std::vector<std::pair<int, RowLayout::VMerge>> vert_merges;  // sprmTVertMerge

  // The depth of the table the paragraph is in, 0 outside tables.
  int depth() const { return in_table ? (itap > 0 ? itap : 1) : 0; }
};

struct RunProps {
  bool deleted = false;  // sprmCFRMarkDel
  bool hidden = false;   // sprmCFVanish
  bool special = false;  // sprmCFSpec
  char32_t symbol = 0;   // sprmCSymbol's character, 0 for none
};

enum class FormattingError { none, bin_table_invalid, page_invalid };

// Table depths and row widths a report can have; more is a damaged or hostile file.
inline constexpr int k_max_table_depth = 16;
inline constexpr int k_max_row_cells = 64;

class Formatting {
 public:
  // `data` is the Data stream (large paragraph properties live there), possibly empty.
  Formatting(const Bytes& word_document, const Bytes& table_stream, const Bytes& data,
             const Fib& fib, const PieceTable& pieces);

  FormattingError error() const { return error_; }
  const std::string& error_message() const { return message_; }

  ParagraphProps paragraph(const Char& mark) const;
  RunProps run(const Char& c) const;

 private:
  struct Page {
    std::vector<std::uint32_t> fcs;        // crun + 1
    std::vector<std::string_view> grpprl;  // crun (empty: no properties)
  };
  struct BinTable {
    std::vector<std::uint32_t> fcs;  // n + 1
    std::vector<Page> pages;         // n
  };

  bool load_bin_table(FcLcb where, bool paragraphs, BinTable& out);
  bool load_page(std::uint32_t pn, bool paragraphs, Page& out);
  std::string_view grpprl_at(const BinTable& table, std::uint32_t fc) const;
  void apply_paragraph(std::string_view grpprl, ParagraphProps& p, int huge_depth) const;
  void load_styles(FcLcb stshf);
  void resolve_style(std::size_t istd, int depth);
  void fail(FormattingError error, std::string message);

  Bytes word_document_;
  Bytes table_;
  Bytes data_;
  const PieceTable& pieces_;
  // What a paragraph style gives (its list, following istdBase); by istd.
  struct StyleList {
    int ilfo = 0;
    int ilvl = 0;
    std::string_view grpprl;    // the style's own paragraph properties
    std::size_t base = 0x0FFF;  // istdBase; 0x0FFF for none
    bool resolved = false;
  };
  std::vector<StyleList> styles_;
  BinTable papx_;
  BinTable chpx_;
  FormattingError error_ = FormattingError::none;
  std::string message_;
};

}  // namespace nianbao::readers::doc
