#pragma once
// The phrase a figure in prose stands in, as written: "我镇通过门户网站公开各类信息46条" →
// "公开各类信息46条"; "其中工作动态类36条" → "工作动态类36条"; "年初、年中两次举办政府信息公开
// 工作培训" keeps the words after the figure, because they say what the figure counts.

#include <cstddef>
#include <string_view>

namespace nianbao::facts {

// Code point offsets into one paragraph.
struct PhraseSpan {
  std::size_t begin = 0;  // the phrase
  std::size_t end = 0;
  // The clause from its start (less enumerators and linking words): the metric reads these
  // words, including a subject or place the phrase leaves out ("通过门户网站").
  std::size_t clause_begin = 0;
  // Where the phrase may run on to when the words before the figure do not say what it counts
  // ("配备2名工作人员负责…"): the clause's end, or the next figure.
  std::size_t extended_end = 0;
  std::size_t head_begin = 0;  // the sentence before the clause: [head_begin, clause_begin)
};

// The phrase of the figure at [figure_begin, figure_end) in `text`. `floor` is where the
// previous figure of the paragraph ended (a phrase never reaches back over another figure);
// `next_figure` is where the next one starts (or text.size()).
PhraseSpan find_phrase(std::u32string_view text, std::size_t figure_begin, std::size_t figure_end,
                       std::size_t floor, std::size_t next_figure);

// Ends a clause: ， 。 ； ： ！ ？ and their ASCII forms, line breaks.
bool is_clause_break(char32_t c);
// Ends a sentence (the context an outcome takes its subject from): 。 ； ！ ？ and ASCII forms.
bool is_sentence_break(char32_t c);

}  // namespace nianbao::facts
