#include "extractor/readers/pdf/text_lines.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace nianbao::readers::pdf {
namespace {

struct Fragment {
  std::vector<int> glyphs;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float size = 0;
  bool upright = true;
};

// Beyond this gap (in ems) the library's line is really two pieces, e.g. two columns of an
// unruled table that share a baseline; they are placed on their own.
constexpr float k_piece_gap_em = 3.0f;
// A gap this wide (in ems) separates columns: written as two spaces, as `pdftotext -layout`
// and the text readers' column machinery expect.
constexpr float k_column_gap_em = 1.5f;

bool is_ascii_word(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '%' ||
         c == '.' || c == ',' || c == ')' || c == '(';
}

float em_of(const Glyph& g) {
  const float height = g.y1 - g.y0;
  return g.size > 0.5f ? g.size : std::max(height, 1.0f);
}

void include(Fragment& f, const Glyph& g) {
  if (f.glyphs.empty()) {
    f.x0 = g.x0, f.y0 = g.y0, f.x1 = g.x1, f.y1 = g.y1;
  } else {
    f.x0 = std::min(f.x0, g.x0), f.y0 = std::min(f.y0, g.y0);
    f.x1 = std::max(f.x1, g.x1), f.y1 = std::max(f.y1, g.y1);
  }
  f.size = std::max(f.size, em_of(g));
  f.upright = g.upright;
}

// Consecutive glyphs of one library line form a fragment, split where the line jumps.
std::vector<Fragment> fragments_of(const Page& page, const std::vector<int>& glyphs) {
  std::vector<Fragment> out;
  int run = -1;
  for (int index : glyphs) {
    const Glyph& g = page.glyphs[static_cast<std::size_t>(index)];
    bool split = out.empty() || g.run != run;
    if (!split && g.upright) {
      const Glyph& prev = page.glyphs[static_cast<std::size_t>(out.back().glyphs.back())];
      const float gap = g.x0 - prev.x1;
      split = gap > k_piece_gap_em * std::max(em_of(g), em_of(prev)) || g.x1 < prev.x0;
    }
    if (split) out.emplace_back();
    include(out.back(), g);
    out.back().glyphs.push_back(index);
    run = g.run;
  }
  return out;
}

float vertical_overlap(float a0, float a1, float b0, float b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

std::string glyph_text(const Page& page, const std::vector<int>& glyphs) {
  std::string text;
  const Glyph* prev = nullptr;
  for (int index : glyphs) {
    const Glyph& g = page.glyphs[static_cast<std::size_t>(index)];
    if (prev != nullptr && g.upright && prev->upright) {
      const float gap = g.x0 - prev->x1;
      const float em = std::max(em_of(g), em_of(*prev));
      if (gap > k_column_gap_em * em)
        text += "  ";
      else if (gap > 0.25f * em && (is_ascii_word(g.c) || is_ascii_word(prev->c)))
        text += ' ';
      else if (gap > 1.0f * em)
        text += ' ';
    }
    append_utf8(text, g.c);
    prev = &g;
  }
  return text;
}

}  // namespace

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x110000) {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    append_utf8(out, 0xFFFD);
  }
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

std::vector<TextLine> build_lines(const Page& page, const std::vector<int>& glyphs) {
  std::vector<Fragment> fragments = fragments_of(page, glyphs);
  std::stable_sort(fragments.begin(), fragments.end(),
                   [](const Fragment& a, const Fragment& b) { return a.y0 < b.y0; });
  // Fragments that share most of their height are one visual line.
  std::vector<std::vector<const Fragment*>> lines;
  std::vector<TextLine> out;
  for (const Fragment& f : fragments) {
    bool placed = false;
    if (f.upright) {
      for (std::size_t i = 0; i < lines.size() && !placed; ++i) {
        TextLine& line = out[i];
        if (!lines[i].front()->upright) continue;
        const float overlap = vertical_overlap(line.y0, line.y1, f.y0, f.y1);
        if (overlap < 0.5f * std::min(line.y1 - line.y0, f.y1 - f.y0)) continue;
        lines[i].push_back(&f);
        line.x0 = std::min(line.x0, f.x0), line.y0 = std::min(line.y0, f.y0);
        line.x1 = std::max(line.x1, f.x1), line.y1 = std::max(line.y1, f.y1);
        line.size = std::max(line.size, f.size);
        placed = true;
      }
    }
    if (placed) continue;
    lines.push_back({&f});
    TextLine line;
    line.page = page.number;
    line.x0 = f.x0, line.y0 = f.y0, line.x1 = f.x1, line.y1 = f.y1;
    line.size = f.size;
    out.push_back(line);
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::stable_sort(lines[i].begin(), lines[i].end(),
                     [](const Fragment* a, const Fragment* b) { return a->x0 < b->x0; });
    for (const Fragment* f : lines[i])
      out[i].glyphs.insert(out[i].glyphs.end(), f->glyphs.begin(), f->glyphs.end());
    out[i].text = glyph_text(page, out[i].glyphs);
  }
  // Reading order: top to bottom by each line's vertical middle.
  std::vector<std::size_t> order(out.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const float ma = (out[a].y0 + out[a].y1) / 2, mb = (out[b].y0 + out[b].y1) / 2;
    if (std::fabs(ma - mb) > 0.5f) return ma < mb;
    return out[a].x0 < out[b].x0;
  });
  std::vector<TextLine> sorted;
  sorted.reserve(out.size());
  for (std::size_t i : order) sorted.push_back(std::move(out[i]));
  return sorted;
}

namespace {

// The last code point of UTF-8 text (0 if empty) and where it starts.
char32_t last_code_point(const std::string& s, std::size_t& start) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  start = i;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return b0;
  const int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
  char32_t c = b0 & (0x3F >> extra);
  for (int k = 1; k <= extra && i + static_cast<std::size_t>(k) < s.size(); ++k)
    c = (c << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
  return c;
}

}  // namespace

void append_wrapped(std::string& text, const std::string& next_line) {
  if (next_line.empty()) return;
  if (text.empty()) {
    text = next_line;
    return;
  }
  std::size_t start = 0;
  const char32_t last = last_code_point(text, start);
  const auto first = static_cast<unsigned char>(next_line[0]);
  const bool first_ascii_word = first < 0x80 && is_ascii_word(first);
  if (last == '-' && first >= 'a' && first <= 'z' && start > 0 &&
      std::isalpha(static_cast<unsigned char>(text[start - 1]))) {
    text.erase(start);  // a word hyphenated at the line's end
  } else if (last < 0x80 && is_ascii_word(last) && first_ascii_word) {
    text += ' ';
  }
  text += next_line;
}

}  // namespace nianbao::readers::pdf
