#pragma once
// Finding the report inside a government web page: the section headings 一、总体情况 …
// 六、其他需要报告的事项 mark where the report is, and the smallest element holding all of
// them is taken as its body. The rest of the page (navigation, breadcrumbs, footers) is left
// out, except the metadata box (发布机构, 发文日期), which is read for hints.

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/model/document.hpp"

namespace nianbao::readers::html {

// 1 … 6 when the line opens with a section heading of the report template (一、总体情况,
// 四、政府信息公开行政复议、行政诉讼情况 and their common rewordings, in Simplified or
// Traditional characters), 0 otherwise.
int section_heading_number(std::string_view line);

struct PageLine {
  std::string text;
  const xmlNode* block = nullptr;  // innermost block element the line started in
};

// Every line of visible text on the page in reading order, tables read as text.
std::vector<PageLine> page_lines(const xmlNode* root, bool& depth_exceeded);

class ReportBody {
 public:
  // `root` is the <body> (or the document element when the page has none).
  ReportBody(const xmlNode* root, const std::vector<PageLine>& lines);

  // The smallest element holding every section heading found on the page; the root itself when
  // fewer than two headings were found (then `found()` is false).
  const xmlNode* container() const { return container_; }
  bool found() const { return found_; }
  int headings() const { return heading_count_; }
  // How many different section headings the element holds somewhere inside.
  int headings_in(const xmlNode* element) const;
  bool inside(const xmlNode* node) const;

 private:
  const xmlNode* container_ = nullptr;
  bool found_ = false;
  int heading_count_ = 0;
  std::unordered_map<const xmlNode*, unsigned> masks_;
};

// The title line just above the report body when the body itself does not start with one
// (sites put the <h1> outside the content <div>); null when there is none.
const PageLine* title_line_before(const ReportBody& body, const std::vector<PageLine>& lines);

// Fills title, agency and date from the page: the report's own title line, the metadata box
// (发布机构/发文日期 and their variants, in tables, lists or running text) outside the body,
// and the <title> element as the last resort for the title.
model::SourceHints find_hints(const xmlDoc* doc, const ReportBody& body,
                              const std::vector<PageLine>& lines);

}  // namespace nianbao::readers::html
