#include "extractor/model/diagnostic.hpp"

namespace nianbao::model {

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "warning";
}

}  // namespace nianbao::model
