#include "extractor/store/schema.hpp"

#include <stdexcept>
#include <string_view>

#include "extractor/output/flat.hpp"

namespace nianbao::store {
namespace {

// SQLite has no exact decimal type: NUMERIC affinity would turn 12.35 into a double, so exact
// values are TEXT there (CAST in queries); PostgreSQL's NUMERIC is exact.
constexpr const char* k_exact = "NUMERIC";

Field text(const std::string& s) { return s.empty() ? Field() : Field(s); }
Field number(long long v) { return std::to_string(v); }
Field decimal(const std::optional<norm::Decimal>& d) { return d ? Field(d->to_string()) : Field(); }
Field qualifier(norm::Qualifier q) {
  return q == norm::Qualifier::none ? Field() : Field(norm::to_string(q));
}
Field locator(const model::Locator& loc) {
  return loc.empty() ? Field() : Field(output::locator_json(loc));
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out.push_back(' ');
    out += id;
  }
  return out;
}

void report_rows(const model::Record& r, const std::string& key, std::vector<Row>& rows) {
  const model::ReportMeta& m = r.report;
  rows.push_back({key, text(r.source.sha256), r.source.path, text(r.source.format),
                  text(r.source.encoding), number(static_cast<long long>(r.source.bytes)),
                  model::to_string(r.status), text(m.title), m.year ? number(*m.year) : Field(),
                  text(m.agency), text(m.template_version), text(m.published),
                  number(static_cast<long long>(r.figures.size())),
                  number(static_cast<long long>(r.diagnostics.size()))});
}

void figure_rows(const model::Record& r, const std::string& key, std::vector<Row>& rows) {
  long long ord = 0;
  for (const model::Figure& f : r.figures) {
    rows.push_back({key, number(ord++), f.id, f.table, f.row, f.column,
                    std::string(norm::to_string(f.status)), decimal(f.value), text(f.unit), f.raw,
                    qualifier(f.qualifier), locator(f.locator), text(f.row_label), text(f.header)});
  }
}

void fact_rows(const model::Record& r, const std::string& key, std::vector<Row>& rows) {
  long long ord = 0;
  for (const model::Fact& f : r.facts) {
    rows.push_back({key, number(ord++), text(f.section), f.text, text(f.metric), decimal(f.value),
                    text(f.unit), qualifier(f.qualifier), locator(f.locator)});
  }
}

void check_rows(const model::Record& r, const std::string& key, std::vector<Row>& rows) {
  long long ord = 0;
  for (const model::Check& c : r.checks) {
    rows.push_back({key, number(ord++), c.id, c.rule, text(c.scope_kind), text(c.scope_value),
                    c.expr, decimal(c.left), decimal(c.right), model::to_string(c.status),
                    text(joined(c.missing)), text(joined(c.offending)),
                    std::string(c.soft ? "soft" : "hard")});
  }
}

void diagnostic_rows(const model::Record& r, const std::string& key, std::vector<Row>& rows) {
  long long ord = 0;
  for (const model::Diagnostic& d : r.diagnostics) {
    rows.push_back(
        {key, number(ord++), d.code, model::to_string(d.severity), d.message, locator(d.locator)});
  }
}

std::vector<TableSpec> make_tables() {
  const Column key{"report_key", "TEXT NOT NULL", "TEXT NOT NULL"};
  const Column ord{"ord", "INTEGER NOT NULL", "INTEGER NOT NULL"};
  return {
      {"reports",
       {{"report_key", "TEXT PRIMARY KEY", "TEXT PRIMARY KEY"},
        {"sha256", "TEXT", "TEXT"},
        {"path", "TEXT NOT NULL", "TEXT NOT NULL"},
        {"format", "TEXT", "TEXT"},
        {"encoding", "TEXT", "TEXT"},
        {"bytes", "INTEGER", "BIGINT"},
        {"status", "TEXT NOT NULL", "TEXT NOT NULL"},
        {"title", "TEXT", "TEXT"},
        {"year", "INTEGER", "INTEGER"},
        {"agency", "TEXT", "TEXT"},
        {"template", "TEXT", "TEXT"},
        {"published", "TEXT", "TEXT"},
        {"figure_count", "INTEGER NOT NULL", "INTEGER NOT NULL"},
        {"diagnostic_count", "INTEGER NOT NULL", "INTEGER NOT NULL"}}},
      {"figures",
       {key,
        ord,
        {"figure_id", "TEXT NOT NULL", "TEXT NOT NULL"},
        {"table_key", "TEXT", "TEXT"},
        {"row_key", "TEXT", "TEXT"},
        {"column_key", "TEXT", "TEXT"},
        {"status", "TEXT NOT NULL", "TEXT NOT NULL"},
        {"value", "TEXT", k_exact},
        {"unit", "TEXT", "TEXT"},
        {"raw", "TEXT", "TEXT"},
        {"qualifier", "TEXT", "TEXT"},
        {"locator", "TEXT", "TEXT"},
        {"row_label", "TEXT", "TEXT"},
        {"header", "TEXT", "TEXT"}}},
      {"facts",
       {key,
        ord,
        {"section", "TEXT", "TEXT"},
        {"text", "TEXT", "TEXT"},
        {"metric", "TEXT", "TEXT"},
        {"value", "TEXT", k_exact},
        {"unit", "TEXT", "TEXT"},
        {"qualifier", "TEXT", "TEXT"},
        {"locator", "TEXT", "TEXT"}}},
      {"checks",
       {key,
        ord,
        {"check_id", "TEXT", "TEXT"},
        {"rule", "TEXT", "TEXT"},
        {"scope_kind", "TEXT", "TEXT"},
        {"scope_value", "TEXT", "TEXT"},
        {"expr", "TEXT", "TEXT"},
        {"left_value", "TEXT", k_exact},
        {"right_value", "TEXT", k_exact},
        {"status", "TEXT NOT NULL", "TEXT NOT NULL"},
        {"missing", "TEXT", "TEXT"},
        {"offending", "TEXT", "TEXT"},
        {"severity", "TEXT", "TEXT"}}},
      {"diagnostics",
       {key,
        ord,
        {"code", "TEXT NOT NULL", "TEXT NOT NULL"},
        {"severity", "TEXT", "TEXT"},
        {"message", "TEXT", "TEXT"},
        {"locator", "TEXT", "TEXT"}}},
  };
}

std::string create_table(const TableSpec& t, Dialect dialect, bool child) {
  std::string sql = std::string("CREATE TABLE IF NOT EXISTS ") + t.name + " (";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const Column& c = t.columns[i];
    sql += std::string(i ? ", " : "") + c.name + " " +
           (dialect == Dialect::sqlite ? c.sqlite_type : c.postgres_type);
  }
  if (child) {
    sql += ", PRIMARY KEY (report_key, ord)";
    sql += ", FOREIGN KEY (report_key) REFERENCES reports(report_key) ON DELETE CASCADE";
  }
  return sql + ")";
}

}  // namespace

