#include "extractor/metadata/report_metadata.hpp"

#include <unicode/unistr.h>

#include <array>

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

bool is_placeholder(std::u32string_view name) {
  return contains(name, U"XX") || contains(name, U"xx") || contains(name, U"××") ||
         contains(name, U"ＸＸ") || contains(name, U"**");
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

// An agency name ends like one: 局, 办, 委员会, 人民政府, 镇, 街道办事处 …
bool ends_like_agency(std::u32string_view name) {
  for (std::u32string_view suffix :
       {U"局", U"办", U"委", U"委员会", U"办公室", U"政府",   U"中心",     U"厅",
        U"院", U"署", U"镇", U"乡",     U"街道",   U"办事处", U"管委会",   U"所",
        U"站", U"队", U"部", U"会",     U"馆",     U"处",     U"（部门）", U"(部门)"}) {
    if (name.ends_with(suffix)) return true;
  }
  return false;
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
  std::string agency;
  std::string date;
};

std::optional<Signature> signature_block(const model::Document& doc) {
  constexpr std::size_t k_lines_searched = 6;
  std::vector<std::u32string> tail;  // last non-empty lines, last first
  for (std::size_t b = doc.blocks.size(); b-- > 0 && tail.size() < k_lines_searched;) {
    if (doc.blocks[b].kind != model::Block::Kind::paragraph) continue;
    std::u32string line = spaceless_u32(doc.blocks[b].paragraph.text);
    if (!line.empty()) tail.push_back(std::move(line));
  }
  for (std::size_t i = 0; i + 1 < tail.size(); ++i) {
    if (date_length_at(tail[i], 0) != tail[i].size()) continue;
    const std::u32string& name = tail[i + 1];
    if (name.size() < 2 || name.size() > 30 || !ends_like_agency(name)) return std::nullopt;
    return Signature{to_utf8(name), to_utf8(tail[i])};
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
    if (!is_short_line(lines[i]) || !names_report(lines[i]) || is_title_noise(lines[i])) continue;
    std::u32string title = strip_page_prefix(lines[i]);
    // A title broken over lines: "九原区政务服务局" / "2022年…年度报告", or "2019年…工作" / "" /
    // "年度报告". Earlier short lines join when the line found lacks the agency or the year.
    const auto year = find_year(title);
    const bool needs_front = !year || year->first == 0;
    for (std::size_t k = i, joined = 0; needs_front && k-- > 0 && joined < 2;) {
      if (lines[k].empty()) continue;
      if (!is_short_line(lines[k]) || is_title_noise(lines[k]) || names_report(lines[k])) break;
      title = lines[k] + title;
      ++joined;
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

std::string agency_in_title(std::string_view title) {
  const std::u32string t = spaceless_u32(title);
  const auto year = find_year(t);
  if (!year) return "";
  // A year inside a cited document's title (《关于做好2022年度…的通知》) is not the report's.
  if (t.substr(0, year->first).find(U'《') != std::u32string::npos) return "";
  const std::u32string before = strip_lead_in(t.substr(0, year->first));
  if (before.size() >= 2 && !is_placeholder(before) && ends_like_agency(before))
    return to_utf8(before);
  // "2019年万源市经信局政府信息公开工作年度报告": the name after the year.
  std::size_t start = year->first + 5;
  if (start < t.size() && t[start] == U'度') ++start;
  std::size_t end = t.size();
  for (std::u32string_view stop : {U"政府信息公开", U"信息公开", U"政务公开", U"年度报告"}) {
    const std::size_t at = t.find(stop, start);
    if (at != std::u32string::npos) end = std::min(end, at);
  }
  if (end == t.size() || end <= start) return "";
  const std::u32string after = t.substr(start, end - start);
  if (after.size() < 2 || is_placeholder(after) || !ends_like_agency(after)) return "";
  return to_utf8(after);
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

}  // namespace

model::ReportMeta read_metadata(const model::Document& doc,
                                const std::vector<layout::SectionHeading>& sections) {
  if (reads_as_traditional(doc)) return read_simplified_metadata(simplified_copy(doc), sections);
  return read_simplified_metadata(doc, sections);
}

namespace {

model::ReportMeta read_simplified_metadata(const model::Document& doc,
                                           const std::vector<layout::SectionHeading>& sections) {
  model::ReportMeta meta;
  const std::vector<std::u32string> lines = leading_lines(doc, sections);
  meta.title = title_in(lines);
  if (meta.title.empty()) meta.title = doc.hints.title;
  meta.year = year_in_title(meta.title);
  meta.agency = agency_in_title(meta.title);

  for (const std::u32string& line : lines) {
    if (meta.published.empty())
      if (auto date = published_in(line)) meta.published = *date;
    // An opening sentence that names the report: "…现公布区统计局2023年政府信息公开工作年度报告。"
    if (names_report(line) && (!meta.year || meta.agency.empty())) {
      std::size_t clause_start = 0;
      for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == U'，' || line[i] == U',' || line[i] == U'。') {
          const std::u32string clause = line.substr(clause_start, i - clause_start);
          if (names_report(clause) && find_year(clause)) {
            if (!meta.year) meta.year = year_in_title(to_utf8(clause));
            if (meta.agency.empty()) meta.agency = agency_in_title(to_utf8(clause));
          }
          clause_start = i + 1;
        }
      }
    }
    if (!meta.year) meta.year = year_of_statistics_period(line);
  }
  if (meta.published.empty()) meta.published = doc.hints.published;
  if (meta.agency.empty()) meta.agency = doc.hints.agency;
  if (const auto signed_by = signature_block(doc)) {
    if (meta.published.empty()) meta.published = signed_by->date;
    if (meta.agency.empty() && !is_placeholder(to_u32(signed_by->agency)))
      meta.agency = signed_by->agency;
  }

  // Copied only when needed: most reports name their year and agency in the title.
  std::vector<std::string> paragraphs;
  if (!meta.year || meta.agency.empty()) paragraphs = body_paragraphs(doc);
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
  if (!meta.year) meta.year = year_of_publication(meta.published);
  if (meta.agency.empty()) meta.agency = agency_in_body(paragraphs);
  return meta;
}

}  // namespace

}  // namespace nianbao::metadata
