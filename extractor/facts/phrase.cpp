#include "extractor/facts/phrase.hpp"

#include <string>
#include <vector>

#include "extractor/facts/vocabulary.hpp"
#include "normalizers/text.hpp"

namespace nianbao::facts {

bool is_clause_break(char32_t c) {
  return c == U'，' || c == U',' || c == U'：' || c == U':' || c == U'\n' || c == U'\r' ||
         is_sentence_break(c);
}

bool is_sentence_break(char32_t c) {
  return c == U'。' || c == U'；' || c == U';' || c == U'！' || c == U'!' || c == U'？' ||
         c == U'?';
}

namespace {

bool word_at(std::u32string_view s, std::size_t pos, std::u32string_view word) {
  return pos + word.size() <= s.size() && s.substr(pos, word.size()) == word;
}

// Length of the first word of `kind` at pos, or 0.
std::size_t word_of_kind_at(std::u32string_view s, std::size_t pos, std::string_view kind) {
  const WordList& list = phrase_words(kind);
  if (pos >= s.size() || !list.may_start_with(s[pos])) return 0;
  for (const std::u32string& w : list.words)
    if (word_at(s, pos, w)) return w.size();
  return 0;
}

bool has_word_of_kind(std::u32string_view s, std::string_view kind) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (word_of_kind_at(s, i, kind) > 0) return true;
  return false;
}

std::size_t skip_space(std::u32string_view s, std::size_t i, std::size_t end) {
  while (i < end && norm::is_white_space(s[i])) ++i;
  return i;
}

bool is_ascii_or_wide_digit(char32_t c) { return norm::decimal_digit_value(c) >= 0; }

bool is_enumerator_numeral(char32_t c) {
  return is_ascii_or_wide_digit(c) ||
         std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

// Past a leading enumerator: "1." "2、" "（一）" "(3)" "一是" "①".
std::size_t skip_enumerator(std::u32string_view s, std::size_t i, std::size_t end) {
  if (i < end && s[i] >= U'①' && s[i] <= U'⑳') return i + 1;
  const bool bracket = i < end && (s[i] == U'（' || s[i] == U'(');
  std::size_t k = bracket ? i + 1 : i;
  const std::size_t digits = k;
  while (k < end && is_enumerator_numeral(s[k])) ++k;
  if (k == digits || k >= end) return i;
  if (bracket) return (s[k] == U'）' || s[k] == U')') ? k + 1 : i;
  if (s[k] == U'.' || s[k] == U'．' || s[k] == U'、') return k + 1;
  if (s[k] == U'是' && !is_ascii_or_wide_digit(s[digits])) return k + 1;
  return i;
}

// Past linking words and enumerators at the start of a clause.
std::size_t skip_openers(std::u32string_view s, std::size_t i, std::size_t end) {
  for (bool moved = true; moved;) {
    const std::size_t before = i;
    i = skip_space(s, i, end);
    i = skip_enumerator(s, i, end);
    i += word_of_kind_at(s, i, "connector");
    moved = i != before && i < end;
  }
  return i;
}

// The start of the last verb in [begin, end), or end when there is none.
std::size_t last_verb(std::u32string_view s, std::size_t begin, std::size_t end) {
  for (std::size_t i = end; i-- > begin;) {
    if (word_of_kind_at(s, i, "noun") > 0) continue;
    const std::size_t n = word_of_kind_at(s, i, "verb");
    if (n > 0 && i + n <= end) return i;
  }
  return end;
}

// The opening before a verb names who or where ("我镇通过门户网站", "市经信局主动在…平台").
bool opens_with_subject(std::u32string_view opening) {
  return word_of_kind_at(opening, 0, "opening") > 0 || has_word_of_kind(opening, "agency");
}

// Back from a verb over the adverbs that belong to it ("共发布", "全年共受理").
std::size_t extend_over_adverbs(std::u32string_view s, std::size_t begin, std::size_t verb) {
  for (bool moved = true; moved;) {
    moved = false;
    for (const std::u32string& w : phrase_words("adverb").words) {
      if (verb >= begin + w.size() && word_at(s, verb - w.size(), w)) {
        verb -= w.size();
        moved = true;
        break;
      }
    }
  }
  return verb;
}

std::size_t clause_start(std::u32string_view s, std::size_t pos, std::size_t floor) {
  while (pos > floor && !is_clause_break(s[pos - 1])) --pos;
  return pos;
}

std::size_t clause_end(std::u32string_view s, std::size_t pos) {
  while (pos < s.size() && !is_clause_break(s[pos])) ++pos;
  return pos;
}

std::size_t sentence_start(std::u32string_view s, std::size_t pos) {
  while (pos > 0 && !is_sentence_break(s[pos - 1])) --pos;
  return pos;
}

}  // namespace

PhraseSpan find_phrase(std::u32string_view text, std::size_t figure_begin, std::size_t figure_end,
                       std::size_t floor, std::size_t next_figure) {
  PhraseSpan span;
  span.head_begin = sentence_start(text, figure_begin);
  std::size_t begin = skip_openers(text, clause_start(text, figure_begin, floor), figure_begin);
  span.clause_begin = begin;
  const std::size_t verb = last_verb(text, begin, figure_begin);
  if (verb < figure_begin && verb > begin && opens_with_subject(text.substr(begin, verb - begin)))
    begin = extend_over_adverbs(text, begin, verb);
  span.extended_end = std::min(clause_end(text, figure_end), next_figure);
  while (span.extended_end > figure_end && norm::is_white_space(text[span.extended_end - 1]))
    --span.extended_end;
  std::size_t end = figure_end;
  // "两次举办…培训": the figure comes first and the words after it say what it counts.
  const std::size_t after = skip_space(text, figure_end, text.size());
  const bool verb_follows =
      word_of_kind_at(text, after, "verb") > 0 && word_of_kind_at(text, after, "noun") == 0;
  if (verb == figure_begin && verb_follows) end = span.extended_end;
  span.begin = begin;
  span.end = end;
  return span;
}

}  // namespace nianbao::facts
