#include <stdexcept>

#include "extractor/templates/template.hpp"

namespace nianbao::data {
std::string_view template_2019();
std::string_view template_2021();
std::string_view identities();
}  // namespace nianbao::data

namespace nianbao::templates {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Calls `visit(line_number, fields)` for each line that is not blank or a comment.
template <typename Visit>
void for_each_record(std::string_view data, Visit visit) {
  int line_number = 0;
  for (std::string_view line : split(data, '\n')) {
    ++line_number;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    visit(line_number, split(line, '\t'));
  }
}

[[noreturn]] void bad_data(int line, const std::string& what) {
  throw std::logic_error("template data line " + std::to_string(line) + ": " + what);
}

void add_normalized(TemplateLabel& label, std::string_view text) {
  label.normalized.push_back(norm::normalize_label(text));
  label.cores.emplace_back(norm::parenthetical_core(label.normalized.back().body));
}

TemplateLabel make_label(std::string_view text) {
  TemplateLabel label;
  label.text = std::string(text);
  add_normalized(label, text);
  return label;
}

void add_alias(TemplateLabel& label, std::string_view alias) {
  label.aliases.emplace_back(alias);
  add_normalized(label, alias);
}

}  // namespace

const Row* TableTemplate::find_row(std::string_view k) const {
  for (const Row& row : rows)
    if (row.key == k) return &row;
  return nullptr;
}

const Group* TableTemplate::find_group(std::string_view k) const {
  for (const Group& group : groups)
    if (group.key == k) return &group;
  return nullptr;
}

const TableTemplate* Template::find_table(std::string_view k) const {
  for (const TableTemplate& table : tables)
    if (table.key == k) return &table;
  return nullptr;
}

bool Identity::applies_to(std::string_view version) const {
  for (const std::string& t : templates)
    if (t == version) return true;
  return false;
}

Template parse_template(std::string_view data) {
  Template result;
  TemplateLabel* last_label = nullptr;  // what an `alias` line adds to
  for_each_record(data, [&](int line, const std::vector<std::string_view>& f) {
    const std::string_view kind = f[0];
    auto need = [&](std::size_t n) {
      if (f.size() < n) bad_data(line, "too few fields for '" + std::string(kind) + "'");
    };
    auto table = [&]() -> TableTemplate& {
      if (result.tables.empty()) bad_data(line, "no table yet");
      return result.tables.back();
    };
    if (kind == "template") {
      need(2);
      result.version = std::string(f[1]);
    } else if (kind == "table") {
      need(4);
      result.tables.push_back(
          {std::string(f[1]), std::string(f[2]), std::string(f[3]), Layout::rows, {}, {}});
      last_label = nullptr;
    } else if (kind == "layout") {
      need(2);
      table().layout = f[1] == "single_row" ? Layout::single_row : Layout::rows;
    } else if (kind == "group") {
      need(3);
      table().groups.push_back({std::string(f[1]), make_label(f[2]), {}});
      last_label = &table().groups.back().title;
    } else if (kind == "column") {
      need(4);
      if (table().groups.empty()) table().groups.push_back({"", {}, {}});
      Column column{std::string(f[1]), make_label(f[2]), "", f[3] == "money"};
      if (!column.money) column.count_unit = std::string(f[3]);
      table().groups.back().columns.push_back(std::move(column));
      last_label = &table().groups.back().columns.back().label;
    } else if (kind == "row") {
      need(3);
      if (table().groups.empty()) bad_data(line, "row before any column");
      Row row{std::string(f[1]), make_label(f[2]), f.size() > 3 ? std::string(f[3]) : "",
              f.size() > 3 ? make_label(f[3]) : TemplateLabel{},
              static_cast<int>(table().groups.size()) - 1};
      table().rows.push_back(std::move(row));
      last_label = &table().rows.back().label;
    } else if (kind == "alias") {
      need(2);
      if (last_label == nullptr) bad_data(line, "alias without a label before it");
      add_alias(*last_label, f[1]);
    } else {
      bad_data(line, "unknown line kind '" + std::string(kind) + "'");
    }
  });
  return result;
}

std::vector<Identity> parse_identities(std::string_view data) {
  std::vector<Identity> identities;
  for_each_record(data, [&](int line, const std::vector<std::string_view>& f) {
    if (f.size() < 6) bad_data(line, "an identity needs 6 fields");
    Identity identity;
    identity.id = std::string(f[0]);
    identity.rule = std::string(f[1]);
    identity.table = std::string(f[2]);
    for (std::string_view t : split(f[3], ',')) identity.templates.emplace_back(trim(t));
    if (f[4] == "per_column") {
      identity.scope = Scope::per_column;
    } else if (f[4] == "per_row") {
      identity.scope = Scope::per_row;
    } else if (f[4] == "every_cell") {
      identity.scope = Scope::every_cell;
    } else {
      bad_data(line, "unknown scope");
    }
    identity.expr = std::string(f[5]);
    if (identity.scope != Scope::every_cell) {
      const std::vector<std::string_view> sides = split(f[5], '=');
      if (sides.size() != 2) bad_data(line, "expression needs exactly one '='");
      auto terms = [](std::string_view side) {
        std::vector<std::string> out;
        for (std::string_view term : split(side, '+')) out.emplace_back(trim(term));
        return out;
      };
      identity.left = terms(sides[0]);
      identity.right = terms(sides[1]);
    }
    identities.push_back(std::move(identity));
  });
  return identities;
}

const std::vector<Template>& all_templates() {
  static const std::vector<Template> templates = {parse_template(data::template_2019()),
                                                  parse_template(data::template_2021())};
  return templates;
}

const Template* find_template(std::string_view version) {
  for (const Template& t : all_templates())
    if (t.version == version) return &t;
  return nullptr;
}

const std::vector<Identity>& all_identities() {
  static const std::vector<Identity> identities = parse_identities(data::identities());
  return identities;
}

}  // namespace nianbao::templates
