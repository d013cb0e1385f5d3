#include "extractor/metadata/report_metadata.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "extractor/metadata/agency.hpp"
#include "extractor/metadata/agency_words.hpp"
#include "extractor/metadata/text_utils.hpp"
#include "normalizers/labels.hpp"
#include "normalizers/text.hpp"

namespace nianbao::metadata {

namespace {

// The code points of well-formed UTF-8 (every line of a UTF-8 report) that `keep` accepts,
// decoded without going through UTF-16; false for ill-formed input, whose replacement
// characters ICU places.
template <typename Keep>
bool decode_well_formed(std::string_view utf8, std::u32string& out, Keep keep) {
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t length = 0;
    const char32_t c = norm::code_point_at(utf8, i, length);
    // code_point_at reads an ill-formed byte as a one-byte U+FFFD (a real one is three bytes).
    if (c == 0xFFFD && length == 1) return false;
    if (keep(c)) out.push_back(c);
    i += length;
  }
  return true;
}

}  // namespace

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  if (decode_well_formed(utf8, out, [](char32_t) { return true; })) return out;
  out.clear();
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  out.reserve(static_cast<std::size_t>(u.length()));
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

// Every text here comes from to_u32, so holds Unicode scalar values only, which
// norm::to_utf8 encodes as ICU would.
std::string to_utf8(std::u32string_view text) { return norm::to_utf8(text); }

