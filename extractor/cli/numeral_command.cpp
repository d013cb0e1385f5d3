// `nianbao numeral TEXT...`: prints, per TEXT, one JSON line with every figure the scanner finds
// (value, range, unit, qualifier, byte span), so anyone can check a case by hand. A TEXT is read
// as a cell is: a whole numeral is a figure (norm::standalone_figures).

#include <iostream>
#include <string_view>

#include "extractor/cli/commands.hpp"
#include "normalizers/figure_json.hpp"
#include "normalizers/scanner.hpp"

namespace nianbao::cli {

namespace {

constexpr std::string_view k_usage =
    "usage: nianbao numeral TEXT...\n"
    "Prints, for each TEXT, one JSON line with every figure found in it: text, value (or low and\n"
    "high for a range), unit (money in 元), qualifier and byte span [begin, end). A TEXT that is\n"
    "one numeral and nothing else (十万, 两千零十, 廿五) is that figure; in any other TEXT a bare\n"
    "numeral needs a unit or a counted noun after it, as in a report's prose.\n";

}  // namespace

int run_numeral_command(int argc, const char* const* argv) {
  if (argc >= 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
    std::cout << k_usage;
    return 0;
  }
  if (argc < 2) {
    std::cerr << "nianbao numeral: no TEXT given\n" << k_usage;
    return 2;
  }
  for (int i = 1; i < argc; ++i) {
    const std::string_view text = argv[i] != nullptr ? std::string_view(argv[i]) : "";
    std::cout << norm::figures_to_json(text, norm::standalone_figures(text)) << '\n';
  }
  return std::cout.good() ? 0 : 1;
}

}  // namespace nianbao::cli
