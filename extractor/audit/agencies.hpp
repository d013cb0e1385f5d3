#pragma once
// Which records belong to the same agency across years. Names are compared after
// normalisation (NFKC, Traditional → Simplified, no white space or quotes) and after known
// renamings (audit_rules.tsv `rename`); nothing fuzzier, so an unknown rename stays two
// agencies rather than a guessed one. A year with competing reports is reported, not chosen.

#include <map>
#include <string>
#include <vector>

#include "extractor/audit/finding.hpp"
#include "extractor/audit/records.hpp"
#include "extractor/audit/rules.hpp"

namespace nianbao::audit {

// The normalised name without renames: what "the same name" means.
std::string exact_agency_key(const std::string& agency);
// The normalised name with every known rename applied: what "the same agency" means.
std::string agency_key(const std::string& agency, const RuleSet& rules);

struct AgencySeries {
  std::string key;
  // year → the one record used for that year (indexes into the audited records)
  std::map<int, std::size_t> by_year;
  std::vector<std::size_t> all;  // every record matched to the agency, in input order
};

struct AgencyMatch {
  std::vector<AgencySeries> series;  // ordered by key
  std::vector<Finding> findings;     // AG-1 .. AG-4
};

AgencyMatch match_agencies(const std::vector<AuditRecord>& records, const RuleSet& rules);

}  // namespace nianbao::audit
