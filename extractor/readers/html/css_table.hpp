#pragma once
// Tables drawn with CSS: <div style="display:table"> holding display:table-row and
// display:table-cell elements, which browsers lay out as a table. Such a grid is read like
// <table>/<tr>/<td> when it is complete; the display values come from inline `style`
// attributes or from single-class rules (`.cell { display: table-cell }`) in the page's
// <style> elements. This is no CSS engine: no other selectors, no inheritance, no @media.

#include <libxml/tree.h>

#include <string>
#include <unordered_map>

namespace nianbao::readers::html {

// What an element is in a table: from its name for HTML's table elements, from its CSS
// display value for any other element.
enum class TableRole { none, table, row_group, header_group, row, cell, caption, column };
TableRole table_role(const xmlNode* element);

// True for a <table>, and for a CSS table whose every child is a row, a row group of rows, a
// caption or a column (table-column, table-column-group: widths only, never shown) and whose rows
// hold only cells, with at least one cell: a CSS grid with a cell outside a row, or text between
// its rows, is not laid out as a grid by the author's intent that we can trust, and stays text.
bool is_table(const xmlNode* element);

// Display values of single-class rules in the page's <style> elements, latest rule winning.
class ClassDisplayRules {
 public:
  // Reads every <style> element of the document.
  explicit ClassDisplayRules(const xmlDoc* doc);
  // The display value (lower-case) a class sets, and the rule's position for the cascade;
  // nullptr when no rule sets it.
  const std::pair<std::string, int>* find(const std::string& class_name) const;

 private:
  void add_sheet(std::string_view css);
  std::unordered_map<std::string, std::pair<std::string, int>> display_;
  int rules_seen_ = 0;
};

// Makes `rules` the class rules table_role() consults for elements of `doc` for as long as
// this object lives (kept in the document's application slot, xmlDoc::_private).
class ClassRulesScope {
 public:
  ClassRulesScope(xmlDoc* doc, const ClassDisplayRules& rules);
  ~ClassRulesScope();
  ClassRulesScope(const ClassRulesScope&) = delete;
  ClassRulesScope& operator=(const ClassRulesScope&) = delete;

 private:
  xmlDoc* doc_;
};

}  // namespace nianbao::readers::html
