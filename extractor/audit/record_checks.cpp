#include "extractor/audit/record_checks.hpp"

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extractor/audit/rules.hpp"

namespace nianbao::audit {
namespace {

// The text-versus-table pairs resolved once: each pair's figure ids as slot numbers, so that a
// record's figures are looked up by one hash each and no audit view of the record is built.
// The comparison is the audit's (evaluate.cpp, text_table_pair) read straight off the record.
struct PairPlan {
  const TextTablePair* pair;
  std::string rule_name;               // "" when the rule is not in the rule set
  std::string expr;                    // "fact <metric> = table"
  std::vector<std::size_t> slots;      // the figures summed
  std::vector<std::size_t> all_slots;  // of every pair of the metric: what `missing` names
};

// Every figure of a record is looked up, and figure ids differ in their length and last bytes
// (row and column keys): those are hashed, not every byte. (A std::hash table this small would
// instead compare the id with each of its keys in turn.)
struct IdTailHash {
  std::size_t operator()(std::string_view id) const {
    std::uint64_t tail = 0;
    if (id.size() >= sizeof tail)
      std::memcpy(&tail, id.data() + id.size() - sizeof tail, sizeof tail);
    else
      std::memcpy(&tail, id.data(), id.size());
    return static_cast<std::size_t>((tail ^ id.size()) * 0x9E3779B97F4A7C15ull);
  }
};

struct PairPlans {
  std::vector<PairPlan> pairs;
  std::vector<std::string_view> slot_ids;  // views into the rule set
  std::unordered_map<std::string_view, std::size_t, IdTailHash> slot_of_id;
  std::unordered_set<std::string_view> metrics;
};

PairPlans build_plans() {
  const RuleSet& rules = builtin_rules();
  PairPlans plans;
  auto slot = [&](std::string_view id) {
    const auto [it, added] = plans.slot_of_id.emplace(id, plans.slot_ids.size());
    if (added) plans.slot_ids.push_back(id);
    return it->second;
  };
  for (const TextTablePair& p : rules.pairs) {
    PairPlan plan{&p, "", "fact " + p.metric + " = table", {}, {}};
    if (const Rule* rule = rules.find(p.rule_id)) plan.rule_name = rule->name;
    for (const std::string& id : p.figure_ids) plan.slots.push_back(slot(id));
    plans.pairs.push_back(std::move(plan));
    plans.metrics.insert(p.metric);
  }
  for (PairPlan& plan : plans.pairs)
    for (const PairPlan& same : plans.pairs)
      if (same.pair->metric == plan.pair->metric)
        plan.all_slots.insert(plan.all_slots.end(), same.slots.begin(), same.slots.end());
  return plans;
}

const PairPlans& pair_plans() {
  static const PairPlans plans = build_plans();
  return plans;
}

// The values of a record's paired figures by slot: the last figure of an id stands (as in the
// audit's view of a record), and only a figure of status value has one.
std::vector<std::optional<norm::Decimal>> paired_values(const PairPlans& plans,
                                                        const std::vector<model::Figure>& figures) {
  std::vector<std::optional<norm::Decimal>> values(plans.slot_ids.size());
  for (const model::Figure& f : figures) {
    const auto it = plans.slot_of_id.find(f.id);
    if (it == plans.slot_of_id.end()) continue;
    values[it->second] = f.status == norm::CellStatus::value ? f.value : std::nullopt;
  }
  return values;
}

// The sum of the table side, or nullopt when a figure has no value (blank cells are never 0).
std::optional<norm::Decimal> table_sum(const PairPlan& plan,
                                       const std::vector<std::optional<norm::Decimal>>& values) {
  std::optional<norm::Decimal> sum = norm::Decimal();
  for (std::size_t slot : plan.slots)
    sum = sum && values[slot] ? sum->checked_add(*values[slot]) : std::nullopt;
  return sum;
}

// Section 一's exact statements: an approximate figure (约, 余) cannot be held to the table's
// exact one.
bool is_exact_overview(const model::Fact& f) {
  return f.section == "overview" && f.value && f.qualifier == norm::Qualifier::none;
}

// One pair's check, or nothing when neither the prose nor the table speaks to it.
std::optional<model::Check> pair_check(const PairPlan& plan,
                                       const std::vector<const model::Fact*>& exact,
                                       const std::vector<std::optional<norm::Decimal>>& values,
                                       const PairPlans& plans) {
  const std::string& metric = plan.pair->metric;
  const model::Fact* first = nullptr;
  for (const model::Fact* f : exact) {
    if (f->metric == metric) {
      first = f;
      break;
    }
  }
  const std::optional<norm::Decimal> table = table_sum(plan, values);
  if (first == nullptr && !table) return std::nullopt;
  model::Check c;
  c.id = plan.pair->rule_id;
  c.rule = plan.rule_name;
  c.scope_kind = "metric";
  c.scope_value = metric;
  c.expr = plan.expr;
  c.right = table;
  if (first == nullptr || !table) {
    if (first != nullptr) c.left = first->value;
    c.status = model::CheckStatus::not_assessable;
    if (!c.left) c.missing.push_back("fact:" + metric);
    if (!c.right)
      for (std::size_t slot : plan.all_slots)
        if (!values[slot]) c.missing.emplace_back(plans.slot_ids[slot]);
    return c;
  }
  // Prose may state the same metric more than once (a total and a part); it agrees with the
  // table when one of its statements does.
  const model::Fact* shown = first;
  for (const model::Fact* f : exact)
    if (f->metric == metric && *f->value == *table) shown = f;
  c.left = shown->value;
  c.status = *shown->value == *table ? model::CheckStatus::pass : model::CheckStatus::fail;
  return c;
}

}  // namespace

bool states_paired_metric(const model::Record& record) {
  const PairPlans& plans = pair_plans();
  for (const model::Fact& f : record.facts)
    if (f.section == "overview" && plans.metrics.count(f.metric) > 0) return true;
  return false;
}

std::vector<model::Check> text_table_checks(const model::Record& record) {
  const PairPlans& plans = pair_plans();
  const std::vector<std::optional<norm::Decimal>> values = paired_values(plans, record.figures);
  std::vector<const model::Fact*> exact;
  for (const model::Fact& f : record.facts)
    if (is_exact_overview(f)) exact.push_back(&f);
  std::vector<model::Check> checks;
  for (const PairPlan& plan : plans.pairs)
    if (std::optional<model::Check> c = pair_check(plan, exact, values, plans))
      checks.push_back(std::move(*c));
  return checks;
}

}  // namespace nianbao::audit
