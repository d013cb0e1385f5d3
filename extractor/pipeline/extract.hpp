#pragma once
// The whole path for one input: read → sections → table tokens → figures → checks →
// metadata → record. Never throws: whatever happens, the input gives exactly one record.

#include <string>
#include <string_view>

#include "extractor/model/document.hpp"
#include "extractor/model/record.hpp"

namespace nianbao::pipeline {

model::Record extract_file(const std::string& path);
model::Record extract_bytes(std::string_view bytes, const std::string& path);
// From a document a reader already produced (for readers' own tests and benchmarks).
model::Record extract_document(model::Document doc);

}  // namespace nianbao::pipeline
