#pragma once
// Helpers for the .doc reader's tests: files of corpus/doc and tests/readers_doc/data, the
// twins list, and reading through the dispatcher (as the pipeline does).

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "extractor/model/document.hpp"
#include "extractor/readers/reader.hpp"
#include "golden.hpp"
#include "record_helpers.hpp"
#include "test_paths.hpp"

namespace nianbao::testing::doc {

inline std::filesystem::path doc_corpus() { return project_corpus() / "doc"; }

inline std::filesystem::path fixture(const std::string& name) {
  return project_dir() / "tests" / "readers_doc" / "data" / name;
}

// The binary Word documents of corpus/doc and their docx twins: each one's golden file names
// its twin ("twin", a path under corpus/).
inline std::vector<std::pair<std::filesystem::path, std::filesystem::path>> twins() {
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> out;
  for (const std::filesystem::path& golden : golden_files(doc_corpus())) {
    std::ifstream in(golden);
    const nlohmann::json g = nlohmann::json::parse(in, nullptr, false);
    if (g.is_object() && g.contains("twin") && g["twin"].is_string()) {
      out.emplace_back(document_of(golden), project_corpus() / g["twin"].get<std::string>());
    }
  }
  return out;
}

inline model::Document read_doc_file(const std::filesystem::path& path) {
  return readers::read_file(path.string());
}

// Every paragraph of the body, in order (cells not included).
inline std::vector<std::string> body_paragraphs(const model::Document& doc) {
  std::vector<std::string> out;
  for (const model::Block& block : doc.blocks) {
    if (block.kind == model::Block::Kind::paragraph) out.push_back(block.paragraph.text);
  }
  return out;
}

}  // namespace nianbao::testing::doc
