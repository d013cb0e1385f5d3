#pragma once
// One audit finding: a rule that failed or flagged (or, on request, passed or could not be
// assessed) for one agency, year and scope, with both sides and where each value stood.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "normalizers/decimal.hpp"

namespace nianbao::audit {

struct Finding {
  std::string rule_id;
  std::string rule_name;
  std::string severity;    // the rule's: error, warning, info
  std::string status;      // fail, flag, pass, not_assessable
  std::string agency;      // as this year's report writes it
  std::string agency_key;  // the normalised name the years were matched by
  std::optional<int> year;
  std::string scope;  // the column or row the rule was evaluated for ("natural_person")
  std::string expr;
  std::optional<norm::Decimal> left;
  std::optional<norm::Decimal> right;
  // The figures involved, "<figure id>@<year>" → exact value text, in the order used.
  std::vector<std::pair<std::string, std::string>> values;
  std::string report;  // this year's source path
  std::string where;   // locator (compact JSON) of this year's figure
  std::string prior_report;
  std::string prior_where;
  std::string message;
};

}  // namespace nianbao::audit
