#include "extractor/figures/identity_resolver.hpp"

namespace nianbao::figures {
namespace {

// Values of one candidate placement: the shown numbers at their columns, zero elsewhere.
using Placement = std::map<std::string, norm::Decimal>;  // column key → value

struct Evaluation {
  bool consistent = true;
  bool evaluated = false;  // at least one identity involving the row could be checked
};

std::optional<norm::Decimal> sum(
    const std::vector<std::string>& terms,
    const std::function<std::optional<norm::Decimal>(const std::string&)>& value_of) {
  norm::Decimal total;
  for (const std::string& term : terms) {
    const auto v = value_of(term);
    if (!v) return std::nullopt;
    const auto next = total.checked_add(*v);
    if (!next) return std::nullopt;
    total = *next;
  }
  return total;
}

void check(Evaluation& e, const std::optional<norm::Decimal>& left,
           const std::optional<norm::Decimal>& right) {
  if (!left || !right) return;
  e.evaluated = true;
  if (!(*left == *right)) e.consistent = false;
}

bool mentions(const templates::Identity& identity, const std::string& key) {
  for (const auto* side : {&identity.left, &identity.right})
    for (const std::string& term : *side)
      if (term == key) return true;
  return false;
}

Evaluation evaluate(const ShortRow& row, const Placement& placement,
                    const std::map<std::string, norm::Decimal>& known) {
  Evaluation e;
  const std::string& table = row.table->key;
  for (const templates::Identity& identity : templates::all_identities()) {
    if (identity.table != table || !identity.applies_to(row.version->version)) continue;
    if (identity.scope == templates::Scope::per_row) {
      auto value_of = [&](const std::string& column) -> std::optional<norm::Decimal> {
        auto it = placement.find(column);
        if (it == placement.end()) return std::nullopt;
        return it->second;
      };
      check(e, sum(identity.left, value_of), sum(identity.right, value_of));
    } else if (identity.scope == templates::Scope::per_column && mentions(identity, row.row->key)) {
      for (const templates::Column* column : row.columns) {
        auto value_of = [&](const std::string& term) -> std::optional<norm::Decimal> {
          if (term == row.row->key) return placement.at(column->key);
          auto it = known.find(table + "." + term + "." + column->key);
          if (it == known.end()) return std::nullopt;
          return it->second;
        };
        check(e, sum(identity.left, value_of), sum(identity.right, value_of));
        if (!e.consistent) return e;
      }
    }
    if (!e.consistent) return e;
  }
  return e;
}

// Calls `visit` with every increasing choice of k positions out of n.
template <typename Visit>
void for_each_combination(std::size_t n, std::size_t k, Visit visit) {
  std::vector<std::size_t> chosen(k);
  for (std::size_t i = 0; i < k; ++i) chosen[i] = i;
  while (true) {
    visit(chosen);
    std::size_t i = k;
    while (i > 0 && chosen[i - 1] == n - k + i - 1) --i;
    if (i == 0) return;
    ++chosen[i - 1];
    for (std::size_t j = i; j < k; ++j) chosen[j] = chosen[j - 1] + 1;
  }
}

}  // namespace

std::optional<std::vector<std::size_t>> place_by_identities(
    const ShortRow& row, const std::map<std::string, norm::Decimal>& known) {
  const std::size_t n = row.columns.size();
  const std::size_t k = row.values.size();
  if (k == 0 || k >= n) return std::nullopt;
  std::optional<std::vector<std::size_t>> found;
  int solutions = 0;
  for_each_combination(n, k, [&](const std::vector<std::size_t>& chosen) {
    if (solutions > 1) return;
    Placement placement;
    for (const templates::Column* column : row.columns) placement[column->key] = norm::Decimal();
    for (std::size_t j = 0; j < k; ++j) placement[row.columns[chosen[j]]->key] = row.values[j];
    const Evaluation e = evaluate(row, placement, known);
    if (e.consistent && e.evaluated) {
      ++solutions;
      found = chosen;
    }
  });
  if (solutions != 1) return std::nullopt;
  return found;
}

}  // namespace nianbao::figures

namespace nianbao::figures {

bool row_satisfies_identities(const templates::Template& version,
                              const templates::TableTemplate& table,
                              const std::map<std::string, norm::Decimal>& values_by_column) {
  Evaluation e;
  auto value_of = [&](const std::string& column) -> std::optional<norm::Decimal> {
    auto it = values_by_column.find(column);
    if (it == values_by_column.end()) return std::nullopt;
    return it->second;
  };
  for (const templates::Identity& identity : templates::all_identities()) {
    if (identity.table != table.key || !identity.applies_to(version.version) ||
        identity.scope != templates::Scope::per_row)
      continue;
    check(e, sum(identity.left, value_of), sum(identity.right, value_of));
  }
  return e.consistent && e.evaluated;
}

}  // namespace nianbao::figures
