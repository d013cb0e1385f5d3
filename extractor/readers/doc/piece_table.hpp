#pragma once
// The piece table (Clx, [MS-DOC] 2.9.38): where each run of character positions (CPs) has its
// text in the WordDocument stream, and whether that text is 8-bit ("compressed", cp1252) or
// UTF-16LE (where Chinese text always is). A fast-saved (complex) file has many pieces, out of
// order in the stream; reading through the table is how Word reads it.

#include <cstdint>
#include <string_view>
#include <vector>

#include "extractor/readers/doc/bytes.hpp"
#include "extractor/readers/doc/fib.hpp"

namespace nianbao::readers::doc {

struct Piece {
  std::uint32_t cp_start = 0;
  std::uint32_t cp_end = 0;  // exclusive
  std::uint32_t offset = 0;  // byte offset of cp_start's character in WordDocument
  bool compressed = false;   // one byte a character (cp1252), else two (UTF-16LE)
  std::uint16_t prm = 0;     // properties applied to the whole piece (Prm)
};

enum class PieceError {
  none,
  malformed,  // the Clx does not parse: unknown record, sizes that do not fit
  past_end,   // a piece names text beyond the end of the WordDocument stream
  too_large,  // more pieces or characters than any document has
};

struct PieceTable {
  std::vector<Piece> pieces;  // in CP order, contiguous from CP 0
  // The grpprls of the Clx's Prc records, for pieces whose Prm points at one (Prm1).
  std::vector<std::string_view> prc;

  // The grpprl a piece's Prm1 names; empty for none (Prm0 is not applied).
  std::string_view prm_grpprl(const Piece& piece) const;
  std::uint32_t cp_limit() const { return pieces.empty() ? 0 : pieces.back().cp_end; }
};

// Characters a document may have across all its stories.
inline constexpr std::uint32_t k_max_characters = 8u << 20;

PieceTable parse_piece_table(const Bytes& table_stream, FcLcb clx, std::size_t word_document_size,
                             PieceError& error);

// One character of the text: its code point (k_continuation for the second half of a
// surrogate pair, which has a CP of its own) and its byte offset in WordDocument (the FC that
// formatting is looked up by).
struct Char {
  char32_t code = 0;
  std::uint32_t fc = 0;
  std::uint32_t piece = 0;
};

inline constexpr char32_t k_continuation = 0x110000;

// The characters of CPs [0, count) (count ≤ cp_limit()).
std::vector<Char> decode_text(const PieceTable& table, const Bytes& word_document,
                              std::uint32_t count);

}  // namespace nianbao::readers::doc
