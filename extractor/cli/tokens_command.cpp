// `nianbao tokens FILE`: the table-recovery view of a document — every cell token with its
// kind and place — for finding out why a row was or was not read.
#include <iostream>
#include <string>

#include "extractor/cli/commands.hpp"
#include "extractor/layout/sections.hpp"
#include "extractor/layout/tokens.hpp"
#include "extractor/readers/reader.hpp"

namespace nianbao::cli {
namespace {

const char* kind_name(layout::TokenKind kind) {
  switch (kind) {
    case layout::TokenKind::label:
      return "label";
    case layout::TokenKind::value:
      return "value";
    case layout::TokenKind::empty_cell:
      return "empty";
    case layout::TokenKind::padding:
      return "padding";
    case layout::TokenKind::heading:
      return "HEADING";
  }
  return "?";
}

}  // namespace

int run_tokens_command(int argc, const char* const* argv) {
  if (argc != 2 || std::string(argv[1]) == "--help") {
    std::cerr << "Usage: nianbao tokens FILE\n"
                 "Prints the cell tokens table recovery reads: kind, row start (*), place, text.\n";
    return argc == 2 ? 0 : 2;
  }
  const model::Document doc = readers::read_file(argv[1]);
  for (const model::Diagnostic& d : doc.diagnostics)
    std::cerr << d.code << ": " << d.message << "\n";
  if (!doc.readable) return 1;
  const auto sections = layout::find_sections(doc);
  for (const layout::Token& t : layout::tokenize(doc, sections)) {
    std::cout << (t.row_start ? '*' : ' ') << ' ' << kind_name(t.kind) << '\t';
    if (t.locator.line)
      std::cout << "line " << *t.locator.line << ':' << t.locator.column.value_or(0);
    if (t.locator.table)
      std::cout << "t" << *t.locator.table << " r" << t.locator.row.value_or(-1) << " c"
                << t.locator.cell.value_or(-1);
    if (!t.locator.path.empty()) std::cout << t.locator.path;
    std::cout << '\t' << t.text << '\n';
  }
  return 0;
}

}  // namespace nianbao::cli
