// FORMATS.md §5.2: the relations a pre-2019 statistics table implies (templates/data/
// legacy_identities.tsv): sums and bounds between metrics within a value column, and bounds
// between the cumulative columns for each metric.

#include <algorithm>
#include <map>
#include <optional>

#include "extractor/facts/data_lines.hpp"
#include "extractor/legacy/statistics_table.hpp"

namespace nianbao::data {
std::string_view legacy_identities();
}

namespace nianbao::legacy {
namespace {

enum class Kind { sum, columns };
enum class Relation { equal, at_most, at_least };

struct Identity {
  std::string id;
  std::string rule;
  bool soft = false;
  Kind kind = Kind::sum;
  std::string left;
  Relation relation = Relation::equal;
  std::vector<std::string> right;
};

std::optional<Relation> relation_of(const std::string& text) {
  if (text == "=") return Relation::equal;
  if (text == "<=") return Relation::at_most;
  if (text == ">=") return Relation::at_least;
  return std::nullopt;
}

const char* symbol(Relation relation) {
  switch (relation) {
    case Relation::at_most:
      return " <=";
    case Relation::at_least:
      return " >=";
    case Relation::equal:
      break;
  }
  return " =";
}

// A malformed line is a defect of the data file, caught by the tests that read every rule; it
// is skipped here rather than crashing a bulk run.
std::optional<Identity> parse_identity(const std::vector<std::string>& f) {
  if (f.size() < 7 || (f[2] != "hard" && f[2] != "soft") || (f[3] != "sum" && f[3] != "columns"))
    return std::nullopt;
  const std::optional<Relation> relation = relation_of(f[5]);
  if (!relation) return std::nullopt;
  return Identity{
      f[0], f[1],      f[2] == "soft",         f[3] == "sum" ? Kind::sum : Kind::columns,
      f[4], *relation, facts::split(f[6], '+')};
}

const std::vector<Identity>& identities() {
  static const std::vector<Identity> all = [] {
    std::vector<Identity> out;
    for (const std::vector<std::string>& f : facts::data_rows(data::legacy_identities()))
      if (std::optional<Identity> identity = parse_identity(f)) out.push_back(std::move(*identity));
    return out;
  }();
  return all;
}

using Cells = std::map<std::string, const model::Figure*>;  // metric → figure, or column → figure

bool holds(Relation relation, const norm::Decimal& left, const norm::Decimal& right) {
  switch (relation) {
    case Relation::at_most:
      return left <= right;
    case Relation::at_least:
      return left >= right;
    case Relation::equal:
      break;
  }
  return left == right;
}

// A total with its parts applies when the table shows any part (the total itself may be what is
// missing); anything else needs every cell it names, since a sum over fewer parts bounds nothing.
bool applies(const Identity& identity, const Cells& cells) {
  const auto shown = [&](const std::string& p) { return cells.count(p) > 0; };
  if (identity.relation == Relation::equal && identity.right.size() > 1)
    return std::any_of(identity.right.begin(), identity.right.end(), shown);
  return shown(identity.left) && std::all_of(identity.right.begin(), identity.right.end(), shown);
}

std::string expression(const Identity& identity, const Cells& cells) {
  std::string expr = identity.left + symbol(identity.relation);
  const char* sep = " ";
  for (const std::string& part : identity.right) {
    if (cells.count(part) == 0) continue;
    expr += sep + part;
    sep = " + ";
  }
  return expr;
}

// `figure_id(name)` is the id of the figure `name` stands for within this scope (a metric in a
// column, or a column of a metric).
template <typename FigureId>
model::Check evaluate(const Identity& identity, const std::string& scope_kind,
                      const std::string& scope, const Cells& cells, FigureId figure_id) {
  model::Check check;
  check.id = identity.id;
  check.rule = identity.rule;
  check.soft = identity.soft;
  check.scope_kind = scope_kind;
  check.scope_value = scope;
  check.expr = expression(identity, cells);
  const auto left = cells.find(identity.left);
  if (left == cells.end() || !left->second->value)
    check.missing.push_back(figure_id(identity.left));
  norm::Decimal sum;
  for (const std::string& part : identity.right) {
    const auto it = cells.find(part);
    if (it == cells.end()) continue;  // a part this table's form does not have
    if (!it->second->value) {
      check.missing.push_back(figure_id(part));
      continue;
    }
    const auto next = sum.checked_add(*it->second->value);
    if (!next) return check;
    sum = *next;
  }
  if (!check.missing.empty()) return check;
  check.left = left->second->value;
  check.right = sum;
  check.status = holds(identity.relation, *check.left, sum) ? model::CheckStatus::pass
                                                            : model::CheckStatus::fail;
  return check;
}

}  // namespace

std::vector<model::Check> check_identities(const std::vector<model::Figure>& figures) {
  std::map<std::string, Cells> by_column;  // column → metric → figure
  std::map<std::string, Cells> by_metric;  // metric → column → figure
  for (const model::Figure& f : figures) {
    if (f.table != "legacy") continue;
    by_column[f.column].emplace(f.row, &f);
    by_metric[f.row].emplace(f.column, &f);
  }
  std::vector<model::Check> checks;
  for (const Identity& identity : identities()) {
    if (identity.kind == Kind::sum) {
      // Structured bindings are captured by an init-capture: clang 14 (the fuzz build) cannot
      // capture them by name.
      for (const auto& [column, cells] : by_column)
        if (applies(identity, cells))
          checks.push_back(evaluate(
              identity, "column", column, cells,
              [&key = column](const std::string& m) { return "legacy." + m + "." + key; }));
    } else {
      for (const auto& [metric, cells] : by_metric)
        if (applies(identity, cells))
          checks.push_back(evaluate(
              identity, "row", metric, cells,
              [&key = metric](const std::string& c) { return "legacy." + key + "." + c; }));
    }
  }
  return checks;
}

}  // namespace nianbao::legacy
