#include "extractor/layout/sections.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "extractor/templates/template.hpp"
#include "normalizers/labels.hpp"
#include "normalizers/text.hpp"

namespace nianbao::data {
std::string_view sections();
}

namespace nianbao::layout {
namespace {

struct SectionWords {
  std::string key;
  std::vector<std::string> words;
};

const std::vector<SectionWords>& section_vocabulary() {
  static const std::vector<SectionWords> vocabulary = [] {
    std::vector<SectionWords> out;
    std::string_view data = data::sections();
    while (!data.empty()) {
      const std::size_t end = data.find('\n');
      std::string_view line = data.substr(0, end);
      data = end == std::string_view::npos ? std::string_view{} : data.substr(end + 1);
      if (line.empty() || line.front() == '#') continue;
      const std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      SectionWords entry{std::string(line.substr(0, tab)), {}};
      std::string_view words = line.substr(tab + 1);
      while (!words.empty()) {
        const std::size_t bar = words.find('|');
        // Normalised once here, as every heading candidate is compared with every word.
        entry.words.push_back(norm::normalize_for_match(words.substr(0, bar)));
        words = bar == std::string_view::npos ? std::string_view{} : words.substr(bar + 1);
      }
      out.push_back(std::move(entry));
    }
    return out;
  }();
  return vocabulary;
}

// The code points of well-formed UTF-8, decoded directly; false for ill-formed input, whose
// replacement characters ICU places.
bool decode_well_formed(std::string_view utf8, std::u32string& out) {
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t length = 0;
    const char32_t c = norm::code_point_at(utf8, i, length);
    // code_point_at reads an ill-formed byte as a one-byte U+FFFD (a real one is three bytes).
    if (c == 0xFFFD && length == 1) return false;
    out.push_back(c);
    i += length;
  }
  return true;
}

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  if (decode_well_formed(utf8, out)) return out;
  out.clear();
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

// The code points come from to_u32, so they are Unicode scalar values, which norm::to_utf8
// encodes as ICU would, without building a UnicodeString.
std::string to_utf8(std::u32string_view s) { return norm::to_utf8(s); }

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0; }

bool is_numeral_char(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

bool is_enumerator_separator(char32_t c) {
  return c == U'、' || c == U'.' || c == U'．' || c == U',' || c == U'，' || is_space(c);
}

// Table 三's own numbered rows (一、本年新收… 四、结转下年度继续办理) look like headings; they are
// not. The bodies of every template row and row group, once notes in parentheses are dropped.
bool is_table_row_label(std::string_view text) {
  static const std::unordered_set<std::string> bodies = [] {
    std::unordered_set<std::string> out;
    auto add = [&](const templates::TemplateLabel& label) {
      for (const norm::Label& n : label.normalized)
        out.insert(norm::strip_parenthetical_tail(n.body));
    };
    for (const templates::Template& t : templates::all_templates())
      for (const templates::TableTemplate& table : t.tables)
        for (const templates::Row& row : table.rows) {
          add(row.label);
          add(row.parent_label);
        }
    return out;
  }();
  return bodies.count(norm::strip_parenthetical_tail(norm::normalize_label(text).body)) > 0;
}

}  // namespace

std::optional<int> small_chinese_numeral(std::u32string_view digits) {
  auto digit = [](char32_t c) -> int {
    const std::u32string_view all = U"一二三四五六七八九";
    const std::size_t at = all.find(c);
    return at == std::u32string_view::npos ? -1 : static_cast<int>(at) + 1;
  };
  if (digits.size() == 1) {
    if (digits[0] == U'十') return 10;
    const int d = digit(digits[0]);
    return d > 0 ? std::optional<int>(d) : std::nullopt;
  }
  if (digits.size() == 2 && digits[0] == U'十' && digit(digits[1]) > 0)
    return 10 + digit(digits[1]);
  if (digits.size() == 2 && digits[1] == U'十' && digit(digits[0]) > 0)
    return 10 * digit(digits[0]);
  if (digits.size() == 3 && digits[1] == U'十' && digit(digits[0]) > 0 && digit(digits[2]) > 0)
    return 10 * digit(digits[0]) + digit(digits[2]);
  return std::nullopt;
}

namespace {

std::string section_key_uncached(std::string_view heading_text) {
  const std::string normalized = norm::normalize_for_match(heading_text);
  for (const SectionWords& entry : section_vocabulary()) {
    for (const std::string& word : entry.words) {
      if (normalized.find(word) != std::string::npos) return entry.key;
    }
  }
  return "";
}

}  // namespace

