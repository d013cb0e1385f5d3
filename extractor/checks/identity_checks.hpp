#pragma once
// Evaluates the template identities (data/identities.tsv) over a record's figures.

#include <vector>

#include "extractor/model/record.hpp"

namespace nianbao::checks {

// One check per identity and column (per_column rules), row (per_row rules) or table
// (every_cell rules), for every table the record has. A rule whose template version differs
// from the table's is skipped; a table of unknown version gets only the rules that hold in
// every version.
std::vector<model::Check> evaluate_identities(const std::vector<model::Figure>& figures,
                                              const std::vector<model::TableInfo>& tables);

}  // namespace nianbao::checks
