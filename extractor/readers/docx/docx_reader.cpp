#include "extractor/readers/docx/docx_reader.hpp"

namespace nianbao::readers {

// Placeholder until the docx reader lands: the input is reported as unreadable, never guessed.
void read_docx(std::string_view /*bytes*/, model::Document& doc) {
  doc.readable = false;
  doc.diagnostics.push_back(
      {"format_not_supported", model::Severity::error, "this build has no docx reader yet", {}});
}

}  // namespace nianbao::readers
