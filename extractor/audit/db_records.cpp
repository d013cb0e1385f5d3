#include "extractor/audit/db_records.hpp"

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "extractor/audit/db_rows.hpp"
#include "extractor/audit/exact_json.hpp"
#include "extractor/store/store.hpp"

namespace nianbao::audit {
namespace {

// What the audit reads of one table, in the columns store/schema.cpp writes. Child rows come
// in `ord` order, the order the record lists them, as the NDJSON reader sees them.
struct TableRead {
  const char* table;
  const char* columns;
  const char* order;
};

constexpr TableRead k_reports{"reports", "report_key, path, sha256, status, year, agency, template",
                              ""};
constexpr TableRead k_paths{"paths", "path, report_key", ""};
constexpr TableRead k_figures{"figures", "report_key, figure_id, status, value, raw, locator",
                              " ORDER BY report_key, ord"};
constexpr TableRead k_facts{"facts", "report_key, section, metric, value, qualifier, text, locator",
                            " ORDER BY report_key, ord"};

// One stored content and every input path that held it.
struct StoredReport {
  AuditRecord record;
  std::vector<std::string> paths;
};
using StoredReports = std::unordered_map<std::string, StoredReport>;  // by report_key

void ignore_row(const DbRow& /*row*/) {}

std::string select_sql(const TableRead& t) {
  return std::string("SELECT ") + t.columns + " FROM " + t.table + t.order;
}

// A database without the store's tables gets one clear message rather than the first failing
// query's: the columns are asked for before any row is read.
void require_table(RowSource& db, const TableRead& t) {
  try {
    db.each_row(std::string("SELECT ") + t.columns + " FROM " + t.table + " WHERE 1 = 0",
                ignore_row);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(std::string("not a database written by `nianbao extract --db`: "
                                         "cannot read table ") +
                             t.table + " (" + t.columns + "): " + e.what());
  }
}

std::string text(const DbField& field) { return field.value_or(std::string()); }

std::optional<norm::Decimal> exact(const DbField& field) {
  return field ? norm::Decimal::parse(*field) : std::nullopt;
}

// The store keeps a locator as the record's JSON of it, and NULL when it is empty; a record
// writes an empty locator as {}. Both are turned into what the NDJSON reader keeps (the JSON
// re-written with its members in name order), so a finding says "where" identically whichever
// input it came from.
std::string where_of(const DbField& locator) {
  if (!locator) return "{}";
  std::string error;
  const std::optional<JsonValue> json = parse_exact_json(*locator, error);
  return json ? json->dump() : std::string();
}

void read_reports(RowSource& db, const std::string& label, StoredReports& reports) {
  db.each_row(select_sql(k_reports), [&](const DbRow& row) {
    const std::string key = text(row[0]);
    AuditRecord& r = reports[key].record;
    r.origin = label + ":" + key;
    r.path = text(row[1]);
    r.sha256 = text(row[2]);
    r.status = text(row[3]);
    r.year = row[4] ? plausible_year(*row[4]) : std::nullopt;
    r.agency = text(row[5]);
    r.template_version = text(row[6]);
  });
}

void read_paths(RowSource& db, StoredReports& reports) {
  db.each_row(select_sql(k_paths), [&](const DbRow& row) {
    const auto it = reports.find(text(row[1]));
    if (it != reports.end()) it->second.paths.push_back(text(row[0]));
  });
}

// The report a child row belongs to; nullptr for a row whose report is not there.
AuditRecord* owner(StoredReports& reports, const DbField& key) {
  const auto it = reports.find(text(key));
  return it == reports.end() ? nullptr : &it->second.record;
}

void read_figures(RowSource& db, StoredReports& reports) {
  db.each_row(select_sql(k_figures), [&](const DbRow& row) {
    AuditRecord* record = owner(reports, row[0]);
    const std::string id = text(row[1]);
    if (record == nullptr || id.empty()) return;
    AuditFigure fig;
    fig.status = text(row[2]);
    if (fig.status == "value") fig.value = exact(row[3]);
    fig.raw = text(row[4]);
    fig.where = where_of(row[5]);
    record->figures.insert_or_assign(id, std::move(fig));
  });
}

void read_facts(RowSource& db, StoredReports& reports) {
  db.each_row(select_sql(k_facts), [&](const DbRow& row) {
    AuditRecord* record = owner(reports, row[0]);
    if (record == nullptr) return;
    AuditFact fact;
    fact.section = text(row[1]);
    fact.metric = text(row[2]);
    fact.value = exact(row[3]);
    fact.qualifier = text(row[4]);
    fact.text = text(row[5]);
    fact.where = where_of(row[6]);
    record->facts.push_back(std::move(fact));
  });
}

// `extract` writes one record per input; the store keeps one report per content and the paths
// that held it. One record per path gives the audit what the NDJSON of the same run gives it
// (copies of one file then count once, by their sha256, as they do there). A report no path
// points at keeps the path it was first stored under.
std::vector<AuditRecord> one_record_per_path(StoredReports& reports) {
  std::vector<AuditRecord> records;
  for (auto& [key, stored] : reports) {
    for (std::size_t i = 0; i + 1 < stored.paths.size(); ++i) {
      records.push_back(stored.record);
      records.back().path = stored.paths[i];
    }
    if (!stored.paths.empty()) stored.record.path = stored.paths.back();
    records.push_back(std::move(stored.record));
  }
  // By path, as `extract` lists a directory; the database's own order depends on its collation.
  std::sort(records.begin(), records.end(), [](const AuditRecord& a, const AuditRecord& b) {
    return std::tie(a.path, a.sha256, a.origin) < std::tie(b.path, b.sha256, b.origin);
  });
  return records;
}

std::vector<AuditRecord> read_all(RowSource& db, const std::string& label) {
  for (const TableRead* t : {&k_reports, &k_paths, &k_figures, &k_facts}) require_table(db, *t);
  StoredReports reports;
  read_reports(db, label, reports);
  read_paths(db, reports);
  read_figures(db, reports);
  read_facts(db, reports);
  return one_record_per_path(reports);
}

// Records are added only once the whole database was read: a failure midway leaves one
// problem, not a partial set that would make the audit's findings look complete.
template <class Open>
void read_database(Open open, const std::string& label, ReadResult& result) {
  try {
    const std::unique_ptr<RowSource> db = open();
    std::vector<AuditRecord> records = read_all(*db, label);
    std::move(records.begin(), records.end(), std::back_inserter(result.records));
  } catch (const std::exception& e) {
    result.problems.push_back({label, e.what()});
  }
}

// Replaces the value that starts at `at` (up to `stops`, or a quoted value) with ***.
void mask_from(std::string& s, std::size_t at, std::string_view stops) {
  std::size_t end = std::string::npos;
  if (at < s.size() && s[at] == '\'') {
    end = s.find('\'', at + 1);
    if (end != std::string::npos) ++end;
  } else {
    end = s.find_first_of(stops, at);
  }
  s.replace(at, end == std::string::npos ? std::string::npos : end - at, "***");
}

}  // namespace

bool has_sqlite_header(std::istream& in) {
  char head[16] = {};
  in.read(head, sizeof head);
  const bool sqlite = in.gcount() == sizeof head &&
                      std::string_view(head, 16) == std::string_view("SQLite format 3\0", 16);
  in.clear();
  in.seekg(0);
  return sqlite;
}

bool is_postgres_input(std::string_view input) {
  return store::is_postgres_target(std::string(input));
}

std::string database_label(std::string_view input) {
  std::string label(input);
  // postgresql://user:password@host/…
  const std::size_t scheme = label.find("://");
  if (scheme != std::string::npos) {
    const std::size_t start = scheme + 3;
    const std::size_t at = label.find('@', start);
    const std::size_t colon = label.find(':', start);
    if (at != std::string::npos && colon < at && label.find_first_of("/?", start) > at)
      mask_from(label, colon + 1, "@");
  }
  // …?password=… in a URI, password=… in a "key=value" connection string.
  for (std::size_t at = label.find("password="); at != std::string::npos;
       at = label.find("password=", at + 1))
    mask_from(label, at + 9, "& ");
  return label;
}

void read_sqlite_records(const std::string& path, ReadResult& result) {
  read_database([&] { return open_sqlite_rows(path); }, path, result);
}

void read_postgres_records(const std::string& conninfo, ReadResult& result) {
  read_database([&] { return open_postgres_rows(conninfo); }, database_label(conninfo), result);
}

}  // namespace nianbao::audit
