#pragma once
// JSON for figures, written by hand so that values stay exact decimal strings (never a double).
// Used by `nianbao numeral TEXT...`, one line per input:
//   {"input": "共139件", "figures": [{"text": "139件", "value": 139, "low": null, "high": null,
//    "unit": "件", "qualifier": null, "span": [3, 9]}]}

#include <string>
#include <string_view>
#include <vector>

#include "normalizers/scanner.hpp"

namespace nianbao::norm {

// A JSON string literal, quotes included. Control characters are escaped; bytes that are not
// valid UTF-8 become \ufffd so the output is always valid JSON.
std::string json_string(std::string_view utf8);
// json_string, or null for an empty string.
std::string json_string_or_null(std::string_view utf8);

// One figure as a JSON object; value/low/high are JSON numbers written from the Decimal's digits,
// or null; unit and qualifier are strings, or null when there is none (as in the report record).
std::string figure_to_json(const Figure& figure);

// {"input": ..., "figures": [...]} for one scanned text, on one line.
std::string figures_to_json(std::string_view input, const std::vector<Figure>& figures);

}  // namespace nianbao::norm
