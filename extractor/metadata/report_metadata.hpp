#pragma once
// Report metadata a reader of the record needs: title, year, issuing agency, publication date.
// Each is taken only from a place that states it (the title, the statistics period, the
// publication line, the body's naming of the agency), never from a year that merely appears.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/layout/sections.hpp"
#include "extractor/model/document.hpp"
#include "extractor/model/record.hpp"

namespace nianbao::metadata {

model::ReportMeta read_metadata(const model::Document& doc,
                                const std::vector<layout::SectionHeading>& sections);

// The report title: the short line(s) before the first section that name a report.
std::string find_title(const model::Document& doc,
                       const std::vector<layout::SectionHeading>& sections);

// The year a title names ("…2019年政府信息公开工作年度报告", "…2011年度信息公开的报告").
std::optional<int> year_in_title(std::string_view title);

// The agency a title names, before or after its year; "" for a template placeholder (XX乡镇).
std::string agency_in_title(std::string_view title);

// The agency the body names most often as a subject (e.g. "市经信局主动在…"), preferring the
// fullest form the text gives ("万源市经信局").
std::string agency_in_body(const std::vector<std::string>& paragraphs);

}  // namespace nianbao::metadata