const std::vector<AddedColumn>& added_columns() {
  // Columns that came after the first schema; a database made before them gets them added
  // (NULL in the rows already there, which an older nianbao wrote).
  static const std::vector<AddedColumn> columns = {
      {"figures", "row_label"}, {"figures", "header"}, {"checks", "severity"}};
  return columns;
}

std::string add_column_statement(const AddedColumn& added, Dialect dialect) {
  for (const TableSpec& t : record_tables()) {
    if (std::string_view(t.name) != added.table) continue;
    for (const Column& c : t.columns) {
      if (std::string_view(c.name) != added.column) continue;
      return std::string("ALTER TABLE ") + t.name + " ADD COLUMN " +
             (dialect == Dialect::postgres ? "IF NOT EXISTS " : "") + c.name + " " +
             (dialect == Dialect::sqlite ? c.sqlite_type : c.postgres_type);
    }
  }
  throw std::logic_error(std::string("schema: no column ") + added.table + "." + added.column);
}

const std::vector<TableSpec>& record_tables() {
  static const std::vector<TableSpec> tables = make_tables();
  return tables;
}

const TableSpec& paths_table() {
  static const TableSpec table{"paths",
                               {{"path", "TEXT PRIMARY KEY", "TEXT PRIMARY KEY"},
                                {"report_key", "TEXT NOT NULL", "TEXT NOT NULL"}}};
  return table;
}

std::vector<std::string> schema_statements(Dialect dialect) {
  std::vector<std::string> sql;
  const std::vector<TableSpec>& tables = record_tables();
  for (std::size_t i = 0; i < tables.size(); ++i)
    sql.push_back(create_table(tables[i], dialect, i > 0));
  sql.push_back(
      "CREATE TABLE IF NOT EXISTS paths (path TEXT PRIMARY KEY, report_key TEXT NOT NULL "
      "REFERENCES reports(report_key) ON DELETE CASCADE)");
  for (const char* index : {
           "paths_report ON paths(report_key)",
           "reports_agency_year ON reports(agency, year)",
           "reports_status ON reports(status)",
           "figures_figure ON figures(figure_id)",
           "checks_status ON checks(status)",
           "diagnostics_code ON diagnostics(code)",
       })
    sql.push_back(std::string("CREATE INDEX IF NOT EXISTS ") + index);
  return sql;
}

void append_rows(const model::Record& record, const std::string& key, std::size_t table_index,
                 std::vector<Row>& rows) {
  switch (table_index) {
    case 0:
      return report_rows(record, key, rows);
    case 1:
      return figure_rows(record, key, rows);
    case 2:
      return fact_rows(record, key, rows);
    case 3:
      return check_rows(record, key, rows);
    default:
      return diagnostic_rows(record, key, rows);
  }
}

}  // namespace nianbao::store
