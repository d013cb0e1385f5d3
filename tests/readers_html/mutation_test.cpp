// Damaged copies of the corpus pages: cut short anywhere, bytes overwritten, tags shuffled.
// Each must still give a document (the sanitizer build reports any memory error), and a page
// cut after its tables must keep them.
#include <gtest/gtest.h>

#include <algorithm>
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

TEST(HtmlMutation, CuttingAPageLaterNeverLosesATable) {
  for (const std::string& page : corpus_pages()) {
    std::string lower = page;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
      return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    // Cut right after each </table>: whatever end tags are then missing, the tables read so
    // far stay tables, and the last cut has all three of the report.
    std::size_t tables_so_far = 0;
    for (std::size_t at = lower.find("</table>"); at != std::string::npos;
         at = lower.find("</table>", at + 1)) {
      const auto doc = read_page(std::string_view(page).substr(0, at + 8));
      const std::size_t tables = top_tables(doc).size();
      EXPECT_GE(tables, tables_so_far) << "cut at byte " << at + 8;
      tables_so_far = tables;
    }
    EXPECT_EQ(tables_so_far, 3u);
  }
}

}  // namespace
}  // namespace nianbao::testing
