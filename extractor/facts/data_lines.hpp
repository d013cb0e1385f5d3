#pragma once
// Reading the project's TSV data files (templates/data/*.tsv): '#' comments, blank lines, fields
// separated by TAB, lists inside a field separated by one character.

#include <string>
#include <string_view>
#include <vector>

namespace nianbao::facts {

// `text` cut at every `sep` ("a|" → "a", ""); an empty text gives no parts.
std::vector<std::string> split(std::string_view text, char sep);

// The data lines of a file (no comments, no blank lines), each cut into its TAB fields.
std::vector<std::vector<std::string>> data_rows(std::string_view file);

}  // namespace nianbao::facts
