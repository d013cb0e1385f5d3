#include "extractor/readers/html/html_flow.hpp"

#include <map>
#include <vector>

#include "extractor/readers/html/css_table.hpp"
#include "extractor/readers/html/html_dom.hpp"

namespace nianbao::readers::html {

void PathIndex::index_children(const xmlNode* parent) {
  std::map<std::string_view, int> totals;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) ++totals[element_name(c)];
  }
  std::map<std::string_view, int> seen;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = element_name(c);
    const int position = ++seen[name];
    std::string step(name);
    if (totals[name] > 1) {
      // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "[" + std::string.
      step.push_back('[');
      step += std::to_string(position);
      step.push_back(']');
    }
    steps_[c] = std::move(step);
  }
}

const std::string& PathIndex::path(const xmlNode* element) {
  static const std::string empty;
  if (element == nullptr || element->type != XML_ELEMENT_NODE) return empty;
  if (auto it = paths_.find(element); it != paths_.end()) return it->second;
  // Collect the ancestors whose path is not known yet, then fill them top-down.
  std::vector<const xmlNode*> chain;
  for (const xmlNode* n = element; n != nullptr && n->type == XML_ELEMENT_NODE; n = n->parent) {
    if (paths_.count(n) != 0) break;
    chain.push_back(n);
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const xmlNode* n = *it;
    const xmlNode* parent = n->parent;
    std::string prefix;
    std::string step(element_name(n));
    if (parent != nullptr) {
      if (parent->type == XML_ELEMENT_NODE) prefix = paths_[parent];
      if (steps_.count(n) == 0) index_children(parent);
      step = steps_[n];
    }
    prefix.push_back('/');
    prefix += step;
    paths_[n] = std::move(prefix);
  }
  return paths_[element];
}

void FlowWalker::walk(const xmlNode* root) {
  if (root == nullptr) return;
  visit(root, root, 0);
  flush();
}

void FlowWalker::flush() {
  std::string text = line_.take();
  const xmlNode* block = line_block_;
  line_block_ = nullptr;
  if (!text.empty()) on_line(std::move(text), block);
}

void FlowWalker::visit(const xmlNode* node, const xmlNode* block, int depth) {
  if (depth > k_max_walk_depth) {
    depth_exceeded_ = true;
    return;
  }
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (line_.empty()) line_block_ = block;
      line_.add(text_of(child));
      continue;
    }
    if (child->type != XML_ELEMENT_NODE || is_skipped(child) || skip_element(child)) continue;
    if (is_element(child, "br")) {
      flush();
      continue;
    }
    if (is_table(child)) {  // <table>, or a complete CSS grid
      flush();
      if (take_table(child)) continue;
    }
    if (is_block(child)) {
      flush();
      visit(child, child, depth + 1);
      flush();
    } else {
      visit(child, block, depth + 1);
    }
  }
}

}  // namespace nianbao::readers::html
