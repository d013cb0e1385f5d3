#pragma once
// The record as JSON (OUTPUT.md, schema nianbao.report/1).

#include <string>

#include "extractor/model/record.hpp"
#include "extractor/output/json_writer.hpp"

namespace nianbao::output {

inline constexpr const char* k_schema = "nianbao.report/1";

// A locator as a JSON object holding only the fields the reader could know.
void write_locator(JsonWriter& w, const model::Locator& loc);

// Appends the record to `out`: pretty (2-space indent) or on one line for NDJSON.
void append_record_json(const model::Record& record, std::string& out, bool pretty);

}  // namespace nianbao::output
