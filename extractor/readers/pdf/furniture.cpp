#include "extractor/readers/pdf/furniture.hpp"

#include <map>
#include <string>

namespace nianbao::readers::pdf {
namespace {

// The margins where furniture stands, as shares of the page height.
constexpr float k_top_zone = 0.10f;
constexpr float k_bottom_zone = 0.90f;

bool in_margin(const TextLine& line, float height) {
  return line.y1 <= k_top_zone * height || line.y0 >= k_bottom_zone * height;
}

// Removes white space and turns every digit run into '#', so that "第 3 页" on page 3 and
// "第 4 页" on page 4 are the same running footer.
std::string furniture_key(const std::string& text) {
  std::string key;
  bool in_digits = false;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    if (c >= '0' && c <= '9') {
      if (!in_digits) key += '#';
      in_digits = true;
      continue;
    }
    in_digits = false;
    key += c;
  }
  return key;
}

bool consume(const std::string& s, std::size_t& at, std::string_view token) {
  if (s.compare(at, token.size(), token) != 0) return false;
  at += token.size();
  return true;
}

std::size_t consume_digits(const std::string& s, std::size_t& at) {
  const std::size_t start = at;
  while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
  return at - start;
}

void consume_dashes(const std::string& s, std::size_t& at) {
  static constexpr std::string_view k_dashes[] = {"-", "—", "–", "－", "―", "‒", "一", "~", "·"};
  for (bool more = true; more;) {
    more = false;
    for (std::string_view d : k_dashes)
      if (consume(s, at, d)) more = true;
  }
}

}  // namespace

bool looks_like_page_number(const std::string& text) {
  std::string s;
  for (char c : text)
    if (c != ' ' && c != '\t') s += c;
  if (s.empty()) return false;
  std::size_t at = 0;
  consume_dashes(s, at);
  consume(s, at, "第");
  consume(s, at, "Page");
  if (consume_digits(s, at) == 0) return false;
  consume(s, at, "页");
  if (consume(s, at, "/") || consume(s, at, "of") || consume(s, at, "共")) {
    if (consume_digits(s, at) == 0) return false;
    consume(s, at, "页");
  }
  consume_dashes(s, at);
  return at == s.size();
}

void mark_furniture(std::vector<PageLines>& pages) {
  std::map<std::string, int> pages_with_key;
  int pages_with_text = 0;
  for (PageLines& page : pages) {
    page.furniture.assign(page.lines.size(), false);
    if (!page.lines.empty()) ++pages_with_text;
    std::map<std::string, bool> seen;
    for (const TextLine& line : page.lines)
      if (in_margin(line, page.height)) seen[furniture_key(line.text)] = true;
    for (const auto& [key, unused] : seen) ++pages_with_key[key];
  }
  for (PageLines& page : pages) {
    for (std::size_t i = 0; i < page.lines.size(); ++i) {
      const TextLine& line = page.lines[i];
      if (!in_margin(line, page.height)) continue;
      const int repeats = pages_with_key[furniture_key(line.text)];
      const bool running = repeats >= 2 && 2 * repeats >= pages_with_text;
      page.furniture[i] = running || looks_like_page_number(line.text);
    }
  }
}

}  // namespace nianbao::readers::pdf
