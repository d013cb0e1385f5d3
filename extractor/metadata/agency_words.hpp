#pragma once
// The word lists of templates/data/agency_words.tsv (embedded at build time), read once: how an
// agency's name ends, what refers to the agency without naming it (我办, 本机关), which words open
// a clause without a subject (开展, 按照), and which words make a line a sentence, not a title.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nianbao::metadata {

// Words looked up by their first and last characters: asking whether a text starts or ends with
// one of them costs a hash look-up where none can (most clauses of a report), since metadata
// asks this of every clause.
class WordList {
 public:
  void add(std::u32string word) { words_.push_back(std::move(word)); }
  // Longest word first, so that the first match is the longest (委员会 before 委); then indexed.
  void finish();

  // The length of the longest word `text` starts (ends) with, 0 when none.
  std::size_t prefix_of(std::u32string_view text) const;
  std::size_t suffix_of(std::u32string_view text) const;
  bool holds(std::u32string_view word) const;     // one of the words is exactly `word`
  bool found_in(std::u32string_view text) const;  // one of the words stands in `text`
  bool empty() const { return words_.empty(); }
  const std::vector<std::u32string>& words() const { return words_; }
  auto begin() const { return words_.begin(); }
  auto end() const { return words_.end(); }

 private:
  std::size_t longest_at(std::u32string_view text, bool at_end) const;

  std::vector<std::u32string> words_;
  std::unordered_map<char32_t, std::vector<std::size_t>> by_first_;  // positions, longest first
  std::unordered_map<char32_t, std::vector<std::size_t>> by_last_;
};

struct AgencyWords {
  WordList name_ends;
  WordList prose_name_ends;
  WordList department_ends;
  WordList nouns_after_end;
  WordList self_pronouns;
  WordList self_nouns;
  // self_kind: a self_noun (局) → the endings of a name of that kind (局).
  std::map<std::u32string, WordList, std::less<>> self_kinds;
  WordList generic_words;
  WordList not_name_starts;
  WordList predicate_starts;
  WordList subject_leads;
  WordList site_ends;
  WordList sentence_starts;
  WordList sentence_words;
  std::u32string particles;  // one character each
};

// The lists, parsed on first use; throws std::logic_error for a line of an unknown kind.
const AgencyWords& agency_words();

// Parses a file in the format of agency_words.tsv (for tests of the format).
AgencyWords parse_agency_words(std::string_view tsv);

// The length of the longest word of `words` that `text` starts (ends) with, 0 when none.
inline std::size_t prefix_in(std::u32string_view text, const WordList& words) {
  return words.prefix_of(text);
}
inline std::size_t suffix_in(std::u32string_view text, const WordList& words) {
  return words.suffix_of(text);
}
// Whether `text` holds any word of `words`.
inline bool holds_any(std::u32string_view text, const WordList& words) {
  return words.found_in(text);
}

}  // namespace nianbao::metadata
