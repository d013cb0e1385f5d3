#pragma once
// The metric vocabulary (templates/data/metrics.tsv, docs/METRICS.md): which metric a figure in
// prose counts, decided from the words of its phrase and of its sentence, and its unit.

#include <string>
#include <string_view>
#include <vector>

namespace nianbao::facts {

// Words that must all be present: each group is a set of alternatives.
using WordGroups = std::vector<std::vector<std::string>>;

struct MetricRule {
  std::string metric;
  std::vector<std::string> units;  // "" stands for "no unit"; empty list for any unit
  WordGroups phrase;
  WordGroups context;
  std::vector<std::string> exclude;
  std::string meaning;
  bool table_only = false;  // a statistics-table metric that prose never names
};

// The rules in file order (the first that fits a figure names its metric).
const std::vector<MetricRule>& metric_rules();

// Every metric id the vocabulary defines, each once, in file order.
std::vector<std::string> metric_ids();
bool is_known_metric(std::string_view id);

// The metric of a figure with `unit` ("" for none) whose phrase (the figure's own words, without
// the figure) is `phrase` and whose sentence before the phrase is `head`; "" when no rule fits.
std::string metric_for(std::string_view phrase, std::string_view head, std::string_view unit);

// The word lists of templates/data/fact_phrases.tsv by kind ("verb", "adverb", …), longest first,
// with the code points they start with (sorted) so that a scan rejects most positions at once.
struct WordList {
  std::vector<std::u32string> words;
  std::vector<std::string> utf8;  // the same words, for byte-level comparison
  std::u32string first_chars;
  bool may_start_with(char32_t c) const;
};
const WordList& phrase_words(std::string_view kind);

}  // namespace nianbao::facts
