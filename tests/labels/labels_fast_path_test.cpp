// normalize_for_match, normalize_label and has_traditional_or_glosses skip ICU for text whose
// NFKC and Traditional→Simplified steps they can do per character. They must give exactly what
// the ICU path (detail::*_icu) gives, for every input: corpus lines, every BMP character alone
// and next to characters it could combine with, and random mixes of Traditional, full-width,
// compatibility, combining and supplementary characters, glosses and ill-formed UTF-8.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "normalizers/labels.hpp"
#include "test_paths.hpp"

namespace nianbao::norm {
namespace {

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// Compares every fast function with its ICU reference; returns the number of mismatches
// (each reported once, the first few in full).
int mismatches(std::string_view text) {
  int failures = 0;
  const std::string expected = detail::normalize_for_match_icu(text);
  const std::string actual = normalize_for_match(text);
  if (actual != expected) {
    ++failures;
    ADD_FAILURE() << "normalize_for_match(\"" << text << "\") = \"" << actual << "\", ICU \""
                  << expected << "\"";
  }
  const Label label = normalize_label(text);
  const Label expected_label = detail::normalize_label_icu(text);
  if (label.enumerator != expected_label.enumerator || label.body != expected_label.body) {
    ++failures;
    ADD_FAILURE() << "normalize_label(\"" << text << "\") = {\"" << label.enumerator << "\", \""
                  << label.body << "\"}, ICU {\"" << expected_label.enumerator << "\", \""
                  << expected_label.body << "\"}";
  }
  if (has_traditional_or_glosses(text) != detail::has_traditional_or_glosses_icu(text)) {
    ++failures;
    ADD_FAILURE() << "has_traditional_or_glosses(\"" << text << "\") differs from ICU";
  }
  return failures;
}

constexpr int k_max_reported = 20;

void expect_same_for_lines_of(const std::filesystem::path& dir, int& compared, int& failures) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line) && failures < k_max_reported) {
      failures += mismatches(line);
      // Cells and labels arrive as parts of lines too.
      for (std::size_t bar = line.find('|'); bar != std::string::npos;
           bar = line.find('|', bar + 1))
        failures += mismatches(std::string_view(line).substr(bar + 1));
      ++compared;
    }
  }
}

TEST(LabelFastPath, SameAsIcuForEveryCorpusAndTemplateLine) {
  int compared = 0;
  int failures = 0;
  expect_same_for_lines_of(testing::project_corpus(), compared, failures);
  expect_same_for_lines_of(testing::project_dir() / "extractor" / "templates" / "data", compared,
                           failures);
  if (const auto shared = testing::shared_corpus())
    expect_same_for_lines_of(*shared, compared, failures);
  EXPECT_GT(compared, 2000);
  EXPECT_EQ(failures, 0);
}

TEST(LabelFastPath, SameAsIcuForEveryBmpCharacterAloneAndInContext) {
  int failures = 0;
  for (char32_t c = 1; c <= 0xFFFF && failures < k_max_reported; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates: ill-formed in UTF-8, tested below
    const std::string ch = utf8(c);
    // Alone; after a letter and a Hangul leading jamo (it may compose with them); before a
    // combining mark and a voiced-sound mark; inside a would-be gloss; before trailing
    // punctuation; after an enumerator.
    for (const std::string& text :
         {ch, "a" + ch, "\u1100" + ch, "\u30AB" + ch, ch + "\u0301", ch + "\uFF9E", "(" + ch + ")",
          "\u533A(" + ch + "u)", ch + "\uFF1A", "\uFF08\u4E00\uFF09" + ch})
      failures += mismatches(text);
  }
  EXPECT_EQ(failures, 0);
}

TEST(LabelFastPath, SameAsIcuForRandomMixes) {
  const std::vector<std::string> pieces = {
      // Simplified and Traditional text, the transform's multi-character cases
      "政府信息公开", "申请", "予以公开", "区投资促进局", "區", "投資", "促進", "條", "項", "萬元",
      "單位", "發", "數", "後", "乾", "著", "裏", "臺", "瞭解", "於", "麼",
      // full-width and compatibility forms
      "（", "）", "：", "；", "，", "。", "｜", "１", "２", "Ａ", "ｂ", "　", "①", "⑳", "㈠", "㊀",
      "™", "ﬁ", "㎡", "…", "ｶ", "ﾞ", "ﾟ", "\uF900", "\uF9DC", "\uFA0E", "\u2F00", "\u3131",
      "\u1100", "\u1161", "\u11A8", "\uAC00",
      // combining marks, pinyin with tones, Latin
      "\u0301", "\u0300", "\u0308", "\u030C", "\u0304", "xiàng", "qū", "fā", "shù", "jìn", "a", "e",
      "u", "ü", "xia", "ng", "A", "Z",
      // ASCII punctuation, digits, white space and quotes
      "(", ")", "(一)", "(1)", "一、", "1.", "1、", "2", ":", "|", ";", " ", "\t", "\n", "\"", "'",
      "“", "”", "‘", "’", "「", "」", "『", "』", "\u00A0", "\uFEFF", "\u200B", "\u3000",
      // beyond the BMP (one to NFKC-map, one not)
      "\U00020000", "\U0002F800", "\U0001D400", "\U0001F600",
      // ill-formed UTF-8: stray continuation, truncated sequence, surrogate, overlong, 0xFF
      "\x80", "\xE4\xB8", "\xED\xA0\x80", "\xC0\x80", "\xFF"};
  std::mt19937 random(20240601);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 12);
  int failures = 0;
  for (int n = 0; n < 30000 && failures < k_max_reported; ++n) {
    std::string text;
    for (int k = length(random); k > 0; --k) text += pieces[piece(random)];
    failures += mismatches(text);
  }
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace nianbao::norm
