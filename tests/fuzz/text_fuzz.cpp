// The plain-text reader and the byte decoder under it: BOMs, UTF-8, UTF-16, GB18030/GBK, Big5
// and ICU's detector. The reader's own path declares no charset; the decoder is also called
// with a declared label (as the HTML reader does), chosen by the input's first byte, so the
// "declared but does not decode" fallbacks are reached too.
#include <array>
#include <cstdint>

#include "extractor/readers/encoding.hpp"
#include "extractor/readers/text/text_reader.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao;
  const std::string_view bytes = fuzz::as_view(data, size);

  model::Document doc;
  readers::read_text(bytes, doc);
  fuzz::check_document(doc);
  fuzz::require(!doc.source.encoding.empty(), "the text reader names the encoding it used");

  if (size == 0) return 0;
  static constexpr std::array<std::string_view, 12> k_labels = {
      "",         "utf-8",    "gbk",    "gb2312", "gb18030",      "big5",
      "utf-16le", "utf-16be", "utf-16", "x-gbk",  "windows-1252", "no-such-charset"};
  const std::string_view label = k_labels[data[0] % k_labels.size()];
  model::Diagnostics diagnostics;
  const readers::Decoded decoded = readers::decode_to_utf8(bytes.substr(1), label, diagnostics);
  fuzz::require(readers::is_valid_utf8(decoded.utf8), "decoded text is valid UTF-8");
  fuzz::require(!decoded.encoding.empty(), "the decoder names the encoding it used");
  return 0;
}