bool is_han(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

int digit_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

bool is_blank(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == 0x3000 || c == 0xA0 ||
         c == 0xFEFF;
}

std::u32string without_spaces(std::u32string_view text) {
  std::u32string out;
  for (char32_t c : text)
    if (!is_blank(c)) out.push_back(c);
  return out;
}

std::u32string spaceless_u32(std::string_view utf8) {
  std::u32string out;
  if (decode_well_formed(utf8, out, [](char32_t c) { return !is_blank(c); })) return out;
  return without_spaces(to_u32(utf8));
}

namespace {

constexpr int k_first_year = 2000;
constexpr int k_last_year = 2100;
constexpr std::size_t k_title_max = 60;

bool contains(std::u32string_view s, std::u32string_view what) {
  return s.find(what) != std::u32string_view::npos;
}

// Position of the first plausible report year (four digits followed by 年) and its value.
std::optional<std::pair<std::size_t, int>> find_year(std::u32string_view s) {
  for (std::size_t i = 0; i + 4 < s.size(); ++i) {
    int year = 0;
    bool digits = true;
    for (std::size_t k = 0; k < 4; ++k) {
      const int d = digit_value(s[i + k]);
      if (d < 0) {
        digits = false;
        break;
      }
      year = year * 10 + d;
    }
    if (!digits || s[i + 4] != U'年') continue;
    if (i > 0 && digit_value(s[i - 1]) >= 0) continue;
    if (year >= k_first_year && year <= k_last_year) return std::pair{i, year};
  }
  return std::nullopt;
}

// "Page8-威海市…" (flipbook page captions): the caption before the dash is not the title.
std::u32string strip_page_prefix(const std::u32string& s) {
  const std::size_t dash = s.find(U'-');
  if (dash == std::u32string::npos || dash == 0) return s;
  for (std::size_t k = 0; k < dash; ++k)
    if (is_han(s[k])) return s;
  return s.substr(dash + 1);
}

// Page furniture and words that stand before an agency name in a sentence but are not part
// of it: "Page 8 - ", "现公布", "关于".
std::u32string strip_lead_in(std::u32string s) {
  s = strip_page_prefix(s);
  for (std::u32string_view lead :
       {U"现予公布", U"现将", U"现公布", U"特此公布", U"公布", U"发布", U"关于", U"编制"}) {
    if (s.rfind(lead, 0) == 0) s = s.substr(lead.size());
  }
  for (std::u32string_view tail : {U"关于", U"的"}) {
    if (s.size() > tail.size() && s.substr(s.size() - tail.size()) == tail)
      s = s.substr(0, s.size() - tail.size());
  }
  // Keep only the trailing run of Han characters and brackets: the name itself.
  std::size_t start = s.size();
  while (start > 0 && (is_han(s[start - 1]) || s[start - 1] == U'（' || s[start - 1] == U'）' ||
                       s[start - 1] == U'(' || s[start - 1] == U')'))
    --start;
  s = s.substr(start);
  // A closing bracket before any opening one ends an aside that began before the name
  // ("(cut in part 四) 虹山乡人民政府…"): the name starts after it.
  const std::size_t close = s.find_first_of(U"）)");
  if (close != std::u32string::npos &&
      s.substr(0, close).find_first_of(U"（(") == std::u32string::npos)
    s = s.substr(close + 1);
  return s;
}

bool is_short_line(std::u32string_view line) {
  return !line.empty() && line.size() <= k_title_max && !contains(line, U"。") &&
         !contains(line, U"，");
}

// Site furniture: a breadcrumb ("首页 > 部门信息公开 > 年度报告", "当前位置：…") names the page's
// place, not the report, even when it ends in 年度报告.
bool is_breadcrumb(std::u32string_view line) {
  for (std::u32string_view mark : {U">", U"＞", U"»", U"›", U"→"})
    if (contains(line, mark)) return true;
  for (std::u32string_view start : {U"当前位置", U"您的位置", U"您现在的位置", U"所在位置"})
    if (line.rfind(start, 0) == 0) return true;
  return false;
}

// Lines before a title that are not part of it.
bool is_title_noise(std::u32string_view line) {
  if (is_breadcrumb(line)) return true;
  for (std::u32string_view noise : {U"附件", U"发布时间", U"时间:", U"时间：", U"来源", U"索引号",
                                    U"字号", U"发布日期", U"发文日期", U"P."}) {
    if (line.rfind(noise, 0) == 0) return true;
  }
  return false;
}

bool names_report(std::u32string_view line) {
  return contains(line, U"报告") || contains(line, U"年报");
}

// "《XX局2022年…年度报告》": a title given in title marks, without them.
std::u32string unwrapped(std::u32string_view line) {
  if (line.size() > 2 && line.front() == U'《' && line.back() == U'》' &&
      line.find(U'《', 1) == std::u32string_view::npos)
    return std::u32string(line.substr(1, line.size() - 2));
  return std::u32string(line);
}

// The line without what the titles it cites hold (《…》), so that a sentence citing the
// 《…年度报告格式》 does not name a report; a line that is one title in 《》 is unwrapped.
std::u32string without_citations(std::u32string_view line) {
  if (std::u32string whole = unwrapped(line); whole.size() != line.size()) return whole;
  std::u32string out;
  int depth = 0;
  for (char32_t c : line) {
    if (c == U'《') {
      ++depth;
    } else if (c == U'》') {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

// A sentence, never a title: it opens as one (根据…, 现将…, 本报告…), holds a word only a
// sentence holds (…报告如下, 特此…), or ends with a clause mark (…报告如下：).
bool reads_as_sentence(std::u32string_view line) {
  static constexpr std::u32string_view k_clause_ends = U"：:；;，,。";
  if (!line.empty() && k_clause_ends.find(line.back()) != std::u32string_view::npos) return true;
  const AgencyWords& words = agency_words();
  return prefix_in(line, words.sentence_starts) > 0 || holds_any(line, words.sentence_words);
}

// A title: a short, heading-like line that names a report (年度报告, 年报, …的报告) in its own
// words, and no sentence.
bool is_title_line(std::u32string_view line) {
  return is_short_line(line) && !is_title_noise(line) && names_report(without_citations(line)) &&
         !reads_as_sentence(line);
}

// "（2022年度）", "(2022年)": a line under a title that gives only its year.
bool is_year_subtitle(std::u32string_view line) {
  if (line.size() < 7 || (line.front() != U'（' && line.front() != U'(') ||
      (line.back() != U'）' && line.back() != U')'))
    return false;
  const std::u32string_view inner = line.substr(1, line.size() - 2);
  return (inner.size() == 5 || (inner.size() == 6 && inner.back() == U'度')) &&
         find_year(inner).has_value() && find_year(inner)->first == 0;
}

std::vector<std::u32string> leading_lines(const model::Document& doc,
                                          const std::vector<layout::SectionHeading>& sections) {
  const std::size_t end =
      sections.empty() ? std::min<std::size_t>(doc.blocks.size(), 12) : sections.front().block;
  std::vector<std::u32string> lines;
  for (std::size_t b = 0; b < end && b < doc.blocks.size(); ++b) {
    if (doc.blocks[b].kind != model::Block::Kind::paragraph) break;
    lines.push_back(spaceless_u32(doc.blocks[b].paragraph.text));
  }
  return lines;
}

// Digits at i: how many (at most `most`), 0 when none.
std::size_t digits_at(std::u32string_view s, std::size_t i, std::size_t most) {
  std::size_t n = 0;
  while (i + n < s.size() && n < most && digit_value(s[i + n]) >= 0) ++n;
  return n;
}

// The length of a date written at i ("2011-03-14", "2012/4/12", "2012年4月12日"), or 0. A time
// that follows ("2011-03-14 18:20:44", its space gone in a spaceless line) is not part of it.
std::size_t date_length_at(std::u32string_view s, std::size_t i) {
  if (digits_at(s, i, 5) != 4) return 0;
  std::size_t j = i + 4;
  const std::u32string_view first_seps = U"-/.年";
  if (j >= s.size() || first_seps.find(s[j]) == std::u32string_view::npos) return 0;
  const bool chinese = s[j] == U'年';
  const std::size_t month = digits_at(s, ++j, 2);
  if (month == 0) return 0;
  j += month;
  if (j >= s.size() || s[j] != (chinese ? U'月' : s[i + 4])) return 0;
  const std::size_t day = digits_at(s, ++j, 2);
  if (day == 0) return 0;
  j += day;
  if (chinese && j < s.size() && s[j] == U'日') ++j;
  return j - i;
}

// The length of a date in Chinese numerals at i, as official documents sign them
// ("二〇二三年一月十八日"), or 0.
std::size_t chinese_date_length_at(std::u32string_view s, std::size_t i) {
  static constexpr std::u32string_view k_year_digits = U"〇○零一二三四五六七八九";
  static constexpr std::u32string_view k_count_digits = U"一二三四五六七八九十";
  auto run = [&](std::size_t at, std::u32string_view chars, std::size_t most) {
    std::size_t n = 0;
    while (at + n < s.size() && n < most && chars.find(s[at + n]) != std::u32string_view::npos) ++n;
    return n;
  };
  constexpr std::size_t k_longest_count = 3;  // 三十一
  std::size_t j = i;
  if (run(j, k_year_digits, 5) != 4) return 0;
  j += 4;
  for (char32_t mark : {U'年', U'月', U'日'}) {
    if (j >= s.size() || s[j] != mark) return 0;
    ++j;
    if (mark == U'日') break;
    const std::size_t n = run(j, k_count_digits, k_longest_count);
    if (n == 0) return 0;
    j += n;
  }
  return j - i;
}

// A date as a signature block writes it, in digits or in Chinese numerals.
std::size_t signature_date_length_at(std::u32string_view s, std::size_t i) {
  if (const std::size_t n = date_length_at(s, i); n > 0) return n;
  return chinese_date_length_at(s, i);
}

std::optional<std::string> published_in(std::u32string_view line) {
  for (std::u32string_view key : {U"发布时间", U"发布日期", U"发文日期", U"成文日期", U"时间"}) {
    const std::size_t at = line.find(key);
    if (at == std::u32string_view::npos) continue;
    std::size_t i = at + key.size();
    if (i < line.size() && (line[i] == U':' || line[i] == U'：')) ++i;
    if (const std::size_t n = date_length_at(line, i); n > 0) return to_utf8(line.substr(i, n));
  }
  return std::nullopt;
}

// "数据统计期限自2021年1月1日起…", "统计期限为2010年1月1日至…".
std::optional<int> year_of_statistics_period(std::u32string_view text) {
  for (std::u32string_view key : {U"统计期限", U"统计时限", U"统计期间", U"统计时间"}) {
    const std::size_t at = text.find(key);
    if (at == std::u32string_view::npos) continue;
    if (auto year = find_year(text.substr(at, 20))) return year->second;
  }
  return std::nullopt;
}

// The signature block that closes a report: the agency's name on one line, the date alone on
// the next ("仙游县林业局" / "2013年3月20日"). Looked for among the last few lines only.
struct Signature {
  std::string agency;  // "" where the line above the date holds a placeholder
  std::string date;
};

constexpr std::size_t k_signature_max = 30;

// Where a date that ends the line begins, when a name stands before it; npos otherwise.
std::size_t date_at_end(std::u32string_view line) {
  constexpr std::size_t k_shortest_date = 8;  // 2023年1月2日
  if (line.size() <= k_shortest_date || line.size() > k_signature_max + 11 ||
      (line.back() != U'日' && digit_value(line.back()) < 0))
    return std::u32string::npos;
  for (std::size_t at = 2; at + k_shortest_date <= line.size(); ++at)
    if (signature_date_length_at(line, at) == line.size() - at) return at;
  return std::u32string::npos;
}

std::optional<Signature> signature_block(const model::Document& doc) {
  constexpr std::size_t k_lines_searched = 6;
  std::vector<std::u32string> tail;  // last non-empty lines, last first
  for (std::size_t b = doc.blocks.size(); b-- > 0 && tail.size() < k_lines_searched;) {
    if (doc.blocks[b].kind != model::Block::Kind::paragraph) continue;
    std::u32string line = spaceless_u32(doc.blocks[b].paragraph.text);
    if (!line.empty()) tail.push_back(std::move(line));
  }
  for (std::size_t i = 0; i < tail.size(); ++i) {
    const std::u32string& line = tail[i];
    if (signature_date_length_at(line, 0) == line.size()) {
      if (i + 1 == tail.size()) return std::nullopt;
      // The line above names the agency, or holds the template's placeholder (XX乡镇（部门）):
      // the date is the signature's either way, the agency only when it is a name.
      const std::u32string& name = tail[i + 1];
      // Two agencies signing one report (中共某县委办公室 / 某县人民政府办公室): which one the
      // report is about is not certain.
      const bool joint = i + 2 < tail.size() && is_standalone_name(tail[i + 2]);
      if (is_standalone_name(name)) return Signature{joint ? "" : to_utf8(name), to_utf8(line)};
      if (is_placeholder(name) && name.size() <= k_signature_max)
        return Signature{"", to_utf8(line)};
      return std::nullopt;
    }
    // Name and date on one line: "某县自然资源局 2023年1月20日".
    if (const std::size_t at = date_at_end(line); at != std::u32string::npos) {
      const std::u32string name = line.substr(0, at);
      if (is_standalone_name(name)) return Signature{to_utf8(name), to_utf8(line.substr(at))};
    }
  }
  return std::nullopt;
}

// The report year a publication date implies: reports are due by 31 March (条例 2007 art. 31,
// 2019 art. 49) for the year before, so a date in the first half of Y gives Y − 1. A later date
// says nothing certain (a late report, or a report on the current year) and gives none.
std::optional<int> year_of_publication(std::string_view published) {
  constexpr int k_last_month_of_reporting = 6;
  const std::u32string p = to_u32(published);
  const std::size_t length = date_length_at(p, 0);
  if (length == 0) return std::nullopt;
  int year = 0;
  for (std::size_t k = 0; k < 4; ++k) year = year * 10 + digit_value(p[k]);
  int month = 0;
  for (std::size_t k = 5; k < length && digit_value(p[k]) >= 0; ++k)
    month = month * 10 + digit_value(p[k]);
  if (month < 1 || month > k_last_month_of_reporting) return std::nullopt;
  return year - 1;
}

std::vector<std::string> body_paragraphs(const model::Document& doc) {
  std::vector<std::string> out;
  for (const model::Block& block : doc.blocks)
    if (block.kind == model::Block::Kind::paragraph) out.push_back(block.paragraph.text);
  return out;
}

}  // namespace

namespace {

// find_title on the leading lines, which read_metadata reads again for other facts.
std::string title_in(const std::vector<std::u32string>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_title_line(lines[i])) continue;
    std::u32string title = unwrapped(strip_page_prefix(lines[i]));
    // A title broken over lines: "九原区政务服务局" / "2022年…年度报告", or "2019年…工作" / "" /
    // "年度报告". Earlier short lines join when the line found lacks the agency or the year.
    const auto year = find_year(title);
    const bool needs_front = !year || year->first == 0;
    for (std::size_t k = i, joined = 0; needs_front && k-- > 0 && joined < 2;) {
      if (lines[k].empty()) continue;
      if (!is_short_line(lines[k]) || is_title_noise(lines[k]) || names_report(lines[k]) ||
          reads_as_sentence(lines[k]))
        break;
      title = lines[k] + title;
      ++joined;
    }
    // "…政府信息公开工作年度报告" / "（2022年度）": the year on the line under the title.
    for (std::size_t k = i + 1; !year && k < lines.size(); ++k) {
      if (lines[k].empty()) continue;
      if (is_year_subtitle(lines[k])) title += lines[k];
      break;
    }
    return to_utf8(title);
  }
  return "";
}

}  // namespace

std::string find_title(const model::Document& doc,
                       const std::vector<layout::SectionHeading>& sections) {
  return title_in(leading_lines(doc, sections));
}

std::optional<int> year_in_title(std::string_view title) {
  if (auto year = find_year(to_u32(title))) return year->second;
  return std::nullopt;
}

namespace {

// The words that follow an agency's name in a title: what the report is about.
constexpr std::u32string_view k_report_words[] = {U"政府信息公开", U"信息公开", U"政务公开",
                                                  U"年度报告"};

// The name a title gives before the words that say what the report is about, with no year
// between ("青山县审计局政府信息公开工作年度报告"); "" when what stands there is no name.
std::u32string name_before_report_words(std::u32string_view t) {
  for (std::u32string_view stop : k_report_words) {
    const std::size_t at = t.find(stop);
    if (at == std::u32string_view::npos || at == 0) continue;
    const std::u32string raw(t.substr(0, at));
    if (is_placeholder(raw)) return {};
    if (std::u32string name = strip_lead_in(raw); is_standalone_name(name)) return name;
  }
  return {};
}

// The agency a title names around its year (at `year_at`): before it ("虹山乡人民政府2011年度…"),
// or between it and the words that say what the report is about ("2019年万源市经信局政府信息
// 公开…"). "" for a template placeholder (2019年XX乡镇（部门）…) or anything that is no name.
std::u32string name_around_year(std::u32string_view t, std::size_t year_at) {
  // A year inside a cited document's title (《关于做好2022年度…的通知》) is not the report's.
  if (t.substr(0, year_at).find(U'《') != std::u32string_view::npos) return {};
  const std::u32string raw_before(t.substr(0, year_at));
  if (is_placeholder(raw_before)) return {};
  // "青山县审计局政府信息公开工作年度报告（2021年度）": the year closes the title.
  if (std::any_of(std::begin(k_report_words), std::end(k_report_words),
                  [&](std::u32string_view w) { return contains(raw_before, w); }))
    return name_before_report_words(raw_before);
  if (std::u32string before = strip_lead_in(raw_before); is_standalone_name(before)) return before;
  std::size_t start = year_at + 5;
  if (start < t.size() && t[start] == U'度') ++start;
  return name_before_report_words(t.substr(std::min(start, t.size())));
}

// A page or file title made of parts ("2020年报_审计局", "…年度报告 - 区审计局"), cut at its
// separators; a title without any is one part.
std::vector<std::u32string_view> title_parts(std::u32string_view t) {
  static constexpr std::u32string_view k_separators = U"_|｜-—–";
  std::vector<std::u32string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && k_separators.find(t[i]) == std::u32string_view::npos) continue;
    if (i > start) parts.push_back(t.substr(start, i - start));
    start = i + 1;
  }
  return parts;
}

}  // namespace

