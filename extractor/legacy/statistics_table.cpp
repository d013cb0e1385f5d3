#include "extractor/legacy/statistics_table.hpp"

#include <algorithm>
#include <map>

#include "extractor/facts/data_lines.hpp"
#include "normalizers/cell_value.hpp"
#include "normalizers/labels.hpp"
#include "normalizers/text.hpp"
#include "normalizers/units.hpp"

namespace nianbao::data {
std::string_view legacy_table();
std::string_view legacy_columns();
std::string_view legacy_identities();
}  // namespace nianbao::data

namespace nianbao::legacy {
namespace {

struct RowDef {
  std::string metric;  // "*.upheld" takes the block
  std::string opens;   // block the row opens, or ""
  std::vector<std::string> labels;
};

// A label as compared: normalised, enumerator, 其中： and a trailing note in parentheses dropped.
std::string comparable_label(std::string_view raw) {
  std::string body = norm::normalize_label(raw).body;
  for (std::string_view lead : {"其中:", "其中"}) {
    if (body.starts_with(lead)) {
      body = norm::normalize_label(body.substr(lead.size())).body;
      break;
    }
  }
  return norm::strip_parenthetical_tail(body);
}

const std::vector<RowDef>& row_defs() {
  static const std::vector<RowDef> defs = [] {
    std::vector<RowDef> out;
    for (const std::vector<std::string>& f : facts::data_rows(data::legacy_table())) {
      if (f.size() < 3) continue;
      RowDef def{f[0], f[1] == "-" ? std::string() : f[1], {}};
      for (const std::string& label : facts::split(f[2], '|'))
        def.labels.push_back(comparable_label(label));
      out.push_back(std::move(def));
    }
    return out;
  }();
  return defs;
}

struct Cells {
  std::vector<std::string> text;
  std::vector<model::Locator> locators;  // one per cell
};

struct Layout {
  std::size_t label = 0;
  std::size_t unit = 0;
  std::vector<std::size_t> values;
  std::vector<std::string> keys;     // column key per value column
  std::vector<std::string> headers;  // and its header as written
  std::size_t width = 0;
};

const std::vector<std::vector<std::string>>& column_lines() {
  static const std::vector<std::vector<std::string>> lines =
      facts::data_rows(data::legacy_columns());
  return lines;
}

// The words of an '@' line of legacy_columns.tsv ("@label", "@skip").
const std::vector<std::string>& header_words(std::string_view kind) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> words = [] {
    std::map<std::string, std::vector<std::string>, std::less<>> out;
    for (const std::vector<std::string>& line : column_lines())
      if (line.size() >= 2 && line[0].starts_with('@')) out[line[0]] = facts::split(line[1], '|');
    return out;
  }();
  static const std::vector<std::string> none;
  const auto it = words.find(kind);
  return it == words.end() ? none : it->second;
}

bool is_one_of(const std::string& s, std::string_view kind) {
  const std::vector<std::string>& words = header_words(kind);
  return std::find(words.begin(), words.end(), s) != words.end();
}

// Keys for the value columns: the header's key, made unique with _2, _3 ….
std::vector<std::string> value_keys(const std::vector<std::string>& headers) {
  std::vector<std::string> keys;
  std::map<std::string, int> seen;
  for (const std::string& h : headers) {
    std::string key = column_key(h);
    if (key.empty()) key = "value";
    const int n = ++seen[key];
    keys.push_back(n == 1 ? key : key + "_" + std::to_string(n));
  }
  return keys;
}

// Whether the text holds 单位 or 單位. Every paragraph of a report is asked (twice), so the
// text is searched once, for the 位 both spellings end with, and only there for what precedes.
bool names_unit(std::string_view text) {
  constexpr std::string_view wei = "位";
  constexpr std::string_view dan = "单";
  constexpr std::string_view dan_traditional = "單";
  for (std::size_t at = text.find(wei, dan.size()); at != std::string_view::npos;
       at = text.find(wei, at + wei.size())) {
    const std::string_view before = text.substr(at - dan.size(), dan.size());
    if (before == dan || before == dan_traditional) return true;
  }
  return false;
}

// A header row: a label column (统计指标, 指标名称 …) and a unit column; the others (less 代码 and
// 序号, which are never values) hold values.
std::optional<Layout> header_layout(const std::vector<std::string>& cells) {
  // Most rows are no header; they are told apart on the raw bytes before any normalisation.
  if (std::none_of(cells.begin(), cells.end(), names_unit)) return std::nullopt;
  Layout layout;
  bool has_label = false;
  bool has_unit = false;
  std::vector<std::string> headers;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string c = norm::normalize_for_match(cells[i]);
    if (!has_label && is_one_of(c, "@label")) {
      layout.label = i;
      has_label = true;
    } else if (!has_unit && c.find("单位") != std::string::npos) {
      layout.unit = i;
      has_unit = true;
    } else if (!is_one_of(c, "@skip")) {
      layout.values.push_back(i);
      headers.push_back(std::string(norm::trim_white_space(cells[i])));
    }
  }
  if (!has_label || !has_unit || layout.values.empty()) return std::nullopt;
  layout.keys = value_keys(headers);
  layout.headers = std::move(headers);
  layout.width = cells.size();
  return layout;
}

