#pragma once
// Table recovery, step two: from the token stream to figures. Rows are found by their labels
// (never by counting numbers into place), each table's template version is decided from its
// own labels, and a row whose cells cannot be placed with certainty gives no figures and a
// diagnostic instead of a guess.

#include <vector>

#include "extractor/layout/sections.hpp"
#include "extractor/layout/tokens.hpp"
#include "extractor/model/record.hpp"

namespace nianbao::figures {

struct TablesResult {
  std::vector<model::Figure> figures;
  std::vector<model::TableInfo> tables;
  model::Diagnostics diagnostics;
  bool partial = false;  // some row could not be recovered
};

TablesResult read_tables(const std::vector<layout::Token>& tokens,
                         const std::vector<layout::SectionHeading>& sections);

// Which template table a section holds: proactive → "active", on_request → "requests",
// review_litigation → "appeals", anything else → "".
std::string_view table_for_section(std::string_view section_key);

}  // namespace nianbao::figures
