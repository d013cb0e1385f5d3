#include "extractor/readers/doc/piece_table.hpp"

#include <array>

namespace nianbao::readers::doc {

namespace {

constexpr std::uint8_t k_clxt_prc = 0x01;
constexpr std::uint8_t k_clxt_pcdt = 0x02;
constexpr std::size_t k_pcd_size = 8;
constexpr std::uint32_t k_fc_compressed = 0x40000000;
constexpr std::uint32_t k_fc_mask = 0x3FFFFFFF;
// Prc records before the piece table: one per distinct property change of a fast save.
constexpr std::size_t k_max_prc = 1u << 16;

// Bytes 0x80–0x9F of a compressed piece are cp1252's, not Latin-1's ([MS-DOC] 2.4.1); 0 marks
// the five cp1252 leaves undefined, which are read as the C1 control they stand at.
constexpr std::array<char16_t, 32> k_cp1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t from_cp1252(std::uint8_t b) {
  if (b < 0x80 || b > 0x9F) return b;
  const char16_t mapped = k_cp1252_high[b - 0x80];
  return mapped != 0 ? mapped : b;
}

bool parse_pieces(const Bytes& table, std::size_t at, std::uint32_t lcb, std::size_t stream_size,
                  PieceTable& out, PieceError& error) {
  // PlcPcd: n+1 CPs then n PCDs of 8 bytes.
  if (lcb < 4 || (lcb - 4) % (4 + k_pcd_size) != 0 || !table.has(at, lcb)) {
    error = PieceError::malformed;
    return false;
  }
  const std::size_t n = (lcb - 4) / (4 + k_pcd_size);
  if (n == 0) {
    error = PieceError::malformed;
    return false;
  }
  std::uint64_t characters = 0;
  out.pieces.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    Piece p;
    p.cp_start = table.u32_or_zero(at + i * 4);
    p.cp_end = table.u32_or_zero(at + (i + 1) * 4);
    const std::size_t pcd = at + (n + 1) * 4 + i * k_pcd_size;
    const std::uint32_t fc = table.u32_or_zero(pcd + 2);
    p.prm = table.u16_or_zero(pcd + 6);
    p.compressed = (fc & k_fc_compressed) != 0;
    p.offset = p.compressed ? (fc & k_fc_mask) / 2 : (fc & k_fc_mask);
    const bool contiguous = i == 0 ? p.cp_start == 0 : p.cp_start == out.pieces.back().cp_end;
    if (!contiguous || p.cp_end < p.cp_start) {
      error = PieceError::malformed;
      return false;
    }
    const std::uint64_t length = p.cp_end - p.cp_start;
    characters += length;
    if (characters > k_max_characters) {
      error = PieceError::too_large;
      return false;
    }
    const std::uint64_t bytes = length * (p.compressed ? 1 : 2);
    if (std::uint64_t{p.offset} + bytes > stream_size) {
      error = PieceError::past_end;
      return false;
    }
    out.pieces.push_back(p);
  }
  return true;
}

}  // namespace

std::string_view PieceTable::prm_grpprl(const Piece& piece) const {
  if ((piece.prm & 1) == 0) return {};
  const std::size_t index = piece.prm >> 1;
  return index < prc.size() ? prc[index] : std::string_view();
}

PieceTable parse_piece_table(const Bytes& table, FcLcb clx, std::size_t word_document_size,
                             PieceError& error) {
  PieceTable out;
  error = PieceError::none;
  if (!table.has(clx.fc, clx.lcb)) {
    error = PieceError::past_end;
    return out;
  }
  std::size_t at = clx.fc;
  const std::size_t end = std::size_t{clx.fc} + clx.lcb;
  while (at < end) {
    const std::uint8_t clxt = table.u8_or_zero(at);
    if (clxt == k_clxt_prc) {
      const std::size_t size = table.u16_or_zero(at + 1);
      const auto grpprl = table.slice(at + 3, size);
      if (!grpprl || at + 3 + size > end || out.prc.size() >= k_max_prc) {
        error = PieceError::malformed;
        return out;
      }
      out.prc.push_back(*grpprl);
      at += 3 + size;
      continue;
    }
    if (clxt != k_clxt_pcdt) break;
    const std::uint32_t lcb = table.u32_or_zero(at + 1);
    if (at + 5 + std::uint64_t{lcb} > end) {
      error = PieceError::malformed;
      return out;
    }
    if (!parse_pieces(table, at + 5, lcb, word_document_size, out, error)) return out;
    return out;
  }
  error = PieceError::malformed;  // no Pcdt
  return out;
}

std::vector<Char> decode_text(const PieceTable& table, const Bytes& wd, std::uint32_t count) {
  std::vector<Char> text;
  text.reserve(count);
  for (std::uint32_t pi = 0; pi < table.pieces.size() && text.size() < count; ++pi) {
    const Piece& p = table.pieces[pi];
    for (std::uint32_t cp = p.cp_start; cp < p.cp_end && text.size() < count; ++cp) {
      const std::uint32_t k = cp - p.cp_start;
      if (p.compressed) {
        const std::uint32_t fc = p.offset + k;
        text.push_back({from_cp1252(wd.u8_or_zero(fc)), fc, pi});
        continue;
      }
      const std::uint32_t fc = p.offset + 2 * k;
      char32_t unit = wd.u16_or_zero(fc);
      if (unit >= 0xD800 && unit <= 0xDBFF && cp + 1 < p.cp_end) {
        const char32_t low = wd.u16_or_zero(fc + 2);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          text.push_back({0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), fc, pi});
          if (text.size() < count) text.push_back({k_continuation, fc + 2, pi});
          ++cp;
          continue;
        }
      }
      if (unit >= 0xD800 && unit <= 0xDFFF) unit = 0xFFFD;  // a lone surrogate
      text.push_back({unit, fc, pi});
    }
  }
  return text;
}

}  // namespace nianbao::readers::doc