std::string resolved_metric(const RowDef& def, std::string_view block) {
  if (!def.metric.starts_with("*.")) return def.metric;
  if (block.empty()) return "";
  return std::string(block) + def.metric.substr(1);
}

class TableReader {
 public:
  explicit TableReader(LegacyTables& out) : out_(out) {}

  // One row of a table in reading order; a header row starts a new table.
  void row(const Cells& cells) {
    if (auto layout = header_layout(cells.text)) {
      start(*layout, cells.locators.front());
      return;
    }
    if (!layout_ || cells.text.size() != layout_->width) return;
    std::string opens;
    const std::string metric = metric_for_label(cells.text[layout_->label], block_, &opens);
    if (!opens.empty()) block_ = opens;
    if (metric.empty()) return;
    const std::string unit(norm::trim_white_space(cells.text[layout_->unit]));
    for (std::size_t k = 0; k < layout_->values.size(); ++k) {
      const std::size_t col = layout_->values[k];
      add(metric, k, cells.text[col], unit, cells.locators[col]);
    }
  }

  void end() { layout_.reset(); }
  bool active() const { return layout_.has_value(); }

 private:
  void start(const Layout& layout, const model::Locator& where) {
    layout_ = layout;
    block_.clear();
    model::TableInfo info;
    info.table = "legacy";
    info.template_version = "pre2019";
    info.locator = where;
    out_.tables.push_back(std::move(info));
  }

  void add(const std::string& metric, std::size_t k, const std::string& text,
           const std::string& unit, const model::Locator& where) {
    model::Figure f;
    f.table = "legacy";
    f.row = metric;
    f.column = layout_->keys[k];
    f.id = "legacy." + metric + "." + f.column;
    for (const model::Figure& seen : out_.figures)
      if (seen.id == f.id) return;  // a label given twice: the first stands
    const norm::CellValue cell = norm::parse_cell(text, unit);
    f.status = cell.status;
    f.value = cell.value;
    f.unit = cell.unit;
    if (f.unit.empty() && cell.status == norm::CellStatus::value && norm::unit_named(unit))
      f.unit = unit;
    f.qualifier = cell.qualifier;
    f.raw = std::string(norm::trim_white_space(text));
    f.header = layout_->headers[k];
    f.locator = where;
    out_.figures.push_back(std::move(f));
    ++out_.tables.back().figures;
  }

  LegacyTables& out_;
  std::optional<Layout> layout_;
  std::string block_;  // review / litigation / complaints: where outcome rows belong
};

// Text: runs of paragraphs that split into cells ("a | b | c" or TAB-separated).
void read_text_rows(const model::Document& doc, TableReader& reader) {
  for (const model::Block& block : doc.blocks) {
    if (block.kind != model::Block::Kind::paragraph) {
      reader.end();
      continue;
    }
    const std::string& text = block.paragraph.text;
    // Until a header row opens a table, only a line naming 单位 can matter: most lines of a
    // report are skipped here without being split.
    if (!reader.active() && !names_unit(text)) continue;
    if (norm::trim_white_space(text).empty()) continue;
    Cells cells;
    cells.text = split_row(block.paragraph.text);
    if (cells.text.size() < 2) {
      reader.end();
      continue;
    }
    cells.locators.assign(cells.text.size(), block.paragraph.locator);
    reader.row(cells);
  }
  reader.end();
}

