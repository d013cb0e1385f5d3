#pragma once
// Choosing a reading with the template identities: a row whose empty cells were dropped by a
// flattening shows k numbers for n columns. Each way of placing them (the others empty, i.e.
// zero) is tried against the identities the row takes part in; a placement is kept only when
// it is the single one that satisfies every identity that can be evaluated.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extractor/templates/template.hpp"
#include "normalizers/decimal.hpp"

namespace nianbao::figures {

struct ShortRow {
  const templates::Template* version = nullptr;
  const templates::TableTemplate* table = nullptr;
  const templates::Row* row = nullptr;
  std::vector<const templates::Column*> columns;  // the row's columns, in order
  std::vector<norm::Decimal> values;              // the numbers the row shows, in order
};

// `known`: figure id → value of the figures already placed (numbers only).
// Returns, for each shown value, the index into `row.columns` it belongs to; nullopt when no
// placement or more than one satisfies the identities.
std::optional<std::vector<std::size_t>> place_by_identities(
    const ShortRow& row, const std::map<std::string, norm::Decimal>& known);

}  // namespace nianbao::figures

namespace nianbao::figures {

// Whether one row's values (column key → value) satisfy every per-row identity of its table
// (T3-3 for 表三); false when no identity could be evaluated.
bool row_satisfies_identities(const templates::Template& version,
                              const templates::TableTemplate& table,
                              const std::map<std::string, norm::Decimal>& values_by_column);

}  // namespace nianbao::figures
