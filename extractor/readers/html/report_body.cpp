#include "extractor/readers/html/report_body.hpp"

#include <array>
#include <bit>
#include <optional>
#include <utility>

#include "extractor/readers/html/html_dom.hpp"
#include "extractor/readers/html/html_flow.hpp"
#include "extractor/readers/html/html_text.hpp"
#include "extractor/readers/html/traditional.hpp"

namespace nianbao::readers::html {
namespace {

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// The first `n` code points of UTF-8 text.
std::string_view prefix_code_points(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t count = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == n) break;
      ++count;
    }
  }
  return s.substr(0, i);
}

constexpr std::array<std::string_view, 6> k_numerals = {"一", "二", "三", "四", "五", "六"};
constexpr std::array<std::string_view, 5> k_enumeration_marks = {"、", "，", "．", ".", "："};

// Words that identify each section in its heading, in Simplified characters. The template's
// wording is the first; the others are the rewordings real reports use (FORMATS.md §6.1).
const std::array<std::vector<std::string_view>, 6>& section_keywords() {
  static const std::array<std::vector<std::string_view>, 6> keywords = {{
      {"总体情况", "概述", "基本情况", "总体", "概况"},
      {"主动公开"},
      {"收到和处理", "依申请", "申请"},
      {"复议", "诉讼"},
      {"问题", "改进"},
      {"其他需要报告", "其他", "需要说明"},
  }};
  return keywords;
}

bool has_keyword(std::string_view text, int number) {
  for (std::string_view word : section_keywords()[static_cast<std::size_t>(number - 1)]) {
    if (contains(text, word)) return true;
  }
  return false;
}

class LineCollector final : public FlowWalker {
 public:
  std::vector<PageLine> lines;

 protected:
  void on_line(std::string text, const xmlNode* block) override {
    lines.push_back({std::move(text), block});
  }
};

// --- metadata box -------------------------------------------------------------------------

constexpr std::array<std::string_view, 14> k_agency_labels = {
    "发布机构", "發布機構", "發佈機構", "发文机关", "發文機關", "发布单位", "發布單位",
    "发文单位", "发布部门", "信息来源", "信息來源", "資訊來源", "来源",     "來源"};
constexpr std::array<std::string_view, 13> k_date_labels = {
    "发文日期", "發文日期", "发布日期", "發布日期", "發佈日期", "成文日期", "发布时间",
    "發布時間", "發佈時間", "公开日期", "公開日期", "生成日期", "发布时期"};
constexpr std::array<std::string_view, 4> k_title_labels = {"标题", "標題", "名称", "名稱"};
// Other fields of the box: a value stops where the next field begins.
constexpr std::array<std::string_view, 20> k_other_labels = {
    "索引号",   "索引號",   "主题分类", "主題分類", "文号",   "文號",    "发文字号",
    "公开方式", "公開方式", "公开时限", "有效性",   "主题词", "主題詞",  "体裁分类",
    "组配分类", "浏览次数", "瀏覽次數", "字号",     "字號",   "公开范围"};

bool is_colon_or_space(std::string_view s, std::size_t i, std::size_t& length) {
  for (std::string_view mark : {"：", ":", " ", "\xE3\x80\x80", "\xC2\xA0"}) {
    if (s.compare(i, mark.size(), mark) == 0) {
      length = mark.size();
      return true;
    }
  }
  return false;
}

struct Field {
  std::size_t label_at = 0;     // where the label starts
  std::size_t value_start = 0;  // just after "LABEL：" and any spaces
};

// The label in `line` when it stands as a field name: followed by a colon, or ending the line
// (the value then sits in the next cell).
std::optional<Field> find_field(std::string_view line, std::string_view label) {
  for (std::size_t at = line.find(label); at != std::string_view::npos;
       at = line.find(label, at + 1)) {
    std::size_t p = at + label.size();
    bool colon = false;
    std::size_t length = 0;
    while (p < line.size() && is_colon_or_space(line, p, length)) {
      if (line.compare(p, length, "：") == 0 || line.compare(p, length, ":") == 0) colon = true;
      p += length;
    }
    if (colon || p >= line.size()) return Field{at, p};
  }
  return std::nullopt;
}

