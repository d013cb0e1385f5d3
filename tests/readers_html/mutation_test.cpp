// Damaged copies of the corpus pages: cut short anywhere, bytes overwritten, tags shuffled.
// Each must still give a document (the sanitizer build reports any memory error), and a page
// cut after its tables must keep them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "html_test_support.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> corpus_pages() {
  std::vector<std::string> pages;
  const fs::path dir = project_corpus() / "html";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    pages.push_back(bytes.str());
  }
  return pages;
}

TEST(HtmlMutation, TruncatedPagesGiveDocuments) {
  std::mt19937 rng(11);
  for (const std::string& page : corpus_pages()) {
    for (int k = 0; k < 12; ++k) {
      const std::size_t cut = std::uniform_int_distribution<std::size_t>(0, page.size())(rng);
      const auto doc = read_page(std::string_view(page).substr(0, cut));
      EXPECT_TRUE(doc.readable || !doc.diagnostics.empty()) << "cut at " << cut;
    }
  }
}

TEST(HtmlMutation, OverwrittenBytesGiveDocuments) {
  std::mt19937 rng(12);
  for (const std::string& page : corpus_pages()) {
    for (int k = 0; k < 12; ++k) {
      std::string damaged = page;
      for (int n = 0; n < 40; ++n) {
        const std::size_t at =
            std::uniform_int_distribution<std::size_t>(0, damaged.size() - 1)(rng);
        const char replacements[] = {'<', '>', '"', '\'', '&', '/', '\xE4', '\x80', '=', ' '};
        damaged[at] = replacements[rng() % sizeof(replacements)];
      }
      const auto doc = read_page(damaged);
      EXPECT_TRUE(doc.readable || !doc.diagnostics.empty());
    }
  }
}

TEST(HtmlMutation, PageCutAfterItsTablesKeepsThem) {
  for (const std::string& page : corpus_pages()) {
    // Cut the page inside section 五, after the last table: the tables stay, whatever
    // end tags are missing.
    const std::size_t cut = page.rfind("</table>");
    ASSERT_NE(cut, std::string::npos);
    const auto doc = read_page(std::string_view(page).substr(0, cut + 8 + 20));
    EXPECT_EQ(top_tables(doc).size(), 3u);
  }
}

}  // namespace
}  // namespace nianbao::testing
