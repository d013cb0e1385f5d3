#pragma once
// Each subcommand of the nianbao program lives in its own file and is dispatched from main.cpp.
// A command returns the process exit status: 0 all read, 1 some input failed, 2 usage error.

namespace nianbao::cli {

int run_extract_command(int argc, const char* const* argv);
int run_numeral_command(int argc, const char* const* argv);
int run_tokens_command(int argc, const char* const* argv);
int run_audit_command(int argc, const char* const* argv);

}  // namespace nianbao::cli
