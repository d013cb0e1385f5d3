#pragma once
// The flat form: one row per figure, each carrying its report's path, agency, year and
// template, for loading into a spreadsheet or a single database table. A record with no
// figure (a failed input, a report without tables) still gives one row with the figure
// fields empty, so every input is in the output.
//
// Columns: path, sha256, report_status, year, agency, template, figure_id, table, row, column,
// status, value, unit, raw, qualifier, locator, row_label (a row no template has: its label as
// written), header (a pre-2019 statistics table's value column). As NDJSON one object a line (value
// an exact JSON number, locator an object); as CSV (RFC 4180) with a header line, value as its
// exact decimal text and locator as compact JSON.

#include <string>

#include "extractor/model/record.hpp"

namespace nianbao::output {

enum class FlatFormat { ndjson, csv };

// The CSV header line (with its newline); empty for NDJSON.
std::string flat_header(FlatFormat format);

// Appends the record's rows, each ending with a newline.
void append_flat_rows(const model::Record& record, FlatFormat format, std::string& out);

// A locator as compact JSON ({"line":57,"column":2}), as in the record.
std::string locator_json(const model::Locator& locator);

}  // namespace nianbao::output
