#include "extractor/readers/html/traditional.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>

namespace nianbao::readers {
namespace {

// A Transliterator instance must not be used by two threads at once, and creating one costs
// far more than converting a line, so each thread creates its own on first use.
const icu::Transliterator* thread_transliterator() {
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8("Traditional-Simplified"), UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return instance.get();
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

std::string to_simplified(std::string_view utf8) {
  if (is_ascii(utf8) || utf8.size() > static_cast<std::size_t>(INT32_MAX)) {
    return std::string(utf8);
  }
  const icu::Transliterator* transliterator = thread_transliterator();
  if (transliterator == nullptr) return std::string(utf8);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  transliterator->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace nianbao::readers
