#pragma once
// Property modifiers (Sprm, [MS-DOC] 2.6): a 16-bit operation code whose top three bits say how
// long its operand is, followed by the operand. A grpprl is a run of them; paragraphs, runs,
// table rows and pieces of text all carry their properties this way.

#include <cstdint>
#include <string_view>

namespace nianbao::readers::doc {

// The operations this reader acts on (every other one is stepped over by its length).
namespace sprm {
inline constexpr std::uint16_t c_rmark_del = 0x0800;  // deleted with tracked changes
inline constexpr std::uint16_t c_vanish = 0x083C;     // hidden text
inline constexpr std::uint16_t c_spec = 0x0855;    // a special character (field mark, picture…)
inline constexpr std::uint16_t c_symbol = 0x6A09;  // a character of a symbol font
inline constexpr std::uint16_t p_ilvl = 0x260A;    // list level
inline constexpr std::uint16_t p_ilfo = 0x460B;    // list (LFO index, 1-based)
inline constexpr std::uint16_t p_page_break_before = 0x2407;
inline constexpr std::uint16_t p_in_table = 0x2416;
inline constexpr std::uint16_t p_ttp = 0x2417;               // the row-end mark of a table row
inline constexpr std::uint16_t p_inner_table_cell = 0x244B;  // cell end in a nested table
inline constexpr std::uint16_t p_inner_ttp = 0x244C;         // row end in a nested table
inline constexpr std::uint16_t p_itap = 0x6649;              // table depth
inline constexpr std::uint16_t p_dtap = 0x664A;              // table depth, relative
inline constexpr std::uint16_t p_huge_papx = 0x6646;         // properties kept in the Data stream
inline constexpr std::uint16_t p_chg_tabs = 0xC615;
inline constexpr std::uint16_t t_table_header = 0x3404;
inline constexpr std::uint16_t t_def_table = 0xD608;  // the row's cells and their merges
inline constexpr std::uint16_t t_vert_merge = 0xD62B;
}  // namespace sprm

// Calls `visit(opcode, operand)` for each Sprm of `grpprl`, in order. Stops at the first one
// whose operand would run past the end (a damaged grpprl yields what was whole before it).
template <typename Visit>
void for_each_sprm(std::string_view grpprl, Visit&& visit);

// The operand length of the Sprm at the start of `rest` (which begins with the operand);
// 0 when it cannot be told or does not fit.
std::size_t operand_length(std::uint16_t opcode, std::string_view rest);

template <typename Visit>
void for_each_sprm(std::string_view grpprl, Visit&& visit) {
  std::size_t at = 0;
  while (grpprl.size() - at >= 2) {
    const auto opcode = static_cast<std::uint16_t>(static_cast<unsigned char>(grpprl[at]) |
                                                   static_cast<unsigned char>(grpprl[at + 1]) << 8);
    at += 2;
    const std::string_view rest = grpprl.substr(at);
    const std::size_t length = operand_length(opcode, rest);
    if (length == 0 || length > rest.size()) return;
    visit(opcode, rest.substr(0, length));
    at += length;
  }
}

// A toggle operand (0 off, 1 on, 0x80 as the style, 0x81 the opposite of the style): styles
// are not read, so "as the style" is taken as off and "opposite" as on.
inline bool toggle_on(std::string_view operand) {
  if (operand.empty()) return false;
  const auto v = static_cast<unsigned char>(operand[0]);
  return v == 1 || v == 0x81;
}

}  // namespace nianbao::readers::doc
