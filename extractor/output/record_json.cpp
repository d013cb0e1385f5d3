#include "extractor/output/record_json.hpp"

#include <charconv>
#include <string>
#include <string_view>
#include <system_error>

#include "extractor/output/json_writer.hpp"

namespace nianbao::output {
namespace {

// A page coordinate in points to two decimals, without trailing zeros ("380.4", "56"): a
// position, not a value, so the float's rounding is what a reader of the page would see.
std::string coordinate_text(float v) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  if (ec != std::errc()) return "0";
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  while (s.ends_with('0')) s.remove_suffix(1);
  if (s.ends_with('.')) s.remove_suffix(1);
  if (s == "-0") return "0";
  return std::string(s);
}

void write_decimal(JsonWriter& w, const std::optional<norm::Decimal>& value) {
  if (value) {
    w.number_text(value->to_string());
  } else {
    w.null();
  }
}

void write_qualifier(JsonWriter& w, norm::Qualifier q) {
  w.key("qualifier");
  if (q == norm::Qualifier::none) {
    w.null();
  } else {
    w.string(norm::to_string(q));
  }
}

void write_source(JsonWriter& w, const model::SourceInfo& s) {
  w.key("source").begin_object();
  w.field("path", s.path);
  w.field_or_null("format", s.format);
  w.field_or_null("encoding", s.encoding);
  w.key("bytes").integer(static_cast<long long>(s.bytes));
  w.field_or_null("sha256", s.sha256);
  w.end_object();
}

void write_report(JsonWriter& w, const model::ReportMeta& r) {
  w.key("report").begin_object();
  w.field_or_null("title", r.title);
  w.key("year");
  if (r.year) {
    w.integer(*r.year);
  } else {
    w.null();
  }
  w.field_or_null("agency", r.agency);
  w.field("template", r.template_version);
  w.field_or_null("published", r.published);
  w.end_object();
}

void write_sections(JsonWriter& w, const std::vector<model::SectionInfo>& sections) {
  w.key("sections").begin_array();
  for (const model::SectionInfo& s : sections) {
    w.begin_object();
    w.field_or_null("key", s.key);
    w.field("number", s.number);
    w.field("heading", s.heading);
    w.key("locator");
    write_locator(w, s.locator);
    w.end_object();
  }
  w.end_array();
}

void write_tables(JsonWriter& w, const std::vector<model::TableInfo>& tables) {
  w.key("tables").begin_array();
  for (const model::TableInfo& t : tables) {
    w.begin_object();
    w.field("table", t.table);
    w.field("template", t.template_version);
    w.key("figures").integer(t.figures);
    w.key("locator");
    write_locator(w, t.locator);
    w.end_object();
  }
  w.end_array();
}

void write_figures(JsonWriter& w, const std::vector<model::Figure>& figures) {
  w.key("figures").begin_array();
  for (const model::Figure& f : figures) {
    w.begin_object();
    w.field("id", f.id);
    w.field("table", f.table);
    w.field("row", f.row);
    w.field("column", f.column);
    if (!f.row_label.empty()) w.field("row_label", f.row_label);
    w.key("value");
    write_decimal(w, f.value);
    w.field("status", norm::to_string(f.status));
    w.field_or_null("unit", f.unit);
    w.field("raw", f.raw);
    write_qualifier(w, f.qualifier);
    if (!f.header.empty()) w.field("header", f.header);
    w.key("locator");
    write_locator(w, f.locator);
    w.end_object();
  }
  w.end_array();
}

void write_facts(JsonWriter& w, const std::vector<model::Fact>& facts) {
  w.key("facts").begin_array();
  for (const model::Fact& f : facts) {
    w.begin_object();
    w.field_or_null("section", f.section);
    w.field("text", f.text);
    w.field_or_null("metric", f.metric);
    w.key("value");
    write_decimal(w, f.value);
    w.field_or_null("unit", f.unit);
    write_qualifier(w, f.qualifier);
    w.field("raw", f.raw);
    w.key("locator");
    write_locator(w, f.locator);
    w.end_object();
  }
  w.end_array();
}

void write_string_list(JsonWriter& w, std::string_view name, const std::vector<std::string>& v) {
  w.key(name).begin_array();
  for (const std::string& s : v) w.string(s);
  w.end_array();
}

void write_checks(JsonWriter& w, const std::vector<model::Check>& checks) {
  w.key("checks").begin_array();
  for (const model::Check& c : checks) {
    w.begin_object();
    w.field("rule", c.rule);
    w.field("id", c.id);
    w.field(c.scope_kind, c.scope_value);
    w.field("expr", c.expr);
    if (c.scope_kind != "table") {
      w.key("left");
      write_decimal(w, c.left);
      w.key("right");
      write_decimal(w, c.right);
    }
    w.field("status", model::to_string(c.status));
    if (c.soft) w.field("severity", "soft");
    if (!c.missing.empty()) write_string_list(w, "missing", c.missing);
    if (!c.offending.empty()) write_string_list(w, "offending", c.offending);
    w.end_object();
  }
  w.end_array();
}

void write_diagnostics(JsonWriter& w, const model::Diagnostics& diagnostics) {
  w.key("diagnostics").begin_array();
  for (const model::Diagnostic& d : diagnostics) {
    w.begin_object();
    w.field("code", d.code);
    w.field("severity", model::to_string(d.severity));
    w.field("message", d.message);
    if (!d.locator.empty()) {
      w.key("locator");
      write_locator(w, d.locator);
    }
    w.end_object();
  }
  w.end_array();
}

// Roughly what the record takes written out on one line, so that the output grows once rather
// than doubling its way up (a typical text report's record is some 60 KB).
std::size_t estimated_size(const model::Record& record) {
  constexpr std::size_t k_bytes_per_entry = 320;
  const std::size_t entries = record.sections.size() + record.tables.size() +
                              record.figures.size() + record.facts.size() + record.checks.size() +
                              record.diagnostics.size();
  return 1024 + k_bytes_per_entry * entries;
}

}  // namespace

