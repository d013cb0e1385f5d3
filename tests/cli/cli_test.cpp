// The nianbao program as a user runs it: exit codes, output forms, usage errors.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "shell.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

ShellRun run(const std::string& args) {
  return run_shell(nianbao_binary().string() + " " + args + " 2>/dev/null");
}

std::string seed() {
  return (project_corpus() / "text" / "2019-seed-wanyuan-jingxin.txt").string();
}

TEST(Cli, HelpAndVersion) {
  EXPECT_EQ(run("--help").status, 0);
  EXPECT_NE(run("--help").out.find("nianbao extract"), std::string::npos);
  EXPECT_EQ(run("--version").status, 0);
  EXPECT_EQ(run("extract --help").status, 0);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run("").status, 2);
  EXPECT_EQ(run("frobnicate").status, 2);
  EXPECT_EQ(run("extract").status, 2);
  EXPECT_EQ(run("extract --no-such-option " + seed()).status, 2);
}

TEST(Cli, OneFileIsPrettyJson) {
  const ShellRun r = run("extract " + seed());
  EXPECT_EQ(r.status, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["report"]["agency"], "万源市经信局");
  EXPECT_GT(std::count(r.out.begin(), r.out.end(), '\n'), 100);
}

TEST(Cli, SeveralFilesAreNdjsonInInputOrderAndAFailureExitsOne) {
  const std::string missing = "/nonexistent/report.txt";
  const ShellRun r = run("extract " + seed() + " " + missing + " " + seed());
  EXPECT_EQ(r.status, 1);
  std::vector<nlohmann::json> records;
  std::size_t start = 0;
  while (start < r.out.size()) {
    const std::size_t end = r.out.find('\n', start);
    records.push_back(nlohmann::json::parse(r.out.substr(start, end - start)));
    start = end + 1;
  }
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["status"], "ok");
  EXPECT_EQ(records[1]["status"], "failed");
  EXPECT_EQ(records[1]["source"]["path"], missing);
  EXPECT_EQ(records[2]["status"], "ok");
}

TEST(Cli, OutputFileOption) {
  const std::string path = ::testing::TempDir() + "/nianbao_out.ndjson";
  EXPECT_EQ(run("extract --ndjson -o " + path + " " + seed()).status, 0);
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(nlohmann::json::parse(line)["report"]["year"], 2019);
}

}  // namespace
}  // namespace nianbao::testing
