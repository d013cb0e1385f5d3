#include "extractor/audit/outputs.hpp"

#include <algorithm>
#include <iomanip>
#include <map>

#include "extractor/audit/exact_json.hpp"
#include "extractor/output/json_writer.hpp"

namespace nianbao::audit {
namespace {

void decimal_field(output::JsonWriter& w, const char* name, const std::optional<norm::Decimal>& d) {
  w.key(name);
  if (d)
    w.number_text(d->to_string());
  else
    w.null();
}

// A locator kept as compact JSON goes back out as a JSON object.
void locator_field(output::JsonWriter& w, const char* name, const std::string& where) {
  w.key(name);
  std::string error;
  const auto json = where.empty() ? std::nullopt : parse_exact_json(where, error);
  if (json)
    write_json(w, *json);
  else
    w.null();
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::string text_of(const std::optional<norm::Decimal>& d) { return d ? d->to_string() : ""; }

struct Tally {
  std::map<std::string, int> by_status;
};

}  // namespace

std::string describe_where(const std::string& where) {
  std::string error;
  const auto json = where.empty() ? std::nullopt : parse_exact_json(where, error);
  if (!json) return where;
  std::string out;
  for (const char* part : {"page", "line", "column", "table", "row", "cell", "paragraph", "cp"}) {
    const JsonValue* v = json->get(part);
    if (v == nullptr || v->kind != JsonValue::Kind::number) continue;
    out += (out.empty() ? "" : ", ") + std::string(part) + " " + v->text;
  }
  const std::string path = json->string_at("path");
  if (!path.empty()) out += (out.empty() ? "" : ", ") + path;
  return out;
}

std::string values_text(const Finding& f) {
  std::string out;
  for (const auto& [id, value] : f.values) {
    if (!out.empty()) out += "; ";
    out += id + "=" + value;
  }
  return out;
}

void write_findings_ndjson(std::ostream& out, const std::vector<Finding>& findings) {
  for (const Finding& f : findings) {
    std::string line;
    output::JsonWriter w(line);
    w.begin_object();
    w.field("schema", "nianbao.audit/1");
    w.field("rule", f.rule_id).field("name", f.rule_name).field("severity", f.severity);
    w.field("status", f.status).field_or_null("agency", f.agency);
    w.field_or_null("agency_key", f.agency_key);
    w.key("year");
    if (f.year)
      w.integer(*f.year);
    else
      w.null();
    w.field_or_null("scope", f.scope).field_or_null("expr", f.expr);
    decimal_field(w, "left", f.left);
    decimal_field(w, "right", f.right);
    w.key("values").begin_object();
    for (const auto& [id, value] : f.values) w.key(id).number_text(value);
    w.end_object();
    w.field_or_null("report", f.report);
    locator_field(w, "where", f.where);
    w.field_or_null("prior_report", f.prior_report);
    locator_field(w, "prior_where", f.prior_where);
    w.field_or_null("message", f.message);
    w.end_object();
    out << line << '\n';
  }
}

void write_findings_csv(std::ostream& out, const std::vector<Finding>& findings) {
  out << "agency,year,rule,name,severity,status,scope,left,right,values,report,where,"
         "prior_report,prior_where,expr,message\n";
  for (const Finding& f : findings) {
    const std::vector<std::string> cells = {f.agency,         f.year ? std::to_string(*f.year) : "",
                                            f.rule_id,        f.rule_name,
                                            f.severity,       f.status,
                                            f.scope,          text_of(f.left),
                                            text_of(f.right), values_text(f),
                                            f.report,         f.where,
                                            f.prior_report,   f.prior_where,
                                            f.expr,           f.message};
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_cell(cells[i]);
    out << '\n';
  }
}

void write_summary(std::ostream& out, const AuditResult& result, std::size_t record_count,
                   const RuleSet& rules) {
  std::map<std::string, Tally> per_rule;
  std::map<std::string, std::map<std::string, int>> per_agency;  // agency → severity → count
  std::size_t problems = 0;
  for (const Finding& f : result.results) {
    ++per_rule[f.rule_id].by_status[f.status];
    if (!is_problem(f)) continue;
    ++problems;
    ++per_agency[f.agency.empty() ? f.report : f.agency][f.severity];
  }
  out << "nianbao audit: " << record_count << " records, " << result.agencies.series.size()
      << " agencies, " << problems << " findings\n";
  out << std::left << std::setw(7) << "rule" << ' ' << std::setw(35) << "name" << ' '
      << std::setw(8) << "severity" << std::right << std::setw(6) << "fail" << std::setw(6)
      << "flag" << std::setw(6) << "pass" << std::setw(6) << "n/a" << '\n';
  for (const Rule& rule : rules.rules) {
    auto& s = per_rule[rule.id].by_status;
    out << std::left << std::setw(7) << rule.id << ' ' << std::setw(35) << rule.name << ' '
        << std::setw(8) << rule.severity << std::right << std::setw(6) << s["fail"] << std::setw(6)
        << s["flag"] << std::setw(6) << s["pass"] << std::setw(6) << s["not_assessable"] << '\n';
  }
  std::vector<std::pair<std::string, std::map<std::string, int>>> worst(per_agency.begin(),
                                                                        per_agency.end());
  // Errors weigh most, then warnings, then everything.
  auto weight = [](const std::map<std::string, int>& s) {
    auto count = [&](const char* k) { return s.count(k) ? s.at(k) : 0; };
    return std::make_tuple(count("error"), count("warning"), count("info"));
  };
  std::stable_sort(worst.begin(), worst.end(), [&](const auto& a, const auto& b) {
    return weight(a.second) > weight(b.second);
  });
  if (!worst.empty()) out << "worst agencies:\n";
  for (std::size_t i = 0; i < worst.size() && i < 10; ++i) {
    const auto [errors, warnings, infos] = weight(worst[i].second);
    out << "  " << worst[i].first << ": " << errors << " error, " << warnings << " warning, "
        << infos << " info\n";
  }
}

}  // namespace nianbao::audit
