// FORMATS.md §5.2: the sums a pre-2019 statistics table implies (templates/data/
// legacy_identities.tsv), evaluated once per value column over the parts the table shows.

#include <algorithm>
#include <map>
#include <set>

#include "extractor/facts/data_lines.hpp"
#include "extractor/legacy/statistics_table.hpp"

namespace nianbao::data {
std::string_view legacy_identities();
}

namespace nianbao::legacy {
namespace {

struct Identity {
  std::string id;
  std::string rule;
  std::string total;
  std::vector<std::string> parts;
};

const std::vector<Identity>& identities() {
  static const std::vector<Identity> all = [] {
    std::vector<Identity> out;
    for (const std::vector<std::string>& f : facts::data_rows(data::legacy_identities()))
      if (f.size() >= 4) out.push_back({f[0], f[1], f[2], facts::split(f[3], '+')});
    return out;
  }();
  return all;
}

using Column = std::map<std::string, const model::Figure*>;  // metric → figure

std::string expression(const Identity& identity, const Column& column) {
  std::string expr = identity.total + " =";
  const char* sep = " ";
  for (const std::string& part : identity.parts) {
    if (column.count(part) == 0) continue;
    expr += sep + part;
    sep = " + ";
  }
  return expr;
}

model::Check evaluate(const Identity& identity, const std::string& key, const Column& column) {
  model::Check check;
  check.id = identity.id;
  check.rule = identity.rule;
  check.scope_kind = "column";
  check.scope_value = key;
  check.expr = expression(identity, column);
  auto missing = [&](const std::string& metric) {
    check.missing.push_back("legacy." + metric + "." + key);
  };
  const auto total = column.find(identity.total);
  if (total == column.end() || !total->second->value) missing(identity.total);
  norm::Decimal sum;
  bool any_part = false;
  for (const std::string& part : identity.parts) {
    const auto it = column.find(part);
    if (it == column.end()) continue;  // a part this table's form does not have
    if (!it->second->value) {
      missing(part);
      continue;
    }
    any_part = true;
    const auto next = sum.checked_add(*it->second->value);
    if (!next) return check;
    sum = *next;
  }
  if (!check.missing.empty() || !any_part) return check;
  check.left = total->second->value;
  check.right = sum;
  check.status = *check.left == sum ? model::CheckStatus::pass : model::CheckStatus::fail;
  return check;
}

// A table form without any of the parts (a total alone) has nothing to check.
bool mentions(const Identity& identity, const Column& column) {
  return std::any_of(identity.parts.begin(), identity.parts.end(),
                     [&](const std::string& p) { return column.count(p) > 0; });
}

}  // namespace

std::vector<model::Check> check_identities(const std::vector<model::Figure>& figures) {
  std::map<std::string, Column> columns;
  for (const model::Figure& f : figures)
    if (f.table == "legacy") columns[f.column].emplace(f.row, &f);
  std::vector<model::Check> checks;
  for (const Identity& identity : identities())
    for (const auto& [key, column] : columns)
      if (mentions(identity, column)) checks.push_back(evaluate(identity, key, column));
  return checks;
}

}  // namespace nianbao::legacy
