#pragma once
// `nianbao audit`: the checks that need more than one report, or more than the tables of one
// report, over a set of records (docs/AUDIT.md).

#include <string>
#include <vector>

#include "extractor/audit/agencies.hpp"
#include "extractor/audit/finding.hpp"
#include "extractor/audit/records.hpp"
#include "extractor/audit/rules.hpp"

namespace nianbao::audit {

struct AuditResult {
  // Every evaluation, whatever its status, in a stable order (agency, year, rule, scope).
  std::vector<Finding> results;
  AgencyMatch agencies;
};

AuditResult run_audit(const std::vector<AuditRecord>& records, const RuleSet& rules);

// What the outputs list: failures and flags, or everything with `include_passes`.
bool is_problem(const Finding& f);

}  // namespace nianbao::audit
