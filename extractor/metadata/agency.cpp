// Finding the issuing agency in the text of a report: what a name is, the subject of the opening
// sentences, and the name the body gives its subject most often where nothing else names it.
#include "extractor/metadata/agency.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "extractor/metadata/agency_words.hpp"
#include "extractor/metadata/report_metadata.hpp"
#include "extractor/metadata/text_utils.hpp"
#include "normalizers/numerals.hpp"

namespace nianbao::metadata {

namespace {

constexpr std::size_t k_npos = std::u32string_view::npos;
// A name read out of prose ends within this many characters of the clause's start (a longer run
// is a phrase), is at least this long (区政府, 市经信局), and may carry a department ending
// within a few characters after it (区政府 + 政务服务办).
constexpr std::size_t k_name_window = 14;
constexpr std::size_t k_min_prose_name = 3;
constexpr std::size_t k_extension_window = 8;
constexpr std::size_t k_max_name = 30;
// Only prose names a subject: a paragraph this long holding a clause mark.
constexpr std::size_t k_min_prose = 15;
// Sentences of the first section's first paragraph that count as opening sentences.
constexpr std::size_t k_opening_sentences = 2;
// Where the body alone names the agency, it must name it as a subject this many times, more
// often than any other name; a fuller form (万源市经信局 for 市经信局) adds at most this many
// characters in front.
constexpr int k_body_min_mentions = 2;
constexpr std::size_t k_fuller_form_extra = 4;

bool is_bracket(char32_t c) { return c == U'（' || c == U'）' || c == U'(' || c == U')'; }
bool is_name_char(char32_t c) { return is_han(c) || is_bracket(c); }

// 中国（上海）自由贸易试验区…: brackets inside a name close what they open.
bool brackets_balanced(std::u32string_view name) {
  int depth = 0;
  for (char32_t c : name) {
    if (c == U'（' || c == U'(') ++depth;
    if ((c == U'）' || c == U')') && --depth < 0) return false;
  }
  return depth == 0;
}

bool is_clause_mark(char32_t c) {
  static constexpr std::u32string_view k_marks = U"，,；;：:。！？!?\n";
  return k_marks.find(c) != k_npos;
}

bool is_sentence_end(char32_t c) {
  static constexpr std::u32string_view k_marks = U"。！？!?；;\n";
  return k_marks.find(c) != k_npos;
}

bool is_prose(std::u32string_view text) {
  if (text.size() < k_min_prose) return false;
  for (char32_t c : text)
    if (is_clause_mark(c)) return true;
  return false;
}

bool is_enumerator_char(char32_t c) {
  return digit_value(c) >= 0 || norm::is_chinese_numeral_char(c);
}

// The length of an enumerator the text opens with: "（一）", "(1)", "一、", "3．", or 0.
std::size_t enumerator_length(std::u32string_view text) {
  constexpr std::size_t k_longest = 4;
  if (text.empty()) return 0;
  if (text.front() == U'（' || text.front() == U'(') {
    const std::size_t close = text.find_first_of(U"）)");
    if (close == k_npos || close < 2 || close > k_longest) return 0;
    for (std::size_t i = 1; i < close; ++i)
      if (!is_enumerator_char(text[i])) return 0;
    return close + 1;
  }
  std::size_t n = 0;
  while (n < text.size() && n < k_longest && norm::is_chinese_numeral_char(text[n])) ++n;
  if (n > 0 && n < text.size() && (text[n] == U'、' || text[n] == U'．')) return n + 1;
  return 0;
}

// The clause from where its subject would stand: past enumerators ("1.", "（一）", "一、"),
// digits and marks ("2022年" leaves "年"), and words of time or frame (年, 全年, 同时, 一是).
std::u32string_view clause_head(std::u32string_view clause) {
  const AgencyWords& words = agency_words();
  for (bool changed = true; changed && !clause.empty();) {
    changed = false;
    std::size_t skip = enumerator_length(clause);
    if (skip == 0 && !is_han(clause.front())) skip = 1;  // a name opens with a Han character
    if (skip == 0) {
      skip = prefix_in(clause, words.subject_leads);
      if (skip >= clause.size()) skip = 0;
    }
    if (skip > 0) {
      clause.remove_prefix(skip);
      changed = true;
    }
  }
  return clause;
}

// The end of the first name ending in text[from, from + window) that really ends a name (政府
// of 政府信息 does not), or 0. A name is made of Han characters: anything else ends the search.
std::size_t first_name_end(std::u32string_view text, std::size_t from, std::size_t window,
                           const WordList& ends) {
  const std::size_t limit = std::min(text.size(), from + window);
  for (std::size_t i = from; i < limit; ++i) {
    if (!is_name_char(text[i])) return 0;
    const std::size_t n = prefix_in(text.substr(i), ends);
    if (n == 0 || i + n > limit) continue;
    if (prefix_in(text.substr(i + n), agency_words().nouns_after_end) > 0) continue;
    return i + n;
  }
  return 0;
}

// What follows a name's end is a department of it ("政务服务办" after 区政府, "人民政府" after
// 白沙镇), not the rest of a sentence ("主动向区政府办…"): no verb, adverb, preposition or
// particle stands in it.
bool names_department(std::u32string_view extension) {
  const AgencyWords& words = agency_words();
  if (extension.find_first_of(words.particles) != k_npos) return false;
  for (std::size_t i = 0; i < extension.size(); ++i)
    if (prefix_in(extension.substr(i), words.predicate_starts) > 0) return false;
  return true;
}

// The name a text opens with: "市经信局主动在…" → 市经信局, "区政府政务服务办进一步…" →
// 区政府政务服务办; "" when it opens with none.
std::u32string name_opening(std::u32string_view text) {
  const AgencyWords& words = agency_words();
  std::size_t end = first_name_end(text, 0, k_name_window, words.prose_name_ends);
  if (end < k_min_prose_name) return {};
  if (std::size_t more = first_name_end(text, end, k_extension_window, words.department_ends);
      more > end && names_department(text.substr(end, more - end)))
    end = more;
  return std::u32string(text.substr(0, end));
}

// A name read out of prose: a standalone name that opens with no pronoun or quantifier (各股室,
// 全市…) and no verb, adverb or preposition, however short (在区政府…).
bool is_prose_name(std::u32string_view name) {
  const AgencyWords& words = agency_words();
  return is_standalone_name(name) && prefix_in(name, words.not_name_starts) == 0 &&
         prefix_in(name, words.predicate_starts) == 0;
}

// What a clause says of the agency: it names its subject ("区政府办公室认真贯彻…"), its subject
// is a self-reference ("我局积极开展…"), it has no subject of its own and names an object
// ("按照区政府要求", "进一步完善万源市经信局…制度"), or none of these.
enum class Role { none, subject, self, object };

struct ClauseName {
  Role role = Role::none;
  std::u32string name;
  std::u32string self_noun;  // the 局 of a self-reference 我局 the clause opens with, or holds
                             // as its object ("现将我办…")
};

// The self_noun of the self-reference the text opens with (我局 → 局), "" when none.
std::u32string self_noun_at(std::u32string_view text) {
  const AgencyWords& words = agency_words();
  for (const std::u32string& pronoun : words.self_pronouns) {
    if (!text.starts_with(pronoun)) continue;
    if (const std::size_t n = prefix_in(text.substr(pronoun.size()), words.self_nouns); n > 0)
      return std::u32string(text.substr(pronoun.size(), n));
  }
  return {};
}

ClauseName read_clause(std::u32string_view clause) {
  const AgencyWords& words = agency_words();
  std::u32string_view head = clause_head(clause);
  if (head.empty()) return {};
  if (starts_with_self_reference(head)) return {Role::self, {}, self_noun_at(head)};
  if (prefix_in(head, words.predicate_starts) > 0) {
    while (std::size_t n = prefix_in(head, words.predicate_starts)) {
      if (n >= head.size()) return {};
      head.remove_prefix(n);
    }
    if (starts_with_self_reference(head)) return {Role::none, {}, self_noun_at(head)};
    std::u32string name = name_opening(head);
    if (name.empty() || !is_prose_name(name)) return {};
    return {Role::object, std::move(name), {}};
  }
  if (prefix_in(head, words.not_name_starts) > 0) return {};
  std::u32string name = name_opening(head);
  if (name.empty() || !is_prose_name(name)) return {};
  return {Role::subject, std::move(name), {}};
}

// Calls visit(clause, sentence) for every clause of the text in order, with the index of the
// sentence it belongs to; stops when visit returns false.
template <typename Visit>
void for_each_clause(std::u32string_view text, Visit visit) {
  std::size_t sentence = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && !is_clause_mark(text[i])) continue;
    if (i > start && !visit(text.substr(start, i - start), sentence)) return;
    if (i < text.size() && is_sentence_end(text[i])) ++sentence;
    start = i + 1;
  }
}

