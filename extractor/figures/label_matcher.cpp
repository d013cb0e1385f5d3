#include "extractor/figures/label_matcher.hpp"

#include <algorithm>

namespace nianbao::figures {
namespace {

// Bodies this short are also column headers or common words ("其他", "总计"), so they only
// match with their enumerator.
constexpr int k_short_body = 4;

bool table_selected(const templates::TableTemplate& table, std::string_view table_key) {
  return table_key.empty() || table.key == table_key;
}

}  // namespace

int match_template_label(const norm::Label& doc, const templates::TemplateLabel& label) {
  int best = 0;
  for (const norm::Label& candidate : label.normalized) {
    int score = norm::label_match_score(doc.body, candidate.body);
    if (score == 0) continue;
    if (!candidate.enumerator.empty()) {
      if (!doc.enumerator.empty() && doc.enumerator != candidate.enumerator) {
        score = 0;
      } else if (doc.enumerator.empty() && norm::code_point_count(candidate.body) < k_short_body) {
        score = 0;
      }
    }
    best = std::max(best, score);
  }
  return best;
}

std::vector<RowMatch> match_rows(const norm::Label& doc, std::string_view table_key) {
  std::vector<RowMatch> best;
  for (const templates::Template& version : templates::all_templates()) {
    for (const templates::TableTemplate& table : version.tables) {
      if (!table_selected(table, table_key)) continue;
      for (const templates::Row& row : table.rows) {
        const int score = match_template_label(doc, row.label);
        if (score == 0) continue;
        if (best.empty() || score > best.front().score) {
          best.clear();
          best.push_back({&version, &table, &row, score});
        } else if (score == best.front().score) {
          best.push_back({&version, &table, &row, score});
        }
      }
    }
  }
  return best;
}

std::vector<ColumnMatch> match_columns(const norm::Label& doc, std::string_view table_key) {
  std::vector<ColumnMatch> out;
  for (const templates::Template& version : templates::all_templates()) {
    for (const templates::TableTemplate& table : version.tables) {
      if (!table_selected(table, table_key)) continue;
      for (const templates::Group& group : table.groups) {
        for (const templates::Column& column : group.columns) {
          const int score = match_template_label(doc, column.label);
          if (score > 0) out.push_back({&version, &table, &group, &column, score});
        }
      }
    }
  }
  return out;
}

std::vector<GroupMatch> match_groups(const norm::Label& doc, std::string_view table_key) {
  std::vector<GroupMatch> out;
  for (const templates::Template& version : templates::all_templates()) {
    for (const templates::TableTemplate& table : version.tables) {
      if (!table_selected(table, table_key)) continue;
      for (const templates::Group& group : table.groups) {
        if (group.title.text.empty()) continue;
        if (match_template_label(doc, group.title) >= 90) out.push_back({&version, &table, &group});
      }
    }
  }
  return out;
}

}  // namespace nianbao::figures
