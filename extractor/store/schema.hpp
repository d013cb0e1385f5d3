#pragma once
// The database schema shared by SQLite and PostgreSQL, and a record's rows for each table.
//
//   reports      one row per content (report_key = sha256), status, metadata, counts
//   paths        input path → report_key (several paths may hold the same content)
//   figures      one row per figure, value as exact decimal text (SQLite TEXT, PostgreSQL NUMERIC),
//                with the row's label for a row no template has and the header of a pre-2019
//                statistics table's value column
//   facts        figures stated in prose
//   checks       the template identities, evaluated; severity hard or soft
//   diagnostics  stable codes with messages
//
// Child rows are keyed by (report_key, ord), ord being the position in the record, so a
// record's rows come back in the order the JSON record lists them.

#include <optional>
#include <string>
#include <vector>

#include "extractor/model/record.hpp"

namespace nianbao::store {

enum class Dialect { sqlite, postgres };

struct Column {
  const char* name;
  const char* sqlite_type;
  const char* postgres_type;
};

struct TableSpec {
  const char* name;
  std::vector<Column> columns;
};

// reports, figures, facts, checks, diagnostics: the tables a record's rows go to, in this order.
const std::vector<TableSpec>& record_tables();
const TableSpec& paths_table();

// CREATE TABLE / CREATE INDEX statements (idempotent: IF NOT EXISTS).
std::vector<std::string> schema_statements(Dialect dialect);

// Columns added to the schema after its first version: a store adds those its database lacks
// (PostgreSQL: ADD COLUMN IF NOT EXISTS; SQLite, which has no such clause, asks table_info).
struct AddedColumn {
  const char* table;
  const char* column;
};
const std::vector<AddedColumn>& added_columns();
std::string add_column_statement(const AddedColumn& added, Dialect dialect);

// One row's values as text (nullopt = NULL), in the columns' order. Numbers are their exact
// decimal text; each database turns the text into its column type without going through double.
using Field = std::optional<std::string>;
using Row = std::vector<Field>;

// Appends the rows of `record` for record_tables()[table_index].
void append_rows(const model::Record& record, const std::string& key, std::size_t table_index,
                 std::vector<Row>& rows);

}  // namespace nianbao::store
