#include "extractor/facts/data_lines.hpp"

namespace nianbao::facts {

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  for (std::size_t start = 0;;) {
    const std::size_t at = text.find(sep, start);
    out.emplace_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;  // "a|" gives "a" and "": a trailing empty cell is a cell
  }
}

std::vector<std::vector<std::string>> data_rows(std::string_view file) {
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : split(file, '\n')) {
    if (line.empty() || line.front() == '#') continue;
    rows.push_back(split(line, '\t'));
  }
  return rows;
}

}  // namespace nianbao::facts
