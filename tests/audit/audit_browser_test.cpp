// The audit's HTML page in a real headless browser (Debian's chromium): it renders, its script
// runs, the findings table lists the planted findings, and a screenshot is left in the build
// folder (audit-page.png) for people to look at. Skips where chromium is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "audit_fixtures.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

std::string chromium_command(const fs::path& profile) {
  return "chromium --headless --no-sandbox --disable-gpu --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync "
         "--user-data-dir='" +
         profile.string() + "' ";
}

int count_of(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(AuditBrowser, PageRendersWithThePlantedFindings) {
  if (shell("command -v chromium >/dev/null 2>&1").status != 0)
    GTEST_SKIP() << "chromium is absent";
  const fs::path dir = fs::path(::testing::TempDir()) / "audit_browser";
  fs::create_directories(dir);
  const fs::path records = dir / "records.ndjson";
  const fs::path page = dir / "audit.html";
  ASSERT_EQ(shell(nianbao_binary().string() + " extract --ndjson -o '" + records.string() + "' " +
                  (project_corpus() / "audit").string() + "/*.txt")
                .status,
            0);
  ASSERT_EQ(shell(nianbao_binary().string() + " audit -q --html '" + page.string() + "' '" +
                  records.string() + "' >/dev/null")
                .status,
            0);
  const std::string dom = shell("timeout 120 " + chromium_command(dir / "profile-dom") +
                                "--dump-dom 'file://" + page.string() + "' 2>/dev/null")
                              .out;
  // The inline script ran (it marks the body) and counted the rows it shows.
  EXPECT_NE(dom.find("data-ready=\"yes\""), std::string::npos);
  EXPECT_NE(dom.find("4 of 4 findings shown"), std::string::npos);
  EXPECT_EQ(count_of(dom, "data-rule=\"T3-5\""), 2);
  EXPECT_EQ(count_of(dom, "data-rule=\"T2B-3\""), 1);
  EXPECT_EQ(count_of(dom, "data-rule=\"AG-2\""), 1);
  EXPECT_EQ(count_of(dom, "<svg"), 3);  // one chart per agency
  // Nothing to fetch: no src or link, and the only URL is the SVG namespace.
  EXPECT_EQ(count_of(dom, "http"), count_of(dom, "http://www.w3.org/2000/svg"));
  EXPECT_EQ(count_of(dom, "src="), 0);
  EXPECT_EQ(count_of(dom, "<link"), 0);
  // The filter runs in the page: a link's #fragment filters the table.
  const std::string filtered = shell("timeout 120 " + chromium_command(dir / "profile-filter") +
                                     "--dump-dom 'file://" + page.string() + "#T2B-3' 2>/dev/null")
                                   .out;
  EXPECT_NE(filtered.find("1 of 4 findings shown"), std::string::npos);

  const fs::path shot = fs::path(NIANBAO_BINARY_DIR) / "audit-page.png";
  fs::remove(shot);
  shell("timeout 120 " + chromium_command(dir / "profile-shot") +
        "--window-size=1400,1800 --screenshot='" + shot.string() + "' 'file://" + page.string() +
        "' >/dev/null 2>&1");
  ASSERT_TRUE(fs::exists(shot));
  std::ifstream png(shot, std::ios::binary);
  std::string signature(8, '\0');
  png.read(signature.data(), 8);
  EXPECT_EQ(signature, "\x89PNG\r\n\x1a\n");
  EXPECT_GT(fs::file_size(shot), 10000u);
}

}  // namespace
}  // namespace nianbao::testing
