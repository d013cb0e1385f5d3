#pragma once
// Decoding a web page to UTF-8: the shared decoder (BOM, UTF-8, declared charset, detector),
// plus two repairs for damage that is common on saved government pages and that would otherwise
// turn a whole GBK or Big5 page into Latin-1 mojibake.

#include <string>
#include <string_view>

#include "extractor/model/diagnostic.hpp"
#include "extractor/readers/encoding.hpp"

namespace nianbao::readers::html {

// decode_to_utf8 with the page's declared charset, then:
// - a page that ends inside a multi-byte character (cut short when saved) is read under its
//   declared charset without the incomplete bytes (html_truncated_character);
// - a page declared in a multi-byte charset (GBK, Big5 …) that the strict decoders rejected for
//   a few invalid bytes, and that would fall to a single-byte guess, is read under the declared
//   charset with those bytes replaced by U+FFFD (html_invalid_bytes_in_declared_charset).
Decoded decode_page(std::string_view bytes, const std::string& declared,
                    model::Diagnostics& diagnostics);

}  // namespace nianbao::readers::html
