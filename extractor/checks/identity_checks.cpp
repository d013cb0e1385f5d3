#include "extractor/checks/identity_checks.hpp"

#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "extractor/templates/template.hpp"

namespace nianbao::checks {
namespace {

// Figure ids as views into the figures themselves: the index lives only while the figures do,
// and copying every id into a tree of strings cost more than the checks.
using FigureIndex = std::unordered_map<std::string_view, const model::Figure*>;

struct Side {
  std::optional<norm::Decimal> sum;
  std::vector<std::string> missing;
  int present = 0;  // terms that have a figure at all (of any status)
};

// The figure id "<table>.<row>.<column>" of one term, written into a buffer reused for every
// term of a scope.
struct TermIds {
  const std::string& table;
  const std::string& scope;
  bool per_column;
  std::string id;

  std::string_view of(const std::string& term) {
    const std::string& row = per_column ? term : scope;
    const std::string& column = per_column ? scope : term;
    id.assign(table).append(".").append(row).append(".").append(column);
    return id;
  }
};

Side add_terms(const std::vector<std::string>& terms, const FigureIndex& figures, TermIds& ids) {
  Side side;
  side.sum = norm::Decimal();
  for (const std::string& term : terms) {
    const std::string_view id = ids.of(term);
    auto it = figures.find(id);
    if (it != figures.end()) ++side.present;
    if (it == figures.end() || it->second->status != norm::CellStatus::value ||
        !it->second->value) {
      side.missing.emplace_back(id);
      continue;
    }
    if (side.sum) side.sum = side.sum->checked_add(*it->second->value);
  }
  return side;
}

model::Check balance(const templates::Identity& identity, const std::string& scope_kind,
                     const std::string& scope_value, Side left, const Side& right) {
  model::Check check;
  check.id = identity.id;
  check.rule = identity.rule;
  check.scope_kind = scope_kind;
  check.scope_value = scope_value;
  check.expr = identity.expr;
  check.missing = std::move(left.missing);
  check.missing.insert(check.missing.end(), right.missing.begin(), right.missing.end());
  if (check.missing.empty() && left.sum && right.sum) {
    check.left = left.sum;
    check.right = right.sum;
    check.status = *left.sum == *right.sum ? model::CheckStatus::pass : model::CheckStatus::fail;
  } else {
    check.status = model::CheckStatus::not_assessable;
  }
  return check;
}

// The row keys of a table (or, for a single-row table, its blocks) and its column keys, as
// pointers into the template (which outlives every check).
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

void evaluate_balance(const templates::Identity& identity, const templates::TableTemplate& table,
                      const FigureIndex& figures, std::vector<model::Check>& out) {
  const Shape shape = shape_of(table);
  const bool per_column = identity.scope == templates::Scope::per_column;
  for (const std::string* scope_key : per_column ? shape.columns : shape.rows) {
    const std::string& scope = *scope_key;
    TermIds ids{table.key, scope, per_column, {}};
    Side left = add_terms(identity.left, figures, ids);
    const Side right = add_terms(identity.right, figures, ids);
    // A column or row the document does not show at all is not checked.
    if (left.present + right.present == 0) continue;
    out.push_back(balance(identity, per_column ? "column" : "row", scope, std::move(left), right));
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

// Rules that apply to every template version: the only ones a table of unknown version gets.
bool holds_in_every_version(const templates::Identity& identity) {
  for (const templates::Template& t : templates::all_templates())
    if (!identity.applies_to(t.version)) return false;
  return true;
}

}  // namespace

std::vector<model::Check> evaluate_identities(const std::vector<model::Figure>& figures,
                                              const std::vector<model::TableInfo>& tables) {
  FigureIndex index;
  for (const model::Figure& f : figures) index.emplace(f.id, &f);
  std::vector<model::Check> out;
  for (const model::TableInfo& table : tables) {
    if (table.figures == 0) continue;
    const bool known = table.template_version != "unknown";
    // The shape of an unknown-version table is taken from the newest template; the rules it
    // gets are the same in every version.
    const templates::Template* version = templates::find_template(
        known ? table.template_version : templates::all_templates().back().version);
    if (version == nullptr) continue;
    const templates::TableTemplate* shape = version->find_table(table.table);
    if (shape == nullptr) continue;
    for (const templates::Identity& identity : templates::all_identities()) {
      if (identity.table != table.table) continue;
      if (known ? !identity.applies_to(table.template_version) : !holds_in_every_version(identity))
        continue;
      if (identity.scope == templates::Scope::every_cell) {
        evaluate_every_cell(identity, table.table, figures, out);
      } else {
        evaluate_balance(identity, *shape, index, out);
      }
    }
  }
  return out;
}

}  // namespace nianbao::checks
