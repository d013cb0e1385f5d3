#pragma once
// The rules evaluated: across two consecutive years of one agency, and within one report
// (plausibility and text versus table). Each evaluation appends results of every status —
// pass and not_assessable too — so that a run can count what was checked; the outputs keep
// only failures and flags unless asked for everything.

#include <string>
#include <vector>

#include "extractor/audit/finding.hpp"
#include "extractor/audit/records.hpp"
#include "extractor/audit/rules.hpp"

namespace nianbao::audit {

// A finding of rule `id` about `record` (agency, year, report filled in; status from the rule's
// kind: fail or flag).
Finding finding_for(const RuleSet& rules, const std::string& id, const AuditRecord& record,
                    const std::string& agency_key);

// T3-5, T2B-1, T2C-1 and AU-3 between last year's report and this year's.
void evaluate_years(const RuleSet& rules, const AuditRecord& last_year,
                    const AuditRecord& this_year, const std::string& agency_key,
                    std::vector<Finding>& out);

// T2-3, T2B-3, AU-2 over one report.
void evaluate_plausibility(const RuleSet& rules, const AuditRecord& record,
                           const std::string& agency_key, std::vector<Finding>& out);

// T3-6 and AU-1: section 一's facts against the tables.
void evaluate_text_table(const RuleSet& rules, const AuditRecord& record,
                         const std::string& agency_key, std::vector<Finding>& out);

}  // namespace nianbao::audit
