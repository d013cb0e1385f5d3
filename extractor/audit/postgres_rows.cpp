// The audit's read side of a PostgreSQL database written by `nianbao extract --db postgresql://…`
// (libpq). NUMERIC values come back as their exact text, with the scale they were stored with.
#include <libpq-fe.h>

#include <stdexcept>

#include "extractor/audit/db_rows.hpp"

namespace nianbao::audit {
namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

void ignore_notice(void* /*arg*/, const char* /*message*/) {}

// libpq's messages end in a newline; a problem line reads better without it.
std::string trimmed(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

DbRow row_of(const PGresult* result, int tuple) {
  const int columns = PQnfields(result);
  DbRow row(static_cast<std::size_t>(columns));
  for (int i = 0; i < columns; ++i)
    if (!PQgetisnull(result, tuple, i))
      row[static_cast<std::size_t>(i)] = std::string(
          PQgetvalue(result, tuple, i), static_cast<std::size_t>(PQgetlength(result, tuple, i)));
  return row;
}

class PostgresRows final : public RowSource {
 public:
  explicit PostgresRows(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
      const std::string why = conn_ != nullptr ? trimmed(PQerrorMessage(conn_)) : "out of memory";
      PQfinish(conn_);
      throw std::runtime_error("cannot connect: " + why);
    }
    PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
    PQsetClientEncoding(conn_, "UTF8");
    // One snapshot for every query of the run; READ ONLY because the audit never writes.
    each_row("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", [](const DbRow&) {});
  }
  PostgresRows(const PostgresRows&) = delete;
  PostgresRows& operator=(const PostgresRows&) = delete;
  ~PostgresRows() override { PQfinish(conn_); }

  // Rows are fetched one at a time (single-row mode), so a large store is never held twice:
  // once as libpq's result and once as records.
  void each_row(const std::string& sql, const std::function<void(const DbRow&)>& on_row) override {
    if (PQsendQuery(conn_, sql.c_str()) != 1)
      throw std::runtime_error(trimmed(PQerrorMessage(conn_)));
    PQsetSingleRowMode(conn_);
    std::string error;
    while (PGresult* raw = PQgetResult(conn_)) {
      const Result result(raw);
      const ExecStatusType status = PQresultStatus(raw);
      // In single-row mode every row comes as its own result and the closing PGRES_TUPLES_OK
      // has none; should libpq refuse the mode, the rows all come in that last result.
      if (status == PGRES_SINGLE_TUPLE || status == PGRES_TUPLES_OK) {
        for (int i = 0; error.empty() && i < PQntuples(raw); ++i) on_row(row_of(raw, i));
      } else if (status != PGRES_COMMAND_OK && error.empty()) {
        error = trimmed(PQresultErrorMessage(raw));
      }
    }
    // Every result is drained first: libpq takes no new query while one is still pending.
    if (!error.empty()) throw std::runtime_error(error);
  }

 private:
  PGconn* conn_;
};

}  // namespace

std::unique_ptr<RowSource> open_postgres_rows(const std::string& conninfo) {
  return std::make_unique<PostgresRows>(conninfo);
}

}  // namespace nianbao::audit
