// Finding the issuing agency in the body of a report whose title does not name it.
#include <map>

#include "extractor/metadata/report_metadata.hpp"
#include "extractor/metadata/text_utils.hpp"

namespace nianbao::metadata {
namespace {

// How agency names end. Ordered longest first so that 委员会 is preferred to 委.
constexpr std::u32string_view k_suffixes[] = {
    U"街道办事处", U"委员会", U"办公室", U"管委会", U"人民政府", U"政府", U"中心",
    U"局",         U"办",     U"委",     U"厅",     U"镇",       U"乡"};
// Suffixes that can carry a further department name after them (区政府 + 政务服务办).
constexpr std::u32string_view k_department_suffixes[] = {U"办公室", U"委员会", U"中心", U"局",
                                                         U"办"};
// Words that open a clause before its subject.
constexpr std::u32string_view k_lead_words[] = {
    U"进一步", U"完善", U"按照", U"根据", U"遵循", U"通过", U"会同",
    U"配合",   U"组织", U"加强", U"推进", U"落实", U"贯彻", U"要求",
    U"由",     U"经",   U"在",   U"对",   U"向",   U"将",   U"为"};
// Subjects that refer to the agency without naming it.
constexpr std::u32string_view k_pronoun_starts[] = {U"我",   U"本",   U"该",   U"各",  U"全",
                                                    U"上级", U"下级", U"相关", U"有关"};

// What follows 政府 or 中心 when they are part of a noun (政府信息, 政府网站), not a name's end.
constexpr std::u32string_view k_noun_continuations[] = {
    U"信息", U"网站", U"门户", U"公报", U"公开", U"工作", U"部门", U"职能",
    U"数据", U"平台", U"理",   U"法",   U"事",   U"件",   U"结",   U"公"};
// Particles that never occur inside an agency name; a candidate holding one is a phrase.
constexpr std::u32string_view k_particles = U"了地得着过把被的在";

constexpr std::size_t k_name_window = 14;
constexpr std::size_t k_min_prose = 15;
constexpr std::size_t k_extension_window = 8;

bool is_clause_break(char32_t c) { return !is_han(c) && c != U'（' && c != U'）'; }

std::u32string strip_leads(std::u32string s) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::u32string_view lead : k_lead_words) {
      if (s.size() > lead.size() + 1 && s.compare(0, lead.size(), lead) == 0) {
        s = s.substr(lead.size());
        changed = true;
      }
    }
  }
  return s;
}

// The end (exclusive) of the first agency suffix within the window, or 0.
std::size_t first_suffix_end(std::u32string_view clause, std::size_t from, std::size_t window,
                             bool departments_only) {
  const std::size_t limit = std::min(clause.size(), from + window);
  auto ends_name = [&](std::size_t end) {
    const std::u32string_view rest = clause.substr(end);
    for (std::u32string_view noun : k_noun_continuations)
      if (rest.starts_with(noun)) return false;
    return true;
  };
  for (std::size_t i = from; i < limit; ++i) {
    if (departments_only) {
      for (std::u32string_view suffix : k_department_suffixes)
        if (clause.substr(i).starts_with(suffix) && i + suffix.size() <= limit &&
            ends_name(i + suffix.size()))
          return i + suffix.size();
    } else {
      for (std::u32string_view suffix : k_suffixes)
        if (clause.substr(i).starts_with(suffix) && i + suffix.size() <= limit &&
            ends_name(i + suffix.size()))
          return i + suffix.size();
    }
  }
  return 0;
}

// The agency name a clause opens with, if any: "市经信局主动在…" → 市经信局,
// "区政府政务服务办进一步…" → 区政府政务服务办.
std::u32string name_opening(std::u32string clause) {
  clause = strip_leads(std::move(clause));
  for (std::u32string_view pronoun : k_pronoun_starts)
    if (clause.starts_with(pronoun)) return {};
  std::size_t end = first_suffix_end(clause, 0, k_name_window, false);
  if (end < 3) return {};
  if (std::size_t more = first_suffix_end(clause, end, k_extension_window, true); more > end)
    end = more;
  const std::u32string name = clause.substr(0, end);
  if (name.find_first_of(k_particles) != std::u32string::npos) return {};
  return name;
}

}  // namespace

std::string agency_in_body(const std::vector<std::string>& paragraphs) {
  struct Seen {
    int count = 0;
    std::size_t first = 0;
  };
  std::map<std::u32string, Seen> names;
  std::size_t order = 0;
  for (const std::string& paragraph : paragraphs) {
    const std::u32string text = spaceless_u32(paragraph);
    // Only prose names the agency as a subject; table labels and headings do not.
    if (text.size() < k_min_prose ||
        (text.find(U'，') == std::u32string::npos && text.find(U'。') == std::u32string::npos &&
         text.find(U',') == std::u32string::npos))
      continue;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (i < text.size() && !is_clause_break(text[i])) continue;
      if (i > start) {
        const std::u32string name = name_opening(text.substr(start, i - start));
        if (!name.empty()) {
          Seen& seen = names[name];
          if (seen.count++ == 0) seen.first = order++;
        }
      }
      start = i + 1;
    }
  }
  if (names.empty()) return "";
  // Most often named first; a longer form that ends with the winner (万源市经信局 for 市经信局)
  // is the same agency named in full.
  auto best = names.begin();
  for (auto it = names.begin(); it != names.end(); ++it) {
    const int score = it->second.count * 10 + static_cast<int>(it->first.size());
    const int best_score = best->second.count * 10 + static_cast<int>(best->first.size());
    if (score > best_score || (score == best_score && it->second.first < best->second.first))
      best = it;
  }
  std::u32string winner = best->first;
  for (const auto& [name, seen] : names) {
    if (name.size() > winner.size() && name.ends_with(best->first) &&
        name.size() - best->first.size() <= 4)
      winner = name;
  }
  return to_utf8(winner);
}

}  // namespace nianbao::metadata
