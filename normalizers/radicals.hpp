#pragma once
// Radicals standing for ideographs. Some PDF producers (Chromium's Skia among them) map the
// glyph of a character such as 一, 人 or 青 to the code point of the radical that looks the same
// (⼀ U+2F00, ⼈ U+2F08, ⻘ U+2ED8) in the text layer: the page reads right, but the text does
// not match 一、总体情况 or a row label. In running text of a report a radical is never meant.

namespace nianbao::norm {

// The unified ideograph a Kangxi radical (U+2F00–U+2FD5) or a CJK radical supplement character
// (U+2E80–U+2EF3) stands for; `c` itself when it is neither or has no such ideograph.
char32_t ideograph_for_radical(char32_t c);

}  // namespace nianbao::norm
