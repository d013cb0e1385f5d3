// The HTML reader: charset sniffing, libxml2's HTML parser, finding the report body, the
// page's metadata box, tables (also CSS-drawn ones) and Traditional-character pages.
#include <cstdint>

#include "extractor/readers/html/html_reader.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao;
  model::Document doc;
  readers::read_html(fuzz::as_view(data, size), doc);
  fuzz::check_document(doc);
  return 0;
}
