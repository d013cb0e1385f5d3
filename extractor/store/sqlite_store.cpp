// SQLite: one file, WAL journal, one transaction per batch with prepared statements.
#include <sqlite3.h>

#include <stdexcept>

#include "extractor/store/schema.hpp"
#include "extractor/store/store.hpp"

namespace nianbao::store {
namespace {

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK)
      throw std::runtime_error(std::string("sqlite: ") + sqlite3_db_filename(db, "main") + ": " +
                               sqlite3_errmsg(db) + " in: " + sql);
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path) : path_(path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
      const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("sqlite: cannot open " + path + ": " + why);
    }
    sqlite3_busy_timeout(db_, 10000);
    try {
      set_up();
    } catch (...) {
      // The destructor does not run for a constructor that throws (an I/O error while the
      // schema is written): the connection is closed here.
      sqlite3_close(db_);
      throw;
    }
  }
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  ~SqliteStore() override { sqlite3_close(db_); }

  StoredState load() override {
    StoredState state;
    Statement reports(db_, "SELECT report_key, status FROM reports");
    while (step(reports.get()))
      state.key_status.emplace(column(reports.get(), 0), column(reports.get(), 1));
    Statement paths(db_, "SELECT path, report_key FROM paths");
    while (step(paths.get()))
      state.path_to_key.emplace(column(paths.get(), 0), column(paths.get(), 1));
    return state;
  }

  void write(const Batch& batch) override {
    exec("BEGIN IMMEDIATE");
    try {
      write_reports(batch.inserts);
      write_links(batch.links);
      delete_reports(batch.deletes);
      exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

 private:
  void set_up() {
    // WAL with synchronous=NORMAL keeps every committed batch across a crash of the program
    // (only a power loss may drop the last batches), at a fraction of the fsyncs.
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    exec("PRAGMA foreign_keys=ON");
    for (const std::string& sql : schema_statements(Dialect::sqlite)) exec(sql);
    for (const AddedColumn& added : added_columns())
      if (!has_column(added)) exec(add_column_statement(added, Dialect::sqlite));
  }

  bool has_column(const AddedColumn& added) {
    Statement info(db_, std::string("SELECT count(*) FROM pragma_table_info('") + added.table +
                            "') WHERE name = '" + added.column + "'");
    return step(info.get()) && column(info.get(), 0) != "0";
  }

  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string why = error ? error : "unknown error";
      sqlite3_free(error);
      throw std::runtime_error("sqlite: " + path_ + ": " + why + " in: " + sql);
    }
  }

  bool step(sqlite3_stmt* stmt) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error("sqlite: " + path_ + ": " + sqlite3_errmsg(db_));
  }

  static std::string column(sqlite3_stmt* stmt, int i) {
    const unsigned char* text = sqlite3_column_text(stmt, i);
    return text ? reinterpret_cast<const char*>(text) : "";
  }

  void run_row(sqlite3_stmt* stmt, const Row& row) {
    sqlite3_reset(stmt);
    for (std::size_t i = 0; i < row.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      if (row[i]) {
        sqlite3_bind_text(stmt, index, row[i]->data(), static_cast<int>(row[i]->size()),
                          SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(stmt, index);
      }
    }
    while (step(stmt)) {
    }
  }

  static std::string insert_sql(const TableSpec& t) {
    std::string names;
    std::string marks;
    for (const Column& c : t.columns) {
      names += std::string(names.empty() ? "" : ", ") + c.name;
      marks += marks.empty() ? "?" : ", ?";
    }
    return std::string("INSERT INTO ") + t.name + " (" + names + ") VALUES (" + marks + ")";
  }

  void write_reports(const std::vector<StoredReport>& reports) {
    if (reports.empty()) return;
    const std::vector<TableSpec>& tables = record_tables();
    for (std::size_t t = 0; t < tables.size(); ++t) {
      Statement insert(db_, insert_sql(tables[t]));
      for (const StoredReport& r : reports)
        for (const Row& row : r.tables.at(t)) run_row(insert.get(), row);
    }
  }

  void write_links(const std::vector<std::pair<std::string, std::string>>& links) {
    if (links.empty()) return;
    Statement upsert(db_,
                     "INSERT INTO paths (path, report_key) VALUES (?, ?) "
                     "ON CONFLICT (path) DO UPDATE SET report_key = excluded.report_key");
    for (const auto& [path, key] : links) run_row(upsert.get(), {path, key});
  }

  void delete_reports(const std::vector<std::string>& keys) {
    if (keys.empty()) return;
    const std::vector<TableSpec>& tables = record_tables();
    // Children first, explicitly: the cascade would do it too, but only with foreign_keys on.
    for (std::size_t t = tables.size(); t-- > 0;) {
      Statement erase(db_, std::string("DELETE FROM ") + tables[t].name + " WHERE report_key = ?");
      for (const std::string& key : keys) run_row(erase.get(), {key});
    }
  }

  std::string path_;  // as given, for messages
  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
  return std::make_unique<SqliteStore>(path);
}

}  // namespace nianbao::store
