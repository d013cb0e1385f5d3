#include "extractor/readers/html/html_reader.hpp"

#include <algorithm>
#include <array>

#include "extractor/readers/encoding.hpp"
#include "extractor/readers/html/charset_sniff.hpp"
#include "extractor/readers/html/css_table.hpp"
#include "extractor/readers/html/html_dom.hpp"
#include "extractor/readers/html/html_flow.hpp"
#include "extractor/readers/html/html_tables.hpp"
#include "extractor/readers/html/report_body.hpp"

namespace nianbao::readers {
namespace {

using html::PathIndex;
using html::ReportBody;

// Real report pages are well under 5 MiB; anything past this is not a page worth parsing.
constexpr std::size_t k_max_html_bytes = 64u * 1024 * 1024;

void add(model::Document& doc, const char* code, model::Severity severity, std::string message) {
  doc.diagnostics.push_back({code, severity, std::move(message), {}});
}

void fail(model::Document& doc, const char* code, std::string message) {
  doc.readable = false;
  add(doc, code, model::Severity::error, std::move(message));
}

// Text, in any charset we read, has next to no C0 control bytes; binary data (an image or an
// archive saved under .html) has them everywhere. UTF-16 is recognised by its BOM first.
bool looks_binary(std::string_view bytes) {
  if (bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0) return false;
  const std::size_t n = std::min<std::size_t>(bytes.size(), 65536);
  std::size_t control = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ++control;
  }
  return control * 100 > n;  // more than 1%
}

// Site furniture that is left out when the report body could not be located and the whole
// page is read: navigation, headers and footers, by element or by the names sites give them.
bool is_page_chrome(const xmlNode* element) {
  for (std::string_view tag : {"nav", "header", "footer", "aside"}) {
    if (html::is_element(element, tag)) return true;
  }
  std::string names = html::attribute(element, "id") + " " + html::attribute(element, "class");
  std::transform(names.begin(), names.end(), names.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  constexpr std::array<std::string_view, 12> k_chrome_names = {
      "nav",    "menu",  "footer",  "header",  "breadcrumb", "crumb",
      "banner", "share", "toolbar", "sidebar", "copyright",  "position"};
  return std::any_of(k_chrome_names.begin(), k_chrome_names.end(),
                     [&](std::string_view n) { return names.find(n) != std::string::npos; });
}

// Emits the report body in reading order: paragraphs as blocks, data tables as grids, layout
// tables read through as text.
class BodyEmitter final : public html::FlowWalker {
 public:
  BodyEmitter(model::Document& doc, PathIndex& paths, const ReportBody& body)
      : doc_(doc), paths_(paths), body_(body), tables_(doc, paths) {}

  void paragraph(std::string text, const xmlNode* block) {
    model::Block b;
    b.kind = model::Block::Kind::paragraph;
    b.paragraph.text = std::move(text);
    b.paragraph.locator.path = paths_.path(block);
    doc_.blocks.push_back(std::move(b));
  }

 protected:
  void on_line(std::string text, const xmlNode* block) override {
    paragraph(std::move(text), block);
  }

  bool take_table(const xmlNode* table) override {
    const int headings = body_.headings_in(table);
    if (html::is_layout_table(table, headings)) return false;
    emit_caption(table);
    model::Block b;
    b.kind = model::Block::Kind::table;
    b.table = tables_.build(table);
    if (headings == 1) emit_heading_row(doc_.tables[static_cast<std::size_t>(b.table)]);
    doc_.blocks.push_back(std::move(b));
    return true;
  }

  bool skip_element(const xmlNode* element) override {
    return !body_.found() && is_page_chrome(element);
  }

 private:
  void emit_caption(const xmlNode* table) {
    for (const xmlNode* c = table->children; c != nullptr; c = c->next) {
      if (html::table_role(c) != html::TableRole::caption) continue;
      html::LineBuilder builder;
      collect_text(c, builder, 0);
      std::string text = builder.take();
      if (!text.empty()) paragraph(std::move(text), c);
    }
  }
  // A section heading written as the first row of its data table ("二、主动公开政府信息情况"
  // spanning the columns) also opens the section as a paragraph, where headings are looked for.
  void emit_heading_row(const model::Table& table) {
    for (const model::Cell& cell : table.cells) {
      if (cell.row != 0) break;
      const std::string_view first_line =
          std::string_view(cell.text).substr(0, cell.text.find('\n'));
      if (html::section_heading_number(first_line) == 0) continue;
      model::Block b;
      b.kind = model::Block::Kind::paragraph;
      b.paragraph.text = std::string(first_line);
      b.paragraph.locator = cell.locator;
      doc_.blocks.push_back(std::move(b));
    }
  }
  static void collect_text(const xmlNode* node, html::LineBuilder& builder, int depth) {
    if (depth > html::k_max_walk_depth) return;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      if (c->type == XML_TEXT_NODE) builder.add(html::text_of(c));
      if (c->type == XML_ELEMENT_NODE && !html::is_skipped(c)) collect_text(c, builder, depth + 1);
    }
  }

  model::Document& doc_;
  PathIndex& paths_;
  const ReportBody& body_;
  html::TableBuilder tables_;
};

const xmlNode* body_element(const xmlDoc* doc) {
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return nullptr;
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (html::is_element(c, "body")) return c;
  }
  return root;
}

