#include "extractor/checks/identity_checks.hpp"

#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "extractor/templates/template.hpp"

namespace nianbao::checks {
namespace {

// ---- The identities resolved once against the templates --------------------------------------
// Every figure id a term of an identity can name ("<table>.<row>.<column>") gets a slot number
// when the plans are built. A record's figures are then put in their slots with one look-up
// each, and the identities read slots by number: no id is built or hashed per term and scope.

// The terms of one side of an identity in one column (per_column) or row (per_row), as slots.
struct ScopePlan {
  const std::string* scope;  // the column or row key, in the template
  std::vector<std::size_t> left;
  std::vector<std::size_t> right;
};

struct IdentityPlan {
  const templates::Identity* identity;
  std::vector<ScopePlan> scopes;  // empty for every_cell rules
};

// The identities one table gets in one template version ("unknown": the rules that hold in every
// version, over the newest template's shape), in data file order.
struct TablePlan {
  std::string version;
  std::string table;
  std::vector<IdentityPlan> identities;
  std::size_t check_bound = 0;  // the most checks the table can give
};

struct Plans {
  std::vector<TablePlan> tables;
  std::vector<std::string> slot_ids;                             // figure id of each slot
  std::unordered_map<std::string_view, std::size_t> slot_of_id;  // views into slot_ids

  const TablePlan* find(std::string_view version, std::string_view table) const {
    for (const TablePlan& t : tables)
      if (t.version == version && t.table == table) return &t;
    return nullptr;
  }
};

// The row keys of a table (or, for a single-row table, its blocks) and its column keys.
struct Shape {
  std::vector<const std::string*> rows;
  std::vector<const std::string*> columns;
};

Shape shape_of(const templates::TableTemplate& table) {
  Shape shape;
  if (table.layout == templates::Layout::single_row) {
    for (const templates::Group& g : table.groups) shape.rows.push_back(&g.key);
  } else {
    for (const templates::Row& r : table.rows) shape.rows.push_back(&r.key);
  }
  if (!table.groups.empty())
    for (const templates::Column& c : table.groups.front().columns) shape.columns.push_back(&c.key);
  return shape;
}

// Rules that apply to every template version: the only ones a table of unknown version gets.
bool holds_in_every_version(const templates::Identity& identity) {
  for (const templates::Template& t : templates::all_templates())
    if (!identity.applies_to(t.version)) return false;
  return true;
}

class PlanBuilder {
 public:
  Plans build() {
    // Cells first, in the order the table reader emits figures, so that a record's figures
    // mostly find their slot as the one after the last (see Slots).
    for (const templates::Template& t : templates::all_templates())
      for (const templates::TableTemplate& table : t.tables) add_cells(table);
    for (const templates::Template& t : templates::all_templates())
      for (const templates::TableTemplate& table : t.tables)
        add_table(t.version, table, [&](const templates::Identity& identity) {
          return identity.applies_to(t.version);
        });
    for (const templates::TableTemplate& table : templates::all_templates().back().tables)
      add_table("unknown", table, holds_in_every_version);
    // The views are taken only now that no more ids are added.
    for (std::size_t i = 0; i < plans_.slot_ids.size(); ++i)
      plans_.slot_of_id.emplace(plans_.slot_ids[i], i);
    return std::move(plans_);
  }

 private:
  void add_cells(const templates::TableTemplate& table) {
    if (table.layout == templates::Layout::single_row) {
      for (const templates::Group& g : table.groups)
        for (const templates::Column& c : g.columns) slot(table.key, g.key, c.key);
      return;
    }
    for (const templates::Row& r : table.rows)
      for (const templates::Column& c : table.groups[static_cast<std::size_t>(r.group)].columns)
        slot(table.key, r.key, c.key);
  }

  template <typename Applies>
  void add_table(const std::string& version, const templates::TableTemplate& table,
                 Applies applies) {
    TablePlan plan{version, table.key, {}, 0};
    const Shape shape = shape_of(table);
    for (const templates::Identity& identity : templates::all_identities()) {
      if (identity.table != table.key || !applies(identity)) continue;
      IdentityPlan ip{&identity, {}};
      if (identity.scope == templates::Scope::every_cell) {
        ++plan.check_bound;
      } else {
        const bool per_column = identity.scope == templates::Scope::per_column;
        for (const std::string* scope : per_column ? shape.columns : shape.rows) {
          auto slots = [&](const std::vector<std::string>& terms) {
            std::vector<std::size_t> out;
            for (const std::string& term : terms)
              out.push_back(per_column ? slot(table.key, term, *scope)
                                       : slot(table.key, *scope, term));
            return out;
          };
          ip.scopes.push_back({scope, slots(identity.left), slots(identity.right)});
        }
        plan.check_bound += ip.scopes.size();
      }
      plan.identities.push_back(std::move(ip));
    }
    plans_.tables.push_back(std::move(plan));
  }

  std::size_t slot(const std::string& table, const std::string& row, const std::string& column) {
    std::string id = table + "." + row + "." + column;
    const auto [it, added] = numbers_.emplace(id, plans_.slot_ids.size());
    if (added) plans_.slot_ids.push_back(std::move(id));
    return it->second;
  }

