#pragma once
// The audit's findings as NDJSON (schema nianbao.audit/1) and CSV, and the summary printed to
// the terminal (counts per rule and status, the agencies with most findings).

#include <ostream>
#include <vector>

#include "extractor/audit/audit.hpp"

namespace nianbao::audit {

void write_findings_ndjson(std::ostream& out, const std::vector<Finding>& findings);
void write_findings_csv(std::ostream& out, const std::vector<Finding>& findings);
void write_summary(std::ostream& out, const AuditResult& result, std::size_t record_count,
                   const RuleSet& rules);

// A locator (compact JSON) for people: "line 27, column 20", "table 2, row 3, cell 1", or the
// HTML path; "" for none.
std::string describe_where(const std::string& where);

// "id@year=value; …", the form values take in CSV and HTML.
std::string values_text(const Finding& f);

}  // namespace nianbao::audit
