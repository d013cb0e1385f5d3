#pragma once
// Text versus table as checks inside one record (issue 9): section 一's facts against the
// tables, by the audit's own pairs (audit_rules.tsv `pair`, rules T3-6 and AU-1), as
// checks[] entries; pipeline/extract.cpp appends those whose prose side was stated.

#include <vector>

#include "extractor/model/record.hpp"

namespace nianbao::audit {

// One check per pair the record can speak to: pass, fail (both sides) or not_assessable
// (`missing` names the absent side: the figure ids, or "fact:<metric>").
std::vector<model::Check> text_table_checks(const model::Record& record);

// Whether section 一's prose states a metric some pair compares: without one, every pair is
// not_assessable for want of the prose side.
bool states_paired_metric(const model::Record& record);

}  // namespace nianbao::audit
