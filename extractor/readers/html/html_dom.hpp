#pragma once
// Small helpers over libxml2's HTML tree, so that the rest of the reader never touches
// xmlChar* casts or libxml2 memory management directly.

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace nianbao::readers::html {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

// libxml2's HTML parser stops building the tree at this depth (xmlParserMaxDepth); a tree that
// reaches it means the parser gave up on the rest of the page.
inline constexpr int k_parser_depth_limit = 256;

// Parses UTF-8 HTML in recovery mode, with no network access and without letting a <meta>
// charset in the page override the UTF-8 we hand over. Returns null when libxml2 cannot build
// a tree at all.
DocPtr parse_utf8_html(std::string_view utf8);

// Word's "save as web page" brackets list numbers and the like in downlevel-revealed
// conditional comments, <![if !supportLists]> … <![endif]>. Browsers drop the markers and show
// what lies between; libxml2 would keep the markers as text. Returns the text without them.
std::string without_conditional_markers(std::string_view html);

// libxml2 stores names and text as unsigned char; these views reinterpret them as UTF-8.
std::string_view as_view(const xmlChar* s);

// Lower-case element name ("" for non-elements); libxml2's HTML parser already lowercases.
std::string_view element_name(const xmlNode* node);
bool is_element(const xmlNode* node, std::string_view name);

// Attribute value, or "" when absent.
std::string attribute(const xmlNode* node, const char* name);

// Text content of a text or CDATA node ("" otherwise).
std::string_view text_of(const xmlNode* node);

// Maximum element depth below `node` (iterative, so it is safe on any tree).
int max_element_depth(const xmlNode* node);

}  // namespace nianbao::readers::html
