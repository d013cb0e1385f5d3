#include "extractor/readers/html/html_text.hpp"

#include <algorithm>
#include <array>

#include "extractor/readers/html/html_dom.hpp"

namespace nianbao::readers::html {
namespace {

constexpr std::array<std::string_view, 22> k_skipped_elements = {
    "script", "style",  "noscript", "template", "iframe", "object",  "embed", "svg",
    "canvas", "select", "option",   "textarea", "button", "input",   "head",  "meta",
    "link",   "title",  "map",      "audio",    "video",  "frameset"};

constexpr std::array<std::string_view, 38> k_block_elements = {
    "p",       "div",    "h1",      "h2",    "h3",         "h4",        "h5",      "h6",
    "li",      "ul",     "ol",      "dl",    "dt",         "dd",        "table",   "tr",
    "td",      "th",     "caption", "thead", "tbody",      "tfoot",     "section", "article",
    "header",  "footer", "nav",     "aside", "blockquote", "pre",       "form",    "fieldset",
    "address", "center", "hr",      "main",  "figure",     "figcaption"};

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::string without_spaces_lower(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

bool is_hidden(const xmlNode* element) {
  if (xmlHasProp(element, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  const std::string style = without_spaces_lower(attribute(element, "style"));
  return contains(style, "display:none") || contains(style, "visibility:hidden");
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of a white-space or invisible character at s[i] that collapses (ASCII white space,
// U+00A0), or that is dropped (U+200B zero-width space, U+FEFF); 0 for any other character.
std::size_t collapsible_length(std::string_view s, std::size_t i, bool& invisible) {
  invisible = false;
  if (is_ascii_space(s[i])) return 1;
  if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;
  if (s.compare(i, 3, "\xE2\x80\x8B") == 0 || s.compare(i, 3, "\xEF\xBB\xBF") == 0) {
    invisible = true;
    return 3;
  }
  return 0;
}

}  // namespace

bool is_skipped(const xmlNode* element) {
  const std::string_view name = element_name(element);
  if (std::find(k_skipped_elements.begin(), k_skipped_elements.end(), name) !=
      k_skipped_elements.end()) {
    return true;
  }
  return is_hidden(element);
}

bool is_block(const xmlNode* element) {
  const std::string_view name = element_name(element);
  return std::find(k_block_elements.begin(), k_block_elements.end(), name) !=
         k_block_elements.end();
}

void LineBuilder::add(std::string_view raw) {
  bool only_space = true;
  bool has_newline = false;
  for (char c : raw) {
    if (c == '\n' || c == '\r') has_newline = true;
    if (!is_ascii_space(c)) only_space = false;
  }
  if (only_space && has_newline) return;  // formatting between tags, not text
  for (std::size_t i = 0; i < raw.size();) {
    bool invisible = false;
    const std::size_t n = collapsible_length(raw, i, invisible);
    if (n > 0) {
      if (!invisible) pending_space_ = true;
      i += n;
      continue;
    }
    if (pending_space_ && !text_.empty()) text_.push_back(' ');
    pending_space_ = false;
    text_.push_back(raw[i]);
    ++i;
  }
}

std::string LineBuilder::take() {
  std::string out(trim_all_space(text_));
  text_.clear();
  pending_space_ = false;
  return out;
}

std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string_view trim_all_space(std::string_view s) {
  for (;;) {
    if (!s.empty() && is_ascii_space(s.front())) {
      s.remove_prefix(1);
    } else if (s.rfind("\xC2\xA0", 0) == 0) {
      s.remove_prefix(2);
    } else if (s.rfind("\xE3\x80\x80", 0) == 0) {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && is_ascii_space(s.back())) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
      s.remove_suffix(2);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

}  // namespace nianbao::readers::html
