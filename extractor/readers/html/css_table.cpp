#include "extractor/readers/html/css_table.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "extractor/readers/html/html_dom.hpp"
#include "extractor/readers/html/html_text.hpp"

namespace nianbao::readers::html {
namespace {

std::string lower_without_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// The value of the last `display` declaration in a declaration list ("" when none), lower
// case, without white space or !important.
std::string display_value(std::string_view declarations) {
  std::string value;
  while (!declarations.empty()) {
    const std::size_t end = declarations.find(';');
    const std::string declaration = lower_without_spaces(declarations.substr(0, end));
    declarations.remove_prefix(end == std::string_view::npos ? declarations.size() : end + 1);
    if (declaration.rfind("display:", 0) != 0) continue;
    value = declaration.substr(8);
    if (const std::size_t bang = value.find('!'); bang != std::string::npos) value.resize(bang);
  }
  return value;
}

TableRole role_of_display(std::string_view display) {
  if (display == "table" || display == "inline-table") return TableRole::table;
  if (display == "table-row-group" || display == "table-footer-group") return TableRole::row_group;
  if (display == "table-header-group") return TableRole::header_group;
  if (display == "table-row") return TableRole::row;
  if (display == "table-cell") return TableRole::cell;
  if (display == "table-caption") return TableRole::caption;
  if (display == "table-column" || display == "table-column-group") return TableRole::column;
  return TableRole::none;
}

TableRole role_of_html_element(std::string_view name) {
  if (name == "table") return TableRole::table;
  if (name == "tbody" || name == "tfoot") return TableRole::row_group;
  if (name == "thead") return TableRole::header_group;
  if (name == "tr") return TableRole::row;
  if (name == "td" || name == "th") return TableRole::cell;
  if (name == "caption") return TableRole::caption;
  if (name == "col" || name == "colgroup") return TableRole::column;
  return TableRole::none;
}

const ClassDisplayRules* class_rules_of(const xmlNode* element) {
  return element->doc == nullptr ? nullptr
                                 : static_cast<const ClassDisplayRules*>(element->doc->_private);
}

// The display a class rule gives the element: of its classes, the one whose rule comes last.
std::string class_display(const xmlNode* element) {
  const ClassDisplayRules* rules = class_rules_of(element);
  if (rules == nullptr) return {};
  const std::string classes = attribute(element, "class");
  const std::pair<std::string, int>* winner = nullptr;
  std::size_t i = 0;
  while (i < classes.size()) {
    const std::size_t end = classes.find_first_of(" \t\n\r\f", i);
    const std::string name = classes.substr(i, end == std::string::npos ? end : end - i);
    i = end == std::string::npos ? classes.size() : end + 1;
    if (name.empty()) continue;
    const auto* rule = rules->find(name);
    if (rule != nullptr && (winner == nullptr || rule->second > winner->second)) winner = rule;
  }
  return winner == nullptr ? std::string() : winner->first;
}

bool has_visible_text(const xmlNode* text) { return !trim_all_space(text_of(text)).empty(); }

// The element children of `parent` that are shown all have the role `allowed` (or, for a
// table, `also`), and no text sits between them. Counts the rows/cells seen in `count`.
bool children_are(const xmlNode* parent, TableRole allowed, int& count) {
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (has_visible_text(c)) return false;
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || is_skipped(c)) continue;
    if (table_role(c) != allowed) return false;
    ++count;
  }
  return true;
}

bool is_complete_row(const xmlNode* row, int& cells) {
  return children_are(row, TableRole::cell, cells);
}

bool is_complete_css_table(const xmlNode* table) {
  int cells = 0;
  for (const xmlNode* c = table->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (has_visible_text(c)) return false;
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || is_skipped(c)) continue;
    switch (table_role(c)) {
      case TableRole::row:
        if (!is_complete_row(c, cells)) return false;
        break;
      case TableRole::row_group:
      case TableRole::header_group: {
        int rows = 0;
        if (!children_are(c, TableRole::row, rows)) return false;
        for (const xmlNode* r = c->children; r != nullptr; r = r->next) {
          if (r->type == XML_ELEMENT_NODE && !is_skipped(r) && !is_complete_row(r, cells))
            return false;
        }
        break;
      }
      case TableRole::caption:
      case TableRole::column:
        break;
      default:
        return false;  // a cell outside a row, or a plain element between rows
    }
  }
  return cells > 0;
}

}  // namespace

