#pragma once
// Reading the databases back in tests, and a throwaway PostgreSQL server (Debian's packages:
// initdb in a scratch directory, as the postgres user when the tests run as root, listening on
// a unix socket in that directory only).
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <sqlite3.h>

#include <memory>
#include <optional>

#include "bulk_helpers.hpp"

namespace nianbao::testing {

// One query, first column of the first row as text ("" when no row or NULL).
class DbReader {
 public:
  virtual ~DbReader() = default;
  virtual std::string value(const std::string& sql) = 0;
  long long count(const std::string& sql) { return std::stoll("0" + value(sql)); }
};

class SqliteReader final : public DbReader {
 public:
  explicit SqliteReader(const fs::path& file) { sqlite3_open(file.c_str(), &db_); }
  SqliteReader(const SqliteReader&) = delete;
  SqliteReader& operator=(const SqliteReader&) = delete;
  ~SqliteReader() override { sqlite3_close(db_); }
  std::string value(const std::string& sql) override {
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr)
      out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

class PostgresReader final : public DbReader {
 public:
  explicit PostgresReader(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {}
  PostgresReader(const PostgresReader&) = delete;
  PostgresReader& operator=(const PostgresReader&) = delete;
  ~PostgresReader() override { PQfinish(conn_); }
  std::string value(const std::string& sql) override {
    PGresult* r = PQexec(conn_, sql.c_str());
    std::string out;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
      out = PQgetvalue(r, 0, 0);
    PQclear(r);
    return out;
  }

 private:
  PGconn* conn_;
};

// Every report has all its rows (no half-written report) and every path points at a report.
inline void expect_whole(DbReader& db) {
  EXPECT_EQ(db.count("SELECT count(*) FROM reports r WHERE figure_count <> "
                     "(SELECT count(*) FROM figures f WHERE f.report_key = r.report_key)"),
            0);
  EXPECT_EQ(db.count("SELECT count(*) FROM reports r WHERE diagnostic_count <> "
                     "(SELECT count(*) FROM diagnostics d WHERE d.report_key = r.report_key)"),
            0);
  EXPECT_EQ(db.count("SELECT count(*) FROM paths p WHERE NOT EXISTS "
                     "(SELECT 1 FROM reports r WHERE r.report_key = p.report_key)"),
            0);
  EXPECT_EQ(db.count("SELECT count(*) FROM reports r WHERE NOT EXISTS "
                     "(SELECT 1 FROM paths p WHERE p.report_key = r.report_key)"),
            0);
}

inline std::optional<fs::path> postgres_bindir() {
  std::error_code ec;
  if (!fs::exists("/usr/lib/postgresql", ec)) return std::nullopt;
  std::vector<fs::path> versions;
  for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec))
    if (fs::exists(e.path() / "bin" / "initdb")) versions.push_back(e.path() / "bin");
  if (versions.empty()) return std::nullopt;
  std::sort(versions.begin(), versions.end());
  return versions.back();
}

class PostgresServer {
 public:
  PostgresServer() {
    const std::optional<fs::path> bin = postgres_bindir();
    if (!bin || dir_.path().empty()) return;
    bin_ = *bin;
    const bool root = geteuid() == 0;
    if (root) {
      // initdb refuses to run as root: the server runs as Debian's postgres user.
      const passwd* pw = getpwnam("postgres");
      if (pw == nullptr) return;
      if (chown(dir_.path().c_str(), pw->pw_uid, pw->pw_gid) != 0) return;
      as_user_ = "runuser -u postgres -- ";
    }
    const std::string data = quoted(dir_.path() / "data");
    const std::string socket_dir = dir_.path().string();
    if (run_shell(as_user_ + quoted(bin_ / "initdb") + " -D " + data +
                  " -A trust -U nianbao -E UTF8 --locale=C --no-sync >/dev/null 2>&1")
            .status != 0)
      return;
    start();
  }
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;
  ~PostgresServer() { stop(); }
  // Starts the server (again): true when it runs.
  bool start() {
    if (bin_.empty() || started_) return started_;
    const std::string options = "-k " + dir_.path().string() + " -c listen_addresses= -F";
    started_ = run_shell(as_user_ + quoted(bin_ / "pg_ctl") + " -D " +
                         quoted(dir_.path() / "data") + " -o '" + options + "' -l " +
                         quoted(dir_.path() / "log") + " -w start >/dev/null 2>&1")
                   .status == 0;
    return started_;
  }
  // Stops it at once, as a crash would (`-m immediate`: no checkpoint, clients cut off).
  void stop() {
    if (started_)
      run_shell(as_user_ + quoted(bin_ / "pg_ctl") + " -D " + quoted(dir_.path() / "data") +
                " -m immediate -w stop >/dev/null 2>&1");
    started_ = false;
  }
  bool started() const { return started_; }
  std::string uri() const {
    return "postgresql:///postgres?host=" + dir_.path().string() + "&user=nianbao";
  }
  std::string log() const { return read_text(dir_.path() / "log"); }

 private:
  ScratchDir dir_;
  fs::path bin_;
  std::string as_user_;
  bool started_ = false;
};

}  // namespace nianbao::testing
