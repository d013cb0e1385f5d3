#include "extractor/readers/html/html_dom.hpp"

#include <libxml/parser.h>

#include <algorithm>
#include <climits>
#include <mutex>
#include <vector>

namespace nianbao::readers::html {
namespace {

const xmlChar* as_xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// xmlInitParser must run once before threads parse concurrently.
void init_libxml_once() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

DocPtr parse_utf8_html(std::string_view utf8) {
  init_libxml_once();
  if (utf8.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD;
  return DocPtr(
      htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options));
}

namespace {

bool starts_with_ignoring_case(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// The length of a downlevel-revealed marker (`<![if …]>`, `<![endif]>`) starting at `at`, or 0.
// A marker holds no '>' of its own, so it ends at the first '>', which must follow a ']'; what
// else starts with `<![` (CDATA, `<![endif]-->` closing a conditional comment) is no marker.
std::size_t conditional_marker_length(std::string_view html, std::size_t at) {
  if (!starts_with_ignoring_case(html, at + 3, "if") &&
      !starts_with_ignoring_case(html, at + 3, "endif")) {
    return 0;
  }
  const std::size_t close = html.find('>', at + 3);
  if (close == std::string_view::npos || html[close - 1] != ']') return 0;
  return close + 1 - at;
}

}  // namespace

std::string without_conditional_markers(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t copied = 0;
  std::size_t at = html.find("<!");
  while (at != std::string_view::npos) {
    if (html.compare(at, 4, "<!--") == 0) {
      // A comment is copied whole: Word's `<!--[if gte mso 9]>…<![endif]-->` holds markers
      // that belong to the comment, not to the page.
      const std::size_t end = html.find("-->", at + 4);
      if (end == std::string_view::npos) break;
      at = html.find("<!", end + 3);
      continue;
    }
    const std::size_t length =
        html.compare(at, 3, "<![") == 0 ? conditional_marker_length(html, at) : 0;
    if (length > 0) {
      out.append(html.substr(copied, at - copied));
      copied = at + length;
    }
    at = html.find("<!", at + std::max<std::size_t>(length, 2));
  }
  out.append(html.substr(copied));
  return out;
}

std::string_view as_view(const xmlChar* s) {
  if (s == nullptr) return {};
  return std::string_view(reinterpret_cast<const char*>(s));
}

std::string_view element_name(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return {};
  return as_view(node->name);
}

bool is_element(const xmlNode* node, std::string_view name) { return element_name(node) == name; }

std::string attribute(const xmlNode* node, const char* name) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return {};
  xmlChar* value = xmlGetProp(node, as_xml(name));
  if (value == nullptr) return {};
  std::string out(as_view(value));
  xmlFree(value);
  return out;
}

std::string_view text_of(const xmlNode* node) {
  if (node == nullptr) return {};
  if (node->type != XML_TEXT_NODE && node->type != XML_CDATA_SECTION_NODE) return {};
  return as_view(node->content);
}

int max_element_depth(const xmlNode* node) {
  int deepest = 0;
  std::vector<std::pair<const xmlNode*, int>> stack{{node, 0}};
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    if (depth > deepest) deepest = depth;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) stack.emplace_back(c, depth + 1);
    }
  }
  return deepest;
}

}  // namespace nianbao::readers::html
