#pragma once
// The audit's rules as data (templates/data/audit_rules.tsv, docs/AUDIT.md): ids, severities
// and meanings; the text-versus-table pairs; known agency renamings; township name endings.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::audit {

struct Rule {
  std::string id;        // "T3-5"
  std::string name;      // "carryover.requests"
  std::string severity;  // error, warning, info
  std::string kind;      // fail (an identity that should hold) or flag (plausibility)
  std::map<std::string, std::string, std::less<>> params;
  std::string meaning;
};

struct TextTablePair {
  std::string rule_id;
  std::string metric;                   // facts[].metric
  std::vector<std::string> figure_ids;  // summed
};

struct Rename {
  std::string from;
  std::string to;
};

struct RuleSet {
  std::vector<Rule> rules;
  std::vector<TextTablePair> pairs;
  std::vector<Rename> renames;
  std::vector<std::string> township_endings;

  const Rule* find(std::string_view id) const;
  // An integer parameter of a rule, or `fallback` when absent or not an integer.
  long long param(std::string_view id, std::string_view name, long long fallback) const;
};

// Parses rule data in the audit_rules.tsv format. Malformed lines are skipped and described in
// `problems` (the embedded data is tested to have none).
RuleSet parse_rules(std::string_view tsv, std::vector<std::string>& problems);

// The rules embedded in the program.
const RuleSet& builtin_rules();

}  // namespace nianbao::audit
