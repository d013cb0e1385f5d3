#pragma once
// Report metadata a reader of the record needs: title, year, issuing agency, publication date.
// Each is taken only from a place that states it (the title, the statistics period, the
// publication line, the body's naming of the agency), never from a year that merely appears.
// The title is a heading-like line that names a report, never a sentence; the agency a name
// (agency.hpp), from the title, the opening sentences' subject, the signature block, the page's
// metadata box, the file's name, or at last the body, in that order; empty where none is
// certain.

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

// The agency a title names, before or after its year, or in a part of its own ("2020年报_审计局",
// not a portal's name); "" for a template placeholder (XX乡镇), a self-reference (我办) or
// anything that is no name.
std::string agency_in_title(std::string_view title);

// The agency the body names as a subject (e.g. "市经信局主动在…") at least twice and more often
// than any other name, preferring the fullest form the text gives ("万源市经信局"); names that
// follow a verb or preposition (按照区政府要求) are objects and count only as fuller forms.
// A name that does not fit `kind` (self_kind in agency.hpp) is never the answer.
std::string agency_in_body(const std::vector<std::string>& paragraphs,
                           std::u32string_view kind = {});

}  // namespace nianbao::metadata
