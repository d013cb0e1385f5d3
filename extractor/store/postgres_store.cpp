// PostgreSQL through libpq: the schema of schema.hpp, each batch one transaction of COPYs.
#include <libpq-fe.h>

#include <memory>
#include <stdexcept>

#include "extractor/store/schema.hpp"
#include "extractor/store/store.hpp"
#include "normalizers/text.hpp"

namespace nianbao::store {
namespace {

// Session-level advisory lock: two ingests into one database would each trust their own view
// of what is stored, so the second waits for the first.
constexpr const char* k_lock = "SELECT pg_advisory_lock(7307200)";

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

void ignore_notice(void* /*arg*/, const char* /*message*/) {}

// Appends `s` for COPY's text format. PostgreSQL refuses invalid UTF-8 and NUL bytes in text,
// and one bad byte would fail the whole batch, so those become U+FFFD (as in the JSON output).
void append_copy_text(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case 0:
          out += "\xEF\xBF\xBD";
          break;
        default:
          out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    const std::size_t n = norm::valid_sequence_length(s, i);
    if (n > 0) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
}

void append_copy_row(std::string& out, const Row& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out.push_back('\t');
    if (row[i]) {
      append_copy_text(out, *row[i]);
    } else {
      out += "\\N";
    }
  }
  out.push_back('\n');
}

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
      const std::string why = conn_ ? PQerrorMessage(conn_) : "out of memory";
      PQfinish(conn_);
      throw std::runtime_error("postgresql: cannot connect: " + why);
    }
    PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
    PQsetClientEncoding(conn_, "UTF8");
    try {
      set_up();
    } catch (...) {
      PQfinish(conn_);  // no destructor runs for a constructor that throws
      throw;
    }
  }
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;
  ~PostgresStore() override { PQfinish(conn_); }

  StoredState load() override {
    StoredState state;
    Result reports = exec("SELECT report_key, status FROM reports", PGRES_TUPLES_OK);
    for (int i = 0; i < PQntuples(reports.get()); ++i)
      state.key_status.emplace(PQgetvalue(reports.get(), i, 0), PQgetvalue(reports.get(), i, 1));
    Result paths = exec("SELECT path, report_key FROM paths", PGRES_TUPLES_OK);
    for (int i = 0; i < PQntuples(paths.get()); ++i)
      state.path_to_key.emplace(PQgetvalue(paths.get(), i, 0), PQgetvalue(paths.get(), i, 1));
    return state;
  }

  void write(const Batch& batch) override {
    exec("BEGIN");
    try {
      copy_reports(batch.inserts);
      copy_links(batch.links);
      delete_reports(batch.deletes);
      exec("COMMIT");
    } catch (...) {
      Result(PQexec(conn_, "ROLLBACK"));
      throw;
    }
  }

 private:
  void set_up() {
    exec(k_lock, PGRES_TUPLES_OK);
    for (const std::string& sql : schema_statements(Dialect::postgres)) exec(sql);
    for (const AddedColumn& added : added_columns())
      exec(add_column_statement(added, Dialect::postgres));
    exec(
        "CREATE TEMP TABLE IF NOT EXISTS nianbao_links (path TEXT, report_key TEXT) "
        "ON COMMIT DELETE ROWS");
    exec("CREATE TEMP TABLE IF NOT EXISTS nianbao_deletes (report_key TEXT) ON COMMIT DELETE ROWS");
  }

  // libpq's message on one line, saying so first when the connection itself is gone (the
  // server stopped or crashed, the network went away): then the run cannot go on at all.
  std::string failure(const std::string& libpq_message) const {
    std::string why;
    for (const char c : libpq_message) {
      if (c == '\n' || c == '\t') {
        if (!why.empty() && why.back() != ' ') why.push_back(' ');
      } else {
        why.push_back(c);
      }
    }
    while (!why.empty() && why.back() == ' ') why.pop_back();
    if (PQstatus(conn_) == CONNECTION_BAD)
      return "postgresql: lost the connection to the server: " + why;
    return "postgresql: " + why;
  }

  Result exec(const std::string& sql, ExecStatusType expected = PGRES_COMMAND_OK) {
    Result r(PQexec(conn_, sql.c_str()));
    if (!r || PQresultStatus(r.get()) != expected)
      throw std::runtime_error(failure(PQerrorMessage(conn_)) + " in: " + sql);
    return r;
  }

  void copy(const std::string& table_and_columns, const std::string& data) {
    exec("COPY " + table_and_columns + " FROM STDIN", PGRES_COPY_IN);
    // libpq copies the buffer; large batches go in slices to keep its buffer small.
    constexpr std::size_t k_slice = 1 << 20;
    bool ok = true;
    for (std::size_t at = 0; ok && at < data.size(); at += k_slice) {
      const std::size_t n = std::min(k_slice, data.size() - at);
      ok = PQputCopyData(conn_, data.data() + at, static_cast<int>(n)) == 1;
    }
    ok = PQputCopyEnd(conn_, ok ? nullptr : "client failed to send data") == 1 && ok;
    std::string error;
    while (PGresult* raw = PQgetResult(conn_)) {
      Result r(raw);
      if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) error = PQresultErrorMessage(r.get());
    }
    if (!ok || !error.empty())
      throw std::runtime_error(failure(error.empty() ? std::string(PQerrorMessage(conn_)) : error) +
                               " in: COPY " + table_and_columns);
  }

  static std::string target(const TableSpec& t) {
    std::string names;
    for (const Column& c : t.columns) names += std::string(names.empty() ? "" : ", ") + c.name;
    return std::string(t.name) + " (" + names + ")";
  }

  void copy_reports(const std::vector<StoredReport>& reports) {
    if (reports.empty()) return;
    const std::vector<TableSpec>& tables = record_tables();
    std::string data;
    for (std::size_t t = 0; t < tables.size(); ++t) {
      data.clear();
      for (const StoredReport& r : reports)
        for (const Row& row : r.tables.at(t)) append_copy_row(data, row);
      if (!data.empty()) copy(target(tables[t]), data);
    }
  }

  void copy_links(const std::vector<std::pair<std::string, std::string>>& links) {
    if (links.empty()) return;
    std::string data;
    for (const auto& [path, key] : links) append_copy_row(data, {path, key});
    copy("nianbao_links (path, report_key)", data);
    exec(
        "INSERT INTO paths (path, report_key) SELECT path, report_key FROM nianbao_links "
        "ON CONFLICT (path) DO UPDATE SET report_key = EXCLUDED.report_key");
  }

  void delete_reports(const std::vector<std::string>& keys) {
    if (keys.empty()) return;
    std::string data;
    for (const std::string& key : keys) append_copy_row(data, {key});
    copy("nianbao_deletes (report_key)", data);
    // The children go with their report (ON DELETE CASCADE).
    exec("DELETE FROM reports WHERE report_key IN (SELECT report_key FROM nianbao_deletes)");
  }

  PGconn* conn_;
};

}  // namespace

std::unique_ptr<Store> open_postgres_store(const std::string& conninfo) {
  return std::make_unique<PostgresStore>(conninfo);
}

}  // namespace nianbao::store
