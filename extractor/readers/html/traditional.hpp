#pragma once
// Traditional-to-Simplified conversion for label matching on Traditional-character mirrors
// (第二十條第（一）項 → 第二十条第（一）项). Readers keep the page's own characters in the
// document; matching code converts a copy with this helper.

#include <string>
#include <string_view>

namespace nianbao::readers {

// ICU's "Traditional-Simplified" transform of UTF-8 text. Thread-safe: each thread keeps its
// own transliterator. Returns the input unchanged if ICU cannot create the transform.
std::string to_simplified(std::string_view utf8);

}  // namespace nianbao::readers
