#pragma once
// The statistics tables of pre-2019 reports (FORMATS.md §4.2 the 2014 national 统计表 with
// 统计指标 | 单位 | 统计数, §4.3 the 2008–2013 local forms with 本期实际 / 本年累计 / 历年累计
// columns): each value becomes a figure legacy.<metric>.<column> (templates/data/legacy_table.tsv),
// with its column header as written; the structural identities of §5.2 are checked. Rows are read
// by their labels; a row whose cell count does not fit the header is skipped rather than dealt into
// columns by guess.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/model/document.hpp"
#include "extractor/model/record.hpp"

namespace nianbao::legacy {

struct LegacyTables {
  std::vector<model::TableInfo> tables;  // table "legacy", template "pre2019"
  std::vector<model::Figure> figures;
  std::vector<model::Check> checks;
};

LegacyTables read_statistics_tables(const model::Document& doc);

// The metric a row label names inside `block` ("" before any), or "" when none; `opens` is set
// to the block the row opens ("review" for 四、行政复议数量), else left alone.
std::string metric_for_label(std::string_view label, std::string_view block, std::string* opens);

// The key of a value column from its header: 本期实际 → period, 本年累计 → year_cumulative,
// 历年累计 → all_years; "" when the header names none.
std::string column_key(std::string_view header);

// The cells of a flattened table row: "a | b | c" or TAB-separated; empty for prose.
std::vector<std::string> split_row(std::string_view line);

// §5.2 identities over the figures of the statistics tables, per value column.
std::vector<model::Check> check_identities(const std::vector<model::Figure>& figures);

}  // namespace nianbao::legacy
