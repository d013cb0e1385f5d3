// The databases: a corpus ingested twice, a changed file, failed inputs, exact values; the same
// checks against SQLite and a real PostgreSQL server.
#include "extractor/store/store.hpp"

#include <gtest/gtest.h>

#include "db_helpers.hpp"
#include "extractor/bulk/bulk_run.hpp"
#include "extractor/pipeline/extract.hpp"

namespace nianbao::testing {
namespace {

bulk::RunResult ingest(const std::string& target, const std::vector<std::string>& inputs) {
  std::unique_ptr<store::Store> db = store::open_store(target);
  bulk::RunOptions options;
  options.inputs = inputs;
  options.jobs = 2;
  options.form = bulk::RecordForm::none;
  options.store = db.get();
  options.batch_reports = 3;  // several transactions even for a small corpus
  return bulk::run_bulk(options);
}

// The stored figures of `file` are the record's, value for value, as exact decimal text.
void expect_values_exact(DbReader& db, const fs::path& file) {
  const model::Record record = pipeline::extract_file(file.string());
  ASSERT_FALSE(record.figures.empty());
  const std::string key = "'" + record.source.sha256 + "'";
  EXPECT_EQ(db.count("SELECT count(*) FROM figures WHERE report_key = " + key),
            static_cast<long long>(record.figures.size()));
  for (std::size_t i = 0; i < record.figures.size(); ++i) {
    const model::Figure& f = record.figures[i];
    const std::string where =
        " FROM figures WHERE report_key = " + key + " AND ord = " + std::to_string(i);
    EXPECT_EQ(db.value("SELECT figure_id" + where), f.id);
    EXPECT_EQ(db.value("SELECT value" + where), f.value ? f.value->to_string() : "") << f.id;
    EXPECT_EQ(db.value("SELECT status" + where), norm::to_string(f.status));
  }
}

void check_store(const std::string& target, DbReader& db) {
  ScratchDir dir;
  const std::vector<fs::path> files = make_text_corpus(dir.path() / "in", 3);
  const fs::path empty = dir.path() / "in" / "empty.txt";
  write_text(empty, "");
  const std::vector<std::string> inputs = {(dir.path() / "in").string(),
                                           (dir.path() / "missing.txt").string()};
  const long long n = static_cast<long long>(files.size()) + 2;

  const bulk::RunResult first = ingest(target, inputs);
  EXPECT_TRUE(first.summary.adds_up());
  EXPECT_EQ(static_cast<long long>(first.summary.inputs), n);
  EXPECT_EQ(first.summary.failed, 2u);
  EXPECT_EQ(db.count("SELECT count(*) FROM reports"), n);
  EXPECT_EQ(db.count("SELECT count(*) FROM paths"), n);
  EXPECT_EQ(db.count("SELECT count(*) FROM reports WHERE status = 'failed'"), 2);
  EXPECT_EQ(db.count("SELECT count(*) FROM diagnostics WHERE code = 'input_empty'"), 1);
  EXPECT_EQ(db.count("SELECT count(*) FROM diagnostics WHERE code = 'input_unreadable'"), 1);
  EXPECT_GT(db.count("SELECT count(*) FROM checks"), 0);
  const long long figures = db.count("SELECT count(*) FROM figures");
  EXPECT_EQ(figures, db.count("SELECT sum(figure_count) FROM reports"));
  expect_whole(db);
  expect_values_exact(db, files[0]);
  expect_values_exact(db, files[1]);

  // Again: nothing is written, nothing duplicated, and the summary still counts every input.
  const bulk::RunResult second = ingest(target, inputs);
  EXPECT_EQ(second.reports_written, 0u);
  EXPECT_EQ(second.summary.inputs, first.summary.inputs);
  EXPECT_EQ(second.summary.failed, 2u);
  EXPECT_EQ(db.count("SELECT count(*) FROM reports"), n);
  EXPECT_EQ(db.count("SELECT count(*) FROM figures"), figures);

  // A changed file at the same path replaces its report; the old content's rows go.
  const std::string old_key = pipeline::extract_file(files[0].string()).source.sha256;
  write_text(files[0], read_text(files[1]) + "\n另附说明。\n");
  const bulk::RunResult third = ingest(target, inputs);
  EXPECT_EQ(third.reports_written, 1u);
  EXPECT_EQ(db.count("SELECT count(*) FROM reports"), n);
  EXPECT_EQ(db.count("SELECT count(*) FROM figures WHERE report_key = '" + old_key + "'"), 0);
  EXPECT_EQ(db.count("SELECT count(*) FROM reports WHERE report_key = '" + old_key + "'"), 0);
  expect_whole(db);
  expect_values_exact(db, files[0]);
}

TEST(Store, SqliteIngestTwiceChangedFileAndExactValues) {
  ScratchDir dir;
  const fs::path file = dir.path() / "out.sqlite";
  ingest(file.string(), {});  // creates the schema
  SqliteReader db(file);
  check_store(file.string(), db);
}

TEST(Store, PostgresIngestTwiceChangedFileAndExactValues) {
  if (!postgres_bindir()) GTEST_SKIP() << "PostgreSQL server binaries are not installed";
  PostgresServer server;
  ASSERT_TRUE(server.started()) << server.log();
  PostgresReader db(server.uri());
  check_store(server.uri(), db);
  EXPECT_EQ(db.value("SELECT pg_typeof(value)::text FROM figures LIMIT 1"), "numeric");
}

// A 表二 row no template has keeps its label, a pre-2019 figure its column header, and every
// check says whether it is a hard identity or a soft one.
void check_labels_headers_severity(const std::string& target, DbReader& db) {
  ScratchDir dir;
  ASSERT_TRUE(write_report_with_extra_row(dir.path() / "extra-row.txt"));
  const fs::path legacy =
      project_corpus() / "pre2019" / "2012-fujian-xianyou-forestry-cumulative.txt";
  const bulk::RunResult run =
      ingest(target, {(dir.path() / "extra-row.txt").string(), legacy.string()});
  EXPECT_EQ(run.summary.failed, 0u);
  EXPECT_EQ(db.value("SELECT row_label FROM figures WHERE figure_id = 'active.extra_1.in_force'"),
            "其他主动公开文件");
  EXPECT_EQ(db.count("SELECT count(*) FROM figures WHERE row_label IS NOT NULL"), 3);
  const model::Record record = pipeline::extract_file(legacy.string());
  long long headed = 0;
  long long soft = 0;
  for (const model::Figure& f : record.figures) headed += !f.header.empty();
  for (const model::Check& c : record.checks) soft += c.soft;
  ASSERT_GT(headed, 0);
  ASSERT_GT(soft, 0);
  const std::string key = "'" + record.source.sha256 + "'";
  EXPECT_EQ(
      db.count("SELECT count(*) FROM figures WHERE header IS NOT NULL AND report_key = " + key),
      headed);
  EXPECT_EQ(db.count("SELECT count(*) FROM checks WHERE severity = 'soft' AND report_key = " + key),
            soft);
  EXPECT_EQ(db.count("SELECT count(*) FROM checks WHERE severity IS NULL"), 0);
}

TEST(Store, SqliteKeepsRowLabelsHeadersAndSeverity) {
  ScratchDir dir;
  const fs::path file = dir.path() / "out.sqlite";
  ingest(file.string(), {});
  SqliteReader db(file);
  check_labels_headers_severity(file.string(), db);
}

TEST(Store, PostgresKeepsRowLabelsHeadersAndSeverity) {
  if (!postgres_bindir()) GTEST_SKIP() << "PostgreSQL server binaries are not installed";
  PostgresServer server;
  ASSERT_TRUE(server.started()) << server.log();
  PostgresReader db(server.uri());
  check_labels_headers_severity(server.uri(), db);
}

// A database made before row_label, header and severity existed gets them on the next run, and
// its rows stay.
TEST(Store, SqliteOlderSchemaGainsTheNewColumns) {
  ScratchDir dir;
  const fs::path file = dir.path() / "old.sqlite";
  ingest(file.string(), {(project_corpus() / "text" / "2020-town-blanks-cellpipe.txt").string()});
  {
    SqliteReader db(file);
    // SQLite ≥ 3.35 drops columns: what the first schema had, by making the database older.
    for (const char* drop :
         {"ALTER TABLE figures DROP COLUMN row_label", "ALTER TABLE figures DROP COLUMN header",
          "ALTER TABLE checks DROP COLUMN severity"})
      db.value(drop);
    ASSERT_EQ(db.count("SELECT count(*) FROM pragma_table_info('figures') WHERE name = 'header'"),
              0);
  }
  const bulk::RunResult run =
      ingest(file.string(),
             {(project_corpus() / "text" / "2020-town-blanks-cellpipe.txt").string(),
              (project_corpus() / "pre2019" / "2017-jilin-shulan-water-tabs.txt").string()});
  EXPECT_EQ(run.reports_written, 1u);
  SqliteReader db(file);
  EXPECT_EQ(db.count("SELECT count(*) FROM reports"), 2);
  EXPECT_GT(db.count("SELECT count(*) FROM figures WHERE header IS NOT NULL"), 0);
  EXPECT_GT(db.count("SELECT count(*) FROM checks WHERE severity = 'hard'"), 0);
  // The rows written before the columns existed say nothing of them (NULL), not a guess.
  EXPECT_GT(db.count("SELECT count(*) FROM checks WHERE severity IS NULL"), 0);
}

TEST(Store, UnreachableDatabaseThrows) {
  EXPECT_THROW(store::open_store("/no/such/dir/out.sqlite"), std::runtime_error);
  EXPECT_THROW(store::open_store("postgresql:///x?host=/no/such/dir"), std::runtime_error);
}

}  // namespace
}  // namespace nianbao::testing