std::string section_key_for(std::string_view heading_text) {
  // The same few headings open every report of a bulk run, and normalising one for matching
  // costs ICU work: answers are remembered per thread (the vocabulary never changes), within a
  // bounded size, as the label memo does.
  thread_local std::unordered_map<std::string, std::string, norm::StringViewHash, std::equal_to<>>
      memo;
  constexpr std::size_t k_memo_limit = 1 << 10;
  if (auto it = memo.find(heading_text); it != memo.end()) return it->second;
  if (memo.size() >= k_memo_limit) memo.clear();
  std::string key = section_key_uncached(heading_text);
  memo.emplace(std::string(heading_text), key);
  return key;
}

namespace {

// A heading starts with a Chinese numeral (after white space); checked on the bytes so that
// the many prose lines cost nothing.
bool may_start_with_numeral(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (text.substr(i, 3) == "\xE3\x80\x80") i += 3;  // U+3000
  // 一 … 十 are all U+4E00..U+5FFF, whose UTF-8 begins with 0xE4 or 0xE5: most lines stop here.
  if (i >= text.size() || (text[i] != '\xE4' && text[i] != '\xE5')) return false;
  const std::string_view first = text.substr(i, 3);
  for (std::string_view numeral : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"})
    if (first == numeral) return true;
  return false;
}

// A flattened table row ("七、依申请公开信息收取的费用 | 万元 | 0", or the same TAB-separated) is
// no heading, though its first cell may read like one; a lone cell with a bar after it is.
bool is_table_row(std::string_view text) {
  for (char sep : {'|', '\t'}) {
    int cells = 0;
    std::size_t start = 0;
    while (true) {
      const std::size_t end = std::min(text.find(sep, start), text.size());
      const std::string_view cell = text.substr(start, end - start);
      if (cell.find_first_not_of(" \t") != std::string_view::npos && ++cells >= 2) return true;
      if (end == text.size()) break;
      start = end + 1;
    }
  }
  return false;
}

}  // namespace

std::optional<SectionHeading> classify_heading(std::string_view text, int previous_ordinal) {
  if (!may_start_with_numeral(text) || is_table_row(text)) return std::nullopt;
  const std::u32string s = to_u32(text);
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  const std::size_t numeral_start = i;
  while (i < s.size() && is_numeral_char(s[i])) ++i;
  if (i == numeral_start || i >= s.size() || !is_enumerator_separator(s[i])) return std::nullopt;
  const std::optional<int> ordinal =
      small_chinese_numeral(std::u32string_view(s).substr(numeral_start, i - numeral_start));
  if (!ordinal || *ordinal <= previous_ordinal) return std::nullopt;
  const std::size_t numeral_end = i;
  ++i;
  while (i < s.size() && is_space(s[i])) ++i;
  // A heading may run on into its first sentence after a colon ("三、依申请公开政府信息:无…").
  std::size_t end = i;
  while (end < s.size() && s[end] != U':' && s[end] != U'：' && s[end] != U'。') ++end;
  std::u32string_view heading = std::u32string_view(s).substr(i, end - i);
  while (!heading.empty() && is_space(heading.back())) heading.remove_suffix(1);
  if (heading.empty() || heading.size() > 40) return std::nullopt;
  // Headings never end in a number; a numbered table row with its values does
  // ("四、结转下年度继续办理 2 3 0 4 2 0 11" in pdftotext output).
  if (heading.back() >= U'0' && heading.back() <= U'9') return std::nullopt;
  const std::string heading_utf8 = to_utf8(heading);
  if (is_table_row_label(text)) return std::nullopt;
  std::string key = section_key_for(heading_utf8);
  // An unknown wording still counts when it is the next number in sequence and reads as a title
  // (short, no sentence punctuation); it is kept with an empty key.
  if (key.empty()) {
    const bool next_in_sequence = *ordinal == previous_ordinal + 1;
    const bool title_like = heading.size() <= 25 &&
                            heading.find(U'，') == std::u32string_view::npos &&
                            heading.find(U',') == std::u32string_view::npos;
    if (!next_in_sequence || !title_like) return std::nullopt;
  }
  SectionHeading result;
  result.ordinal = *ordinal;
  result.info.key = std::move(key);
  result.info.number =
      to_utf8(std::u32string_view(s).substr(numeral_start, numeral_end - numeral_start));
  result.info.heading = heading_utf8;
  return result;
}

std::vector<SectionHeading> find_sections(const model::Document& doc) {
  std::vector<SectionHeading> sections;
  int previous = 0;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const model::Block& block = doc.blocks[b];
    if (block.kind != model::Block::Kind::paragraph) continue;
    if (auto heading = classify_heading(block.paragraph.text, previous)) {
      heading->block = b;
      heading->info.locator = block.paragraph.locator;
      previous = heading->ordinal;
      sections.push_back(std::move(*heading));
    }
  }
  return sections;
}

}  // namespace nianbao::layout
