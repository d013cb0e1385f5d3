// The whole path from bytes, as the CLI runs it for one file: the reader chosen by content
// (text, docx, HTML, .doc, PDF …), sections, tables, figures, checks, metadata, then the
// record as pretty JSON and as one NDJSON line. Both must be valid JSON (nlohmann's parser),
// the same record, with the schema, a status and the input's SHA-256: one record per input.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "extractor/output/record_json.hpp"
#include "extractor/pipeline/extract.hpp"
#include "fuzz_checks.hpp"

namespace {

nlohmann::json parsed(const std::string& text) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  nianbao::fuzz::require(!json.is_discarded(), "the record's JSON parses");
  return json;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao;
  using fuzz::require;
  const model::Record record = pipeline::extract_bytes(fuzz::as_view(data, size), "fuzz-input");
  for (const model::Figure& figure : record.figures) {
    if (figure.status == norm::CellStatus::value)
      require(figure.value.has_value(), "a figure with status value has a value");
  }

  std::string pretty;
  output::append_record_json(record, pretty, true);
  std::string line;
  output::append_record_json(record, line, false);
  require(line.find('\n') == std::string::npos || line.find('\n') == line.size() - 1,
          "an NDJSON record is one line");
  const nlohmann::json json = parsed(pretty);
  require(json == parsed(line), "pretty and NDJSON forms are the same record");
  require(json.is_object() && json.value("schema", "") == output::k_schema, "the schema is named");
  require(json.contains("status") && json["status"].is_string(), "the record has a status");
  const nlohmann::json& source = json["source"];
  require(source.is_object() && source.value("sha256", "").size() == 64,
          "the record names the input's SHA-256");
  return 0;
}
