// The docx reader from the bytes of a whole file: the ZIP container (libzip), the package's
// parts and relationships, and the XML of the document, numbering, styles and core properties.
#include <cstdint>

#include "extractor/readers/docx/docx_reader.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao;
  const std::string_view bytes = fuzz::as_view(data, size);
  model::Document doc;
  readers::read_docx(bytes, doc);
  fuzz::check_document(doc);
  // Also asked of every OLE2 file by the dispatcher.
  (void)readers::is_encrypted_office_package(bytes);
  return 0;
}