bool reaches_parser_depth_limit(const xmlDoc* doc) {
  const xmlNode* root = xmlDocGetRootElement(doc);
  return root != nullptr && html::max_element_depth(root) >= html::k_parser_depth_limit - 1;
}

// Inputs that are no page at all; true when `doc` was marked unreadable.
bool reject_unusable_input(std::string_view bytes, model::Document& doc) {
  if (bytes.empty()) {
    fail(doc, "html_empty", "the page is empty (0 bytes)");
  } else if (bytes.size() > k_max_html_bytes) {
    fail(doc, "html_too_large", "the page is larger than 64 MiB; no report page is that big");
  } else if (looks_binary(bytes)) {
    fail(doc, "html_binary_content", "the file holds binary data, not an HTML page");
  } else {
    return false;
  }
  return true;
}

html::DocPtr decode_and_parse(std::string_view bytes, model::Document& doc) {
  const std::string declared = html::find_declared_charset(bytes);
  const Decoded decoded = decode_to_utf8(bytes, declared, doc.diagnostics);
  doc.source.encoding = decoded.encoding;
  html::DocPtr tree = html::parse_utf8_html(html::without_conditional_markers(decoded.utf8));
  if (tree && reaches_parser_depth_limit(tree.get())) {
    add(doc, "html_nesting_too_deep", model::Severity::warning,
        "elements nest " + std::to_string(html::k_parser_depth_limit) +
            " levels deep; the parser stops there and the rest of the page is lost");
  }
  return tree;
}

// Finds the report in the page and fills hints and blocks.
void read_report(const xmlDoc* tree, const xmlNode* root, model::Document& doc) {
  bool depth_exceeded = false;
  const std::vector<html::PageLine> lines = html::page_lines(root, depth_exceeded);
  const ReportBody body(root, lines);
  if (!body.found()) {
    add(doc, "html_report_body_not_found", model::Severity::info,
        "no section headings (一、总体情况 … 六、其他需要报告的事项) found; the whole page is "
        "read without its navigation and footers");
  }
  doc.hints = html::find_hints(tree, body, lines);

  PathIndex paths;
  BodyEmitter emitter(doc, paths, body);
  if (const html::PageLine* title = html::title_line_before(body, lines)) {
    emitter.paragraph(title->text, title->block);
  }
  emitter.walk(body.container());
  const bool reported =
      std::any_of(doc.diagnostics.begin(), doc.diagnostics.end(),
                  [](const auto& d) { return d.code == "html_nesting_too_deep"; });
  if ((depth_exceeded || emitter.depth_exceeded()) && !reported) {
    add(doc, "html_nesting_too_deep", model::Severity::warning,
        "content nested deeper than " + std::to_string(html::k_max_walk_depth) +
            " elements was skipped");
  }
}

}  // namespace

void read_html(std::string_view bytes, model::Document& doc) {
  if (reject_unusable_input(bytes, doc)) return;
  const html::DocPtr tree = decode_and_parse(bytes, doc);
  const xmlNode* root = tree ? body_element(tree.get()) : nullptr;
  if (root == nullptr) {
    fail(doc, "html_parse_failed", "no HTML tree could be built from the page");
    return;
  }
  const html::ClassDisplayRules class_rules(tree.get());
  const html::ClassRulesScope rules_in_use(tree.get(), class_rules);
  read_report(tree.get(), root, doc);
  if (doc.blocks.empty()) fail(doc, "html_no_text", "the page has no visible text");
}

}  // namespace nianbao::readers