std::string agency_in_title(std::string_view title) {
  const std::u32string t = unwrapped(strip_page_prefix(spaceless_u32(title)));
  const std::vector<std::u32string_view> parts = title_parts(t);
  bool any_year = false;
  for (std::u32string_view part : parts) {
    const auto year = find_year(part);
    if (!year) continue;
    any_year = true;
    if (std::u32string name = name_around_year(part, year->first); !name.empty())
      return to_utf8(name);
  }
  // A part that is a name by itself ("2020年报_审计局": the flipbook's own name), unless it
  // names a web site: a government portal hosts its departments' reports too.
  if (parts.size() > 1) {
    const AgencyWords& words = agency_words();
    for (std::u32string_view part : parts) {
      if (!find_year(part) && is_standalone_name(part) && suffix_in(part, words.site_ends) == 0)
        return to_utf8(part);
    }
  }
  if (any_year) return "";
  for (std::u32string_view part : parts) {
    if (!names_report(part)) continue;
    if (std::u32string name = name_before_report_words(part); !name.empty()) return to_utf8(name);
  }
  return "";
}

namespace {

// Mirrors that convert a report to Traditional characters (often with pinyin glosses after each
// converted character, "區(qū)") are detected from the first paragraphs, where title and opening
// sentence stand.
//
// norm::has_traditional_or_glosses holds for a text when one of its characters is changed by
// Traditional → Simplified, or a pinyin gloss stands in it. A gloss needs a '('; without one
// the answer is whether any of its characters is such, and that is remembered per character
// (per thread), since the same few thousand characters make up every report: ICU then sees
// each character once instead of every paragraph of every report. ASCII is never changed.
class TraditionalCharacters {
 public:
  bool any_in(std::string_view text) {
    if (text.find('(') != std::string_view::npos) return norm::has_traditional_or_glosses(text);
    for (std::size_t i = 0; i < text.size();) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x80) {
        ++i;
        continue;
      }
      std::size_t length = 0;
      const char32_t c = norm::code_point_at(text, i, length);
      // An ill-formed byte (a one-byte U+FFFD) or a character beyond the BMP: ask of the text.
      if ((c == 0xFFFD && length == 1) || c >= k_bmp_size)
        return norm::has_traditional_or_glosses(text);
      if (is_traditional(c, text.substr(i, length))) return true;
      i += length;
    }
    return false;
  }

 private:
  static constexpr char32_t k_bmp_size = 0x10000;
  enum Answer : unsigned char { unknown, no, yes };

  bool is_traditional(char32_t c, std::string_view utf8) {
    Answer& answer = answers_[c];
    if (answer == unknown) answer = norm::has_traditional_or_glosses(utf8) ? yes : no;
    return answer == yes;
  }

  std::vector<Answer> answers_ = std::vector<Answer>(k_bmp_size, unknown);
};

