// The PDF reader: MuPDF (static) opening and repairing the file, the capture device's words and
// ruling, text lines, page furniture, ruled grids and tables joined across pages, with the
// reader's memory budget and page/glyph/segment/stream limits and MuPDF's messages as diagnostics.
#include <cstdint>

#include "extractor/readers/pdf/pdf_reader.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao;
  model::Document doc;
  readers::read_pdf(fuzz::as_view(data, size), doc);
  fuzz::check_document(doc);
  return 0;
}
