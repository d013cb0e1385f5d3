#include "extractor/layout/inline_headings.hpp"

#include <string_view>
#include <vector>

#include "extractor/layout/sections.hpp"

namespace nianbao::layout {
namespace {

constexpr std::size_t k_min_inline_headings = 2;

// One UTF-8 code point's length from its lead byte (1 for anything malformed).
std::size_t code_point_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

bool starts_with_at(std::string_view text, std::size_t at, std::string_view what) {
  return text.substr(at, what.size()) == what;
}

bool is_chinese_numeral_at(std::string_view text, std::size_t at) {
  for (std::string_view n : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"})
    if (starts_with_at(text, at, n)) return true;
  return false;
}

bool is_sentence_end_at(std::string_view text, std::size_t at) {
  for (std::string_view end : {"。", "；", "！", "？", ";", "!", "?"})
    if (starts_with_at(text, at, end)) return true;
  return false;
}

bool is_space_at(std::string_view text, std::size_t at) {
  return text[at] == ' ' || text[at] == '\t' || starts_with_at(text, at, "\u3000");
}

// Byte positions where a sentence has just ended (or the paragraph starts) and a Chinese numeral
// follows: the places an inline heading can start.
std::vector<std::size_t> heading_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  bool after_end = true;
  for (std::size_t i = 0; i < text.size();) {
    if (after_end && is_chinese_numeral_at(text, i)) starts.push_back(i);
    if (is_sentence_end_at(text, i)) {
      after_end = true;
    } else if (!is_space_at(text, i)) {
      after_end = false;
    }
    i += code_point_length(static_cast<unsigned char>(text[i]));
  }
  return starts;
}

// Where the heading that starts at `from` ends: at the first white space after its words, a
// colon or 。, whichever comes first.
std::size_t heading_end(std::string_view text, std::size_t from) {
  std::size_t i = from;
  bool words = false;
  while (i < text.size()) {
    if (text[i] == ':' || starts_with_at(text, i, "：") || starts_with_at(text, i, "。")) break;
    if (is_space_at(text, i)) {
      if (words) break;
    } else if (!starts_with_at(text, i, "、")) {
      words = true;
    }
    i += code_point_length(static_cast<unsigned char>(text[i]));
  }
  return i;
}

struct Cut {
  std::size_t block;
  std::size_t begin;  // byte range of the heading in the paragraph
  std::size_t end;
};

int code_points(std::string_view text) {
  int n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

model::Block piece_of(const model::Paragraph& p, std::size_t begin, std::size_t end) {
  model::Block block;
  block.paragraph.text = p.text.substr(begin, end - begin);
  block.paragraph.locator = p.locator;
  model::Locator& loc = block.paragraph.locator;
  if (loc.column) *loc.column += code_points(std::string_view(p.text).substr(0, begin));
  if (loc.byte_offset) *loc.byte_offset += begin;
  return block;
}

bool is_blank(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (!is_space_at(text, i)) return false;
    i += code_point_length(static_cast<unsigned char>(text[i]));
  }
  return true;
}

// The inline headings of the document, in order, each numbered after the one before.
std::vector<Cut> find_inline_headings(const model::Document& doc) {
  std::vector<Cut> cuts;
  int previous = 0;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const model::Block& block = doc.blocks[b];
    if (block.kind != model::Block::Kind::paragraph) continue;
    const std::string_view text = block.paragraph.text;
    for (std::size_t start : heading_starts(text)) {
      const std::size_t end = heading_end(text, start);
      const auto heading = classify_heading(text.substr(start, end - start), previous);
      if (!heading || heading->info.key.empty()) continue;
      previous = heading->ordinal;
      cuts.push_back({b, start, end});
    }
  }
  return cuts;
}

}  // namespace

bool split_inline_headings(model::Document& doc) {
  const std::vector<Cut> cuts = find_inline_headings(doc);
  if (cuts.size() < k_min_inline_headings) return false;
  std::vector<model::Block> blocks;
  blocks.reserve(doc.blocks.size() + 2 * cuts.size());
  std::size_t next_cut = 0;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    if (next_cut == cuts.size() || cuts[next_cut].block != b) {
      blocks.push_back(std::move(doc.blocks[b]));
      continue;
    }
    const model::Paragraph& p = doc.blocks[b].paragraph;
    std::size_t done = 0;
    for (; next_cut < cuts.size() && cuts[next_cut].block == b; ++next_cut) {
      const Cut& cut = cuts[next_cut];
      if (!is_blank(std::string_view(p.text).substr(done, cut.begin - done)))
        blocks.push_back(piece_of(p, done, cut.begin));
      blocks.push_back(piece_of(p, cut.begin, cut.end));
      done = cut.end;
    }
    if (!is_blank(std::string_view(p.text).substr(done)))
      blocks.push_back(piece_of(p, done, p.text.size()));
  }
  doc.blocks = std::move(blocks);
  return true;
}

}  // namespace nianbao::layout
