// The whole path over corpus/audit/: the real extractor reads the multi-year set, `nianbao
// audit` finds exactly the three planted defects (tools/make_audit_corpus.py), nothing else.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "audit_fixtures.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

std::string corpus_files() {
  std::set<std::string> files;
  for (const auto& entry : fs::directory_iterator(project_corpus() / "audit"))
    if (entry.path().extension() == ".txt") files.insert(entry.path().string());
  std::string joined;
  for (const std::string& f : files) joined += " '" + f + "'";
  return joined;
}

std::vector<nlohmann::json> ndjson(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A directory of this test process's own: ctest runs the tests of several programs (and other
// checkouts may run theirs) at once, and fixed names under the shared temp directory collide.
const fs::path& scratch() {
  static const fs::path dir = [] {
    std::string tmpl = (fs::path(::testing::TempDir()) / "nianbao-audit-XXXXXX").string();
    return mkdtemp(tmpl.data()) != nullptr ? fs::path(tmpl) : fs::path(::testing::TempDir());
  }();
  return dir;
}

// The records of corpus/audit, extracted once per test program.
const fs::path& records_file() {
  static const fs::path path = [] {
    const fs::path out = scratch() / "audit_corpus_records.ndjson";
    shell(nianbao_binary().string() + " extract --ndjson -o '" + out.string() + "'" +
          corpus_files());
    return out;
  }();
  return path;
}

TEST(AuditCorpus, EveryReportIsReadPerfectly) {
  const auto records = ndjson(slurp(records_file()));
  ASSERT_EQ(records.size(), 11u);
  for (const auto& r : records) {
    EXPECT_EQ(r["status"], "ok") << r["source"]["path"];
    EXPECT_TRUE(r["diagnostics"].empty()) << r["source"]["path"];
    for (const auto& c : r["checks"]) EXPECT_EQ(c["status"], "pass") << r["source"]["path"];
  }
}

TEST(AuditCorpus, FindsExactlyThePlantedFindings) {
  const fs::path csv = scratch() / "audit_corpus.csv";
  const ShellRun run = shell(nianbao_binary().string() + " audit -q --csv '" + csv.string() +
                             "' '" + records_file().string() + "'");
  EXPECT_EQ(run.status, 0);
  std::set<std::tuple<std::string, std::string, int, std::string>> found;
  for (const auto& f : ndjson(run.out))
    found.insert({f["rule"].get<std::string>(), f["agency"].get<std::string>(),
                  f["year"].get<int>(),
                  f["scope"].is_null() ? std::string() : f["scope"].get<std::string>()});
  const std::set<std::tuple<std::string, std::string, int, std::string>> planted = {
      {"T3-5", "青山县交通运输局", 2022, "natural_person"},
      {"T3-5", "青山县交通运输局", 2022, "total"},
      {"AG-2", "青山县生态环境局", 2021, ""},
      {"T2B-3", "青山县市场监督管理局", 2020, "penalties"},
  };
  EXPECT_EQ(found, planted);
  const std::string table = slurp(csv);
  EXPECT_EQ(std::count(table.begin(), table.end(), '\n'), 5);
  EXPECT_NE(table.find("requests.carried_over.natural_person@2022=2"), std::string::npos);
}

TEST(AuditCorpus, AllListsPassesAndTheRenamedAgencyStaysOneSeries) {
  const ShellRun run =
      shell(nianbao_binary().string() + " audit -q --all '" + records_file().string() + "'");
  int carry_passes = 0;
  for (const auto& f : ndjson(run.out))
    if (f["rule"] == "T3-5" && f["status"] == "pass" && f["agency"] == "青山县生态环境局" &&
        f["year"] == 2021)
      ++carry_passes;
  EXPECT_EQ(carry_passes, 7);  // every column carried over across the rename
}

TEST(AuditCorpus, CorpusIsWhatTheGeneratorWrites) {
  if (shell("command -v python3 >/dev/null").status != 0) GTEST_SKIP() << "python3 is absent";
  const fs::path dir = scratch() / "audit_corpus_regenerated";
  fs::remove_all(dir);
  ASSERT_EQ(shell("python3 '" + (project_dir() / "tools" / "make_audit_corpus.py").string() +
                  "' '" + dir.string() + "' >/dev/null")
                .status,
            0);
  for (const auto& entry : fs::directory_iterator(dir))
    EXPECT_EQ(slurp(entry.path()), slurp(project_corpus() / "audit" / entry.path().filename()))
        << entry.path().filename();
}

TEST(AuditCli, UsageAndUnreadableInputs) {
  const std::string bin = nianbao_binary().string();
  EXPECT_EQ(shell(bin + " audit 2>/dev/null").status, 2);
  EXPECT_EQ(shell(bin + " audit --bogus x 2>/dev/null").status, 2);
  EXPECT_EQ(shell(bin + " audit --help").status, 0);
  EXPECT_EQ(shell(bin + " audit /nonexistent.ndjson 2>/dev/null").status, 1);
  const fs::path db = scratch() / "audit_fake.sqlite";
  std::ofstream(db, std::ios::binary) << std::string("SQLite format 3\0rest", 20);
  EXPECT_EQ(shell(bin + " audit '" + db.string() + "' 2>/dev/null").status, 1);
}

}  // namespace
}  // namespace nianbao::testing