TableRole table_role(const xmlNode* element) {
  if (element == nullptr || element->type != XML_ELEMENT_NODE) return TableRole::none;
  const std::string_view name = element_name(element);
  if (const TableRole html = role_of_html_element(name); html != TableRole::none) return html;
  // Nearly every element of a page has neither a style nor a class: asked of each element as the
  // page is walked, this answers them without copying an attribute.
  if (xmlHasProp(element, reinterpret_cast<const xmlChar*>("style")) == nullptr &&
      xmlHasProp(element, reinterpret_cast<const xmlChar*>("class")) == nullptr)
    return TableRole::none;
  std::string display = display_value(attribute(element, "style"));
  if (display.empty()) display = class_display(element);
  return role_of_display(display);
}

bool is_table(const xmlNode* element) {
  if (is_element(element, "table")) return true;
  return table_role(element) == TableRole::table && is_complete_css_table(element);
}

ClassDisplayRules::ClassDisplayRules(const xmlDoc* doc) {
  // <style> may sit in <head> or anywhere in <body>; an iterative walk over the whole tree.
  const xmlNode* node = doc == nullptr ? nullptr : xmlDocGetRootElement(doc);
  while (node != nullptr) {
    if (is_element(node, "style")) {
      for (const xmlNode* c = node->children; c != nullptr; c = c->next) add_sheet(text_of(c));
    } else if (node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node != nullptr && node->next == nullptr) node = node->parent;
    if (node != nullptr) node = node->next;
  }
}

// One selector: a single class (".cell"), nothing else. Returns the class name or "".
static std::string single_class(std::string_view selector) {
  const std::string s = lower_without_spaces(selector);
  if (s.size() < 2 || s[0] != '.') return {};
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!word) return {};
  }
  // Class names match case-sensitively; keep the page's own spelling.
  std::string name;
  for (char c : selector) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '.') name.push_back(c);
  }
  return name;
}

void ClassDisplayRules::add_sheet(std::string_view css) {
  std::string text;  // without comments
  for (std::size_t i = 0; i < css.size();) {
    if (css.compare(i, 2, "/*") == 0) {
      const std::size_t end = css.find("*/", i + 2);
      i = end == std::string_view::npos ? css.size() : end + 2;
    } else {
      text.push_back(css[i++]);
    }
  }
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('{', i);
    if (open == std::string::npos) break;
    // The block runs to its matching brace; an @media or other at-rule block is passed over
    // whole, its rules applying only to some screens.
    std::size_t close = open + 1;
    for (int depth = 1; close < text.size() && depth > 0; ++close) {
      if (text[close] == '{') ++depth;
      if (text[close] == '}') --depth;
    }
    const std::string_view selectors = std::string_view(text).substr(i, open - i);
    const std::string_view body = std::string_view(text).substr(open + 1, close - open - 2);
    i = close;
    if (selectors.find('@') != std::string_view::npos || body.find('{') != std::string_view::npos)
      continue;
    const std::string display = display_value(body);
    if (display.empty()) continue;
    ++rules_seen_;
    std::vector<std::string> names;
    std::size_t from = 0;
    while (from <= selectors.size()) {
      const std::size_t comma = std::min(selectors.find(',', from), selectors.size());
      const std::string name = single_class(selectors.substr(from, comma - from));
      if (name.empty()) break;
      names.push_back(name);
      from = comma + 1;
    }
    if (from <= selectors.size()) continue;  // some selector is not a single class
    for (const std::string& name : names) display_[name] = {display, rules_seen_};
  }
}

const std::pair<std::string, int>* ClassDisplayRules::find(const std::string& class_name) const {
  const auto it = display_.find(class_name);
  return it == display_.end() ? nullptr : &it->second;
}

ClassRulesScope::ClassRulesScope(xmlDoc* doc, const ClassDisplayRules& rules) : doc_(doc) {
  // _private is the slot libxml2 leaves to applications; nothing else in nianbao uses it.
  doc_->_private = const_cast<ClassDisplayRules*>(&rules);
}

ClassRulesScope::~ClassRulesScope() { doc_->_private = nullptr; }

}  // namespace nianbao::readers::html
