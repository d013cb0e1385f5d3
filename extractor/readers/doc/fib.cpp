#include "extractor/readers/doc/fib.hpp"

namespace nianbao::readers::doc {

namespace {

// wIdent: Word 97 and later, and Word 6.0/95 (whose FIB differs from here on).
constexpr std::uint16_t k_ident_word97 = 0xA5EC;
constexpr std::uint16_t k_ident_word6 = 0xA5DC;
// Word 97's nFib is 193; pre-release and some other writers use 192–194.
constexpr std::uint16_t k_min_nfib_word97 = 0xC0;

// FibBase flags (offset 0x0A).
constexpr std::uint16_t k_flag_complex = 0x0004;
constexpr std::uint16_t k_flag_encrypted = 0x0100;
constexpr std::uint16_t k_flag_which_table = 0x0200;
constexpr std::uint16_t k_flag_obfuscated = 0x8000;

constexpr std::size_t k_fib_base_size = 32;

// Indexes into FibRgLw97 (32-bit counts).
enum RgLw : std::size_t {
  lw_ccp_text = 3,
  lw_ccp_ftn = 4,
  lw_ccp_hdd = 5,
  lw_ccp_mcr = 6,
  lw_ccp_atn = 7,
  lw_ccp_edn = 8,
  lw_ccp_txbx = 9,
  lw_ccp_hdr_txbx = 10,
  lw_count = 11,
};

// Indexes of the FcLcb pairs in FibRgFcLcb97.
enum RgFcLcb : std::size_t {
  fl_stshf = 1,
  fl_plcf_sed = 6,
  fl_plcf_bte_chpx = 12,
  fl_plcf_bte_papx = 13,
  fl_clx = 33,
  fl_plc_spa_mom = 40,
  fl_plcftxbx_txt = 56,
  fl_plf_lst = 73,
  fl_plf_lfo = 74,
};

FcLcb fc_lcb(const Bytes& b, std::size_t blob, std::size_t count, std::size_t index) {
  if (index >= count) return {};
  const std::size_t at = blob + index * 8;
  return {b.u32_or_zero(at), b.u32_or_zero(at + 4)};
}

}  // namespace

Fib parse_fib(const Bytes& b, FibError& error) {
  Fib fib;
  error = FibError::none;
  if (!b.has(0, k_fib_base_size + 2)) {
    error = FibError::too_short;
    return fib;
  }
  const std::uint16_t ident = b.u16_or_zero(0);
  fib.n_fib = b.u16_or_zero(2);
  fib.lid = b.u16_or_zero(6);
  const std::uint16_t flags = b.u16_or_zero(0x0A);
  fib.complex = (flags & k_flag_complex) != 0;
  fib.encrypted = (flags & k_flag_encrypted) != 0;
  fib.obfuscated = (flags & k_flag_obfuscated) != 0;
  fib.table_1 = (flags & k_flag_which_table) != 0;
  if (ident != k_ident_word97 && ident != k_ident_word6) {
    error = FibError::not_word;
    return fib;
  }
  // An encrypted file keeps only FibBase in the clear: the rest of the FIB is not read.
  if (fib.encrypted || fib.obfuscated) return fib;
  if (fib.n_fib < k_min_nfib_word97) {
    error = FibError::old_version;
    return fib;
  }
  // FibRgW97 (csw 16-bit words), FibRgLw97 (cslw 32-bit words), FibRgFcLcb (cbRgFcLcb pairs):
  // each is preceded by its count, and each count is read rather than assumed, so that a FIB
  // written by a later Word (more pairs) or a shorter one is read at the right offsets.
  std::size_t at = k_fib_base_size;
  const std::size_t csw = b.u16_or_zero(at);
  at += 2 + csw * 2;
  const auto cslw = b.u16(at);
  if (!cslw || *cslw < lw_count || !b.has(at + 2, std::size_t{*cslw} * 4)) {
    error = FibError::malformed;
    return fib;
  }
  const std::size_t lw = at + 2;
  const auto count = [&](RgLw index) { return b.u32_or_zero(lw + index * 4); };
  fib.ccp_text = count(lw_ccp_text);
  fib.ccp_ftn = count(lw_ccp_ftn);
  fib.ccp_hdd = count(lw_ccp_hdd);
  fib.ccp_mcr = count(lw_ccp_mcr);
  fib.ccp_atn = count(lw_ccp_atn);
  fib.ccp_edn = count(lw_ccp_edn);
  fib.ccp_txbx = count(lw_ccp_txbx);
  fib.ccp_hdr_txbx = count(lw_ccp_hdr_txbx);
  at = lw + std::size_t{*cslw} * 4;
  const auto pairs = b.u16(at);
  if (!pairs || !b.has(at + 2, std::size_t{*pairs} * 8)) {
    error = FibError::malformed;
    return fib;
  }
  const std::size_t blob = at + 2;
  const auto pair = [&](RgFcLcb index) { return fc_lcb(b, blob, *pairs, index); };
  fib.stshf = pair(fl_stshf);
  fib.plcf_sed = pair(fl_plcf_sed);
  fib.plcf_bte_chpx = pair(fl_plcf_bte_chpx);
  fib.plcf_bte_papx = pair(fl_plcf_bte_papx);
  fib.clx = pair(fl_clx);
  fib.plc_spa_mom = pair(fl_plc_spa_mom);
  fib.plcftxbx_txt = pair(fl_plcftxbx_txt);
  fib.plf_lst = pair(fl_plf_lst);
  fib.plf_lfo = pair(fl_plf_lfo);
  if (fib.clx.lcb == 0) error = FibError::malformed;  // every Word 97 file has a piece table
  return fib;
}

}  // namespace nianbao::readers::doc
