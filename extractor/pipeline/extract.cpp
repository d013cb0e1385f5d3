#include "extractor/pipeline/extract.hpp"

#include <exception>

#include "extractor/audit/record_checks.hpp"
#include "extractor/checks/identity_checks.hpp"
#include "extractor/checks/ocr_gate.hpp"
#include "extractor/facts/facts.hpp"
#include "extractor/figures/table_reader.hpp"
#include "extractor/layout/inline_headings.hpp"
#include "extractor/layout/sections.hpp"
#include "extractor/layout/tokens.hpp"
#include "extractor/legacy/statistics_table.hpp"
#include "extractor/metadata/report_metadata.hpp"
#include "extractor/readers/reader.hpp"

namespace nianbao::pipeline {
namespace {

constexpr int k_first_template_year = 2019;

std::string table_version(const std::vector<model::TableInfo>& tables, std::string_view key) {
  for (const model::TableInfo& t : tables)
    if (t.table == key && t.template_version != "unknown") return t.template_version;
  return "";
}

// The report's template: table 二's version where known (it differs most between versions),
// else table 三's; pre2019 for a report with no template table that is dated before 2019 or
// carries a pre-2019 statistics table.
std::string report_template(const model::Record& record, bool legacy_table) {
  for (const char* key : {"active", "requests"}) {
    const std::string version = table_version(record.tables, key);
    if (!version.empty()) return version;
  }
  const bool before_templates = record.report.year && *record.report.year < k_first_template_year;
  if (record.tables.empty() && (before_templates || legacy_table)) return "pre2019";
  return "unknown";
}

template <typename T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

bool has_error(const model::Diagnostics& diagnostics) {
  for (const model::Diagnostic& d : diagnostics)
    if (d.severity == model::Severity::error) return true;
  return false;
}

// Section 一's prose against the tables (T3-6, AU-1). Only pairs whose prose side was stated
// are kept: a report that never says "受理申请N件" has nothing to compare, and a
// not_assessable entry for it on every record would bury the ones that matter.
void append_text_table_checks(model::Record& record) {
  if (!audit::states_paired_metric(record)) return;
  for (model::Check& c : audit::text_table_checks(record))
    if (c.left) record.checks.push_back(std::move(c));
}

// Each table's figure count, after figures were taken out.
void recount_figures(model::Record& record) {
  for (model::TableInfo& t : record.tables) {
    t.figures = 0;
    for (const model::Figure& f : record.figures)
      if (f.table == t.table) ++t.figures;
  }
}

model::Record failed_record(model::Document& doc) {
  model::Record record;
  record.source = std::move(doc.source);
  record.status = model::RecordStatus::failed;
  record.diagnostics = std::move(doc.diagnostics);
  return record;
}

model::Record run(model::Document doc) {
  if (!doc.readable) return failed_record(doc);
  model::Record record;
  std::vector<layout::SectionHeading> sections = layout::find_sections(doc);
  if (sections.size() < 2 && layout::split_inline_headings(doc))
    sections = layout::find_sections(doc);
  for (const layout::SectionHeading& s : sections) record.sections.push_back(s.info);
  const std::vector<layout::Token> tokens = layout::tokenize(doc, sections);
  figures::TablesResult tables = figures::read_tables(tokens, sections);
  record.figures = std::move(tables.figures);
  record.tables = std::move(tables.tables);
  record.report = metadata::read_metadata(doc, sections);
  legacy::LegacyTables legacy_tables = legacy::read_statistics_tables(doc);
  record.report.template_version = report_template(record, !legacy_tables.tables.empty());
  // Table 四 is the same in both versions; it takes the report's.
  for (model::TableInfo& t : record.tables) {
    if (t.template_version == "unknown" && t.table == "appeals" &&
        record.report.template_version != "unknown" && record.report.template_version != "pre2019")
      t.template_version = record.report.template_version;
  }
  // Before the checks, so that they speak of the figures the record gives.
  const std::size_t withheld =
      checks::gate_ocr_figures(record.figures, record.tables, tables.diagnostics);
  if (withheld > 0) {
    tables.partial = true;
    recount_figures(record);
  }
  record.checks = checks::evaluate_identities(record.figures, record.tables);
  record.facts = facts::read_facts(doc, sections, {.skip_table_sections = !record.tables.empty()});
  append(record.tables, legacy_tables.tables);
  append(record.figures, legacy_tables.figures);
  append(record.checks, legacy_tables.checks);
  append_text_table_checks(record);
  record.source = std::move(doc.source);
  record.diagnostics = std::move(doc.diagnostics);
  record.diagnostics.insert(record.diagnostics.end(), tables.diagnostics.begin(),
                            tables.diagnostics.end());
  record.status = tables.partial || has_error(record.diagnostics) ? model::RecordStatus::partial
                                                                  : model::RecordStatus::ok;
  return record;
}

model::Record internal_error(model::SourceInfo source, const char* what) {
  model::Record record;
  record.source = std::move(source);
  record.status = model::RecordStatus::failed;
  record.diagnostics.push_back(
      {"internal_error", model::Severity::error, std::string("extraction stopped: ") + what, {}});
  return record;
}

}  // namespace

model::Record extract_document(model::Document doc) {
  model::SourceInfo source = doc.source;
  try {
    return run(std::move(doc));
  } catch (const std::exception& e) {
    return internal_error(std::move(source), e.what());
  }
}

model::Record extract_bytes(std::string_view bytes, const std::string& path) {
  try {
    return extract_document(readers::read_bytes(bytes, path));
  } catch (const std::exception& e) {
    model::SourceInfo source;
    source.path = path;
    return internal_error(std::move(source), e.what());
  }
}

model::Record extract_file(const std::string& path) {
  try {
    return extract_document(readers::read_file(path));
  } catch (const std::exception& e) {
    model::SourceInfo source;
    source.path = path;
    return internal_error(std::move(source), e.what());
  }
}

}  // namespace nianbao::pipeline