  Plans plans_;
  std::map<std::string, std::size_t> numbers_;
};

const Plans& plans() {
  static const Plans built = PlanBuilder().build();
  return built;
}

// ---- Evaluation over one record ----------------------------------------------------------------

// A record's figures by slot; the first figure of an id stands, as in an index by id. Figures
// come in template order, and so are the cells' slots numbered: the slot after the last one
// found is tried (one compare) before the hash look-up. The buffer is kept per thread.
class Slots {
 public:
  Slots(const Plans& plans, const std::vector<model::Figure>& figures) : figures_(buffer()) {
    figures_.assign(plans.slot_ids.size(), nullptr);
    std::size_t next = 0;
    for (const model::Figure& f : figures) {
      std::size_t slot = next;
      if (slot >= plans.slot_ids.size() || plans.slot_ids[slot] != f.id) {
        const auto it = plans.slot_of_id.find(f.id);
        if (it == plans.slot_of_id.end()) continue;
        slot = it->second;
      }
      if (figures_[slot] == nullptr) figures_[slot] = &f;
      next = slot + 1;
    }
  }
  Slots(const Slots&) = delete;
  Slots& operator=(const Slots&) = delete;
  const model::Figure* operator[](std::size_t slot) const { return figures_[slot]; }

 private:
  static std::vector<const model::Figure*>& buffer() {
    thread_local std::vector<const model::Figure*> figures;
    return figures;
  }
  std::vector<const model::Figure*>& figures_;
};

bool has_value(const model::Figure* f) {
  return f != nullptr && f->status == norm::CellStatus::value && f->value;
}

struct Side {
  std::optional<norm::Decimal> sum = norm::Decimal();  // meaningful only when complete
  int present = 0;       // terms that have a figure at all (of any status)
  bool complete = true;  // every term has a value
};

Side add_terms(const std::vector<std::size_t>& terms, const Slots& slots) {
  Side side;
  for (std::size_t slot : terms) {
    const model::Figure* f = slots[slot];
    if (f != nullptr) ++side.present;
    if (!has_value(f)) {
      side.complete = false;
    } else if (side.complete && side.sum) {
      side.sum = side.sum->checked_add(*f->value);
    }
  }
  return side;
}

// The ids of the terms without a value, in term order.
void add_missing(const std::vector<std::size_t>& terms, const Slots& slots, const Plans& plans,
                 std::vector<std::string>& missing) {
  for (std::size_t slot : terms)
    if (!has_value(slots[slot])) missing.push_back(plans.slot_ids[slot]);
}

void evaluate_balance(const IdentityPlan& plan, const Slots& slots, const Plans& plans,
                      std::vector<model::Check>& out) {
  const templates::Identity& identity = *plan.identity;
  const char* scope_kind = identity.scope == templates::Scope::per_column ? "column" : "row";
  for (const ScopePlan& scope : plan.scopes) {
    const Side left = add_terms(scope.left, slots);
    const Side right = add_terms(scope.right, slots);
    // A column or row the document does not show at all is not checked.
    if (left.present + right.present == 0) continue;
    model::Check& check = out.emplace_back();
    check.id = identity.id;
    check.rule = identity.rule;
    check.scope_kind = scope_kind;
    check.scope_value = *scope.scope;
    check.expr = identity.expr;
    if (left.complete && right.complete && left.sum && right.sum) {
      check.left = left.sum;
      check.right = right.sum;
      check.status = *left.sum == *right.sum ? model::CheckStatus::pass : model::CheckStatus::fail;
    } else {
      add_missing(scope.left, slots, plans, check.missing);
      add_missing(scope.right, slots, plans, check.missing);
      check.status = model::CheckStatus::not_assessable;
    }
  }
}

void evaluate_every_cell(const templates::Identity& identity, const std::string& table_key,
                         const std::vector<model::Figure>& figures,
                         std::vector<model::Check>& out) {
  model::Check check;
  check.id = identity.id;
  check.rule = identity.rule;
  check.scope_kind = "table";
  check.scope_value = table_key;
  check.expr = identity.expr;
  int values = 0;
  for (const model::Figure& f : figures) {
    if (f.table != table_key || f.status != norm::CellStatus::value || !f.value) continue;
    ++values;
    if (f.value->is_negative() || !f.value->is_integer()) check.offending.push_back(f.id);
  }
  if (values == 0) {
    check.status = model::CheckStatus::not_assessable;
  } else {
    check.status = check.offending.empty() ? model::CheckStatus::pass : model::CheckStatus::fail;
  }
  out.push_back(std::move(check));
}

}  // namespace

std::vector<model::Check> evaluate_identities(const std::vector<model::Figure>& figures,
                                              const std::vector<model::TableInfo>& tables) {
  const Plans& all = plans();
  std::vector<const TablePlan*> planned;
  std::size_t bound = 0;
  for (const model::TableInfo& table : tables) {
    if (table.figures == 0) continue;
    // A version without a template (pre2019) has no identities; an unknown one has the plan
    // of the rules every version shares.
    const TablePlan* plan = all.find(table.template_version, table.table);
    if (plan == nullptr) continue;
    planned.push_back(plan);
    bound += plan->check_bound;
  }
  std::vector<model::Check> out;
  if (planned.empty()) return out;
  out.reserve(bound);
  const Slots slots(all, figures);
  for (const TablePlan* plan : planned) {
    for (const IdentityPlan& identity : plan->identities) {
      if (identity.identity->scope == templates::Scope::every_cell) {
        evaluate_every_cell(*identity.identity, plan->table, figures, out);
      } else {
        evaluate_balance(identity, slots, all, out);
      }
    }
  }
  return out;
}

}  // namespace nianbao::checks
