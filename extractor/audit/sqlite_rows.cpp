// The audit's read side of an SQLite database written by `nianbao extract --db FILE`.
#include <sqlite3.h>

#include <stdexcept>

#include "extractor/audit/db_rows.hpp"

namespace nianbao::audit {
namespace {

struct StatementDeleter {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

// A REAL cell's text would be SQLite's rendering of a binary double (12.35 may come back as
// 12.3499…), so it is read as no value at all. The store never writes one: its exact values are
// TEXT, its counts INTEGER, and both come back as their exact digits.
DbField field_of(sqlite3_stmt* stmt, int column) {
  const int type = sqlite3_column_type(stmt, column);
  if (type == SQLITE_NULL || type == SQLITE_FLOAT) return std::nullopt;
  const unsigned char* text = sqlite3_column_text(stmt, column);
  if (text == nullptr) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt, column)));
}

class SqliteRows final : public RowSource {
 public:
  explicit SqliteRows(const std::string& path) {
    // Read-only: the audit never creates a file, a schema or a journal where it only reads.
    const int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
      const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      throw std::runtime_error("cannot open: " + why);
    }
    // A running extract holds its write lock for one batch at a time; wait rather than fail.
    sqlite3_busy_timeout(db_, 10000);
    // A deferred transaction takes its read snapshot at the first query and keeps it until
    // the connection closes (which ends it).
    each_row("BEGIN", [](const DbRow&) {});
  }
  SqliteRows(const SqliteRows&) = delete;
  SqliteRows& operator=(const SqliteRows&) = delete;
  ~SqliteRows() override { sqlite3_close_v2(db_); }

  void each_row(const std::string& sql, const std::function<void(const DbRow&)>& on_row) override {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) !=
        SQLITE_OK)
      throw std::runtime_error(sqlite3_errmsg(db_));
    const Statement stmt(raw);
    const int columns = sqlite3_column_count(raw);
    DbRow row(static_cast<std::size_t>(columns));
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
      for (int i = 0; i < columns; ++i) row[static_cast<std::size_t>(i)] = field_of(raw, i);
      on_row(row);
    }
    if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<RowSource> open_sqlite_rows(const std::string& path) {
  return std::make_unique<SqliteRows>(path);
}

}  // namespace nianbao::audit
