#include "extractor/audit/evaluate.hpp"

#include <array>

namespace nianbao::audit {
namespace {

constexpr std::array<const char*, 7> k_applicant_columns = {
    "natural_person", "commercial", "research", "nonprofit",
    "legal_services", "other_org",  "total"};

std::string at_year(const std::string& id, const AuditRecord& r) {
  return id + "@" + (r.year ? std::to_string(*r.year) : std::string("?"));
}

// Records the figure `id` of `r` among the finding's values (when it has one).
void note(Finding& f, const AuditRecord& r, const std::string& id) {
  if (const auto v = r.value(id)) f.values.emplace_back(at_year(id, r), v->to_string());
}

std::string where(const AuditRecord& r, const std::string& id) {
  const AuditFigure* fig = r.figure(id);
  return fig == nullptr ? std::string() : fig->where;
}

// Sets left/right and the status of an identity: pass, fail, or not_assessable when a side
// is missing (blank cells are never taken as 0).
void settle(Finding& f, const std::optional<norm::Decimal>& left,
            const std::optional<norm::Decimal>& right) {
  f.left = left;
  f.right = right;
  if (!left || !right)
    f.status = "not_assessable";
  else if (*left == *right)
    f.status = "pass";
  else
    f.status = "fail";
}

std::optional<norm::Decimal> add(const std::optional<norm::Decimal>& a,
                                 const std::optional<norm::Decimal>& b) {
  return a && b ? a->checked_add(*b) : std::nullopt;
}

std::optional<norm::Decimal> sub(const std::optional<norm::Decimal>& a,
                                 const std::optional<norm::Decimal>& b) {
  return a && b ? a->checked_sub(*b) : std::nullopt;
}

void carry_over_requests(const RuleSet& rules, const AuditRecord& last, const AuditRecord& cur,
                         const std::string& key, std::vector<Finding>& out) {
  for (const char* column : k_applicant_columns) {
    const std::string in_id = std::string("requests.carried_over.") + column;
    const std::string out_id = std::string("requests.carried_forward.") + column;
    if (cur.figure(in_id) == nullptr && last.figure(out_id) == nullptr) continue;
    Finding f = finding_for(rules, "T3-5", cur, key);
    f.scope = column;
    f.expr = "carried_over[N] = carried_forward[N-1]";
    note(f, cur, in_id);
    note(f, last, out_id);
    f.where = where(cur, in_id);
    f.prior_report = last.path;
    f.prior_where = where(last, out_id);
    settle(f, cur.value(in_id), last.value(out_id));
    out.push_back(std::move(f));
  }
}

void carry_over_items(const RuleSet& rules, const AuditRecord& last, const AuditRecord& cur,
                      const std::string& key, std::vector<Finding>& out) {
  for (const char* row : {"licensing", "other_services", "penalties", "enforcement", "fees"}) {
    const std::string prefix = std::string("active.") + row;
    const std::string prior = prefix + ".prior_count";
    const std::string change = prefix + ".change";
    if (cur.figure(prior) == nullptr || last.figure(prior) == nullptr) continue;
    Finding f = finding_for(rules, "T2B-1", cur, key);
    f.scope = row;
    f.expr = "prior_count[N] = prior_count[N-1] + change[N-1]";
    note(f, cur, prior);
    note(f, last, prior);
    note(f, last, change);
    f.where = where(cur, prior);
    f.prior_report = last.path;
    f.prior_where = where(last, prior);
    settle(f, cur.value(prior), add(last.value(prior), last.value(change)));
    out.push_back(std::move(f));
  }
}

void carry_over_in_force(const RuleSet& rules, const AuditRecord& last, const AuditRecord& cur,
                         const std::string& key, std::vector<Finding>& out) {
  for (const char* row : {"regulations", "normative_documents"}) {
    const std::string prefix = std::string("active.") + row;
    const std::string in_force = prefix + ".in_force";
    if (cur.figure(in_force) == nullptr || last.figure(in_force) == nullptr) continue;
    Finding f = finding_for(rules, "T2C-1", cur, key);
    f.scope = row;
    f.expr = "in_force[N] = in_force[N-1] + issued[N] - repealed[N]";
    note(f, cur, in_force);
    note(f, last, in_force);
    note(f, cur, prefix + ".issued");
    note(f, cur, prefix + ".repealed");
    f.where = where(cur, in_force);
    f.prior_report = last.path;
    f.prior_where = where(last, in_force);
    settle(f, cur.value(in_force),
           sub(add(last.value(in_force), cur.value(prefix + ".issued")),
               cur.value(prefix + ".repealed")));
    out.push_back(std::move(f));
  }
}

// Whether `big` ≥ factor × `small` and `big` ≥ min: exact, in decimals.
bool far_above(const norm::Decimal& big, const norm::Decimal& small, long long factor,
               long long min) {
  if (big < norm::Decimal::from_int(min)) return false;
  const auto scaled = small.checked_mul(norm::Decimal::from_int(factor));
  return scaled && big >= *scaled;
}

void total_jump(const RuleSet& rules, const AuditRecord& last, const AuditRecord& cur,
                const std::string& key, std::vector<Finding>& out) {
  const std::string id = "requests.received.total";
  const auto before = last.value(id);
  const auto now = cur.value(id);
  if (!before || !now) return;
  const long long factor = rules.param("AU-3", "factor", 10);
  const long long min = rules.param("AU-3", "min", 50);
  Finding f = finding_for(rules, "AU-3", cur, key);
  f.scope = "total";
  f.expr = "received[N] within a factor of " + std::to_string(factor) + " of received[N-1]";
  note(f, cur, id);
  note(f, last, id);
  f.left = now;
  f.right = before;
  f.where = where(cur, id);
  f.prior_report = last.path;
  f.prior_where = where(last, id);
  const bool jump = far_above(*now, *before, factor, min) || far_above(*before, *now, factor, min);
  f.status = jump ? "flag" : "pass";
  out.push_back(std::move(f));
}

bool is_township(const std::string& key, const RuleSet& rules) {
  for (const std::string& ending : rules.township_endings)
    if (key.size() > ending.size() && key.ends_with(ending)) return true;
  return false;
}

void township_regulations(const RuleSet& rules, const AuditRecord& r, const std::string& key,
                          std::vector<Finding>& out) {
  if (!is_township(key, rules)) return;
  Finding f = finding_for(rules, "T2-3", r, key);
  f.scope = "regulations";
  f.expr = "active.regulations.* = 0 for a township";
  f.status = "pass";
  for (const auto& [id, fig] : r.figures) {
    if (!id.starts_with("active.regulations.") || !fig.value) continue;
    note(f, r, id);
    if (fig.value->is_zero()) continue;
    if (f.status == "pass") f.where = fig.where;
    f.status = "flag";
  }
  if (!f.values.empty()) out.push_back(std::move(f));
}

void decisions_misfill(const RuleSet& rules, const AuditRecord& r, const std::string& key,
                       std::vector<Finding>& out) {
  for (const char* row : {"licensing", "other_services", "penalties", "enforcement"}) {
    const std::string prefix = std::string("active.") + row;
    const auto prior = r.value(prefix + ".prior_count");
    const auto change = r.value(prefix + ".change");
    const auto decisions = r.value(prefix + ".decisions");
    if (!prior || !change || !decisions) continue;
    Finding f = finding_for(rules, "T2B-3", r, key);
    f.scope = row;
    f.expr = "decisions = prior_count + change (a mis-fill)";
    note(f, r, prefix + ".prior_count");
    note(f, r, prefix + ".change");
    note(f, r, prefix + ".decisions");
    f.left = decisions;
    f.right = prior->checked_add(*change);
    f.where = where(r, prefix + ".decisions");
    // Zero on either side makes the equality a likely coincidence, not a sign of a mis-fill.
    const bool misfill =
        !prior->is_zero() && !change->is_zero() && f.right && *decisions == *f.right;
    f.status = misfill ? "flag" : "pass";
    out.push_back(std::move(f));
  }
}

void negative_counts(const RuleSet& rules, const AuditRecord& r, const std::string& key,
                     std::vector<Finding>& out) {
  for (const auto& [id, fig] : r.figures) {
    // 本年增/减 is signed by definition (FORMATS.md §2.2).
    if (!fig.value || !fig.value->is_negative() || id.ends_with(".change")) continue;
    Finding f = finding_for(rules, "AU-2", r, key);
    f.scope = id;
    f.expr = id + " >= 0";
    note(f, r, id);
    f.left = fig.value;
    f.where = fig.where;
    out.push_back(std::move(f));
  }
}

std::optional<norm::Decimal> table_sum(const AuditRecord& r, const TextTablePair& pair) {
  std::optional<norm::Decimal> sum = norm::Decimal();
  for (const std::string& id : pair.figure_ids) sum = add(sum, r.value(id));
  return sum;
}

void text_table_pair(const RuleSet& rules, const AuditRecord& r, const TextTablePair& pair,
                     const std::string& key, std::vector<Finding>& out) {
  std::vector<const AuditFact*> stated;
  for (const AuditFact& fact : r.facts)
    // An approximate figure (约, 余) cannot be held to the table's exact one.
    if (fact.section == "overview" && fact.metric == pair.metric && fact.value &&
        fact.qualifier.empty())
      stated.push_back(&fact);
  const auto table = table_sum(r, pair);
  if (stated.empty() && !table) return;
  Finding f = finding_for(rules, pair.rule_id, r, key);
  f.scope = pair.metric;
  f.expr = "fact " + pair.metric + " = table";
  for (const std::string& id : pair.figure_ids) note(f, r, id);
  f.right = table;
  f.prior_where = pair.figure_ids.empty() ? std::string() : where(r, pair.figure_ids.front());
  if (stated.empty() || !table) {
    if (!stated.empty()) {
      f.left = stated.front()->value;
      f.where = stated.front()->where;
    }
    f.status = "not_assessable";
    out.push_back(std::move(f));
    return;
  }
  // Prose may state the same metric more than once (a total and a part); it agrees with the
  // table when one of its statements does.
  const AuditFact* shown = stated.front();
  for (const AuditFact* fact : stated)
    if (*fact->value == *table) shown = fact;
  f.left = shown->value;
  f.where = shown->where;
  f.message = shown->text;
  f.status = *shown->value == *table ? "pass" : "fail";
  out.push_back(std::move(f));
}

}  // namespace

Finding finding_for(const RuleSet& rules, const std::string& id, const AuditRecord& record,
                    const std::string& agency_key) {
  Finding f;
  f.rule_id = id;
  if (const Rule* rule = rules.find(id)) {
    f.rule_name = rule->name;
    f.severity = rule->severity;
    f.status = rule->kind;
  }
  f.agency = record.agency;
  f.agency_key = agency_key;
  f.year = record.year;
  f.report = record.path;
  return f;
}

void evaluate_years(const RuleSet& rules, const AuditRecord& last_year,
                    const AuditRecord& this_year, const std::string& agency_key,
                    std::vector<Finding>& out) {
  carry_over_requests(rules, last_year, this_year, agency_key, out);
  carry_over_items(rules, last_year, this_year, agency_key, out);
  carry_over_in_force(rules, last_year, this_year, agency_key, out);
  total_jump(rules, last_year, this_year, agency_key, out);
}

void evaluate_plausibility(const RuleSet& rules, const AuditRecord& record,
                           const std::string& agency_key, std::vector<Finding>& out) {
  township_regulations(rules, record, agency_key, out);
  decisions_misfill(rules, record, agency_key, out);
  negative_counts(rules, record, agency_key, out);
}

void evaluate_text_table(const RuleSet& rules, const AuditRecord& record,
                         const std::string& agency_key, std::vector<Finding>& out) {
  for (const TextTablePair& pair : rules.pairs)
    text_table_pair(rules, record, pair, agency_key, out);
}

}  // namespace nianbao::audit
