#pragma once
// The File Information Block at the start of the WordDocument stream ([MS-DOC] 2.5): which
// Word wrote the file, whether it is encrypted, which table stream it uses, how many
// characters each story has, and where the structures this reader needs lie in the table
// stream (offset and size pairs, FcLcb).

#include <cstdint>
#include <string>

#include "extractor/readers/doc/bytes.hpp"

namespace nianbao::readers::doc {

struct FcLcb {
  std::uint32_t fc = 0;   // offset in the table stream
  std::uint32_t lcb = 0;  // size in bytes; 0 = absent
};

enum class FibError {
  none,
  too_short,    // the stream is shorter than a FIB
  not_word,     // wIdent is not Word's
  old_version,  // Word 6.0/95 or older (nFib below Word 97's)
  malformed,    // counts that do not fit the stream
};

struct Fib {
  std::uint16_t n_fib = 0;     // the version: 193 (0xC1) for Word 97 and later
  std::uint16_t lid = 0;       // the language of the document (0x0804 Chinese PRC)
  bool complex = false;        // fast-saved: text in many pieces
  bool encrypted = false;      // fEncrypted: password-protected (RC4 or XOR)
  bool obfuscated = false;     // fObfuscated: XOR-obfuscated
  bool table_1 = false;        // fWhichTblStm: the table stream is "1Table", else "0Table"
  std::uint32_t ccp_text = 0;  // characters of the main document
  std::uint32_t ccp_ftn = 0;
  std::uint32_t ccp_hdd = 0;
  std::uint32_t ccp_mcr = 0;
  std::uint32_t ccp_atn = 0;
  std::uint32_t ccp_edn = 0;
  std::uint32_t ccp_txbx = 0;  // characters of the main document's text boxes
  std::uint32_t ccp_hdr_txbx = 0;
  FcLcb stshf, plcf_sed, plcf_bte_chpx, plcf_bte_papx, clx, plc_spa_mom, plcftxbx_txt, plf_lst,
      plf_lfo;

  // The first CP of the main document's text box story (the stories follow each other).
  std::uint64_t textbox_story_start() const {
    return std::uint64_t{ccp_text} + ccp_ftn + ccp_hdd + ccp_mcr + ccp_atn + ccp_edn;
  }
  std::string table_stream() const { return table_1 ? "1Table" : "0Table"; }
};

// nFib of Word 97 and every later version (the real version is in the FIB's later part).
inline constexpr std::uint16_t k_nfib_word97 = 0xC1;

// Reads the FIB; `error` says why it could not be.
Fib parse_fib(const Bytes& word_document, FibError& error);

}  // namespace nianbao::readers::doc
