#pragma once
// The report record (OUTPUT.md, schema nianbao.report/1): what one input gives, whatever
// happened to it. Output writers (JSON, flat rows, databases) all start from this.

#include <optional>
#include <string>
#include <vector>

#include "extractor/model/diagnostic.hpp"
#include "extractor/model/document.hpp"
#include "extractor/model/locator.hpp"
#include "normalizers/cell_value.hpp"
#include "normalizers/decimal.hpp"

namespace nianbao::model {

enum class RecordStatus { ok, partial, failed };
const char* to_string(RecordStatus status);

struct ReportMeta {
  std::string title;
  std::optional<int> year;
  std::string agency;
  std::string template_version = "unknown";  // "2019", "2021", "pre2019" or "unknown"
  std::string published;                     // publication date as written, where stated
};

struct SectionInfo {
  std::string key;      // overview, proactive, on_request, review_litigation, problems, other …
  std::string number;   // 一 … 十
  std::string heading;  // the heading text without its number
  Locator locator;
};

// One table of the template as found in the document.
struct TableInfo {
  std::string table;             // "active", "requests", "appeals"
  std::string template_version;  // decided from this table's own labels, or "unknown"
  int figures = 0;
  Locator locator;
};

struct Figure {
  std::string id;  // <table>.<row>.<column>, from cells.tsv
  std::string table;
  std::string row;
  std::string column;
  norm::CellStatus status = norm::CellStatus::unparsed;
  std::optional<norm::Decimal> value;
  std::string unit;  // "" → null
  norm::Qualifier qualifier = norm::Qualifier::none;
  std::string raw;  // the cell's text as it stood in the document
  Locator locator;
  // For a row the template does not have (a local addition such as 其他主动公开文件): the row's
  // label as written. Such figures have ids <table>.extra_<n>.<column>, never a template id.
  std::string row_label;
  // Pre-2019 statistics tables: the value column's header as written (本期实际, 历年累计 …).
  std::string header;
};

struct Fact {
  std::string section;
  std::string text;
  std::string metric;  // "" when the sentence does not say what it counts
  std::optional<norm::Decimal> value;
  std::string unit;
  norm::Qualifier qualifier = norm::Qualifier::none;
  Locator locator;
  std::string raw;  // the figure as written ("300余人次"), inside `text`
};

enum class CheckStatus { pass, fail, not_assessable };
const char* to_string(CheckStatus status);

struct Check {
  std::string id;           // rule id in FORMATS.md, e.g. "T3-1"
  std::string rule;         // e.g. "requests.balance"
  std::string scope_kind;   // "column", "row" or "table"
  std::string scope_value;  // the column or row key it was evaluated for
  std::string expr;
  std::optional<norm::Decimal> left;
  std::optional<norm::Decimal> right;
  CheckStatus status = CheckStatus::not_assessable;
  std::vector<std::string> missing;    // figure ids that were blank, absent or not numbers
  std::vector<std::string> offending;  // for every_cell rules: figure ids that break it
  // A soft rule states what is usual, not what the form requires: its fail is a flag for a
  // reader, not an error in the filing (FORMATS.md §5.2 … A-11).
  bool soft = false;
};

struct Record {
  SourceInfo source;
  RecordStatus status = RecordStatus::ok;
  ReportMeta report;
  std::vector<SectionInfo> sections;
  std::vector<TableInfo> tables;
  std::vector<Figure> figures;
  std::vector<Fact> facts;
  std::vector<Check> checks;
  Diagnostics diagnostics;
};

}  // namespace nianbao::model