bool names_report_with_year(std::u32string_view clause) {
  const bool names_report = clause.find(U"报告") != k_npos || clause.find(U"年报") != k_npos;
  return names_report && year_in_title(to_utf8(clause)).has_value();
}

// The subject the first `most` sentences of a text name that fits the report's kind, "" when
// none; a clause naming the report with its year names its agency as a title would.
std::string subject_of_sentences(std::u32string_view text, std::size_t most,
                                 std::u32string_view kind) {
  std::string found;
  std::size_t self_sentence = k_npos;  // a sentence whose subject is a self-reference
  for_each_clause(text, [&](std::u32string_view clause, std::size_t sentence) {
    if (sentence >= most) return false;
    if (sentence == self_sentence) return true;
    if (names_report_with_year(clause)) {
      found = agency_in_title(to_utf8(clause));
      if (!found.empty() && fits_self_kind(to_u32(found), kind)) return false;
      found.clear();
    }
    const ClauseName c = read_clause(clause);
    if (c.role == Role::subject && fits_self_kind(c.name, kind)) {
      found = to_utf8(c.name);
      return false;
    }
    if (c.role == Role::self) self_sentence = sentence;
    return true;
  });
  return found;
}

}  // namespace

bool is_placeholder(std::u32string_view name) {
  for (std::u32string_view mark : {U"XX", U"xx", U"××", U"ＸＸ", U"**", U"＊＊", U"○○"})
    if (name.find(mark) != k_npos) return true;
  return false;
}

