#include "extractor/layout/inline_headings.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "extractor/layout/sections.hpp"
#include "normalizers/text.hpp"

namespace nianbao::layout {
namespace {

constexpr std::size_t k_min_inline_headings = 2;

bool is_chinese_numeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

bool is_sentence_end(char32_t c) {
  return std::u32string_view(U"。；！？;!?").find(c) != std::u32string_view::npos;
}

// Code point positions where a sentence has just ended (or the paragraph starts) and a Chinese
// numeral follows: the places an inline heading can start.
std::vector<std::size_t> heading_starts(std::u32string_view chars) {
  std::vector<std::size_t> starts;
  bool after_end = true;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (after_end && is_chinese_numeral(chars[i])) starts.push_back(i);
    if (is_sentence_end(chars[i])) {
      after_end = true;
    } else if (!norm::is_white_space(chars[i])) {
      after_end = false;
    }
  }
  return starts;
}

// Where the heading that starts at `from` ends: at the first white space after its words, a
// colon or 。, whichever comes first.
std::size_t heading_end(std::u32string_view chars, std::size_t from) {
  std::size_t i = from;
  bool words = false;
  for (; i < chars.size(); ++i) {
    const char32_t c = chars[i];
    if (c == U':' || c == U'：' || c == U'。') break;
    if (norm::is_white_space(c)) {
      if (words) break;
    } else if (c != U'、') {
      words = true;
    }
  }
  return i;
}

struct Cut {
  std::size_t block;
  std::size_t begin;  // code point range of the heading in the paragraph
  std::size_t end;
};

// The paragraph's code points [begin, end) as a paragraph of its own, located where it starts.
model::Block piece_of(const model::Paragraph& p, const norm::DecodedText& d, std::size_t begin,
                      std::size_t end) {
  const std::size_t byte = d.byte_offsets[begin];
  model::Block block;
  block.paragraph.text = p.text.substr(byte, d.byte_offsets[end] - byte);
  block.paragraph.locator = p.locator;
  model::Locator& loc = block.paragraph.locator;
  if (loc.column) *loc.column += static_cast<int>(begin);
  if (loc.byte_offset) *loc.byte_offset += byte;
  return block;
}

bool is_blank(std::u32string_view chars) {
  return std::all_of(chars.begin(), chars.end(), norm::is_white_space);
}

// The inline headings of the document, in order, each numbered after the one before.
std::vector<Cut> find_inline_headings(const model::Document& doc) {
  std::vector<Cut> cuts;
  int previous = 0;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const model::Block& block = doc.blocks[b];
    if (block.kind != model::Block::Kind::paragraph) continue;
    const norm::DecodedText d = norm::decode_utf8(block.paragraph.text);
    for (std::size_t start : heading_starts(d.chars)) {
      const std::size_t end = heading_end(d.chars, start);
      const std::string_view text = block.paragraph.text;
      const std::size_t byte = d.byte_offsets[start];
      const auto heading =
          classify_heading(text.substr(byte, d.byte_offsets[end] - byte), previous);
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
    const norm::DecodedText d = norm::decode_utf8(p.text);
    const std::u32string_view chars = d.chars;
    std::size_t done = 0;
    for (; next_cut < cuts.size() && cuts[next_cut].block == b; ++next_cut) {
      const Cut& cut = cuts[next_cut];
      if (!is_blank(chars.substr(done, cut.begin - done)))
        blocks.push_back(piece_of(p, d, done, cut.begin));
      blocks.push_back(piece_of(p, d, cut.begin, cut.end));
      done = cut.end;
    }
    if (!is_blank(chars.substr(done))) blocks.push_back(piece_of(p, d, done, chars.size()));
  }
  doc.blocks = std::move(blocks);
  return true;
}

}  // namespace nianbao::layout