// Where the next field of the box begins in `value` (its size when none does).
std::size_t next_field_position(std::string_view value) {
  std::size_t cut = value.size();
  auto consider = [&](std::string_view label) {
    if (auto field = find_field(value, label); field && field->label_at < cut) {
      cut = field->label_at;
    }
  };
  for (auto label : k_agency_labels) consider(label);
  for (auto label : k_date_labels) consider(label);
  for (auto label : k_title_labels) consider(label);
  for (auto label : k_other_labels) consider(label);
  return cut;
}

bool starts_with_field(std::string_view line) { return next_field_position(line) == 0; }

template <std::size_t N>
std::optional<std::string> field_value(const std::vector<const PageLine*>& lines,
                                       const std::array<std::string_view, N>& labels) {
  for (std::string_view label : labels) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string_view line = lines[i]->text;
      const auto field = find_field(line, label);
      if (!field) continue;
      std::string_view value = line.substr(field->value_start);
      value = trim_all_space(value.substr(0, next_field_position(value)));
      if (value.empty() && i + 1 < lines.size() && !starts_with_field(lines[i + 1]->text)) {
        value = lines[i + 1]->text;
        value = trim_all_space(value.substr(0, next_field_position(value)));
      }
      if (!value.empty() && code_points(value) <= 60) return std::string(value);
    }
  }
  return std::nullopt;
}

bool is_date_char(std::string_view s, std::size_t i, std::size_t& length) {
  length = 1;
  if ((s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '/' || s[i] == '.') return true;
  for (std::string_view mark : {"年", "月", "日"}) {
    if (s.compare(i, mark.size(), mark) == 0) {
      length = mark.size();
      return true;
    }
  }
  return false;
}

// The date inside a field value ("2020-01-20 10:32" → "2020-01-20"), as written.
std::string date_as_written(std::string_view value) {
  for (std::size_t i = 0; i + 4 <= value.size(); ++i) {
    bool four_digits = true;
    for (std::size_t k = 0; k < 4; ++k)
      if (value[i + k] < '0' || value[i + k] > '9') four_digits = false;
    if (!four_digits) continue;
    std::size_t end = i;
    std::size_t length = 0;
    while (end < value.size() && is_date_char(value, end, length)) end += length;
    std::string_view date = value.substr(i, end - i);
    while (!date.empty() && (date.back() == '-' || date.back() == '/' || date.back() == '.'))
      date.remove_suffix(1);
    return std::string(date);
  }
  return std::string(value);
}

// "来源：本站" names the website, not the agency that wrote the report.
bool names_an_agency(std::string_view value) {
  for (std::string_view site : {"本站", "本网", "网站", "原创", "本網", "網站"}) {
    if (contains(value, site)) return false;
  }
  return true;
}

// --- title ---------------------------------------------------------------------------------

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool mentions_report(std::string_view line) {
  return contains(line, "报告") || contains(line, "報告");
}

// The line without a closing parenthetical such as "（摘要）" or "(2021年)".
std::string_view without_trailing_parenthetical(std::string_view t) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"},
                             std::pair<std::string_view, std::string_view>{"(", ")"}}) {
    if (!ends_with(t, close)) continue;
    const std::size_t at = t.rfind(open);
    if (at != std::string_view::npos && at > 0) return trim_all_space(t.substr(0, at));
  }
  return t;
}

// A report title names the annual report and ends with it ("…政府信息公开工作年度报告",
// "…年报", maybe followed by "（摘要）"); an introduction that cites the 年度报告格式 does not.
bool reads_as_report_title(std::string_view line) {
  const std::string_view t = without_trailing_parenthetical(trim_all_space(line));
  const bool names_report = contains(t, "年度报告") || contains(t, "年度報告") ||
                            contains(t, "年报") || contains(t, "年報");
  return names_report && (ends_with(t, "报告") || ends_with(t, "報告") || ends_with(t, "年报") ||
                          ends_with(t, "年報"));
}

