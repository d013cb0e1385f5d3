#pragma once
// A diagnostic is a stable code plus a human message. Codes are documented in
// docs/DIAGNOSTICS.md and never change meaning; consumers key on them, not on the message.

#include <string>
#include <vector>

#include "extractor/model/locator.hpp"

namespace nianbao::model {

enum class Severity { info, warning, error };

struct Diagnostic {
  std::string code;  // e.g. "encoding_invalid_bytes", "row_arity", "docx_zip_bomb"
  Severity severity = Severity::warning;
  std::string message;
  Locator locator;
};

using Diagnostics = std::vector<Diagnostic>;

const char* to_string(Severity severity);

}  // namespace nianbao::model
