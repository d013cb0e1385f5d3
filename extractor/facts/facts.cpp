#include "extractor/facts/facts.hpp"

#include <algorithm>

#include "extractor/facts/phrase.hpp"
#include "extractor/facts/vocabulary.hpp"
#include "normalizers/labels.hpp"
#include "normalizers/scanner.hpp"
#include "normalizers/text.hpp"

namespace nianbao::facts {
namespace {

// Code point index of a byte offset (offsets from the scanner always start a code point).
std::size_t code_point_at(const norm::DecodedText& d, std::size_t byte) {
  const auto it = std::lower_bound(d.byte_offsets.begin(), d.byte_offsets.end(), byte);
  return static_cast<std::size_t>(it - d.byte_offsets.begin());
}

std::string slice(const norm::DecodedText& d, std::string_view text, std::size_t begin,
                  std::size_t end) {
  return std::string(
      text.substr(d.byte_offsets[begin], d.byte_offsets[end] - d.byte_offsets[begin]));
}

// The clause's words without the figure, up to `end`: what the metric rules read.
std::string words_of(const norm::DecodedText& d, std::string_view text, const PhraseSpan& p,
                     std::size_t fig_begin, std::size_t fig_end, std::size_t end) {
  return slice(d, text, p.clause_begin, std::max(p.clause_begin, fig_begin)) +
         slice(d, text, std::min(fig_end, end), end);
}

// The metric, and the phrase's end: a phrase runs on past its figure only when that is what
// names the metric ("明确2名工作人员负责日常工作").
std::string metric_of(const norm::DecodedText& d, std::string_view text, PhraseSpan& p,
                      std::size_t fb, std::size_t fe, std::string_view unit) {
  const std::string head = slice(d, text, p.head_begin, p.clause_begin);
  std::string metric = metric_for(words_of(d, text, p, fb, fe, p.end), head, unit);
  if (!metric.empty() || p.extended_end <= p.end) return metric;
  metric = metric_for(words_of(d, text, p, fb, fe, p.extended_end), head, unit);
  if (!metric.empty()) p.end = p.extended_end;
  return metric;
}

bool is_one_of(std::string_view text, std::string_view kind) {
  const std::vector<std::string>& words = phrase_words(kind).utf8;
  return std::find(words.begin(), words.end(), text) != words.end();
}

// "一项重要…", "一个平台": a bare 一 with a measure word, with more words right after it, is an
// article rather than a count.
bool is_article(const norm::Figure& f, const norm::DecodedText& d, std::size_t fig_end) {
  if (fig_end >= d.chars.size() || !norm::is_han(d.chars[fig_end])) return false;
  return f.text.starts_with("一") && is_one_of(std::string_view(f.text).substr(3), "article");
}

// "Page 8 - …", "第3次": a page number or an ordinal.
bool follows_page_word(const norm::DecodedText& d, std::size_t fig_begin) {
  std::size_t i = fig_begin;
  while (i > 0 && norm::is_white_space(d.chars[i - 1])) --i;
  const std::u32string_view before = std::u32string_view(d.chars).substr(0, i);
  const std::vector<std::u32string>& words = phrase_words("page").words;
  return std::any_of(words.begin(), words.end(),
                     [&](const std::u32string& w) { return before.ends_with(w); });
}

// Figures that count nothing the report is about: articles, page numbers and ordinals, and
// the report's own parts ("全文包括…等六部分").
bool is_no_count(const norm::Figure& f, const norm::DecodedText& d, std::size_t fb,
                 std::size_t fe) {
  return is_article(f, d, fe) || follows_page_word(d, fb) || is_one_of(f.unit, "structure");
}

// Mirror sites convert whole reports to Traditional characters, often with pinyin glosses
// ("公開(kāi)"), and the metric phrases are Simplified: a phrase that names no metric is read once
// more as a Simplified reader sees it. The fact keeps its text as written.
std::string metric_of_traditional(const model::Fact& fact) {
  if (!norm::has_traditional_or_glosses(fact.text)) return "";
  std::string words = fact.text;
  if (const std::size_t at = words.find(fact.raw); at != std::string::npos)
    words.erase(at, fact.raw.size());
  return metric_for(norm::simplified_reading(words), "", fact.unit);
}

struct PlacedFact {
  model::Fact fact;
  std::size_t byte = 0;    // the figure's byte offset in the paragraph
  std::size_t column = 0;  // and its code point offset
};

std::vector<PlacedFact> placed_facts(std::string_view text) {
  std::vector<PlacedFact> out;
  if (!is_prose(text)) return out;
  // Decoded once, for the scanner and for the phrases.
  const norm::DecodedText d = norm::decode_utf8(text);
  const std::vector<norm::Figure> figures = norm::scan_figures(d, text);
  if (figures.empty()) return out;
  std::size_t floor = 0;
  for (std::size_t k = 0; k < figures.size(); ++k) {
    const norm::Figure& f = figures[k];
    const std::size_t fb = code_point_at(d, f.begin);
    const std::size_t fe = code_point_at(d, f.end);
    const std::size_t next =
        k + 1 < figures.size() ? code_point_at(d, figures[k + 1].begin) : d.chars.size();
    PhraseSpan p = find_phrase(d.chars, fb, fe, floor, next);
    floor = fe;
    // A range has no single value; a fact never stands for a number the text does not state.
    if (!f.value || is_no_count(f, d, fb, fe)) continue;
    PlacedFact placed;
    placed.fact.metric = metric_of(d, text, p, fb, fe, f.unit);
    placed.fact.text = slice(d, text, p.begin, p.end);
    placed.fact.value = f.value;
    placed.fact.unit = f.unit;
    placed.fact.qualifier = f.qualifier;
    placed.fact.raw = f.text;
    if (placed.fact.metric.empty()) placed.fact.metric = metric_of_traditional(placed.fact);
    placed.byte = f.begin;
    placed.column = fb;
    out.push_back(std::move(placed));
  }
  return out;
}

bool is_table_section(std::string_view key) {
  return key == "proactive" || key == "on_request" || key == "review_litigation";
}

model::Locator locate(const model::Locator& paragraph, const PlacedFact& p) {
  model::Locator loc = paragraph;
  if (loc.column) loc.column = *loc.column + static_cast<int>(p.column);
  if (loc.byte_offset) loc.byte_offset = *loc.byte_offset + p.byte;
  return loc;
}

}  // namespace

bool is_prose(std::string_view paragraph) {
  const std::string_view t = norm::trim_white_space(paragraph);
  if (t.find('|') != std::string_view::npos || t.find('\t') != std::string_view::npos) return false;
  // Told on the bytes, as most paragraphs of a bulk run pass here: a UTF-8 lead byte E4–E9
  // starts a code point in U+4000–U+9FFF, where the common CJK ideographs lie.
  return std::any_of(t.begin(), t.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0xE4 && byte <= 0xE9;
  });
}

std::vector<model::Fact> facts_in_text(std::string_view paragraph) {
  std::vector<model::Fact> out;
  for (PlacedFact& p : placed_facts(paragraph)) out.push_back(std::move(p.fact));
  return out;
}

std::vector<model::Fact> read_facts(const model::Document& doc,
                                    const std::vector<layout::SectionHeading>& sections,
                                    const FactOptions& options) {
  std::vector<model::Fact> out;
  std::size_t next_section = 0;
  std::string section;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    while (next_section < sections.size() && sections[next_section].block <= b)
      section = sections[next_section++].info.key;
    const model::Block& block = doc.blocks[b];
    if (block.kind != model::Block::Kind::paragraph) continue;
    if (options.skip_table_sections && is_table_section(section)) continue;
    for (PlacedFact& p : placed_facts(block.paragraph.text)) {
      p.fact.section = section;
      p.fact.locator = locate(block.paragraph.locator, p);
      out.push_back(std::move(p.fact));
    }
  }
  return out;
}

}  // namespace nianbao::facts
