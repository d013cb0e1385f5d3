#pragma once
// Small builders for audit tests: records written by hand (only the fields a rule reads) and
// running a shell command for end-to-end tests.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include "extractor/audit/records.hpp"

namespace nianbao::testing {

inline audit::AuditRecord report(const std::string& agency, int year, const std::string& path) {
  audit::AuditRecord r;
  r.agency = agency;
  r.year = year;
  r.path = path;
  r.sha256 = path;  // distinct files have distinct hashes
  r.status = "ok";
  return r;
}

// Sets figure `id` to the exact decimal `value` ("" for a blank cell).
inline void set(audit::AuditRecord& r, const std::string& id, const std::string& value) {
  audit::AuditFigure f;
  f.status = value.empty() ? "blank" : "value";
  if (!value.empty()) f.value = norm::Decimal::parse(value);
  f.raw = value;
  f.where = R"({"line":1})";
  r.figures[id] = f;
}

inline void fact(audit::AuditRecord& r, const std::string& metric, const std::string& value,
                 const std::string& qualifier = "") {
  audit::AuditFact f;
  f.section = "overview";
  f.metric = metric;
  f.value = norm::Decimal::parse(value);
  f.qualifier = qualifier;
  f.text = metric + " " + value;
  r.facts.push_back(f);
}

struct ShellRun {
  int status = -1;
  std::string out;
};

inline ShellRun shell(const std::string& command) {
  ShellRun result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  const int raw = pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

}  // namespace nianbao::testing
