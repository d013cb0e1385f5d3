#pragma once
// One self-contained HTML page per audit run: the findings in a table that sorts and filters
// in the page, and per agency an inline SVG chart over the years of requests received and
// their outcomes. No network, no external script or style: the page is one file to hand on.

#include <ostream>
#include <vector>

#include "extractor/audit/audit.hpp"

namespace nianbao::audit {

void write_html_page(std::ostream& out, const std::vector<AuditRecord>& records,
                     const AuditResult& result, const std::vector<Finding>& listed,
                     const RuleSet& rules);

// The chart of one agency (exposed for tests): an <svg> element.
std::string agency_chart_svg(const std::vector<AuditRecord>& records, const AgencySeries& series);

}  // namespace nianbao::audit
