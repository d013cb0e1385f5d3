#pragma once
// Small builders for audit tests: records written by hand (only the fields a rule reads) and
// running a shell command for end-to-end tests.

#include <string>

#include "extractor/audit/records.hpp"
#include "shell.hpp"

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

// The audit tests' name for run_shell (shell.hpp).
inline ShellRun shell(const std::string& command) { return run_shell(command); }

}  // namespace nianbao::testing
