#pragma once
// Where tests find their inputs: the project's own corpus always, the shared development
// corpus (../shared/corpus beside the checkout) only when it is there.
#include <filesystem>
#include <optional>

namespace nianbao::testing {

std::filesystem::path project_dir();
std::filesystem::path project_corpus();
// ../shared/corpus, or NIANBAO_SHARED_CORPUS from the environment; nullopt when absent.
std::optional<std::filesystem::path> shared_corpus();
// The built nianbao program (for end-to-end tests of the CLI).
std::filesystem::path nianbao_binary();

}  // namespace nianbao::testing

// Skips the current test when the shared corpus is absent.
#define NIANBAO_REQUIRE_SHARED_CORPUS(var)                                \
  auto var##_opt = ::nianbao::testing::shared_corpus();                   \
  if (!var##_opt) GTEST_SKIP() << "../shared/corpus is absent; skipping"; \
  const std::filesystem::path var = *var##_opt
