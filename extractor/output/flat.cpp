#include "extractor/output/flat.hpp"

#include <array>

#include "extractor/output/json_writer.hpp"
#include "extractor/output/record_json.hpp"

namespace nianbao::output {
namespace {

// row_label and header came later: they are last so that earlier columns keep their places.
constexpr std::array<const char*, 18> k_columns = {
    "path",      "sha256", "report_status", "year",    "agency",    "template",
    "figure_id", "table",  "row",           "column",  "status",    "value",
    "unit",      "raw",    "qualifier",     "locator", "row_label", "header"};

// One row's values as text; `numeric[i]` says the text is a JSON number (or null if empty).
struct FlatRow {
  std::array<std::string, k_columns.size()> text;
  std::array<bool, k_columns.size()> numeric{};
};

FlatRow report_part(const model::Record& r) {
  FlatRow row;
  row.text[0] = r.source.path;
  row.text[1] = r.source.sha256;
  row.text[2] = model::to_string(r.status);
  if (r.report.year) row.text[3] = std::to_string(*r.report.year);
  row.numeric[3] = true;
  row.text[4] = r.report.agency;
  row.text[5] = r.report.template_version;
  row.numeric[11] = true;
  return row;
}

void fill_figure(FlatRow& row, const model::Figure& f) {
  row.text[6] = f.id;
  row.text[7] = f.table;
  row.text[8] = f.row;
  row.text[9] = f.column;
  row.text[10] = norm::to_string(f.status);
  row.text[11] = f.value ? f.value->to_string() : std::string();
  row.text[12] = f.unit;
  row.text[13] = f.raw;
  row.text[14] = f.qualifier == norm::Qualifier::none ? "" : norm::to_string(f.qualifier);
  row.text[15] = f.locator.empty() ? std::string() : locator_json(f.locator);
  row.text[16] = f.row_label;
  row.text[17] = f.header;
}

void append_csv_field(std::string& out, const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) {
    out += s;
    return;
  }
  out.push_back('"');
  for (const char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void append_csv(const FlatRow& row, std::string& out) {
  for (std::size_t i = 0; i < row.text.size(); ++i) {
    if (i) out.push_back(',');
    append_csv_field(out, row.text[i]);
  }
  out += "\r\n";
}

void append_ndjson(const FlatRow& row, const model::Locator* locator, std::string& out) {
  JsonWriter w(out);
  w.begin_object();
  for (std::size_t i = 0; i < row.text.size(); ++i) {
    w.key(k_columns[i]);
    if (i == 15 && locator != nullptr && !locator->empty()) {
      write_locator(w, *locator);
    } else if (row.text[i].empty()) {
      w.null();
    } else if (row.numeric[i]) {
      w.number_text(row.text[i]);
    } else {
      w.string(row.text[i]);
    }
  }
  w.end_object();
  out.push_back('\n');
}

void append_row(const FlatRow& row, const model::Locator* locator, FlatFormat format,
                std::string& out) {
  if (format == FlatFormat::csv) {
    append_csv(row, out);
  } else {
    append_ndjson(row, locator, out);
  }
}

}  // namespace

std::string flat_header(FlatFormat format) {
  if (format != FlatFormat::csv) return "";
  std::string out;
  for (std::size_t i = 0; i < k_columns.size(); ++i)
    out += std::string(i ? "," : "") + k_columns[i];
  return out + "\r\n";
}

void append_flat_rows(const model::Record& record, FlatFormat format, std::string& out) {
  FlatRow row = report_part(record);
  if (record.figures.empty()) {
    append_row(row, nullptr, format, out);
    return;
  }
  for (const model::Figure& f : record.figures) {
    fill_figure(row, f);
    append_row(row, &f.locator, format, out);
  }
}

std::string locator_json(const model::Locator& locator) {
  std::string out;
  JsonWriter w(out);
  write_locator(w, locator);
  return out;
}

}  // namespace nianbao::output
