#include "extractor/readers/doc/sprm.hpp"

namespace nianbao::readers::doc {

namespace {

std::size_t byte_at(std::string_view s, std::size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

// sprmPChgTabs: a size byte, except 255, which announces the deleted and added tab stops
// counted out (PChgTabsDelClose, then PChgTabsAdd).
std::size_t chg_tabs_length(std::string_view rest) {
  const std::size_t cb = byte_at(rest, 0);
  if (cb != 255) return 1 + cb;
  const std::size_t deleted = byte_at(rest, 1);
  const std::size_t add_at = 2 + deleted * 4;
  const std::size_t added = byte_at(rest, add_at);
  return add_at + 1 + added * 3;
}

}  // namespace

std::size_t operand_length(std::uint16_t opcode, std::string_view rest) {
  switch (opcode >> 13) {  // spra
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      break;
  }
  // Variable: the first byte is the size of the rest; sprmTDefTable has a 16-bit size that
  // counts one byte more than follows it.
  if (rest.empty()) return 0;
  if (opcode == sprm::t_def_table) {
    if (rest.size() < 2) return 0;
    const std::size_t cb = byte_at(rest, 0) | byte_at(rest, 1) << 8;
    return cb == 0 ? 2 : 2 + cb - 1;
  }
  if (opcode == sprm::p_chg_tabs) return chg_tabs_length(rest);
  return 1 + byte_at(rest, 0);
}

}  // namespace nianbao::readers::doc
