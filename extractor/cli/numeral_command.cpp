// Placeholder until the normalizers land: the numeral command reports that it is unavailable.
#include <iostream>

#include "extractor/cli/commands.hpp"

namespace nianbao::cli {

int run_numeral_command(int /*argc*/, const char* const* /*argv*/) {
  std::cerr << "nianbao numeral: not available in this build\n";
  return 2;
}

}  // namespace nianbao::cli