bool has_traditional_or_glosses(std::string_view text) {
  thread_local TraditionalCharacters characters;
  return characters.any_in(text);
}

bool reads_as_traditional(const model::Document& doc) {
  constexpr std::size_t k_sample_paragraphs = 30;
  std::size_t seen = 0;
  for (const model::Block& block : doc.blocks) {
    if (block.kind != model::Block::Kind::paragraph) continue;
    if (has_traditional_or_glosses(block.paragraph.text)) return true;
    if (++seen == k_sample_paragraphs) break;
  }
  return has_traditional_or_glosses(doc.hints.title);
}

// The paragraphs and hints as a Simplified reader sees them, so that title, year and agency are
// found by the same words as anywhere else, and the agency is named as its other years name it.
// Block positions are unchanged (section headings keep pointing at the right blocks).
model::Document simplified_copy(const model::Document& doc) {
  model::Document copy;
  copy.blocks = doc.blocks;
  for (model::Block& block : copy.blocks)
    if (block.kind == model::Block::Kind::paragraph)
      block.paragraph.text = norm::simplified_reading(block.paragraph.text);
  copy.hints = doc.hints;
  copy.hints.title = norm::simplified_reading(doc.hints.title);
  copy.hints.agency = norm::simplified_reading(doc.hints.agency);
  return copy;
}

