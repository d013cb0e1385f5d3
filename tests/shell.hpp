#pragma once
// Running a shell command line from a test: the end-to-end tests drive the real nianbao program
// as a user would, and read what it printed and how it exited.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace nianbao::testing {

struct ShellRun {
  int status = -1;  // exit status, or -1 when the command did not exit normally
  std::string out;  // standard output (standard error goes where the command line says)
};

inline ShellRun run_shell(const std::string& command) {
  ShellRun result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 65536> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  const int raw = pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

}  // namespace nianbao::testing
