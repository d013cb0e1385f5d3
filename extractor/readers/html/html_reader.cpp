#include "extractor/readers/html/html_reader.hpp"

namespace nianbao::readers {

// Placeholder until the html reader lands: the input is reported as unreadable, never guessed.
void read_html(std::string_view /*bytes*/, model::Document& doc) {
  doc.readable = false;
  doc.diagnostics.push_back(
      {"format_not_supported", model::Severity::error, "this build has no html reader yet", {}});
}

}  // namespace nianbao::readers
