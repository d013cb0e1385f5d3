// Crash, hang and memory isolation in bulk: inputs are read in worker processes, and the test
// hook NIANBAO_FAULT (honoured by workers only) makes a worker crash, hang or run out of memory
// on chosen inputs. Each such input must become one failed record with its code while every
// other input is read as usual, the summary and the database adding up.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <nlohmann/json.hpp>

#include "db_helpers.hpp"
#include "extractor/bulk/bulk_run.hpp"
#include "extractor/bulk/outcome.hpp"
#include "extractor/bulk/worker_pool.hpp"

namespace nianbao::testing {
namespace {

std::string error_code(const nlohmann::json& record) {
  for (const auto& d : record["diagnostics"])
    if (d["severity"] == "error") return d["code"];
  return "";
}

// The text corpus twice over, with the faults struck on three chosen inputs.
struct FaultyCorpus {
  ScratchDir dir;
  std::vector<fs::path> files;
  fs::path crash, hang, oom;
  FaultyCorpus() {
    files = make_text_corpus(dir.path() / "in", 2);
    crash = files.at(1);
    hang = files.at(4);
    oom = files.at(9);
  }
  // Substrings of the chosen paths: the copy folder and the file name.
  static std::string tail(const fs::path& p) {
    return (p.parent_path().filename() / p.filename()).string();
  }
  std::string fault_env() const {
    return "NIANBAO_FAULT='crash:" + tail(crash) + ",hang:" + tail(hang) + ",oom:" + tail(oom) +
           "' ";
  }
};

TEST(Isolation, CrashHangAndOutOfMemoryCostOneRecordEachAndTheRunGoesOn) {
  FaultyCorpus corpus;
  const fs::path err = corpus.dir.path() / "err.txt";
  const auto start = std::chrono::steady_clock::now();
  const ShellRun run =
      run_shell(corpus.fault_env() + nianbao_binary().string() + " extract -j2 --timeout 3 " +
                quoted(corpus.dir.path() / "in") + " 2>" + quoted(err));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(run.status, 1);
  const std::vector<nlohmann::json> records = lines_as_json(run.out);
  ASSERT_EQ(records.size(), corpus.files.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const fs::path& file = corpus.files[i];
    EXPECT_EQ(records[i]["source"]["path"], file.string());
    const std::string expected = file == corpus.crash  ? "reader_crashed"
                                 : file == corpus.hang ? "input_timeout"
                                 : file == corpus.oom  ? "input_memory_limit"
                                                       : "";
    EXPECT_EQ(error_code(records[i]), expected) << file;
    EXPECT_EQ(records[i]["status"], expected.empty() ? "ok" : "failed") << file;
  }
  const std::string summary = read_text(err);
  const std::size_t n = corpus.files.size();
  EXPECT_NE(summary.find(std::to_string(n) + " inputs: " + std::to_string(n - 3) +
                         " ok, 0 partial, 3 failed"),
            std::string::npos)
      << summary;
  // The hang was cut at its time limit, not waited for (ASan makes the rest some seconds).
  EXPECT_GE(seconds, 3.0);
  EXPECT_LT(seconds, 40.0);
  const std::string crash_message = records[1]["diagnostics"][0]["message"];
  EXPECT_NE(crash_message.find("signal 11"), std::string::npos) << crash_message;
}

TEST(Isolation, FailedInputsAreStoredWholeAndARerunReadsThemAgain) {
  FaultyCorpus corpus;
  const fs::path db_file = corpus.dir.path() / "out.sqlite";
  const std::string command = nianbao_binary().string() +
                              " extract -q -j2 --timeout 3 --batch 4 --db " + quoted(db_file) +
                              " " + quoted(corpus.dir.path() / "in");
  const long long n = static_cast<long long>(corpus.files.size());
  EXPECT_EQ(run_shell(corpus.fault_env() + command + " 2>/dev/null").status, 1);
  {
    SqliteReader db(db_file);
    EXPECT_EQ(db.count("SELECT count(*) FROM paths"), n);
    EXPECT_EQ(db.count("SELECT count(*) FROM reports"), n);
    EXPECT_EQ(db.count("SELECT count(*) FROM reports WHERE status = 'failed'"), 3);
    EXPECT_EQ(db.count("SELECT count(*) FROM diagnostics WHERE code IN "
                       "('reader_crashed', 'input_timeout', 'input_memory_limit')"),
              3);
    EXPECT_EQ(db.value("SELECT d.code FROM diagnostics d JOIN paths p ON p.report_key = "
                       "d.report_key WHERE p.path = '" +
                       corpus.crash.string() + "'"),
              "reader_crashed");
    expect_whole(db);
  }
  // Without the faults (the library bug fixed), the same command reads those three again.
  EXPECT_EQ(run_shell(command + " 2>/dev/null").status, 0);
  SqliteReader db(db_file);
  EXPECT_EQ(db.count("SELECT count(*) FROM paths"), n);
  EXPECT_EQ(db.count("SELECT count(*) FROM reports"), n);
  EXPECT_EQ(db.count("SELECT count(*) FROM reports WHERE status = 'ok'"), n);
  expect_whole(db);
}

TEST(Isolation, OneFileIsReadInProcessWhereTheHookDoesNotReach) {
  const fs::path file = project_corpus() / "text" / "2020-town-blanks-cellpipe.txt";
  const std::string env = "NIANBAO_FAULT='crash:" + file.filename().string() + "' ";
  const ShellRun one =
      run_shell(env + nianbao_binary().string() + " extract " + quoted(file) + " 2>/dev/null");
  EXPECT_EQ(one.status, 0);
  EXPECT_EQ(nlohmann::json::parse(one.out)["status"], "ok");
  // Asking for a limit puts even one file in a worker.
  const ShellRun limited = run_shell(env + nianbao_binary().string() + " extract --timeout 30 " +
                                     quoted(file) + " 2>/dev/null");
  EXPECT_EQ(limited.status, 1);
  EXPECT_EQ(error_code(nlohmann::json::parse(limited.out)), "reader_crashed");
}

TEST(Isolation, WorkerProcessesWriteWhatThreadsWrite) {
  ScratchDir dir;
  make_text_corpus(dir.path() / "in", 2);
  write_text(dir.path() / "in" / "c1000" / "zz-broken.docx", "PK\x03\x04 not really");
  std::string outputs[2];
  const bulk::Isolation modes[2] = {bulk::Isolation::threads, bulk::Isolation::processes};
  for (int i = 0; i < 2; ++i) {
    const fs::path out = dir.path() / ("out" + std::to_string(i) + ".ndjson");
    std::FILE* f = std::fopen(out.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    bulk::RunOptions options;
    options.inputs = {(dir.path() / "in").string(), "/no/such/input.txt"};
    options.jobs = 2;
    options.out = f;
    options.isolation = modes[i];
    const bulk::RunResult result = bulk::run_bulk(options);
    std::fclose(f);
    EXPECT_TRUE(result.summary.adds_up());
    EXPECT_EQ(result.summary.failed, 2u);
    outputs[i] = read_text(out);
  }
  EXPECT_FALSE(outputs[0].empty());
  EXPECT_EQ(outputs[0], outputs[1]);
}

TEST(Isolation, AnswersRoundTripAndDamagedOnesAreRefused) {
  bulk::Outcome out;
  out.path = "a/b.txt";
  out.status = model::RecordStatus::partial;
  out.text = std::string("{\"x\":1}\n\0tail", 14);
  out.report = store::StoredReport{"K", "a/b.txt", "partial", {{{"1", std::nullopt}}, {}, {{""}}}};
  const std::string body = bulk::encode_outcome(out);
  const std::optional<bulk::Outcome> back = bulk::decode_outcome(body);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->path, out.path);
  EXPECT_EQ(back->status, out.status);
  EXPECT_EQ(back->text, out.text);
  ASSERT_TRUE(back->report);
  EXPECT_EQ(back->report->tables, out.report->tables);
  for (std::size_t cut = 0; cut < body.size(); ++cut)
    EXPECT_FALSE(bulk::decode_outcome(std::string_view(body).substr(0, cut))) << cut;
  EXPECT_FALSE(bulk::decode_outcome(body + "x"));
  EXPECT_EQ(bulk::frame_body_size(bulk::frame_header(body.size())), body.size());
  bulk::Input in{bulk::Input::Kind::bytes, "z.zip!/r.txt", std::string("\0\1", 2), "", ""};
  const std::optional<bulk::Input> in_back = bulk::decode_input(bulk::encode_input(in));
  ASSERT_TRUE(in_back);
  EXPECT_EQ(in_back->bytes, in.bytes);
  EXPECT_EQ(in_back->kind, in.kind);
}

TEST(Isolation, APoolReplacesAWorkerKilledFromOutside) {
  // A worker killed while it reads (the kernel's OOM killer, an operator) is that input's
  // reader_crashed; the next input gets a fresh worker.
  std::vector<std::string> order;
  bulk::WorkerPool pool(
      1, {0, 0},
      [](bulk::Input& in) {
        if (in.path == "die") raise(SIGKILL);
        bulk::Outcome out;
        out.path = in.path;
        out.status = model::RecordStatus::ok;
        out.text = "read " + in.path;
        return out;
      },
      [](const std::string& path, const char* code, const std::string& why) {
        bulk::Outcome out;
        out.path = path;
        out.text = std::string(code) + ": " + why;
        return out;
      });
  const char* paths[] = {"first", "die", "after"};
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < 3; ++i) {
    pool.dispatch(i, bulk::Input{bulk::Input::Kind::file, paths[i], "", "", ""});
    for (auto& [seq, out] : pool.wait()) {
      EXPECT_EQ(seq, i);
      texts.push_back(out.text);
    }
  }
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_EQ(texts[0], "read first");
  EXPECT_EQ(texts[1].rfind("reader_crashed: ", 0), 0u) << texts[1];
  EXPECT_NE(texts[1].find("signal 9"), std::string::npos) << texts[1];
  EXPECT_EQ(texts[2], "read after");
}

}  // namespace
}  // namespace nianbao::testing