model::ReportMeta read_simplified_metadata(const model::Document& doc,
                                           const std::vector<layout::SectionHeading>& sections);

// Text that was recognised from an image with little confidence (OCR) may hold misread
// characters: a title read as 云溪县人力资源;汕蕊:会保阐局 would name a wrong agency. Such
// paragraphs are not read for the report's title, year or agency; positions stay.
constexpr int k_least_metadata_confidence = 85;

bool doubtful(const model::Block& block) {
  return block.kind == model::Block::Kind::paragraph && block.paragraph.locator.confidence &&
         *block.paragraph.locator.confidence < k_least_metadata_confidence;
}

model::Document without_doubtful_text(const model::Document& doc) {
  model::Document copy;
  copy.blocks = doc.blocks;
  for (model::Block& block : copy.blocks)
    if (doubtful(block)) block.paragraph.text.clear();
  copy.hints = doc.hints;
  copy.source = doc.source;
  return copy;
}

bool read_by_ocr(const model::Document& doc) {
  return std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const model::Block& b) {
    return b.kind == model::Block::Kind::paragraph && b.paragraph.locator.ocr;
  });
}

// Whether the recognised text vouches for an agency's name: two paragraphs name it, or one
// recognised with high confidence. One misread character (石门镇 read as 石内镇, in a title read at
// 85) makes another agency's name, and two places are seldom misread alike.
constexpr int k_sure_name_confidence = 90;

