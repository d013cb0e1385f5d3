// The audit over the bulk store: corpus/audit extracted once by the real pipeline, in the same
// run as NDJSON and into SQLite or a real PostgreSQL server; both inputs give the same records
// (exact values, locators) and exactly the same findings, in the library and through the CLI.
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>

#include "bulk/db_helpers.hpp"
#include "extractor/audit/audit.hpp"
#include "extractor/audit/db_records.hpp"
#include "extractor/audit/outputs.hpp"
#include "extractor/bulk/bulk_run.hpp"
#include "extractor/output/record_json.hpp"
#include "extractor/store/store.hpp"

namespace nianbao::testing {
namespace {

using audit::AuditRecord;
using audit::ReadResult;

// corpus/audit copied into dir, with one report also under a second path (zz-copy/, last in
// path order) so the store holds one content under two paths.
fs::path audit_corpus_copy(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(project_corpus() / "audit"))
    if (e.path().extension() == ".txt") write_text(dir / e.path().filename(), read_text(e.path()));
  write_text(dir / "zz-copy" / "2021-transport.txt",
             read_text(project_corpus() / "audit" / "2021-transport.txt"));
  return dir;
}

// One extraction of `input` (the real pipeline and store): NDJSON to `ndjson` and the same
// records into the database `target`.
void extract_both(const fs::path& input, const std::string& target, const fs::path& ndjson) {
  const std::unique_ptr<store::Store> db = store::open_store(target);
  std::FILE* out = std::fopen(ndjson.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  bulk::RunOptions options;
  options.inputs = {input.string()};
  options.jobs = 2;
  options.form = bulk::RecordForm::ndjson;
  options.out = out;
  options.store = db.get();
  options.batch_reports = 3;  // several transactions
  const bulk::RunResult run = bulk::run_bulk(options);
  std::fclose(out);
  EXPECT_EQ(run.summary.failed, 0u);
}

ReadResult read_ndjson(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  ReadResult result;
  audit::read_records(in, file.string(), result);
  return result;
}

// Everything the audit reads of a record, as text: equal texts, equal records.
std::string describe(const AuditRecord& r) {
  std::ostringstream s;
  s << r.path << " | " << r.sha256 << " | " << r.status << " | "
    << (r.year ? std::to_string(*r.year) : "-") << " | " << r.agency << " | " << r.template_version
    << "\n";
  for (const auto& [id, f] : r.figures)
    s << "  figure " << id << " " << f.status << " " << (f.value ? f.value->to_string() : "-")
      << " raw=" << f.raw << " at " << f.where << "\n";
  for (const audit::AuditFact& f : r.facts)
    s << "  fact " << f.section << " " << f.metric << " " << (f.value ? f.value->to_string() : "-")
      << " " << f.qualifier << " " << f.text << " at " << f.where << "\n";
  return s.str();
}

void expect_same_records(const ReadResult& ndjson, const ReadResult& db) {
  for (const ReadResult* read : {&ndjson, &db})
    for (const audit::ReadProblem& p : read->problems)
      ADD_FAILURE() << p.origin << ": " << p.message;
  ASSERT_EQ(db.records.size(), ndjson.records.size());
  for (std::size_t i = 0; i < db.records.size(); ++i)
    EXPECT_EQ(describe(db.records[i]), describe(ndjson.records[i]));
}

// Every evaluation (passes and unassessable ones too), as the NDJSON findings write them.
std::string all_findings(const ReadResult& read) {
  const audit::AuditResult result = audit::run_audit(read.records, audit::builtin_rules());
  std::ostringstream out;
  audit::write_findings_ndjson(out, result.results);
  return out.str();
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

void expect_same_audit(const std::string& target, const fs::path& dir,
                       void (*read_db)(const std::string&, ReadResult&)) {
  const fs::path ndjson = dir / "records.ndjson";
  extract_both(audit_corpus_copy(dir / "in"), target, ndjson);
  const ReadResult from_ndjson = read_ndjson(ndjson);
  ASSERT_EQ(from_ndjson.records.size(), 12u);
  ReadResult from_db;
  read_db(target, from_db);
  expect_same_records(from_ndjson, from_db);
  const std::string findings = all_findings(from_db);
  EXPECT_EQ(findings, all_findings(from_ndjson));
  // Not an empty agreement: the planted findings, the copy counted once, and facts read back
  // (section 一's prose checked against table 三).
  EXPECT_EQ(
      count_of(findings,
               R"("rule":"T3-5","name":"carryover.requests","severity":"error","status":"fail")"),
      2u);
  EXPECT_EQ(count_of(findings, R"("status":"flag")"), 2u);  // AG-2 and T2B-3
  EXPECT_EQ(count_of(findings, R"("rule":"AG-3")"), 0u);
  EXPECT_GT(
      count_of(
          findings,
          R"("rule":"T3-6","name":"text_table.requests","severity":"warning","status":"pass")"),
      0u);
  EXPECT_NE(findings.find(R"("where":{"byte":)"), std::string::npos);
}

TEST(AuditDatabase, SqliteGivesTheRecordsAndFindingsOfNdjson) {
  ScratchDir dir;
  expect_same_audit((dir.path() / "out.sqlite").string(), dir.path(), audit::read_sqlite_records);
}

TEST(AuditDatabase, PostgresGivesTheRecordsAndFindingsOfNdjson) {
  if (!postgres_bindir()) GTEST_SKIP() << "PostgreSQL server binaries are not installed";
  PostgresServer server;
  ASSERT_TRUE(server.started()) << server.log();
  ScratchDir dir;
  expect_same_audit(server.uri(), dir.path(), audit::read_postgres_records);
}

// A record written by hand with what the corpus lacks: a fractional value with a trailing
// zero, a blank and an unparsed cell, an empty locator, an HTML path locator, a qualified fact.
model::Record hand_record(const std::string& path) {
  model::Record r;
  r.source.path = path;
  r.source.sha256 = "hand-" + path;
  r.source.format = "html";
  r.report.year = 2021;
  r.report.agency = "东湖区水务局";
  r.report.template_version = "2021";
  model::Figure fee;
  fee.id = "active.fees.amount";
  fee.status = norm::CellStatus::value;
  fee.value = norm::Decimal::parse("8301400.10");
  fee.raw = "830.14";
  fee.locator.line = 3;
  fee.locator.column = 2;
  fee.locator.byte_offset = 40;
  fee.locator.page = 1;
  model::Figure blank;
  blank.id = "requests.received.total";
  blank.status = norm::CellStatus::blank;
  model::Figure odd;
  odd.id = "requests.total.total";
  odd.status = norm::CellStatus::unparsed;
  odd.raw = "见附件";
  odd.locator.path = "/html/body/table[2]/tr[5]/td[\"3\"]";
  r.figures = {fee, blank, odd};
  model::Fact fact;
  fact.section = "overview";
  fact.metric = "requests.received";
  fact.value = norm::Decimal::parse("300");
  fact.qualifier = norm::Qualifier::approx;
  fact.text = "收到申请约300件";
  fact.locator.paragraph = 7;
  r.facts = {fact};
  return r;
}

void expect_hand_records_exact(const std::string& target,
                               void (*read_db)(const std::string&, ReadResult&)) {
  const std::vector<model::Record> records = {hand_record("a.html"), hand_record("b.html")};
  model::Record copy = records[0];
  copy.source.path = "c.html";  // the content of a.html under a second path
  {
    const std::unique_ptr<store::Store> db = store::open_store(target);
    store::Ingest ingest(*db);
    for (const model::Record& r : records) ingest.add(r);
    ingest.add(copy);
    ingest.flush();
  }
  std::string ndjson;
  for (const model::Record& r : {records[0], records[1], copy}) {
    output::append_record_json(r, ndjson, false);
    ndjson += '\n';
  }
  std::istringstream in(ndjson);
  ReadResult from_ndjson;
  audit::read_records(in, "hand", from_ndjson);
  ReadResult from_db;
  read_db(target, from_db);
  expect_same_records(from_ndjson, from_db);
  ASSERT_EQ(from_db.records.size(), 3u);
  const AuditRecord& a = from_db.records[0];
  EXPECT_EQ(a.path, "a.html");
  EXPECT_EQ(from_db.records[2].path, "c.html");
  EXPECT_EQ(from_db.records[2].sha256, a.sha256);
  EXPECT_EQ(a.value("active.fees.amount")->to_string(), "8301400.10");
  EXPECT_EQ(a.figure("active.fees.amount")->where, R"({"byte":40,"column":2,"line":3,"page":1})");
  EXPECT_FALSE(a.value("requests.received.total").has_value());
  EXPECT_EQ(a.figure("requests.received.total")->where, "{}");
  EXPECT_EQ(a.figure("requests.total.total")->raw, "见附件");
  ASSERT_EQ(a.facts.size(), 1u);
  EXPECT_EQ(a.facts[0].qualifier, "approx");
  EXPECT_EQ(a.facts[0].where, R"({"paragraph":7})");
}

TEST(AuditDatabase, SqliteValuesLocatorsAndCopiesAreExact) {
  ScratchDir dir;
  expect_hand_records_exact((dir.path() / "hand.sqlite").string(), audit::read_sqlite_records);
}

TEST(AuditDatabase, PostgresValuesLocatorsAndCopiesAreExact) {
  if (!postgres_bindir()) GTEST_SKIP() << "PostgreSQL server binaries are not installed";
  PostgresServer server;
  ASSERT_TRUE(server.started()) << server.log();
  expect_hand_records_exact(server.uri(), audit::read_postgres_records);
}

// The store's SQLite columns are TEXT, which keeps 12.35 as its digits. A database made by
// other means, with REAL columns, hands over binary doubles: those are no value, not rounded.
TEST(AuditDatabase, SqliteRealCellIsNoValueNotARoundedOne) {
  ScratchDir dir;
  const fs::path file = dir.path() / "real.sqlite";
  {
    SqliteReader db(file);
    for (const char* sql : {
             "CREATE TABLE reports (report_key TEXT, path TEXT, sha256 TEXT, status TEXT, "
             "year INTEGER, agency TEXT, template TEXT)",
             "CREATE TABLE paths (path TEXT, report_key TEXT)",
             "CREATE TABLE figures (report_key TEXT, ord INTEGER, figure_id TEXT, status TEXT, "
             "value REAL, raw TEXT, locator TEXT)",
             "CREATE TABLE facts (report_key TEXT, ord INTEGER, section TEXT, metric TEXT, "
             "value REAL, qualifier TEXT, text TEXT, locator TEXT)",
             "INSERT INTO reports VALUES ('k', 'a.txt', 'k', 'ok', 2021, '甲局', '2021')",
             "INSERT INTO figures VALUES ('k', 0, 'active.fees.amount', 'value', 12.35, '12.35', "
             "NULL)",
             "INSERT INTO figures VALUES ('k', 1, 'requests.received.total', 'value', 7, '7', "
             "NULL)",
         })
      db.value(sql);
    ASSERT_EQ(db.value("SELECT typeof(value) FROM figures WHERE ord = 0"), "real");
  }
  ReadResult read;
  audit::read_sqlite_records(file.string(), read);
  ASSERT_EQ(read.records.size(), 1u);
  const AuditRecord& r = read.records[0];
  EXPECT_EQ(r.path, "a.txt");  // no paths row: the report's own path
  EXPECT_EQ(r.figure("active.fees.amount")->status, "value");
  EXPECT_FALSE(r.value("active.fees.amount").has_value());
  EXPECT_FALSE(r.value("requests.received.total").has_value());  // REAL, even when whole
}

TEST(AuditDatabase, DatabasesThatAreNotTheStoreAreOneProblemEach) {
  ScratchDir dir;
  const fs::path other = dir.path() / "other.sqlite";
  {
    SqliteReader db(other);  // creates the file
    db.value("CREATE TABLE reports (id INTEGER)");
  }
  ReadResult read;
  audit::read_sqlite_records(other.string(), read);
  audit::read_sqlite_records((dir.path() / "missing.sqlite").string(), read);
  audit::read_postgres_records("postgresql:///x?host=" + (dir.path() / "nothing").string(), read);
  audit::read_postgres_records("postgresql://%zz", read);
  EXPECT_TRUE(read.records.empty());
  ASSERT_EQ(read.problems.size(), 4u);
  EXPECT_EQ(read.problems[0].origin, other.string());
  EXPECT_NE(read.problems[0].message.find("cannot read table reports"), std::string::npos)
      << read.problems[0].message;
  EXPECT_NE(read.problems[1].message.find("cannot open"), std::string::npos);
  EXPECT_NE(read.problems[2].message.find("cannot connect"), std::string::npos);
  EXPECT_EQ(read.problems[3].origin, "postgresql://%zz");
  EXPECT_FALSE(fs::exists(dir.path() / "missing.sqlite"));  // read-only: nothing created
}

TEST(AuditDatabase, InputKindsAndLabels) {
  EXPECT_TRUE(audit::is_postgres_input("postgresql:///db"));
  EXPECT_TRUE(audit::is_postgres_input("postgres://h/db"));
  EXPECT_FALSE(audit::is_postgres_input("records.ndjson"));
  EXPECT_EQ(audit::database_label("postgresql://u:secret@h:5432/db?sslmode=require"),
            "postgresql://u:***@h:5432/db?sslmode=require");
  EXPECT_EQ(audit::database_label("postgresql://h/db?password=secret&user=u"),
            "postgresql://h/db?password=***&user=u");
  EXPECT_EQ(audit::database_label("host=h password='se cret' dbname=d"),
            "host=h password=*** dbname=d");
  EXPECT_EQ(audit::database_label("postgresql://u@h/db"), "postgresql://u@h/db");
  std::istringstream sqlite(std::string("SQLite format 3\0more", 20));
  EXPECT_TRUE(audit::has_sqlite_header(sqlite));
  EXPECT_EQ(sqlite.tellg(), 0);
  std::istringstream text("{\"schema\":1}");
  EXPECT_FALSE(audit::has_sqlite_header(text));
}

// The command line: `nianbao extract --db` then `nianbao audit` on the database prints what it
// prints for the NDJSON of the same files; NDJSON and databases mix.
std::string audit_output(const std::string& records) {
  const ShellRun run = nianbao("audit -q --all " + records);
  EXPECT_EQ(run.status, 0) << records;
  return run.out;
}

void expect_cli_agrees(const std::string& target, const fs::path& dir) {
  const fs::path in = audit_corpus_copy(dir / "in");
  const fs::path ndjson = dir / "records.ndjson";
  ASSERT_EQ(nianbao("extract -q --ndjson -o " + quoted(ndjson) + " " + quoted(in)).status, 0);
  ASSERT_EQ(nianbao("extract -q --db '" + target + "' " + quoted(in)).status, 0);
  const std::string expected = audit_output(quoted(ndjson));
  EXPECT_GT(count_of(expected, "\n"), 40u);
  EXPECT_EQ(audit_output("'" + target + "'"), expected);
}

TEST(AuditDatabaseCli, SqliteAuditsAsTheNdjsonOfTheSameFiles) {
  ScratchDir dir;
  expect_cli_agrees((dir.path() / "records.db").string(), dir.path());
}

TEST(AuditDatabaseCli, PostgresAuditsAsTheNdjsonOfTheSameFiles) {
  if (!postgres_bindir()) GTEST_SKIP() << "PostgreSQL server binaries are not installed";
  PostgresServer server;
  ASSERT_TRUE(server.started()) << server.log();
  ScratchDir dir;
  expect_cli_agrees(server.uri(), dir.path());
}

TEST(AuditDatabaseCli, NdjsonAndSqliteMix) {
  ScratchDir dir;
  const fs::path all = dir.path() / "all.ndjson";
  const fs::path part = dir.path() / "transport.ndjson";
  const fs::path rest = dir.path() / "rest.sqlite";
  const fs::path corpus = project_corpus() / "audit";
  ASSERT_EQ(nianbao("extract -q --ndjson -o " + quoted(all) + " " + quoted(corpus)).status, 0);
  ASSERT_EQ(nianbao("extract -q --ndjson -o " + quoted(part) + " --include '*transport*' " +
                    quoted(corpus))
                .status,
            0);
  ASSERT_EQ(
      nianbao("extract -q --db " + quoted(rest) + " --exclude '*transport*' " + quoted(corpus))
          .status,
      0);
  EXPECT_EQ(audit_output(quoted(part) + " " + quoted(rest)), audit_output(quoted(all)));
}

TEST(AuditDatabaseCli, BadDatabasesNameTheInputAndTheRestIsAudited) {
  ScratchDir dir;
  const fs::path records = dir.path() / "records.ndjson";
  ASSERT_EQ(nianbao("extract -q --ndjson -o " + quoted(records) + " " +
                    quoted(project_corpus() / "audit"))
                .status,
            0);
  const fs::path other = dir.path() / "other.sqlite";
  {
    SqliteReader db(other);
    db.value("CREATE TABLE t (x)");
  }
  const fs::path err = dir.path() / "err.txt";
  const std::string bad_uri = "postgresql://u:secret@/x?host=" + (dir.path() / "none").string();
  const ShellRun run = run_shell(nianbao_binary().string() + " audit -q " + quoted(records) + " " +
                                 quoted(other) + " '" + bad_uri + "' 2>" + quoted(err));
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(count_of(run.out, "\n"), 4u);  // the planted findings, from the NDJSON
  const std::string messages = read_text(err);
  EXPECT_NE(messages.find("nianbao audit: " + other.string() + ": not a database written by"),
            std::string::npos)
      << messages;
  EXPECT_NE(messages.find("postgresql://u:***@/x?host="), std::string::npos) << messages;
  EXPECT_EQ(messages.find("secret"), std::string::npos) << messages;
}

}  // namespace
}  // namespace nianbao::testing
