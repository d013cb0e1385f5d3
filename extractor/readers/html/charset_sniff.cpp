#include "extractor/readers/html/charset_sniff.hpp"

#include <algorithm>
#include <optional>

namespace nianbao::readers::html {
namespace {

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lowercase(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower_ascii);
  return out;
}

// A charset label is ASCII letters, digits and - _ . : ; anything else ends it.
std::string trim_label(std::string_view value) {
  std::size_t start = 0;
  while (start < value.size() &&
         (is_space(value[start]) || value[start] == '"' || value[start] == '\'')) {
    ++start;
  }
  std::size_t end = start;
  while (end < value.size()) {
    const char c = value[end];
    const bool label_char = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '_' || c == '.' || c == ':';
    if (!label_char) break;
    ++end;
  }
  return std::string(value.substr(start, end - start));
}

struct Attribute {
  std::string name;
  std::string value;
};

// Reads one attribute of a tag starting at `pos` (already lowercased text); advances `pos`.
// Returns nullopt at the end of the tag.
std::optional<Attribute> next_attribute(std::string_view tag, std::size_t& pos) {
  while (pos < tag.size() && (is_space(tag[pos]) || tag[pos] == '/')) ++pos;
  if (pos >= tag.size() || tag[pos] == '>') return std::nullopt;
  Attribute attr;
  while (pos < tag.size() && !is_space(tag[pos]) && tag[pos] != '=' && tag[pos] != '>') {
    attr.name.push_back(tag[pos++]);
  }
  while (pos < tag.size() && is_space(tag[pos])) ++pos;
  if (pos >= tag.size() || tag[pos] != '=') return attr;
  ++pos;
  while (pos < tag.size() && is_space(tag[pos])) ++pos;
  if (pos < tag.size() && (tag[pos] == '"' || tag[pos] == '\'')) {
    const char quote = tag[pos++];
    const std::size_t end = tag.find(quote, pos);
    const std::size_t stop = end == std::string_view::npos ? tag.size() : end;
    attr.value = std::string(tag.substr(pos, stop - pos));
    pos = stop == tag.size() ? stop : stop + 1;
  } else {
    while (pos < tag.size() && !is_space(tag[pos]) && tag[pos] != '>') {
      attr.value.push_back(tag[pos++]);
    }
  }
  return attr;
}

// The charset a <meta> tag declares (text between "<meta" and ">"), or "".
std::string charset_of_meta(std::string_view tag) {
  std::size_t pos = 0;
  std::string charset;
  std::string content;
  bool content_type = false;
  while (auto attr = next_attribute(tag, pos)) {
    if (attr->name == "charset") charset = trim_label(attr->value);
    if (attr->name == "http-equiv") content_type = trim_label(attr->value) == "content-type";
    if (attr->name == "content") content = attr->value;
  }
  if (!charset.empty()) return charset;
  if (!content_type && content.find("charset") == std::string::npos) return {};
  const std::size_t at = content.find("charset");
  if (at == std::string::npos) return {};
  std::size_t p = at + 7;
  while (p < content.size() && is_space(content[p])) ++p;
  if (p >= content.size() || content[p] != '=') return {};
  return trim_label(std::string_view(content).substr(p + 1));
}

std::string charset_of_xml_declaration(std::string_view head) {
  if (head.rfind("<?xml", 0) != 0) return {};
  const std::size_t end = head.find("?>");
  const std::string_view decl = head.substr(0, end);
  const std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  std::size_t p = at + 8;
  while (p < decl.size() && (is_space(decl[p]) || decl[p] == '=')) ++p;
  return trim_label(decl.substr(p));
}

}  // namespace

std::string find_declared_charset(std::string_view bytes) {
  std::string_view head_bytes = bytes.substr(0, std::min(bytes.size(), k_charset_scan_bytes));
  // A UTF-8 BOM in front of the declaration is skipped; decoding looks at the BOM itself.
  if (head_bytes.rfind("\xEF\xBB\xBF", 0) == 0) head_bytes.remove_prefix(3);
  const std::string head = lowercase(head_bytes);
  if (std::string from_xml = charset_of_xml_declaration(head); !from_xml.empty()) return from_xml;
  std::size_t pos = 0;
  while (pos < head.size()) {
    const std::size_t lt = head.find('<', pos);
    if (lt == std::string::npos) break;
    if (head.compare(lt, 4, "<!--") == 0) {
      // A commented-out <meta> is not a declaration.
      const std::size_t end = head.find("-->", lt + 4);
      if (end == std::string::npos) break;
      pos = end + 3;
      continue;
    }
    if (head.compare(lt, 5, "<meta") == 0 && lt + 5 < head.size() &&
        (is_space(head[lt + 5]) || head[lt + 5] == '/')) {
      const std::size_t gt = head.find('>', lt);
      const std::size_t stop = gt == std::string::npos ? head.size() : gt;
      std::string charset = charset_of_meta(std::string_view(head).substr(lt + 5, stop - lt - 5));
      if (!charset.empty()) return charset;
      pos = stop;
      continue;
    }
    pos = lt + 1;
  }
  return {};
}

}  // namespace nianbao::readers::html
