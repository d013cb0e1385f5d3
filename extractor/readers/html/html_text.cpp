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

// U+2000–U+200A (en, em, thin … spaces: &ensp; &emsp; &thinsp;), U+202F and U+205F: pages
// indent with them (&emsp;&emsp;一、总体情况) and they render as spaces.
bool is_typographic_space(std::string_view s, std::size_t i) {
  if (s.size() - i < 3 || static_cast<unsigned char>(s[i]) != 0xE2) return false;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  return (b1 == 0x80 && b2 >= 0x80 && b2 <= 0x8A) || (b1 == 0x80 && b2 == 0xAF) ||
         (b1 == 0x81 && b2 == 0x9F);
}

// Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) that split words and digits invisibly.
std::size_t invisible_length(std::string_view s, std::size_t i) {
  for (std::string_view z :
       {"\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xE2\x81\xA0", "\xEF\xBB\xBF"}) {
    if (s.compare(i, z.size(), z) == 0) return z.size();
  }
  return 0;
}

// Length of a white-space character at s[i] that collapses with its neighbours: ASCII white
// space, U+00A0 from &nbsp;, typographic spaces; 0 for anything else.
std::size_t collapsible_length(std::string_view s, std::size_t i) {
  if (is_ascii_space(s[i])) return 1;
  if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;
  if (is_typographic_space(s, i)) return 3;
  return 0;
}

// As collapsible_length, and the ideographic space U+3000, which is text inside a line but
// only indentation or padding at its ends.
std::size_t space_length(std::string_view s, std::size_t i) {
  if (s.compare(i, 3, "\xE3\x80\x80") == 0) return 3;
  return collapsible_length(s, i);
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
    if (const std::size_t n = invisible_length(raw, i); n > 0) {
      i += n;
      continue;
    }
    if (const std::size_t n = collapsible_length(raw, i); n > 0) {
      pending_space_ = true;
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
  while (!s.empty()) {
    const std::size_t n = space_length(s, 0);
    if (n == 0) break;
    s.remove_prefix(n);
  }
  while (!s.empty()) {
    // The last code point starts at the last byte that is not a UTF-8 continuation byte.
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (space_length(s, start) != s.size() - start) break;
    s.remove_suffix(s.size() - start);
  }
  return s;
}

}  // namespace nianbao::readers::html
