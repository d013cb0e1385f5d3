#pragma once
// Facts: the figures a report states in its prose ("全年主动公开政府信息5928条", "受理依申请公开
// 12件"), each with its value, unit, qualifier, the phrase it stands in, where it stood, and the
// metric its words name (templates/data/metrics.tsv), in every era.

#include <string_view>
#include <vector>

#include "extractor/layout/sections.hpp"
#include "extractor/model/document.hpp"
#include "extractor/model/record.hpp"

namespace nianbao::facts {

struct FactOptions {
  // A template-era report whose tables were read: its table sections (二, 三, 四) hold table
  // cells rather than prose, so they give no facts.
  bool skip_table_sections = false;
};

std::vector<model::Fact> read_facts(const model::Document& doc,
                                    const std::vector<layout::SectionHeading>& sections,
                                    const FactOptions& options);

// The facts of one paragraph of prose, without section or locator (for tests and tools).
std::vector<model::Fact> facts_in_text(std::string_view paragraph);

// Whether a paragraph reads as prose rather than a flattened table row: it holds a Han
// character, no '|' cell bars and no TAB between cells.
bool is_prose(std::string_view paragraph);

}  // namespace nianbao::facts
