#pragma once
// Small helpers for working on Chinese text by code point.
#include <string>
#include <string_view>

namespace nianbao::metadata {

std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);
bool is_han(char32_t c);
// ASCII or full-width digit value, or -1.
int digit_value(char32_t c);
bool is_blank(char32_t c);
// The text without white space of any kind.
std::u32string without_spaces(std::u32string_view text);
// without_spaces(to_u32(utf8)), in one pass.
std::u32string spaceless_u32(std::string_view utf8);

}  // namespace nianbao::metadata
