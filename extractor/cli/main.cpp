// nianbao: the command-line front of the extractor. Subcommands live in their own files.
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string_view>

#include "extractor/cli/commands.hpp"

namespace {

constexpr const char* k_usage =
    "nianbao — structured figures from 政府信息公开工作年度报告\n"
    "\n"
    "Usage:\n"
    "  nianbao extract [options] FILE...   one JSON record per input (pretty for one file,\n"
    "                                      NDJSON for several)\n"
    "  nianbao numeral TEXT...             every figure found in each TEXT, as JSON\n"
    "  nianbao tokens FILE                 the cell tokens table recovery reads (debugging)\n"
    "  nianbao audit [options] RECORDS...  checks across reports and years (NDJSON records, or\n"
    "                                      the SQLite/PostgreSQL database of extract --db)\n"
    "  nianbao --help | --version\n"
    "\n"
    "Run `nianbao COMMAND --help` for a command's options.\n"
    "Exit status: 0 every input read, 1 some input failed, 2 usage error.\n";

// The OCR engine (Debian's Tesseract) runs its networks on OpenMP teams of a fixed size whose
// threads spin while they wait; on two cores four scanned pages took 19.4 s instead of 5.9 s.
// OpenMP reads its thread limit once, when the library is loaded, before main: so the program
// starts itself again with the limit set, unless the caller chose one. Inputs run in parallel
// through --jobs instead.
void limit_openmp_threads(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  if (setenv("OMP_THREAD_LIMIT", "1", 0) != 0) return;
  execv("/proc/self/exe", argv);  // returns only when it failed: run on, unlimited
}

}  // namespace

int main(int argc, char** argv) {
  limit_openmp_threads(argv);
  if (argc < 2) {
    std::cerr << k_usage;
    return 2;
  }
  const std::string_view command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << k_usage;
    return 0;
  }
  if (command == "--version" || command == "-V") {
    std::cout << "nianbao " << NIANBAO_VERSION << "\n";
    return 0;
  }
  const char* const* rest = argv + 1;
  const int rest_count = argc - 1;
  if (command == "extract") return nianbao::cli::run_extract_command(rest_count, rest);
  if (command == "numeral") return nianbao::cli::run_numeral_command(rest_count, rest);
  if (command == "tokens") return nianbao::cli::run_tokens_command(rest_count, rest);
  if (command == "audit") return nianbao::cli::run_audit_command(rest_count, rest);
  std::cerr << "nianbao: unknown command '" << command << "'\n\n" << k_usage;
  return 2;
}
