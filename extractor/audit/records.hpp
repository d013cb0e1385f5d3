#pragma once
// The part of a nianbao.report/1 record the audit reads, and reading records back from the
// NDJSON files `nianbao extract --ndjson` writes (or one pretty-printed record per file).

#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalizers/decimal.hpp"

namespace nianbao::audit {

struct AuditFigure {
  std::string status;                  // value, blank, not_applicable, unparsed
  std::optional<norm::Decimal> value;  // set only for status "value"
  std::string raw;
  std::string where;  // the locator as compact JSON ("" when the record had none)
};

struct AuditFact {
  std::string section;
  std::string metric;
  std::optional<norm::Decimal> value;
  std::string qualifier;  // "" for none
  std::string text;
  std::string where;
};

struct AuditRecord {
  std::string path;  // source.path
  std::string sha256;
  std::string origin;  // the file and line it was read from ("out.ndjson:3")
  std::string status;
  std::optional<int> year;
  std::string agency;
  std::string template_version;
  std::map<std::string, AuditFigure, std::less<>> figures;  // by figure id
  std::vector<AuditFact> facts;

  const AuditFigure* figure(std::string_view id) const;
  // The figure's exact value when it has one.
  std::optional<norm::Decimal> value(std::string_view id) const;
};

struct ReadProblem {
  std::string origin;  // file:line
  std::string message;
};

struct ReadResult {
  std::vector<AuditRecord> records;
  std::vector<ReadProblem> problems;
};

// Reads every record of `in` (NDJSON, or a single JSON record or array of records spread over
// several lines) into `result`. `name` labels origins. Lines that are not records are reported
// in result.problems, never thrown.
void read_records(std::istream& in, const std::string& name, ReadResult& result);

// A report year from its decimal text: four digits, or nullopt. Anything else is treated as
// unknown rather than trusted, whichever input the record came from.
std::optional<int> plausible_year(std::string_view digits);

// One record from a parsed JSON object; nullopt when it is not a nianbao.report/1 record.
struct JsonValue;
std::optional<AuditRecord> record_from_json(const JsonValue& json, std::string origin);

}  // namespace nianbao::audit
