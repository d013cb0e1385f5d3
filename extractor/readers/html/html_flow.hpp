#pragma once
// A walk over an element's content in reading order that turns it into lines of text, the way
// a browser lays it out: block elements and <br> end a line, inline elements join. Subclasses
// receive the lines and may take tables out of the flow (data tables become grids).

#include <libxml/tree.h>

#include <string>
#include <unordered_map>

#include "extractor/readers/html/html_text.hpp"

namespace nianbao::readers::html {

// Element paths for locators, computed once per element: a page of many siblings costs linear
// time, not quadratic, to locate.
class PathIndex {
 public:
  const std::string& path(const xmlNode* element);

 private:
  void index_children(const xmlNode* parent);
  std::unordered_map<const xmlNode*, std::string> steps_;  // "div[3]" for each indexed child
  std::unordered_map<const xmlNode*, std::string> paths_;
};

// Our own walk never descends further than this, whatever the tree holds. libxml2 stops at
// 256 levels already; this is the guard should that ever change.
inline constexpr int k_max_walk_depth = 320;

class FlowWalker {
 public:
  virtual ~FlowWalker() = default;
  FlowWalker() = default;
  FlowWalker(const FlowWalker&) = delete;
  FlowWalker& operator=(const FlowWalker&) = delete;

  // Walks the content of `root` (not the element's own tag) and flushes the last line.
  void walk(const xmlNode* root);
  bool depth_exceeded() const { return depth_exceeded_; }

 protected:
  // A finished, non-empty line and the innermost block element it started in.
  virtual void on_line(std::string text, const xmlNode* block) = 0;
  // Offered every <table> at a line boundary; return true when the subclass has consumed it
  // (the walk then skips its content), false to read it as flowing text.
  virtual bool take_table(const xmlNode* /*table*/) { return false; }
  // Extra elements to leave out (page chrome when the report body was not found).
  virtual bool skip_element(const xmlNode* /*element*/) { return false; }
  void flush();

 private:
  void visit(const xmlNode* node, const xmlNode* block, int depth);
  LineBuilder line_;
  const xmlNode* line_block_ = nullptr;
  bool depth_exceeded_ = false;
};

}  // namespace nianbao::readers::html
