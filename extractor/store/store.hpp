#pragma once
// Databases the records are loaded into (SQLite and PostgreSQL, same schema; see schema.hpp).
//
// A report is keyed by the SHA-256 of its content (`report_key`); the `paths` table says which
// content each input path holds. Re-running over the same inputs changes nothing; a changed
// file at a known path points the path at the new content and removes the old content's rows
// when no other path holds it. Every batch is one transaction, so an interrupted run leaves
// whole reports only, and the next run finishes the job.

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extractor/model/record.hpp"
#include "extractor/store/schema.hpp"

namespace nianbao::store {

// The key a record is stored under: its content hash, or "unread:<path>" for an input whose
// bytes could not be read at all (it has no content to hash, but still gets its row).
std::string report_key(const model::Record& record);

// A record as the database takes it: its key, path and status, and its rows for each of
// record_tables(). Made where the record is made (in a bulk run's worker process, which sends
// these rows to the parent instead of the record), so the writer only has to write.
struct StoredReport {
  std::string key;
  std::string path;
  std::string status;                    // "ok", "partial" or "failed"
  std::vector<std::vector<Row>> tables;  // rows per record_tables() entry, in that order
};
StoredReport prepare_report(const model::Record& record);

// What the database already holds, loaded once at the start of a run.
struct StoredState {
  std::unordered_map<std::string, std::string> path_to_key;
  std::unordered_map<std::string, std::string> key_status;  // report_key → "ok" / "partial" / …
};

// One transaction's worth of changes, applied in this order: insert the new reports with their
// rows, point paths at their reports, delete the reports no path holds any more.
struct Batch {
  std::vector<StoredReport> inserts;
  std::vector<std::pair<std::string, std::string>> links;  // path → report_key, one per path
  std::vector<std::string> deletes;                        // report keys
  bool empty() const { return inserts.empty() && links.empty() && deletes.empty(); }
};

class Store {
 public:
  virtual ~Store() = default;
  virtual StoredState load() = 0;
  // Applies the whole batch in one transaction or throws (and nothing of it is kept).
  virtual void write(const Batch& batch) = 0;
};

// "postgresql://…" or "postgres://…" (or a libpq "host=… dbname=…" string) → PostgreSQL;
// anything else is the path of a SQLite file. Creates the schema if it is not there.
// Throws std::runtime_error when the database cannot be opened.
std::unique_ptr<Store> open_store(const std::string& target);
bool is_postgres_target(const std::string& target);

std::unique_ptr<Store> open_sqlite_store(const std::string& path);
std::unique_ptr<Store> open_postgres_store(const std::string& conninfo);

// The bookkeeping of a run: decides, record by record in input order, what the database must
// do, and writes in batches.
class Ingest {
 public:
  explicit Ingest(Store& store, std::size_t batch_reports = 500);
  // True when `path` already holds content with this key (nothing to do for it).
  bool unchanged(const std::string& path, const std::string& key) const;
  // The stored status of a report key ("" when unknown).
  std::string stored_status(const std::string& key) const;
  // The paths and keys the store held when the run started (read-only, safe to share with
  // workers, which use it to skip unchanged inputs without extracting them).
  const std::unordered_map<std::string, std::string>& initial_paths() const {
    return initial_paths_;
  }

  void add(StoredReport report);
  void add(const model::Record& record) { add(prepare_report(record)); }
  // Writes what is pending (call at the end, and whenever a time limit says so).
  void flush();
  std::size_t pending() const { return batch_.inserts.size() + batch_.links.size(); }
  std::size_t reports_written() const { return written_; }

 private:
  struct KeyInfo {
    std::string status;
    std::size_t paths = 0;
    bool stored = false;
  };
  void release(const std::string& key);

  Store& store_;
  std::size_t batch_reports_;
  std::unordered_map<std::string, std::string> initial_paths_;
  std::unordered_map<std::string, std::string> path_to_key_;
  std::unordered_map<std::string, KeyInfo> keys_;
  Batch batch_;
  std::vector<std::string> released_;
  std::size_t written_ = 0;
};

}  // namespace nianbao::store