// --- one cell a line -------------------------------------------------------------------------
// A web page copied as text often gives a table one cell a line ("统计指标", "单位", "统计数",
// "主动公开政府信息数", "条", "428", …), sometimes each closed by " |" with a lone "|" for an empty
// cell. Rows are cut where a label starts; a row is read only when its cell count fits the
// header, so a row that lost an empty cell without a trace is skipped, never shifted.

constexpr std::size_t k_cell_line_max_bytes = 360;  // 120 characters: long indicator labels

// The cell a line holds, or nullopt when the line is no lone cell (prose, a whole row, blank).
// "|" is an empty cell; "||" is merge padding (no cell, but no end of the table either: "").
std::optional<std::string> lone_cell(std::string_view line, bool* padding) {
  *padding = false;
  std::string_view t = norm::trim_white_space(line);
  if (t.empty() || t.size() > k_cell_line_max_bytes) return std::nullopt;
  if (std::all_of(t.begin(), t.end(), [](char c) { return c == '|' || c == ' '; })) {
    *padding = std::count(t.begin(), t.end(), '|') > 1;
    return std::string();
  }
  if (t.ends_with('|')) t = norm::trim_white_space(t.substr(0, t.size() - 1));
  if (t.starts_with('|')) t = norm::trim_white_space(t.substr(1));
  if (t.find('|') != std::string_view::npos || t.find('\t') != std::string_view::npos ||
      t.find("。") != std::string_view::npos)
    return std::nullopt;
  return std::string(t);
}

enum class CellKind { value, unit, label };

CellKind kind_of(const std::string& cell) {
  if (cell.empty()) return CellKind::value;
  const norm::CellValue v = norm::parse_cell(cell);
  if (v.status != norm::CellStatus::unparsed) return CellKind::value;
  if (norm::unit_named(cell)) return CellKind::unit;  // the whole cell names a unit
  return CellKind::label;
}

// A cell of a header row. Column words are loose ("数" names the value column of many forms),
// so a cell that is an indicator of the vocabulary is a row's label, never a header.
bool is_header_word(const std::string& cell) {
  const std::string c = norm::normalize_for_match(cell);
  if (is_one_of(c, "@label") || is_one_of(c, "@skip") || names_unit(cell)) return true;
  constexpr int k_column_header_max_chars = 10;  // 本期实际, 2012年度, 历年累计数 …
  return norm::code_point_count(cell) <= k_column_header_max_chars && !column_key(cell).empty() &&
         metric_for_label(cell, "", nullptr).empty();
}

struct CellLine {
  std::string text;
  model::Locator locator;
};

// The lone cells from `b` on, until a line that is no lone cell.
std::vector<CellLine> cell_run(const model::Document& doc, std::size_t& b) {
  std::vector<CellLine> run;
  for (; b < doc.blocks.size(); ++b) {
    const model::Block& block = doc.blocks[b];
    if (block.kind != model::Block::Kind::paragraph) break;
    bool padding = false;
    std::optional<std::string> cell = lone_cell(block.paragraph.text, &padding);
    if (!cell) {
      if (norm::trim_white_space(block.paragraph.text).empty()) continue;  // blank lines
      break;
    }
    if (!padding) run.push_back({std::move(*cell), block.paragraph.locator});
  }
  return run;
}

void read_cell_run(const std::vector<CellLine>& run, TableReader& reader) {
  std::size_t i = 0;
  // The header: its words, up to the first label of a row.
  Cells header;
  while (i < run.size() && is_header_word(run[i].text)) {
    header.text.push_back(run[i].text);
    header.locators.push_back(run[i].locator);
    ++i;
  }
  if (!header_layout(header.text)) return;
  reader.row(header);
  while (i < run.size()) {
    Cells row;
    do {
      row.text.push_back(run[i].text);
      row.locators.push_back(run[i].locator);
      ++i;
    } while (i < run.size() && kind_of(run[i].text) != CellKind::label);
    reader.row(row);
  }
  reader.end();
}

