#pragma once
// The national table templates and their identities, loaded from the data files in data/
// (embedded in the program at build time). Code never spells a template label itself.

#include <string>
#include <string_view>
#include <vector>

#include "normalizers/labels.hpp"

namespace nianbao::templates {

enum class Layout { rows, single_row };

// A label as the template prints it, its accepted variants, and their normalised forms.
struct TemplateLabel {
  std::string text;
  std::vector<std::string> aliases;
  std::vector<norm::Label> normalized;  // text first, then each alias
  // normalized[i].body without a trailing note in parentheses (norm::parenthetical_core), kept
  // once at load: a document label names this one by its core when their cores are equal.
  std::vector<std::string> cores;
};

struct Column {
  std::string key;
  TemplateLabel label;
  std::string count_unit;  // unit the template implies for counts (件, 项), "" for money
  bool money = false;
};

struct Group {
  std::string key;
  TemplateLabel title;  // "" for a table without sub-table titles (表三)
  std::vector<Column> columns;
};

struct Row {
  std::string key;
  TemplateLabel label;
  std::string parent;  // the group label the row sits under (三、本年度办理结果, （三）不予公开 …)
  TemplateLabel parent_label;  // the same, normalised ("" when the row has no parent)
  int group = 0;               // index into TableTemplate::groups: whose columns this row has
};

struct TableTemplate {
  std::string key;     // "active", "requests", "appeals"
  std::string number;  // "二", "三", "四"
  std::string title;
  Layout layout = Layout::rows;
  std::vector<Group> groups;
  std::vector<Row> rows;  // empty for single_row tables

  const Row* find_row(std::string_view key) const;
  const Group* find_group(std::string_view key) const;
};

struct Template {
  std::string version;  // "2019", "2021"
  std::vector<TableTemplate> tables;

  const TableTemplate* find_table(std::string_view key) const;
};

enum class Scope { per_column, per_row, every_cell };

struct Identity {
  std::string id;    // "T3-1"
  std::string rule;  // "requests.balance"
  std::string table;
  std::vector<std::string> templates;
  Scope scope = Scope::per_column;
  std::string expr;  // as written in the data file
  // For per_column / per_row: terms of each side; a leading '-' on a term subtracts it.
  std::vector<std::string> left;
  std::vector<std::string> right;

  bool applies_to(std::string_view version) const;
};

// All template versions, oldest first. Parsed once; the data is part of the program.
const std::vector<Template>& all_templates();
const Template* find_template(std::string_view version);
const std::vector<Identity>& all_identities();

// Parsers, exposed for tests of the data format.
Template parse_template(std::string_view data);
std::vector<Identity> parse_identities(std::string_view data);

}  // namespace nianbao::templates
