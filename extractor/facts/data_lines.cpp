#include "extractor/facts/data_lines.hpp"

namespace nianbao::facts {

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const std::size_t at = text.find(sep);
    out.emplace_back(text.substr(0, at));
    text = at == std::string_view::npos ? std::string_view{} : text.substr(at + 1);
  }
  return out;
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
