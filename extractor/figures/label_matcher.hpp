#pragma once
// Matching document labels against template labels, across template versions.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/templates/template.hpp"
#include "normalizers/labels.hpp"

namespace nianbao::figures {

struct RowMatch {
  const templates::Template* version = nullptr;
  const templates::TableTemplate* table = nullptr;
  const templates::Row* row = nullptr;
  int score = 0;
};

struct ColumnMatch {
  const templates::Template* version = nullptr;
  const templates::TableTemplate* table = nullptr;
  const templates::Group* group = nullptr;
  const templates::Column* column = nullptr;
  int score = 0;
};

struct GroupMatch {
  const templates::Template* version = nullptr;
  const templates::TableTemplate* table = nullptr;
  const templates::Group* group = nullptr;
};

// Score of a document label against one template label (with its aliases), enumerators
// included: a template label with an enumerator and a short body (such as 3.其他) needs the
// document to show the same enumerator, because the body alone is also a column header.
int match_template_label(const norm::Label& doc, const templates::TemplateLabel& label);

// match_template_label(doc, label) >= 90 (the bodies are equal, at least once notes in
// parentheses are dropped), found without the typo and prefix comparisons.
bool matches_by_core(const norm::Label& doc, const templates::TemplateLabel& label);

// Every template row (all versions; of `table_key` only when it is not empty) that `doc`
// matches with the best score found. Rows of different versions with the same table and key
// count as one answer; several different rows mean the label is ambiguous.
std::vector<RowMatch> match_rows(const norm::Label& doc, std::string_view table_key);

// Template columns (all versions, tables of rows layout and single_row) that the label names.
std::vector<ColumnMatch> match_columns(const norm::Label& doc, std::string_view table_key);

// The columns of `group` that `doc` names by core (matches_by_core), as bits: bit k for
// group.columns[k]. Only for groups of at most k_max_named_columns columns.
constexpr std::size_t k_max_named_columns = 64;
std::uint64_t columns_named_by_core(const norm::Label& doc, const templates::Group& group);

// The template version of the columns of match_columns(doc, table_key) with a score of 90 or
// more, when they all are of one version; nullptr when there are none, or several versions.
const templates::Template* sole_version_of_columns_by_core(const norm::Label& doc,
                                                           std::string_view table_key);
// The same for the sub-table titles of match_groups(doc, table_key).
const templates::Template* sole_version_of_groups(const norm::Label& doc,
                                                  std::string_view table_key);

// Sub-table titles (第二十条第（五）项 …) and single-row blocks (行政复议 …) the label names.
std::vector<GroupMatch> match_groups(const norm::Label& doc, std::string_view table_key);
// !match_groups(doc, table_key).empty(), without building the list (asked of every label).
bool names_group(const norm::Label& doc, std::string_view table_key);

}  // namespace nianbao::figures
