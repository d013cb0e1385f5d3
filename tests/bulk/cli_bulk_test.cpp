// `nianbao extract` in bulk, as a user runs it: directories, archives, stdin lists, output
// forms, the summary, and a run killed midway then resumed into SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <nlohmann/json.hpp>
#include <thread>

#include "db_helpers.hpp"

namespace nianbao::testing {
namespace {

TEST(CliBulk, DirectoryGivesOneRecordPerInputInSortedOrderWhateverTheThreads) {
  ScratchDir dir;
  std::vector<fs::path> files = make_text_corpus(dir.path() / "in", 3);
  write_text(dir.path() / "in" / "c1000" / "zz-broken.docx", "PK\x03\x04 not really");
  const fs::path err = dir.path() / "err.txt";
  const ShellRun one = run_shell(nianbao_binary().string() + " extract -j1 " +
                                 quoted(dir.path() / "in") + " 2>" + quoted(err));
  const ShellRun two = nianbao("extract -j 3 " + quoted(dir.path() / "in"));
  EXPECT_EQ(one.status, 1);  // the broken docx failed, and its record is there
  EXPECT_EQ(one.out, two.out);
  const std::vector<nlohmann::json> records = lines_as_json(one.out);
  ASSERT_EQ(records.size(), files.size() + 1);
  std::vector<std::string> paths;
  for (const auto& r : records) paths.push_back(r["source"]["path"]);
  EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
  for (const auto& r : records) {
    const std::string path = r["source"]["path"];
    const bool broken = path.size() > 14 && path.substr(path.size() - 14) == "zz-broken.docx";
    EXPECT_EQ(r["status"] == "failed", broken) << path;
  }
  const std::string summary = read_text(err);
  EXPECT_NE(summary.find(std::to_string(files.size() + 1) +
                         " inputs: " + std::to_string(files.size()) + " ok, 0 partial, 1 failed"),
            std::string::npos)
      << summary;
}

TEST(CliBulk, FlatFormsHaveOneRowPerFigure) {
  const std::string seed = quoted(project_corpus() / "text" / "2021-ecology-bureau-wordcopy.txt");
  const ShellRun json = nianbao("extract --ndjson " + seed);
  const std::size_t figures = lines_as_json(json.out).at(0)["figures"].size();
  const ShellRun csv = nianbao("extract --flat csv " + seed);
  EXPECT_EQ(csv.status, 0);
  EXPECT_EQ(csv.out.rfind("path,sha256,report_status,year,agency,template,figure_id,", 0), 0u);
  EXPECT_EQ(static_cast<std::size_t>(std::count(csv.out.begin(), csv.out.end(), '\n')),
            figures + 1);
  const ShellRun flat = nianbao("extract --flat " + seed);
  const std::vector<nlohmann::json> rows = lines_as_json(flat.out);
  ASSERT_EQ(rows.size(), figures);
  EXPECT_EQ(rows[0]["agency"], "临川县生态环境局");
  EXPECT_EQ(rows[0]["year"], 2022);
  EXPECT_TRUE(rows[0]["value"].is_number() || rows[0]["value"].is_null());
  // A failed input still gets its row.
  const ShellRun failed = nianbao("extract --flat /no/such/file.txt");
  EXPECT_EQ(failed.status, 1);
  ASSERT_EQ(lines_as_json(failed.out).size(), 1u);
  EXPECT_EQ(nianbao("extract --flat=tsv " + seed).status, 2);
}

TEST(CliBulk, FlatRowsKeepRowLabelsAndStatisticsHeaders) {
  // A row of 表二 no template has is kept with its label; a pre-2019 statistics table's figures
  // with their value column's header. Without those, such a row says nothing in the flat form.
  ScratchDir dir;
  const fs::path extra = dir.path() / "extra-row.txt";
  ASSERT_TRUE(write_report_with_extra_row(extra));
  const std::string legacy =
      quoted(project_corpus() / "pre2019" / "2017-jilin-shulan-water-tabs.txt");
  const std::vector<nlohmann::json> rows =
      lines_as_json(nianbao("extract --flat " + quoted(extra) + " " + legacy).out);
  int extra_rows = 0;
  int headed_rows = 0;
  for (const nlohmann::json& row : rows) {
    if (row["figure_id"] == "active.extra_1.in_force") {
      EXPECT_EQ(row["row_label"], "其他主动公开文件");
      EXPECT_EQ(row["value"], 40);
    }
    extra_rows += row["row_label"].is_string();
    headed_rows += row["header"].is_string();
  }
  EXPECT_EQ(extra_rows, 3);
  EXPECT_GT(headed_rows, 0);
  const ShellRun csv = nianbao("extract --flat csv " + legacy);
  EXPECT_NE(csv.out.find(",qualifier,locator,row_label,header\r\n"), std::string::npos);
}

TEST(CliBulk, ArchivesAndStdinLists) {
  ScratchDir dir;
  const std::string a = read_text(project_corpus() / "text" / "2020-town-blanks-cellpipe.txt");
  const std::string b = read_text(project_corpus() / "html" / "2021-utf8-city-office.html");
  const fs::path tar = dir.path() / "reports.tar";
  ASSERT_TRUE(write_archive(tar, "ustar", {{"x/a.txt", a}, {"x/b.html", b}}));
  const ShellRun r = nianbao("extract " + quoted(tar));
  const std::vector<nlohmann::json> records = lines_as_json(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["source"]["path"], tar.string() + "!/x/a.txt");
  EXPECT_EQ(records[1]["source"]["format"], "html");
  EXPECT_EQ(records[0]["status"], "ok");
  const ShellRun listed =
      run_shell("printf '%s\\n%s\\n' " + quoted(tar) + " " +
                quoted(project_corpus() / "text" / "2020-town-blanks-cellpipe.txt") + " | " +
                nianbao_binary().string() + " extract - 2>/dev/null");
  EXPECT_EQ(lines_as_json(listed.out).size(), 3u);
}

long long poll_reports(DbReader& db) { return db.count("SELECT count(*) FROM reports"); }

// Starts an ingest, stops it with `signal` (SIGKILL: a crash; SIGINT: Ctrl-C) once some batches
// are in, checks that what is there is whole, then runs it again to the end.
template <class Reader>
void kill_and_resume(int signal, const std::string& target,
                     const std::function<std::unique_ptr<Reader>()>& open) {
  ScratchDir dir;
  const std::vector<fs::path> files = make_text_corpus(dir.path() / "in", 15);
  const long long n = static_cast<long long>(files.size());
  const std::string command = nianbao_binary().string() + " extract -q -j1 --batch 2 --db '" +
                              target + "' " + quoted(dir.path() / "in");
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const std::string quiet = "exec " + command + " >/dev/null 2>&1";
    execl("/bin/sh", "sh", "-c", quiet.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  long long seen = 0;
  for (int i = 0; i < 3000 && seen < 4; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::unique_ptr<Reader> db = open();
    seen = poll_reports(*db);
  }
  kill(pid, signal);
  int wait_status = 0;
  while (waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  if (signal == SIGINT) {
    // Ctrl-C: the run finishes what is under way, commits it and says it was interrupted.
    EXPECT_TRUE(WIFEXITED(wait_status));
    EXPECT_EQ(WEXITSTATUS(wait_status), 130);
  }
  std::unique_ptr<Reader> db = open();
  const long long at_kill = poll_reports(*db);
  ASSERT_GE(at_kill, 4);
  ASSERT_LT(at_kill, n) << "the run finished before it could be killed";
  expect_whole(*db);
  const ShellRun resumed = run_shell(command + " 2>/dev/null");
  EXPECT_EQ(resumed.status, 0);
  EXPECT_EQ(poll_reports(*db), n);
  EXPECT_EQ(db->count("SELECT count(*) FROM paths"), n);
  EXPECT_EQ(db->count("SELECT count(DISTINCT path) FROM reports"), n);
  expect_whole(*db);
}

TEST(CliBulk, SqliteRunKilledMidwayResumes) {
  ScratchDir dir;
  const fs::path file = dir.path() / "out.sqlite";
  kill_and_resume<SqliteReader>(SIGKILL, file.string(),
                                [&] { return std::make_unique<SqliteReader>(file); });
}

TEST(CliBulk, SqliteRunInterruptedByCtrlCCommitsAndResumes) {
  ScratchDir dir;
  const fs::path file = dir.path() / "out.sqlite";
  kill_and_resume<SqliteReader>(SIGINT, file.string(),
                                [&] { return std::make_unique<SqliteReader>(file); });
}

TEST(CliBulk, PostgresRunKilledMidwayResumes) {
  if (!postgres_bindir()) GTEST_SKIP() << "PostgreSQL server binaries are not installed";
  PostgresServer server;
  ASSERT_TRUE(server.started()) << server.log();
  kill_and_resume<PostgresReader>(SIGKILL, server.uri(),
                                  [&] { return std::make_unique<PostgresReader>(server.uri()); });
}

}  // namespace
}  // namespace nianbao::testing
