#include "extractor/audit/agencies.hpp"

#include <set>

#include "extractor/audit/evaluate.hpp"
#include "normalizers/labels.hpp"

namespace nianbao::audit {
namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
}

bool placeable(const AuditRecord& r) {
  return r.status != "failed" && r.year.has_value() && !r.agency.empty();
}

// Several records for one agency and year. Copies of one file (same content) count once; any
// other competition leaves the year out of the series and says why.
void resolve_year(const std::vector<AuditRecord>& records, const std::vector<std::size_t>& found,
                  const RuleSet& rules, int year, AgencySeries& series,
                  std::vector<Finding>& findings) {
  std::vector<std::size_t> distinct;
  std::set<std::string> hashes;
  std::set<std::string> names;
  for (std::size_t i : found) {
    const std::string& hash = records[i].sha256;
    if (!hash.empty() && !hashes.insert(hash).second) continue;
    distinct.push_back(i);
    names.insert(exact_agency_key(records[i].agency));
  }
  if (distinct.size() == 1) {
    series.by_year[year] = distinct.front();
    return;
  }
  const char* id = names.size() > 1 ? "AG-1" : "AG-3";
  for (std::size_t i : distinct) {
    Finding f = finding_for(rules, id, records[i], series.key);
    f.message = std::to_string(distinct.size()) + " reports for " + std::to_string(year) +
                (names.size() > 1 ? " under different names" : " under the same name") +
                "; none is linked to other years";
    findings.push_back(std::move(f));
  }
}

// AG-2 wherever the name a series is matched under changes between consecutive reports.
void report_renames(const std::vector<AuditRecord>& records, const RuleSet& rules,
                    const AgencySeries& series, std::vector<Finding>& findings) {
  const AuditRecord* previous = nullptr;
  for (const auto& [year, index] : series.by_year) {
    const AuditRecord& current = records[index];
    if (previous != nullptr &&
        exact_agency_key(previous->agency) != exact_agency_key(current.agency)) {
      Finding f = finding_for(rules, "AG-2", current, series.key);
      f.prior_report = previous->path;
      f.message = "named " + previous->agency + " in " + std::to_string(*previous->year) + ", " +
                  current.agency + " in " + std::to_string(year);
      findings.push_back(std::move(f));
    }
    previous = &current;
  }
}

}  // namespace

std::string exact_agency_key(const std::string& agency) {
  return norm::normalize_for_match(agency);
}

std::string agency_key(const std::string& agency, const RuleSet& rules) {
  std::string key = exact_agency_key(agency);
  for (const Rename& r : rules.renames)
    replace_all(key, norm::normalize_for_match(r.from), norm::normalize_for_match(r.to));
  return key;
}

AgencyMatch match_agencies(const std::vector<AuditRecord>& records, const RuleSet& rules) {
  AgencyMatch match;
  std::map<std::string, std::map<int, std::vector<std::size_t>>> groups;
  std::map<std::string, std::vector<std::size_t>> members;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const AuditRecord& r = records[i];
    if (!placeable(r)) {
      Finding f = finding_for(rules, "AG-4", r, "");
      f.message = r.status == "failed" ? "the record failed" : "the record has no agency or year";
      match.findings.push_back(std::move(f));
      continue;
    }
    const std::string key = agency_key(r.agency, rules);
    groups[key][*r.year].push_back(i);
    members[key].push_back(i);
  }
  for (auto& [key, years] : groups) {
    AgencySeries series;
    series.key = key;
    series.all = members[key];
    for (const auto& [year, found] : years)
      resolve_year(records, found, rules, year, series, match.findings);
    report_renames(records, rules, series, match.findings);
    match.series.push_back(std::move(series));
  }
  return match;
}

}  // namespace nianbao::audit