bool starts_with_self_reference(std::u32string_view text) {
  const AgencyWords& words = agency_words();
  for (const std::u32string& pronoun : words.self_pronouns) {
    if (text.starts_with(pronoun) && prefix_in(text.substr(pronoun.size()), words.self_nouns) > 0)
      return true;
  }
  return false;
}

bool is_standalone_name(std::u32string_view name) {
  const AgencyWords& words = agency_words();
  if (name.size() < 2 || name.size() > k_max_name || is_placeholder(name)) return false;
  if (!is_han(name.front()) || !std::all_of(name.begin(), name.end(), is_name_char) ||
      !brackets_balanced(name))
    return false;
  const std::size_t end = suffix_in(name, words.name_ends);
  if (end == 0 || end >= name.size()) return false;  // 局 ends a name; 政府 alone is none
  if (words.generic_words.holds(name)) return false;
  if (starts_with_self_reference(name)) return false;
  if (name.find_first_of(words.particles) != k_npos) return false;
  return prefix_in(name, words.predicate_starts) <= 1;  // 开展…, but 将乐县, 和平区
}

std::string agency_in_opening(std::span<const std::u32string> preamble,
                              std::u32string_view first_paragraph, std::u32string_view kind) {
  for (const std::u32string& text : preamble) {
    if (!is_prose(text) && !names_report_with_year(text)) continue;
    if (std::string name = subject_of_sentences(text, k_npos, kind); !name.empty()) return name;
  }
  if (!is_prose(first_paragraph)) return "";
  return subject_of_sentences(first_paragraph, k_opening_sentences, kind);
}

bool fits_self_kind(std::u32string_view name, std::u32string_view kind) {
  if (kind.empty()) return true;
  const auto& kinds = agency_words().self_kinds;
  const auto it = kinds.find(kind);
  return it == kinds.end() || suffix_in(name, it->second) > 0;
}

