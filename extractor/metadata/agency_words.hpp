#pragma once
// The word lists of templates/data/agency_words.tsv (embedded at build time), read once: how an
// agency's name ends, what refers to the agency without naming it (我办, 本机关), which words open
// a clause without a subject (开展, 按照), and which words make a line a sentence, not a title.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::metadata {

struct AgencyWords {
  // Each list longest word first, so that the first match is the longest (委员会 before 委).
  std::vector<std::u32string> name_ends;
  std::vector<std::u32string> prose_name_ends;
  std::vector<std::u32string> department_ends;
  std::vector<std::u32string> nouns_after_end;
  std::vector<std::u32string> self_pronouns;
  std::vector<std::u32string> self_nouns;
  // self_kind: a self_noun (局) → the endings of a name of that kind (局).
  std::map<std::u32string, std::vector<std::u32string>> self_kinds;
  std::vector<std::u32string> generic_words;
  std::vector<std::u32string> not_name_starts;
  std::vector<std::u32string> predicate_starts;
  std::vector<std::u32string> subject_leads;
  std::vector<std::u32string> site_ends;
  std::vector<std::u32string> sentence_starts;
  std::vector<std::u32string> sentence_words;
  std::u32string particles;  // one character each
};

// The lists, parsed on first use; throws std::logic_error for a line of an unknown kind.
const AgencyWords& agency_words();

// Parses a file in the format of agency_words.tsv (for tests of the format).
AgencyWords parse_agency_words(std::string_view tsv);

// The length of the longest word of `words` that `text` starts with, 0 when none.
std::size_t prefix_in(std::u32string_view text, const std::vector<std::u32string>& words);
// The length of the longest word of `words` that `text` ends with, 0 when none.
std::size_t suffix_in(std::u32string_view text, const std::vector<std::u32string>& words);
// Whether `text` holds any word of `words`.
bool holds_any(std::u32string_view text, const std::vector<std::u32string>& words);

}  // namespace nianbao::metadata
