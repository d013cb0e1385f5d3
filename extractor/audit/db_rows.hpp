#pragma once
// A database the audit reads records from, seen as rows of text: all that SQLite and PostgreSQL
// differ in when the audit reads the bulk store (db_records.cpp holds what they share).

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nianbao::audit {

// A field's text, or nullopt for SQL NULL. A value is handed over as the database's text of it,
// never as a double: the store keeps exact decimals as text (SQLite) or NUMERIC (PostgreSQL).
using DbField = std::optional<std::string>;
using DbRow = std::vector<DbField>;

class RowSource {
 public:
  virtual ~RowSource() = default;
  // Runs one query and hands each row to `on_row`, as it arrives. Throws std::runtime_error
  // with the database's own message when the query fails.
  virtual void each_row(const std::string& sql,
                        const std::function<void(const DbRow&)>& on_row) = 0;
};

// Both open read-only, inside one read transaction held until the source is destroyed, so every
// query sees the database as it was at the first one, even while an extract writes into it.
// Throw std::runtime_error when the database cannot be opened.
std::unique_ptr<RowSource> open_sqlite_rows(const std::string& path);
std::unique_ptr<RowSource> open_postgres_rows(const std::string& conninfo);

}  // namespace nianbao::audit