namespace {

// Whether well-formed UTF-8 holds a clause mark (，。；：！？ or their ASCII forms), asked of the
// bytes so that the many paragraphs without one (table cells, headings) are never decoded.
bool has_clause_mark(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b == ',' || b == ';' || b == ':' || b == '!' || b == '?') return true;
    if (i + 2 >= utf8.size()) continue;
    const auto b1 = static_cast<unsigned char>(utf8[i + 1]);
    const auto b2 = static_cast<unsigned char>(utf8[i + 2]);
    if (b == 0xEF && b1 == 0xBC &&
        (b2 == 0x8C || b2 == 0x9B || b2 == 0x9A || b2 == 0x81 || b2 == 0x9F))
      return true;                                           // ， ； ： ！ ？
    if (b == 0xE3 && b1 == 0x80 && b2 == 0x82) return true;  // 。
  }
  return false;
}

}  // namespace

BodyNames::BodyNames(const std::vector<std::string>& paragraphs) {
  const AgencyWords& words = agency_words();
  std::size_t order = 0;
  for (const std::string& paragraph : paragraphs) {
    if (!has_clause_mark(paragraph)) continue;
    const std::u32string text = spaceless_u32(paragraph);
    // Short sentences tell the self-reference too ("我局将进一步加强培训。"); only prose names
    // a subject.
    const bool prose = is_prose(text);
    for_each_clause(text, [&](std::u32string_view clause, std::size_t) {
      ClauseName c = read_clause(clause);
      if (words.self_kinds.contains(c.self_noun)) ++self_nouns_[c.self_noun];
      if (!prose) return true;
      if (c.role == Role::subject) {
        Seen& seen = subjects_[c.name];
        if (seen.count++ == 0) seen.first = order++;
      } else if (c.role == Role::object) {
        objects_.insert(std::move(c.name));
      }
      return true;
    });
  }
}

std::u32string BodyNames::self_kind() const {
  std::u32string kind;
  int most = 0;
  bool tie = false;
  for (const auto& [noun, count] : self_nouns_) {
    if (count == most) tie = true;
    if (count > most) {
      kind = noun;
      most = count;
      tie = false;
    }
  }
  return tie ? std::u32string() : kind;
}

std::string BodyNames::agency(std::u32string_view kind) const {
  std::map<std::u32string, Seen> subjects;
  for (const auto& [name, seen] : subjects_)
    if (fits_self_kind(name, kind)) subjects.emplace(name, seen);
  if (subjects.empty()) return "";
  // A name and its fuller or shorter forms (市经信局, 万源市经信局) are one agency.
  auto related = [](const std::u32string& a, const std::u32string& b) {
    return a.ends_with(b) || b.ends_with(a);
  };
  auto mentions = [&](const std::u32string& name) {
    int total = 0;
    for (const auto& [other, seen] : subjects)
      if (related(name, other)) total += seen.count;
    return total;
  };
  auto best = subjects.begin();
  for (auto it = subjects.begin(); it != subjects.end(); ++it) {
    const int m = mentions(it->first);
    const int best_m = mentions(best->first);
    if (m > best_m || (m == best_m && it->second.first < best->second.first)) best = it;
  }
  const int best_mentions = mentions(best->first);
  if (best_mentions < k_body_min_mentions) return "";
  for (const auto& [name, seen] : subjects)
    if (!related(name, best->first) && mentions(name) >= best_mentions) return "";
  // The fullest form the text gives, as subject or object.
  std::u32string winner = best->first;
  auto consider = [&](const std::u32string& name) {
    if (name.size() > winner.size() && name.ends_with(best->first) &&
        name.size() - best->first.size() <= k_fuller_form_extra)
      winner = name;
  };
  for (const auto& [name, seen] : subjects) consider(name);
  for (const std::u32string& name : objects_)
    if (fits_self_kind(name, kind)) consider(name);
  return to_utf8(winner);
}

std::u32string self_kind(const std::vector<std::string>& paragraphs) {
  return BodyNames(paragraphs).self_kind();
}

std::string agency_in_body(const std::vector<std::string>& paragraphs, std::u32string_view kind) {
  return BodyNames(paragraphs).agency(kind);
}

}  // namespace nianbao::metadata
