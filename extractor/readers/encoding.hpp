#pragma once
// Byte-to-UTF-8 decoding shared by the text and HTML readers, built on ICU converters.

#include <string>
#include <string_view>

#include "extractor/model/diagnostic.hpp"

namespace nianbao::readers {

struct Decoded {
  std::string utf8;
  std::string encoding;           // canonical name of what the bytes were decoded from
  std::size_t invalid_bytes = 0;  // sequences that could not be decoded (replaced by U+FFFD)
};

// Decides the encoding: a BOM wins; then `declared` (a charset label from markup, may be empty)
// if the bytes decode cleanly under it; then strict UTF-8; then GB18030 (a superset of GBK and
// GB2312); then Big5; then ICU's detector. Diagnostics are appended to `diagnostics` (e.g.
// "encoding_declared_mismatch", "encoding_invalid_bytes").
Decoded decode_to_utf8(std::string_view bytes, std::string_view declared,
                       model::Diagnostics& diagnostics);

// Strict UTF-8 validity check.
bool is_valid_utf8(std::string_view bytes);

}  // namespace nianbao::readers
