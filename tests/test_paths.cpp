#include "test_paths.hpp"

#include <cstdlib>

namespace nianbao::testing {

std::filesystem::path project_dir() { return NIANBAO_SOURCE_DIR; }

std::filesystem::path project_corpus() { return project_dir() / "corpus"; }

std::optional<std::filesystem::path> shared_corpus() {
  if (const char* env = std::getenv("NIANBAO_SHARED_CORPUS"); env != nullptr && *env != '\0') {
    std::filesystem::path p = env;
    if (std::filesystem::is_directory(p)) return p;
    return std::nullopt;
  }
  auto p = project_dir().parent_path() / "shared" / "corpus";
  if (std::filesystem::is_directory(p)) return p;
  return std::nullopt;
}

std::filesystem::path nianbao_binary() {
  return std::filesystem::path(NIANBAO_BINARY_DIR) / "extractor" / "cli" / "nianbao";
}

}  // namespace nianbao::testing