bool ocr_vouches_for(const model::Document& doc, const std::string& name) {
  const std::u32string wanted = spaceless_u32(name);
  int naming = 0;
  for (const model::Block& b : doc.blocks) {
    if (b.kind != model::Block::Kind::paragraph ||
        !contains(spaceless_u32(b.paragraph.text), wanted))
      continue;
    if (++naming >= 2 || b.paragraph.locator.confidence.value_or(0) >= k_sure_name_confidence)
      return true;
  }
  return false;
}

}  // namespace

model::ReportMeta read_metadata(const model::Document& doc,
                                const std::vector<layout::SectionHeading>& sections) {
  model::Document sure;
  const bool any_doubtful = std::any_of(doc.blocks.begin(), doc.blocks.end(), doubtful);
  if (any_doubtful) sure = without_doubtful_text(doc);
  const model::Document& read = any_doubtful ? sure : doc;
  model::Document simplified;
  const bool traditional = reads_as_traditional(read);
  if (traditional) simplified = simplified_copy(read);
  const model::Document& text = traditional ? simplified : read;
  model::ReportMeta meta = read_simplified_metadata(text, sections);
  if (!meta.agency.empty() && read_by_ocr(doc) && !ocr_vouches_for(text, meta.agency))
    meta.agency.clear();
  return meta;
}

