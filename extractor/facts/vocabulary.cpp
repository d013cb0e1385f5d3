#include "extractor/facts/vocabulary.hpp"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>

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

// ---- Word search with a cheap first test
// --------------------------------------------------------- metric_for tries about a hundred rules,
// each with a few words, on a phrase of a dozen characters: most of those words cannot be in it at
// all. The characters a text holds are kept as a set of bits (hashed from the three bytes each
// character starts with), and a word is searched for only when the set holds its first character.
// The search itself decides, so a collision only costs a search.

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

constexpr std::size_t k_char_bits = 1024;

// The bit of the character at `at`: its first three bytes (fewer at the text's end), hashed.
std::size_t char_bit(std::string_view s, std::size_t at) {
  auto byte = [&](std::size_t k) -> std::uint32_t {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u;
  };
  const std::uint32_t v = byte(at) << 16 | byte(at + 1) << 8 | byte(at + 2);
  return static_cast<std::size_t>((v * 2654435761u) >> 22);  // 10 bits: 0 … 1023
}

struct Word {
  std::string text;
  // Whether `bit` stands for the word's start: a word that begins with a character of three
  // bytes or more (any Han character) is found only where a text's character has those bytes.
  bool keyed = false;
  std::size_t bit = 0;
};

Word word_of(const std::string& text) {
  Word w{text, false, 0};
  if (text.size() >= 3 && !is_continuation_byte(text[0])) {
    w.keyed = true;
    w.bit = char_bit(text, 0);
  }
  return w;
}

class TextChars {
 public:
  explicit TextChars(std::string_view text) : text_(text) {
    for (std::size_t at = 0; at < text.size(); ++at)
      if (!is_continuation_byte(text[at])) bits_.set(char_bit(text, at));
  }
  bool holds(const Word& w) const {
    if (w.text.empty() || (w.keyed && !bits_.test(w.bit))) return false;
    return text_.find(w.text) != std::string_view::npos;
  }

 private:
  std::string_view text_;
  std::bitset<k_char_bits> bits_;
};

using Words = std::vector<Word>;

Words words_of(const std::vector<std::string>& texts) {
  Words out;
  for (const std::string& t : texts) out.push_back(word_of(t));
  return out;
}

std::vector<Words> groups_of(const WordGroups& groups) {
  std::vector<Words> out;
  for (const std::vector<std::string>& g : groups) out.push_back(words_of(g));
  return out;
}

bool has_any(const TextChars& text, const Words& words) {
  return std::any_of(words.begin(), words.end(), [&](const Word& w) { return text.holds(w); });
}

bool has_all(const TextChars& text, const std::vector<Words>& groups) {
  return std::all_of(groups.begin(), groups.end(),
                     [&](const Words& g) { return has_any(text, g); });
}

// A metric rule with its words ready for TextChars, and its units as bits of the rules' units.
struct SearchRule {
  const MetricRule* rule;
  std::vector<Words> phrase;
  std::vector<Words> context;
  Words exclude;
  std::uint64_t unit_bits = 0;
};

struct SearchRules {
  std::vector<SearchRule> rules;
  std::vector<std::string> units;  // every unit some rule names, each once (at most 64)

  // The bit of `unit` among `units`, or 0 for a unit no rule names.
  std::uint64_t unit_bit(std::string_view unit) const {
    for (std::size_t i = 0; i < units.size(); ++i)
      if (units[i] == unit) return std::uint64_t{1} << i;
    return 0;
  }
  // Whether a figure of the unit with `bit` can have the rule's metric.
  static bool unit_fits(const SearchRule& r, std::uint64_t bit) {
    return r.rule->units.empty() || (r.unit_bits & bit) != 0;
  }
};

const SearchRules& search_rules();

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

namespace {

const SearchRules& search_rules() {
  static const SearchRules rules = [] {
    SearchRules out;
    for (const MetricRule& rule : metric_rules()) {
      SearchRule r{&rule, groups_of(rule.phrase), groups_of(rule.context), words_of(rule.exclude),
                   0};
      for (const std::string& unit : rule.units) {
        if (out.unit_bit(unit) == 0) out.units.push_back(unit);
        r.unit_bits |= out.unit_bit(unit);
      }
      out.rules.push_back(std::move(r));
    }
    if (out.units.size() > 64) throw std::logic_error("metrics.tsv: more than 64 distinct units");
    return out;
  }();
  return rules;
}

}  // namespace

std::string metric_for(std::string_view phrase, std::string_view head, std::string_view unit) {
  std::string context(head);
  context += phrase;
  const TextChars in_phrase(phrase);
  std::optional<TextChars> in_context;  // made when a rule's phrase words are all there
  const SearchRules& rules = search_rules();
  const std::uint64_t unit_bit = rules.unit_bit(unit);
  for (const SearchRule& r : rules.rules) {
    const MetricRule& rule = *r.rule;
    if (rule.table_only || !SearchRules::unit_fits(r, unit_bit) || has_any(in_phrase, r.exclude))
      continue;
    if (!has_all(in_phrase, r.phrase)) continue;
    if (!in_context) in_context.emplace(context);
    if (has_all(*in_context, r.context)) return rule.metric;
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
