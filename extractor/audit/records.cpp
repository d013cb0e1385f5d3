#include "extractor/audit/records.hpp"

#include <iterator>

#include "extractor/audit/exact_json.hpp"

namespace nianbao::audit {
namespace {

std::optional<int> year_of(const JsonValue* report) {
  if (report == nullptr) return std::nullopt;
  const JsonValue* y = report->get("year");
  if (y == nullptr || y->kind != JsonValue::Kind::number) return std::nullopt;
  return plausible_year(y->text);
}

std::string where_of(const JsonValue& item) {
  const JsonValue* loc = item.get("locator");
  return loc == nullptr || loc->kind == JsonValue::Kind::null ? std::string() : loc->dump();
}

void read_figures(const JsonValue* figures, AuditRecord& record) {
  if (figures == nullptr) return;
  for (const JsonValue& f : figures->items) {
    const std::string id = f.string_at("id");
    if (id.empty()) continue;
    AuditFigure fig;
    fig.status = f.string_at("status");
    if (fig.status == "value") fig.value = f.decimal_at("value");
    fig.raw = f.string_at("raw");
    fig.where = where_of(f);
    record.figures.insert_or_assign(id, std::move(fig));
  }
}

void read_facts(const JsonValue* facts, AuditRecord& record) {
  if (facts == nullptr) return;
  for (const JsonValue& f : facts->items) {
    AuditFact fact;
    fact.section = f.string_at("section");
    fact.metric = f.string_at("metric");
    fact.value = f.decimal_at("value");
    fact.qualifier = f.string_at("qualifier");
    fact.text = f.string_at("text");
    fact.where = where_of(f);
    record.facts.push_back(std::move(fact));
  }
}

void add_json(const JsonValue& json, const std::string& origin, ReadResult& result) {
  if (json.kind == JsonValue::Kind::array) {
    for (const JsonValue& item : json.items) add_json(item, origin, result);
    return;
  }
  if (auto record = record_from_json(json, origin)) {
    result.records.push_back(std::move(*record));
    return;
  }
  result.problems.push_back({origin, "not a nianbao.report/1 record"});
}

}  // namespace

std::optional<int> plausible_year(std::string_view digits) {
  if (digits.size() != 4 || digits.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  return std::stoi(std::string(digits));
}

const AuditFigure* AuditRecord::figure(std::string_view id) const {
  const auto it = figures.find(id);
  return it == figures.end() ? nullptr : &it->second;
}

std::optional<norm::Decimal> AuditRecord::value(std::string_view id) const {
  const AuditFigure* f = figure(id);
  return f == nullptr ? std::nullopt : f->value;
}

std::optional<AuditRecord> record_from_json(const JsonValue& json, std::string origin) {
  if (json.string_at("schema") != "nianbao.report/1") return std::nullopt;
  AuditRecord record;
  record.origin = std::move(origin);
  if (const JsonValue* source = json.get("source")) {
    record.path = source->string_at("path");
    record.sha256 = source->string_at("sha256");
  }
  record.status = json.string_at("status");
  if (const JsonValue* report = json.get("report")) {
    record.year = year_of(report);
    record.agency = report->string_at("agency");
    record.template_version = report->string_at("template");
  }
  read_figures(json.get("figures"), record);
  read_facts(json.get("facts"), record);
  return record;
}

void read_records(std::istream& in, const std::string& name, ReadResult& result) {
  // NDJSON first, a line at a time (a run may hold many records). A file whose first line is
  // not JSON may be one pretty-printed record (what `nianbao extract` writes for one input): its
  // text is kept and read whole, and taken when it parses; otherwise the lines that were
  // records still count.
  ReadResult by_line;
  bool first_line_failed = false;
  std::string whole;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (first_line_failed) whole += line + '\n';
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string origin = name + ":" + std::to_string(line_number);
    std::string error;
    const std::optional<JsonValue> json = parse_exact_json(line, error);
    if (json) {
      add_json(*json, origin, by_line);
      continue;
    }
    if (by_line.records.empty() && by_line.problems.empty()) {
      first_line_failed = true;
      whole = line + '\n';
    }
    by_line.problems.push_back({origin, "not JSON: " + error});
  }
  if (first_line_failed) {
    std::string error;
    if (const std::optional<JsonValue> json = parse_exact_json(whole, error)) {
      add_json(*json, name, result);
      return;
    }
  }
  std::move(by_line.records.begin(), by_line.records.end(), std::back_inserter(result.records));
  std::move(by_line.problems.begin(), by_line.problems.end(), std::back_inserter(result.problems));
}

}  // namespace nianbao::audit
