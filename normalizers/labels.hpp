#pragma once
// Label normalisation: the same template label arrives as （一）予以公开, (一)予以公开, (一)
// 予以公开, 第二十條第(一)項(xiàng), or split over lines. Labels are compared only after this.

#include <string>
#include <string_view>

namespace nianbao::norm {

struct Label {
  std::string enumerator;  // leading 一、 / (一) / 1. / ① … normalised ("一", "(一)", "1"), or ""
  std::string body;  // the rest, normalised
};

// For comparison only, never for output: NFKC (full-width → half-width, （）→ ()), Traditional →
// Simplified, pinyin glosses such as (xiàng) removed, all white space and quote marks removed,
// trailing ':' and '|' removed.
std::string normalize_for_match(std::string_view raw);

// Whether the text holds characters that Traditional → Simplified changes, or a pinyin gloss
// such as "(xiàng)" that Traditional mirrors insert.
bool has_traditional_or_glosses(std::string_view text);

// The text as a Simplified reader sees it: pinyin glosses dropped, Traditional characters made
// Simplified; nothing else changes (no NFKC, white space and punctuation kept).
std::string simplified_reading(std::string_view text);

// normalize_for_match, with a leading enumerator split off.
Label normalize_label(std::string_view raw);

// Removes one trailing parenthesised note: "上一年项目数量(指2019年事项数)" → "上一年项目数量".
// Applies to normalised text (half-width parentheses).
std::string strip_parenthetical_tail(std::string_view normalized);
// The same, as a view into `normalized` (nothing is copied).
std::string_view parenthetical_core(std::string_view normalized);

// Levenshtein distance in code points.
int edit_distance(std::string_view a_utf8, std::string_view b_utf8);

// Number of code points.
int code_point_count(std::string_view utf8);

// How well a document label matches a template label, both already normalised:
// 100 identical; 90 equal once parenthesised tails are dropped on either side; 70 within a
// small edit distance (typos such as 内容/内部); 60 the document label is the first half or more
// (at least 8 characters) of the template label, as when a renderer wraps a long label; 0
// otherwise. Enumerators are compared by the caller.
int label_match_score(std::string_view doc_body, std::string_view template_body);

// The same functions done through ICU for every input (NFKC, then Traditional → Simplified
// where a character calls for it). The functions above take a shortcut for text those steps
// leave unchanged, which tests compare with these.
namespace detail {
std::string normalize_for_match_icu(std::string_view raw);
bool has_traditional_or_glosses_icu(std::string_view text);
Label normalize_label_icu(std::string_view raw);
}  // namespace detail

}  // namespace nianbao::norm