bool looks_like_breadcrumb(std::string_view line) {
  for (std::string_view marker :
       {">", "＞", "»", "→", "当前位置", "當前位置", "您现在的位置", "首页", "首頁"}) {
    if (contains(line, marker)) return true;
  }
  return false;
}

bool is_title_candidate(std::string_view line) {
  return reads_as_report_title(line) && code_points(line) <= 80 && !looks_like_breadcrumb(line) &&
         !starts_with_field(line) && section_heading_number(line) == 0;
}

bool inside_link(const xmlNode* node, const xmlNode* stop) {
  for (const xmlNode* n = node->parent; n != nullptr && n != stop->parent; n = n->parent) {
    if (is_element(n, "a")) return true;
  }
  return false;
}

// Whether every piece of visible text in the block is link text: the list of other years'
// reports in a sidebar, not the title of this one.
bool is_link_text(const xmlNode* block) {
  std::vector<const xmlNode*> stack{block};
  bool any_text = false;
  while (!stack.empty()) {
    const xmlNode* n = stack.back();
    stack.pop_back();
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && !is_skipped(c)) stack.push_back(c);
      if (c->type != XML_TEXT_NODE || trim_all_space(text_of(c)).empty()) continue;
      if (!inside_link(c, block)) return false;
      any_text = true;
    }
  }
  return any_text;
}

const xmlNode* find_element(const xmlNode* node, std::string_view name, int depth) {
  if (node == nullptr || depth > 4) return nullptr;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (is_element(c, name)) return c;
    if (is_element(c, "head") || is_element(c, "html")) {
      if (const xmlNode* found = find_element(c, name, depth + 1)) return found;
    }
  }
  return nullptr;
}

// <title> text without the site name sites append ("…年度报告_某某区人民政府").
std::string title_element_text(const xmlDoc* doc) {
  const xmlNode* title = find_element(reinterpret_cast<const xmlNode*>(doc), "title", 0);
  if (title == nullptr) return {};
  LineBuilder builder;
  for (const xmlNode* c = title->children; c != nullptr; c = c->next) builder.add(text_of(c));
  const std::string text = builder.take();
  std::string_view best;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t cut = rest.size();
    std::size_t sep_length = 0;
    for (std::string_view sep : {"_", " - ", "|", "｜", "－", "——"}) {
      const std::size_t at = rest.find(sep);
      if (at != std::string_view::npos && at < cut) {
        cut = at;
        sep_length = sep.size();
      }
    }
    const std::string_view part = trim_all_space(rest.substr(0, cut));
    if (best.empty() || (!mentions_report(best) && mentions_report(part))) best = part;
    rest = cut == rest.size() ? std::string_view{} : rest.substr(cut + sep_length);
  }
  return std::string(best);
}

}  // namespace

int section_heading_number(std::string_view line) {
  std::string_view t = trim_all_space(line);
  for (std::size_t n = 0; n < k_numerals.size(); ++n) {
    if (t.rfind(k_numerals[n], 0) != 0) continue;
    const std::string_view after_numeral = t.substr(k_numerals[n].size());
    std::string_view rest = trim_all_space(after_numeral);
    // A space after the number serves as the mark ("一 总体情况"), or sits before it ("一 、").
    bool marked = rest.size() != after_numeral.size();
    for (std::string_view mark : k_enumeration_marks) {
      if (rest.rfind(mark, 0) == 0) {
        rest.remove_prefix(mark.size());
        marked = true;
        break;
      }
    }
    if (!marked) return 0;
    // The heading's words come right after the number; a sentence that merely mentions
    // 申请 further on does not make a heading.
    const std::string_view head = prefix_code_points(rest, 24);
    const int number = static_cast<int>(n) + 1;
    if (has_keyword(head, number)) return number;
    if (has_keyword(to_simplified(head), number)) return number;
    return 0;
  }
  return 0;
}

