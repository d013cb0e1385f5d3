#pragma once
// Records read back from the bulk store (`nianbao extract --db TARGET`, extractor/store): the
// same AuditRecord the NDJSON reader fills, so the audit finds the same things in either.

#include <istream>
#include <string>
#include <string_view>

#include "extractor/audit/records.hpp"

namespace nianbao::audit {

// True when `in` starts with SQLite's file header; the stream is rewound either way.
bool has_sqlite_header(std::istream& in);

// True when `input` names a PostgreSQL database (postgresql://…, postgres://…, or a libpq
// "dbname=…" string): the targets `nianbao extract --db` writes to PostgreSQL.
bool is_postgres_input(std::string_view input);

// `input` fit for a message: a password in a URI or connection string is masked.
std::string database_label(std::string_view input);

// Reads every stored report into `result`, one record per input path that held it, ordered by
// path. A database that cannot be opened, lacks the tables and columns the store writes, or
// fails while being read adds one problem naming the input (and no record); never throws.
void read_sqlite_records(const std::string& path, ReadResult& result);
void read_postgres_records(const std::string& conninfo, ReadResult& result);

}  // namespace nianbao::audit
