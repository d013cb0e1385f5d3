#include "extractor/audit/rules.hpp"

#include <charconv>

namespace nianbao::data {
std::string_view audit_rules();
}  // namespace nianbao::data

namespace nianbao::audit {
namespace {

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(sep, start);
    out.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

std::map<std::string, std::string, std::less<>> parse_params(std::string_view text) {
  std::map<std::string, std::string, std::less<>> params;
  if (text == "-") return params;
  for (const std::string& item : split(text, ';')) {
    const std::size_t eq = item.find('=');
    if (eq != std::string::npos) params[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return params;
}

bool add_line(const std::vector<std::string>& f, RuleSet& set) {
  if (f[0] == "rule" && f.size() == 7) {
    if (f[3] != "error" && f[3] != "warning" && f[3] != "info") return false;
    if (f[4] != "fail" && f[4] != "flag") return false;
    set.rules.push_back({f[1], f[2], f[3], f[4], parse_params(f[5]), f[6]});
    return true;
  }
  if (f[0] == "pair" && f.size() == 4) {
    set.pairs.push_back({f[1], f[2], split(f[3], '+')});
    return true;
  }
  if (f[0] == "rename" && f.size() == 3 && !f[1].empty()) {
    set.renames.push_back({f[1], f[2]});
    return true;
  }
  if (f[0] == "township" && f.size() >= 2) {
    set.township_endings.insert(set.township_endings.end(), f.begin() + 1, f.end());
    return true;
  }
  return false;
}

}  // namespace

const Rule* RuleSet::find(std::string_view id) const {
  for (const Rule& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

long long RuleSet::param(std::string_view id, std::string_view name, long long fallback) const {
  const Rule* rule = find(id);
  if (rule == nullptr) return fallback;
  const auto it = rule->params.find(name);
  if (it == rule->params.end()) return fallback;
  long long value = 0;
  const std::string& text = it->second;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() ? value : fallback;
}

RuleSet parse_rules(std::string_view tsv, std::vector<std::string>& problems) {
  RuleSet set;
  int line_number = 0;
  for (const std::string& line : split(tsv, '\n')) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    if (!add_line(split(line, '\t'), set))
      problems.push_back("audit_rules.tsv line " + std::to_string(line_number) + ": " + line);
  }
  return set;
}

const RuleSet& builtin_rules() {
  static const RuleSet rules = [] {
    std::vector<std::string> problems;
    return parse_rules(data::audit_rules(), problems);
  }();
  return rules;
}

}  // namespace nianbao::audit
