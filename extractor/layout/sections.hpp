#pragma once
// Finds the report's section headings (一、总体情况 … 六、其他需要报告的事项 and the older
// free-form sets) among the document's paragraphs.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/model/document.hpp"
#include "extractor/model/record.hpp"

namespace nianbao::layout {

struct SectionHeading {
  model::SectionInfo info;
  std::size_t block = 0;  // index into Document::blocks
  int ordinal = 0;        // the heading's number as an integer (一 = 1)
};

// The value of a Chinese numeral of one or two characters (一 … 九十九), or nullopt.
std::optional<int> small_chinese_numeral(std::u32string_view digits);

// If `text` (one paragraph) is a section heading, returns it. `previous_ordinal` is the number
// of the heading before it (0 for none); numbering must increase.
std::optional<SectionHeading> classify_heading(std::string_view text, int previous_ordinal);

// All section headings of the document, in order.
std::vector<SectionHeading> find_sections(const model::Document& doc);

// The section key a heading's words name ("overview", "proactive" …), or "" when none.
std::string section_key_for(std::string_view heading_text);

}  // namespace nianbao::layout
