#pragma once
// Small helpers the reader tests share: a fixture's bytes, and whether a record carries a code.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extractor/model/record.hpp"

namespace nianbao::testing {

inline std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline bool has_code(const model::Record& record, const std::string& code) {
  for (const model::Diagnostic& d : record.diagnostics)
    if (d.code == code) return true;
  return false;
}

}  // namespace nianbao::testing
