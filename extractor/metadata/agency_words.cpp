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

void WordList::finish() {
  std::stable_sort(
      words_.begin(), words_.end(),
      [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
  by_first_.clear();
  by_last_.clear();
  for (std::size_t i = 0; i < words_.size(); ++i) {
    by_first_[words_[i].front()].push_back(i);
    by_last_[words_[i].back()].push_back(i);
  }
}

std::size_t WordList::longest_at(std::u32string_view text, bool at_end) const {
  if (text.empty()) return 0;
  const auto& index = at_end ? by_last_ : by_first_;
  const auto it = index.find(at_end ? text.back() : text.front());
  if (it == index.end()) return 0;
  for (std::size_t i : it->second) {
    const std::u32string& word = words_[i];
    if (at_end ? text.ends_with(word) : text.starts_with(word)) return word.size();
  }
  return 0;
}

std::size_t WordList::prefix_of(std::u32string_view text) const { return longest_at(text, false); }
std::size_t WordList::suffix_of(std::u32string_view text) const { return longest_at(text, true); }

bool WordList::holds(std::u32string_view word) const {
  return !word.empty() && prefix_of(word) == word.size();
}

bool WordList::found_in(std::u32string_view text) const {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (prefix_of(text.substr(i)) > 0) return true;
  return false;
}

AgencyWords parse_agency_words(std::string_view tsv) {
  AgencyWords words;
  const std::map<std::string, WordList*, std::less<>> lists = {
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
      WordList& ends = words.self_kinds[word];
      for (const std::string& end : facts::split(fields[2], '|')) ends.add(to_u32(end));
      ends.finish();
      continue;
    }
    if (fields[0] == "particle") {
      if (word.size() != 1) throw std::logic_error("agency_words.tsv: a particle is one character");
      words.particles += word;
      continue;
    }
    const auto list = lists.find(fields[0]);
    if (list == lists.end()) throw std::logic_error("agency_words.tsv: unknown kind " + fields[0]);
    list->second->add(word);
  }
  for (const auto& [kind, list] : lists) list->finish();
  return words;
}

const AgencyWords& agency_words() {
  static const AgencyWords words = parse_agency_words(data::agency_words());
  return words;
}

}  // namespace nianbao::metadata
