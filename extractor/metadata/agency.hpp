#pragma once
// What an agency's name is, and where the text of a report names the agency it is about. The
// word lists are data (templates/data/agency_words.tsv, see agency_words.hpp).
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::metadata {

// A template placeholder standing where a name belongs: XX乡镇, ××局, **单位.
bool is_placeholder(std::u32string_view name);

// Whether `text` opens with a reference to the agency that does not name it: 我办, 本局, 本机关,
// 我单位, 我市… (a self_pronoun, then a self_noun). 本溪市 does not (溪 is no self_noun).
bool starts_with_self_reference(std::u32string_view text);

// A name as it stands alone in a title, a signature block or a page's metadata box: Han
// characters (and brackets), ending like an agency and longer than that ending (审计局, not 政府
// or 办公室), no self-reference, no particle (的, 了), no placeholder, and not opening with a
// verb or adverb of more than one character (开展…, 积极…).
bool is_standalone_name(std::u32string_view name);

// What the prose paragraphs of a report say of its agency, read in one pass: how it refers to
// itself, and the names its clauses give as subjects and as objects.
class BodyNames {
 public:
  explicit BodyNames(const std::vector<std::string>& paragraphs);
  // self_kind() below.
  std::u32string self_kind() const;
  // agency_in_body (report_metadata.hpp): the name the body gives its subject at least twice and
  // more often than any other, among the names that fit `kind`.
  std::string agency(std::u32string_view kind) const;

 private:
  struct Seen {
    int count = 0;
    std::size_t first = 0;  // order of first mention
  };
  std::map<std::u32string, int> self_nouns_;
  std::map<std::u32string, Seen> subjects_;
  std::set<std::u32string> objects_;
};

// What kind of agency a report is by, as its self-references tell: 局 for a report that calls
// itself 我局 (or 本局) more often than anything else, 办 for 我办; "" where none tells (我单位,
// 本机关, 我区). Read from the clauses of the prose paragraphs.
std::u32string self_kind(const std::vector<std::string>& paragraphs);

// Whether a name can be the agency of a report of that kind: for 局 a name ending in 局, for 办
// one ending in 办公室 or 办; any name when the kind is "".
bool fits_self_kind(std::u32string_view name, std::u32string_view kind);

// The agency the opening sentences of a report name as their subject: every sentence of the
// preamble (the paragraphs between the title and the first section), then the first sentences of
// the first section's first paragraph. A sentence whose subject is a self-reference (我局) or a
// clause without a subject of its own (开展政府开放日活动, 按照区政府要求) names none; a clause
// of the preamble naming the report with its year (现公布区统计局2023年…年度报告) is read as a
// title. A subject that does not fit the report's self_kind (区政府办公室 in a report saying
// 我局) is another agency and passed over. "" when none does.
// Both texts are given without white space (spaceless_u32).
std::string agency_in_opening(std::span<const std::u32string> preamble,
                              std::u32string_view first_paragraph, std::u32string_view kind);

}  // namespace nianbao::metadata