void write_locator(JsonWriter& w, const model::Locator& loc) {
  w.begin_object();
  if (loc.line) w.key("line").integer(*loc.line);
  if (loc.column) w.key("column").integer(*loc.column);
  if (loc.byte_offset) w.key("byte").integer(static_cast<long long>(*loc.byte_offset));
  if (loc.page) w.key("page").integer(*loc.page);
  if (loc.table) w.key("table").integer(*loc.table);
  if (loc.row) w.key("row").integer(*loc.row);
  if (loc.cell) w.key("cell").integer(*loc.cell);
  if (loc.paragraph) w.key("paragraph").integer(*loc.paragraph);
  if (!loc.path.empty()) w.key("path").string(loc.path);
  if (loc.bbox) {
    w.key("bbox").begin_array();
    for (float v : {loc.bbox->x0, loc.bbox->y0, loc.bbox->x1, loc.bbox->y1})
      w.number_text(coordinate_text(v));
    w.end_array();
  }
  if (loc.char_position) w.key("cp").integer(static_cast<long long>(*loc.char_position));
  if (loc.ocr) w.key("ocr").boolean(true);
  if (loc.confidence) w.key("confidence").integer(*loc.confidence);
  if (loc.pixels) {
    w.key("pixels").begin_array();
    for (int v : {loc.pixels->x0, loc.pixels->y0, loc.pixels->x1, loc.pixels->y1}) w.integer(v);
    w.end_array();
  }
  w.end_object();
}

void append_record_json(const model::Record& record, std::string& out, bool pretty) {
  out.reserve(out.size() + estimated_size(record));
  JsonWriter w(out, pretty ? 2 : 0);
  w.begin_object();
  w.field("schema", k_schema);
  write_source(w, record.source);
  w.field("status", model::to_string(record.status));
  write_report(w, record.report);
  write_sections(w, record.sections);
  write_tables(w, record.tables);
  write_figures(w, record.figures);
  write_facts(w, record.facts);
  write_checks(w, record.checks);
  write_diagnostics(w, record.diagnostics);
  w.end_object();
}

}  // namespace nianbao::output
