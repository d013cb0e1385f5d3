// Bulk extraction reads pages on several threads at once: the reader keeps no shared mutable
// state (libxml2 is initialised once, the Traditional-to-Simplified transform is per thread).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extractor/readers/html/traditional.hpp"
#include "html_test_support.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

// A digest of what the reader produced, to compare runs.
std::string digest(const model::Document& doc) {
  std::string out = doc.source.encoding + "|" + doc.hints.title + "|" + doc.hints.agency + "|";
  out += all_text(doc);
  for (const model::Table& t : doc.tables) {
    for (const model::Cell& c : t.cells) out += c.locator.path + "\n";
  }
  return out;
}

TEST(HtmlConcurrency, ThreadsReadingPagesAtOnceGetTheSameDocuments) {
  std::vector<std::string> pages;
  for (const auto& entry : fs::directory_iterator(project_corpus() / "html")) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    pages.push_back(bytes.str());
  }
  ASSERT_FALSE(pages.empty());
  std::vector<std::string> expected;
  for (const std::string& page : pages) expected.push_back(digest(read_page(page)));

  constexpr int k_threads = 4;
  std::vector<std::vector<std::string>> results(k_threads);
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 2; ++round) {
        for (const std::string& page : pages) {
          results[static_cast<std::size_t>(t)].push_back(digest(read_page(page)));
          results[static_cast<std::size_t>(t)].back() += readers::to_simplified("總體情況");
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& per_thread : results) {
    ASSERT_EQ(per_thread.size(), 2 * pages.size());
    for (std::size_t i = 0; i < per_thread.size(); ++i) {
      EXPECT_EQ(per_thread[i], expected[i % pages.size()] + "总体情况");
    }
  }
}

}  // namespace
}  // namespace nianbao::testing
