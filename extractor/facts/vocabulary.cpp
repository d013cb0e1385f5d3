#include "extractor/facts/vocabulary.hpp"

#include <algorithm>
#include <map>

#include "extractor/facts/data_lines.hpp"
#include "normalizers/text.hpp"

namespace nianbao::data {
std::string_view metrics();
std::string_view fact_phrases();
}  // namespace nianbao::data

namespace nianbao::facts {
namespace {

constexpr std::size_t k_rule_fields = 6;

WordGroups parse_groups(const std::string& field) {
  WordGroups groups;
  if (field == "*") return groups;
  for (const std::string& group : split(field, '&')) groups.push_back(split(group, '|'));
  return groups;
}

std::vector<std::string> parse_units(const std::string& field) {
  std::vector<std::string> units;
  if (field == "*") return units;
  for (std::string& u : split(field, '|')) units.push_back(u == "-" ? std::string() : std::move(u));
  return units;
}

std::vector<MetricRule> load_rules() {
  std::vector<MetricRule> rules;
  for (std::vector<std::string>& f : data_rows(data::metrics())) {
    if (f.size() < k_rule_fields) continue;
    MetricRule rule;
    rule.metric = std::move(f[0]);
    rule.units = parse_units(f[1]);
    rule.table_only = f[2] == "-";
    if (!rule.table_only) rule.phrase = parse_groups(f[2]);
    rule.context = parse_groups(f[3]);
    if (f[4] != "-") rule.exclude = split(f[4], '|');
    rule.meaning = std::move(f[5]);
    rules.push_back(std::move(rule));
  }
  return rules;
}

bool has_any(std::string_view text, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return !w.empty() && text.find(w) != std::string_view::npos;
  });
}

bool has_all(std::string_view text, const WordGroups& groups) {
  return std::all_of(groups.begin(), groups.end(),
                     [&](const std::vector<std::string>& g) { return has_any(text, g); });
}

bool unit_fits(const MetricRule& rule, std::string_view unit) {
  return rule.units.empty() ||
         std::find(rule.units.begin(), rule.units.end(), unit) != rule.units.end();
}

}  // namespace

const std::vector<MetricRule>& metric_rules() {
  static const std::vector<MetricRule> rules = load_rules();
  return rules;
}

std::vector<std::string> metric_ids() {
  std::vector<std::string> ids;
  for (const MetricRule& r : metric_rules())
    if (std::find(ids.begin(), ids.end(), r.metric) == ids.end()) ids.push_back(r.metric);
  return ids;
}

bool is_known_metric(std::string_view id) {
  const std::vector<MetricRule>& rules = metric_rules();
  return std::any_of(rules.begin(), rules.end(),
                     [&](const MetricRule& r) { return r.metric == id; });
}

std::string metric_for(std::string_view phrase, std::string_view head, std::string_view unit) {
  std::string context(head);
  context += phrase;
  for (const MetricRule& rule : metric_rules()) {
    if (rule.table_only || !unit_fits(rule, unit) || has_any(phrase, rule.exclude)) continue;
    if (has_all(phrase, rule.phrase) && has_all(context, rule.context)) return rule.metric;
  }
  return "";
}

bool WordList::may_start_with(char32_t c) const {
  return std::binary_search(first_chars.begin(), first_chars.end(), c);
}

const WordList& phrase_words(std::string_view kind) {
  static const std::map<std::string, WordList, std::less<>> lists = [] {
    std::map<std::string, WordList, std::less<>> out;
    for (const std::vector<std::string>& f : data_rows(data::fact_phrases())) {
      if (f.size() < 2) continue;
      WordList& list = out[f[0]];
      for (const std::string& w : split(f[1], '|')) {
        list.words.push_back(norm::decode_utf8(w).chars);
        if (!list.words.back().empty()) list.first_chars.push_back(list.words.back().front());
      }
      std::stable_sort(list.words.begin(), list.words.end(),
                       [](const auto& a, const auto& b) { return a.size() > b.size(); });
      for (const std::u32string& w : list.words) list.utf8.push_back(norm::to_utf8(w));
      std::sort(list.first_chars.begin(), list.first_chars.end());
    }
    return out;
  }();
  static const WordList none;
  const auto it = lists.find(kind);
  return it == lists.end() ? none : it->second;
}

}  // namespace nianbao::facts
