#include "extractor/audit/audit.hpp"

#include <algorithm>
#include <tuple>

#include "extractor/audit/evaluate.hpp"

namespace nianbao::audit {
namespace {

void audit_series(const std::vector<AuditRecord>& records, const RuleSet& rules,
                  const AgencySeries& series, std::vector<Finding>& out) {
  const AuditRecord* last = nullptr;
  int last_year = 0;
  for (const auto& [year, index] : series.by_year) {
    const AuditRecord& current = records[index];
    // Only consecutive years carry over; a missing year leaves the pair unchecked.
    if (last != nullptr && last_year + 1 == year)
      evaluate_years(rules, *last, current, series.key, out);
    last = &current;
    last_year = year;
  }
  // Reports left out of the series (duplicates, ambiguous names) are still checked alone.
  for (std::size_t index : series.all) {
    evaluate_plausibility(rules, records[index], series.key, out);
    evaluate_text_table(rules, records[index], series.key, out);
  }
}

auto order_key(const Finding& f) {
  return std::tie(f.agency_key, f.year, f.rule_id, f.report, f.scope);
}

}  // namespace

bool is_problem(const Finding& f) { return f.status == "fail" || f.status == "flag"; }

AuditResult run_audit(const std::vector<AuditRecord>& records, const RuleSet& rules) {
  AuditResult result;
  result.agencies = match_agencies(records, rules);
  result.results = result.agencies.findings;
  for (const AgencySeries& series : result.agencies.series)
    audit_series(records, rules, series, result.results);
  std::stable_sort(result.results.begin(), result.results.end(),
                   [](const Finding& a, const Finding& b) { return order_key(a) < order_key(b); });
  return result;
}

}  // namespace nianbao::audit