namespace {

// The paragraphs between the title and the first section that may be prose (not the title's
// lines, not page furniture such as 发布时间 or 来源).
std::vector<std::u32string> preamble_of(const std::vector<std::u32string>& lines) {
  std::vector<std::u32string> preamble;
  for (const std::u32string& line : lines)
    if (!line.empty() && !is_title_line(line) && !is_title_noise(line)) preamble.push_back(line);
  return preamble;
}

// The first paragraph of the first section's prose (the sentence "2022年，区政府办公室认真
// 贯彻…" opens), looked for in the few blocks after its heading; "" when there is none.
std::u32string first_section_paragraph(const model::Document& doc,
                                       const std::vector<layout::SectionHeading>& sections) {
  constexpr std::size_t k_blocks_looked_at = 3;
  if (sections.empty()) return {};
  const std::size_t from = sections.front().block + 1;
  for (std::size_t b = from; b < doc.blocks.size() && b < from + k_blocks_looked_at; ++b) {
    if (doc.blocks[b].kind != model::Block::Kind::paragraph) return {};
    std::u32string text = spaceless_u32(doc.blocks[b].paragraph.text);
    // A sub-heading ("（一）主动公开情况") holds no clause mark; prose does.
    if (text.find_first_of(U"，,。；") != std::u32string::npos) return text;
  }
  return {};
}

// The file's own name (path without folders and extensions) where it reads as a report's title:
// ".../2020年报_审计局.html" → 2020年报_审计局; "" for names such as "report-17.txt".
std::string file_title(std::string_view path) {
  constexpr std::size_t k_longest_extension = 5;
  const std::size_t slash = path.find_last_of("/\\!");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0;
       dot = name.rfind('.')) {
    const std::string_view extension = name.substr(dot + 1);
    const bool plain = !extension.empty() && extension.size() <= k_longest_extension &&
                       std::all_of(extension.begin(), extension.end(), [](char c) {
                         return std::isalnum(static_cast<unsigned char>(c)) != 0;
                       });
    if (!plain) break;
    name = name.substr(0, dot);
  }
  const std::u32string title = spaceless_u32(name);
  if (!names_report(without_citations(title))) return "";
  return to_utf8(title);
}