std::vector<PageLine> page_lines(const xmlNode* root, bool& depth_exceeded) {
  LineCollector collector;
  collector.walk(root);
  depth_exceeded = collector.depth_exceeded();
  return std::move(collector.lines);
}

ReportBody::ReportBody(const xmlNode* root, const std::vector<PageLine>& lines) {
  container_ = root;
  for (const PageLine& line : lines) {
    const int number = section_heading_number(line.text);
    if (number == 0) continue;
    const unsigned bit = 1u << (number - 1);
    for (const xmlNode* n = line.block; n != nullptr && n->type == XML_ELEMENT_NODE;
         n = n->parent) {
      masks_[n] |= bit;
      if (n == root) break;
    }
  }
  const auto root_mask = masks_.find(root);
  const unsigned full = root_mask == masks_.end() ? 0u : root_mask->second;
  heading_count_ = std::popcount(full);
  if (heading_count_ < 2) return;  // one heading alone does not locate a report
  found_ = true;
  for (bool descended = true; descended;) {
    descended = false;
    for (const xmlNode* c = container_->children; c != nullptr; c = c->next) {
      auto it = masks_.find(c);
      if (it != masks_.end() && it->second == full) {
        container_ = c;
        descended = true;
        break;
      }
    }
  }
}

int ReportBody::headings_in(const xmlNode* element) const {
  const auto it = masks_.find(element);
  return it == masks_.end() ? 0 : std::popcount(it->second);
}

bool ReportBody::inside(const xmlNode* node) const {
  for (const xmlNode* n = node; n != nullptr; n = n->parent) {
    if (n == container_) return true;
  }
  return false;
}

const PageLine* title_line_before(const ReportBody& body, const std::vector<PageLine>& lines) {
  if (!body.found()) return nullptr;
  std::size_t first_inside = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (body.inside(lines[i].block)) {
      first_inside = i;
      break;
    }
  }
  for (std::size_t i = first_inside; i < lines.size(); ++i) {
    if (section_heading_number(lines[i].text) != 0) break;
    if (is_title_candidate(lines[i].text)) return nullptr;  // the body has its own title
  }
  constexpr std::size_t k_lookback = 40;
  for (std::size_t back = 1; back <= k_lookback && back <= first_inside; ++back) {
    const PageLine& line = lines[first_inside - back];
    if (is_title_candidate(line.text) && !is_link_text(line.block)) return &line;
  }
  return nullptr;
}

model::SourceHints find_hints(const xmlDoc* doc, const ReportBody& body,
                              const std::vector<PageLine>& lines) {
  model::SourceHints hints;
  std::vector<const PageLine*> outside;  // lines outside the report's own text
  const PageLine* first_title_inside = nullptr;
  bool heading_seen = false;
  for (const PageLine& line : lines) {
    if (!body.found() || !body.inside(line.block)) {
      outside.push_back(&line);
      // Without a located body, the page's first title-like line that is not a link is the
      // best guess (free-form reports before 2019 have no template headings).
      if (!body.found() && first_title_inside == nullptr && is_title_candidate(line.text) &&
          !is_link_text(line.block)) {
        first_title_inside = &line;
      }
    } else if (!heading_seen) {
      heading_seen = section_heading_number(line.text) != 0;
      if (heading_seen) continue;
      // Before the first heading the body holds the title and, on pages framed by one big
      // table, the metadata line too.
      outside.push_back(&line);
      if (first_title_inside == nullptr && is_title_candidate(line.text))
        first_title_inside = &line;
    }
  }
  if (first_title_inside != nullptr) {
    hints.title = first_title_inside->text;
  } else if (const PageLine* above = title_line_before(body, lines)) {
    hints.title = above->text;
  } else if (auto title = field_value(outside, k_title_labels)) {
    hints.title = *title;
  } else {
    hints.title = title_element_text(doc);
  }
  if (auto agency = field_value(outside, k_agency_labels); agency && names_an_agency(*agency))
    hints.agency = *agency;
  if (auto date = field_value(outside, k_date_labels)) hints.published = date_as_written(*date);
  return hints;
}

}  // namespace nianbao::readers::html
