// The Word 97-2003 .doc reader: the compound file (libgsf), the FIB, piece table, formatting
// pages, lists, styles, text boxes and the summary information's title.
#include <cstdint>

#include "extractor/readers/doc/doc_reader.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao;
  model::Document doc;
  readers::read_doc(fuzz::as_view(data, size), "fuzz.doc", doc);
  fuzz::check_document(doc);
  return 0;
}