// The agency of a report whose title names none, from the first place that names it with
// certainty, in this order: the subject of the opening sentences, the signature block, the page's
// metadata box, the file's name; at last the name the body gives its subject most often. "" where
// none is certain.
std::string agency_past_title(const model::Document& doc,
                              const std::vector<layout::SectionHeading>& sections,
                              const std::vector<std::u32string>& lines,
                              const std::optional<Signature>& signed_by, std::string_view file,
                              const std::vector<std::string>& paragraphs) {
  // Past the title and the signature, a name must fit what the report calls itself: one that
  // says 我局 is not by the 市政府办公室 its prose, its page or its host names.
  const BodyNames body(paragraphs);
  const std::u32string kind = body.self_kind();
  const std::vector<std::u32string> preamble = preamble_of(lines);
  if (std::string name = agency_in_opening(preamble, first_section_paragraph(doc, sections), kind);
      !name.empty())
    return name;
  if (signed_by && !signed_by->agency.empty()) return signed_by->agency;
  if (const std::u32string box = spaceless_u32(doc.hints.agency);
      is_standalone_name(box) && fits_self_kind(box, kind))
    return to_utf8(box);
  if (std::string name = agency_in_title(file); !name.empty() && fits_self_kind(to_u32(name), kind))
    return name;
  return body.agency(kind);
}

model::ReportMeta read_simplified_metadata(const model::Document& doc,
                                           const std::vector<layout::SectionHeading>& sections) {
  model::ReportMeta meta;
  const std::vector<std::u32string> lines = leading_lines(doc, sections);
  meta.title = title_in(lines);
  if (meta.title.empty() && is_title_line(spaceless_u32(doc.hints.title)))
    meta.title = doc.hints.title;
  meta.year = year_in_title(meta.title);

  for (const std::u32string& line : lines) {
    if (meta.published.empty())
      if (auto date = published_in(line)) meta.published = *date;
    // An opening sentence that names the report: "…现公布区统计局2023年政府信息公开工作年度报告。"
    if (names_report(line) && !meta.year) {
      std::size_t clause_start = 0;
      for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == U'，' || line[i] == U',' || line[i] == U'。') {
          const std::u32string clause = line.substr(clause_start, i - clause_start);
          if (!meta.year && names_report(clause) && find_year(clause))
            meta.year = year_in_title(to_utf8(clause));
          clause_start = i + 1;
        }
      }
    }
    if (!meta.year) meta.year = year_of_statistics_period(line);
  }
  if (meta.published.empty()) meta.published = doc.hints.published;
  const std::optional<Signature> signed_by = signature_block(doc);
  if (signed_by && meta.published.empty()) meta.published = signed_by->date;
  meta.agency = agency_in_title(meta.title);

  // Copied only when needed: most reports name their year and agency in the title.
  std::vector<std::string> paragraphs;
  std::string file;
  if (!meta.year || meta.agency.empty()) {
    paragraphs = body_paragraphs(doc);
    file = file_title(doc.source.path);
  }
  if (meta.agency.empty())
    meta.agency = agency_past_title(doc, sections, lines, signed_by, file, paragraphs);
  if (!meta.year) {
    for (const std::string& p : paragraphs) {
      if (auto year = year_of_statistics_period(to_u32(p))) {
        meta.year = year;
        break;
      }
    }
  }
  // Last resort for the year: the overview section opening with it ("2019年，我乡…").
  if (!meta.year && !sections.empty() && sections.front().info.key == "overview") {
    const std::size_t b = sections.front().block + 1;
    if (b < doc.blocks.size() && doc.blocks[b].kind == model::Block::Kind::paragraph) {
      const std::u32string first = spaceless_u32(doc.blocks[b].paragraph.text);
      if (auto year = find_year(first); year && year->first == 0) meta.year = year->second;
    }
  }
  if (!meta.year) meta.year = year_in_title(file);
  if (!meta.year) meta.year = year_of_publication(meta.published);
  return meta;
}

}  // namespace

}  // namespace nianbao::metadata
