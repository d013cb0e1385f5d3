#include "extractor/metadata/agency_words.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "extractor/facts/data_lines.hpp"
#include "extractor/metadata/text_utils.hpp"

namespace nianbao::data {
std::string_view agency_words();
}  // namespace nianbao::data

namespace nianbao::metadata {

namespace {

void longest_first(std::vector<std::u32string>& words) {
  std::stable_sort(
      words.begin(), words.end(),
      [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
}

}  // namespace

AgencyWords parse_agency_words(std::string_view tsv) {
  AgencyWords words;
  const std::map<std::string, std::vector<std::u32string>*, std::less<>> lists = {
      {"name_end", &words.name_ends},
      {"prose_name_end", &words.prose_name_ends},
      {"department_end", &words.department_ends},
      {"noun_after_end", &words.nouns_after_end},
      {"self_pronoun", &words.self_pronouns},
      {"self_noun", &words.self_nouns},
      {"generic_word", &words.generic_words},
      {"not_name_start", &words.not_name_starts},
      {"predicate_start", &words.predicate_starts},
      {"subject_lead", &words.subject_leads},
      {"site_end", &words.site_ends},
      {"sentence_start", &words.sentence_starts},
      {"sentence_word", &words.sentence_words}};
  for (const std::vector<std::string>& fields : facts::data_rows(tsv)) {
    if (fields.size() < 2 || fields[1].empty())
      throw std::logic_error("agency_words.tsv: a line without a word");
    const std::u32string word = to_u32(fields[1]);
    if (fields[0] == "self_kind") {
      if (fields.size() < 3 || fields[2].empty())
        throw std::logic_error("agency_words.tsv: a self_kind without its name endings");
      std::vector<std::u32string>& ends = words.self_kinds[word];
      for (const std::string& end : facts::split(fields[2], '|')) ends.push_back(to_u32(end));
      longest_first(ends);
      continue;
    }
    if (fields[0] == "particle") {
      if (word.size() != 1) throw std::logic_error("agency_words.tsv: a particle is one character");
      words.particles += word;
      continue;
    }
    const auto list = lists.find(fields[0]);
    if (list == lists.end()) throw std::logic_error("agency_words.tsv: unknown kind " + fields[0]);
    list->second->push_back(word);
  }
  for (const auto& [kind, list] : lists) longest_first(*list);
  return words;
}

const AgencyWords& agency_words() {
  static const AgencyWords words = parse_agency_words(data::agency_words());
  return words;
}

std::size_t prefix_in(std::u32string_view text, const std::vector<std::u32string>& words) {
  for (const std::u32string& word : words)
    if (text.starts_with(word)) return word.size();
  return 0;
}

std::size_t suffix_in(std::u32string_view text, const std::vector<std::u32string>& words) {
  for (const std::u32string& word : words)
    if (text.ends_with(word)) return word.size();
  return 0;
}

bool holds_any(std::u32string_view text, const std::vector<std::u32string>& words) {
  for (const std::u32string& word : words)
    if (text.find(word) != std::u32string_view::npos) return true;
  return false;
}

}  // namespace nianbao::metadata