// Text given one cell a line: a table starts where a lone header cell naming 单位 follows a
// lone label-column word (统计指标 …).
void read_cell_lines(const model::Document& doc, TableReader& reader) {
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const model::Block& block = doc.blocks[b];
    if (block.kind != model::Block::Kind::paragraph || !names_unit(block.paragraph.text)) continue;
    bool padding = false;
    if (!lone_cell(block.paragraph.text, &padding)) continue;
    // Back to the label-column word before it.
    std::size_t start = b;
    while (start > 0 && doc.blocks[start - 1].kind == model::Block::Kind::paragraph) {
      const std::optional<std::string> cell =
          lone_cell(doc.blocks[start - 1].paragraph.text, &padding);
      if (!cell || !is_header_word(*cell)) break;
      --start;
    }
    if (start == b) continue;
    const std::vector<CellLine> run = cell_run(doc, start);
    read_cell_run(run, reader);
    b = std::max(b, start);
  }
}

// Word and HTML tables: each grid row, a cell merged down from above counted as empty.
void read_grid_rows(const model::Document& doc, TableReader& reader) {
  for (const model::Table& table : doc.tables) {
    const std::vector<std::vector<const model::Cell*>> grid = table.expand_to_grid();
    for (std::size_t r = 0; r < grid.size(); ++r) {
      const bool may_matter =
          reader.active() || std::any_of(grid[r].begin(), grid[r].end(), [](const model::Cell* c) {
            return c != nullptr && names_unit(c->text);
          });
      if (!may_matter) continue;
      Cells cells;
      for (const model::Cell* cell : grid[r]) {
        const bool own = cell != nullptr && static_cast<std::size_t>(cell->row) == r;
        cells.text.push_back(own ? cell->text : std::string());
        cells.locators.push_back(cell != nullptr ? cell->locator : table.locator);
      }
      if (!cells.text.empty()) reader.row(cells);
    }
    reader.end();
  }
}

}  // namespace

std::string metric_for_label(std::string_view label, std::string_view block, std::string* opens) {
  const std::string wanted = comparable_label(label);
  if (wanted.empty()) return "";
  for (const RowDef& def : row_defs()) {
    if (std::find(def.labels.begin(), def.labels.end(), wanted) == def.labels.end()) continue;
    if (!def.opens.empty() && opens != nullptr) *opens = def.opens;
    return resolved_metric(def, def.opens.empty() ? block : std::string_view(def.opens));
  }
  return "";
}

std::string column_key(std::string_view header) {
  const std::string h = norm::normalize_for_match(header);
  for (const std::vector<std::string>& c : column_lines()) {
    if (c.size() < 2 || c[0].starts_with('@')) continue;
    for (const std::string& word : facts::split(c[1], '|'))
      if (h.find(word) != std::string::npos) return c[0];
  }
  return "";
}

std::vector<std::string> split_row(std::string_view line) {
  const std::string_view t = norm::trim_white_space(line);
  const char sep = t.find('|') != std::string_view::npos    ? '|'
                   : t.find('\t') != std::string_view::npos ? '\t'
                                                            : '\0';
  std::vector<std::string> cells;
  if (sep == '\0') return cells;
  for (const std::string& part : facts::split(t, sep)) {
    const std::string_view cell = norm::trim_white_space(part);
    // TAB runs and the outer bars of "| a | b |" leave empty pieces that are no cells.
    if (sep == '\t' && cell.empty()) continue;
    cells.emplace_back(cell);
  }
  if (sep == '|') {
    if (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
    if (!cells.empty() && cells.back().empty()) cells.pop_back();
  }
  return cells;
}

LegacyTables read_statistics_tables(const model::Document& doc) {
  LegacyTables out;
  TableReader reader(out);
  read_text_rows(doc, reader);
  read_cell_lines(doc, reader);
  read_grid_rows(doc, reader);
  // A header with no row of the vocabulary under it is no statistics table.
  std::erase_if(out.tables, [](const model::TableInfo& t) { return t.figures == 0; });
  out.checks = check_identities(out.figures);
  return out;
}

}  // namespace nianbao::legacy
