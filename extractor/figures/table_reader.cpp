#include "extractor/figures/table_reader.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "extractor/figures/label_matcher.hpp"
#include "normalizers/cell_value.hpp"

namespace nianbao::figures {
namespace {

using layout::Token;
using layout::TokenKind;

// A stretch of the stream: the labels read since the last cells, then the cells that follow.
struct RowCandidate {
  std::vector<std::size_t> labels;  // token indexes
  std::vector<std::size_t> cells;   // value and empty_cell token indexes
  std::string context;              // table key in force ("" when unknown)
  bool last_in_document = false;    // nothing but padding follows its cells
};

// A template row recognised in the document, before its cells are placed.
struct RowReading {
  const RowCandidate* candidate = nullptr;
  std::vector<RowMatch> matches;  // same table and row key, one per version it exists in
  std::size_t leaf_label = 0;     // token index of the label that named the row
};

constexpr std::size_t k_max_label_join = 3;

void add_diagnostic(TablesResult& result, const char* code, model::Severity severity,
                    std::string message, const model::Locator& locator) {
  result.diagnostics.push_back({code, severity, std::move(message), locator});
}

bool is_appeals_anchor(const norm::Label& label) {
  return !match_groups(label, "appeals").empty() || label.body == "行政诉讼";
}

// Whether a label says which table we are in (a sub-table title, table 三's caption).
std::string context_from_label(const norm::Label& label) {
  if (!match_groups(label, "active").empty()) return "active";
  if (label.body.find("勾稽关系") != std::string::npos || label.body == "申请人情况")
    return "requests";
  if (is_appeals_anchor(label)) return "appeals";
  return "";
}

class Segmenter {
 public:
  Segmenter(const std::vector<Token>& tokens, const std::vector<layout::SectionHeading>& sections)
      : tokens_(tokens), sections_(sections) {}

  std::vector<RowCandidate> run() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) visit(i);
    flush();
    mark_last();
    return std::move(candidates_);
  }

 private:
  void visit(std::size_t i) {
    const Token& t = tokens_[i];
    if (t.row_start) labels_in_row_ = 0;
    switch (t.kind) {
      case TokenKind::heading:
        flush();
        current_.labels.clear();
        context_ =
            std::string(table_for_section(sections_[static_cast<std::size_t>(t.section)].info.key));
        break;
      case TokenKind::label: {
        if (!current_.cells.empty()) flush();
        current_.labels.push_back(i);
        ++labels_in_row_;
        const std::string anchor = context_from_label(t.key);
        if (!anchor.empty()) context_ = anchor;
        break;
      }
      case TokenKind::value:
        current_.cells.push_back(i);
        break;
      case TokenKind::empty_cell:
        // Before any label of its physical row, an empty cell is the continuation of a
        // vertically merged label; after one it is a blank value. Table 四 has no row labels,
        // so there every empty cell counts and the row's width decides.
        if (labels_in_row_ > 0 || context_ == "appeals") current_.cells.push_back(i);
        break;
      case TokenKind::padding:
        break;
    }
  }

  void flush() {
    if (!current_.cells.empty()) {
      current_.context = context_;
      candidates_.push_back(current_);
    }
    current_.labels.clear();
    current_.cells.clear();
  }

  void mark_last() {
    if (candidates_.empty()) return;
    RowCandidate& last = candidates_.back();
    const std::size_t end = last.cells.back();
    bool content_after = false;
    for (std::size_t i = end + 1; i < tokens_.size(); ++i) {
      if (tokens_[i].kind != TokenKind::padding && tokens_[i].kind != TokenKind::empty_cell) {
        content_after = true;
        break;
      }
    }
    last.last_in_document = !content_after;
  }

  const std::vector<Token>& tokens_;
  const std::vector<layout::SectionHeading>& sections_;
  std::vector<RowCandidate> candidates_;
  RowCandidate current_;
  std::string context_;
  int labels_in_row_ = 0;
};

std::string join_texts(const std::vector<Token>& tokens, const std::vector<std::size_t>& labels,
                       std::size_t first, std::size_t last) {
  std::string joined;
  for (std::size_t k = first; k <= last; ++k) joined += tokens[labels[k]].text;
  return joined;
}

// Keeps only matches that agree on one table and row key (the same row in several versions).
std::vector<RowMatch> unambiguous(std::vector<RowMatch> matches) {
  if (matches.empty()) return matches;
  const auto& first = matches.front();
  const bool same = std::all_of(matches.begin(), matches.end(), [&](const RowMatch& m) {
    return m.table->key == first.table->key && m.row->key == first.row->key;
  });
  if (!same) matches.clear();
  return matches;
}

// The row a candidate's cells belong to: named by its last label, or by the last two or three
// labels joined (labels broken over lines), never by an earlier label.
std::optional<RowReading> find_row(const std::vector<Token>& tokens, const RowCandidate& c) {
  if (c.labels.empty()) return std::nullopt;
  const std::string table_key = c.context == "appeals" ? "" : c.context;
  const std::size_t last = c.labels.size() - 1;
  for (std::size_t n = 1; n <= k_max_label_join && n <= c.labels.size(); ++n) {
    const std::size_t first = last + 1 - n;
    const norm::Label label =
        n == 1 ? tokens[c.labels[last]].key
               : norm::normalize_label(join_texts(tokens, c.labels, first, last));
    std::vector<RowMatch> matches = unambiguous(match_rows(label, table_key));
    if (matches.empty() && !table_key.empty()) {
      // The section may be mislabelled or missing; a label unique in all tables still counts.
      matches = unambiguous(match_rows(label, ""));
    }
    if (!matches.empty()) return RowReading{&c, std::move(matches), c.labels[last]};
  }
  return std::nullopt;
}

struct HeaderMemory {
  std::vector<std::string> order;           // column keys in the order the header shows them
  std::map<std::string, std::string> text;  // column key → header text as written
};

class TableAssembler {
 public:
  TableAssembler(const std::vector<Token>& tokens, TablesResult& result)
      : tokens_(tokens), result_(result) {}

  void run(const std::vector<RowCandidate>& candidates) {
    std::vector<RowReading> readings;
    std::vector<const RowCandidate*> single_rows;
    for (const RowCandidate& c : candidates) {
      collect_version_evidence(c);
      if (auto reading = find_row(tokens_, c)) {
        vote_for_row(*reading);
        readings.push_back(std::move(*reading));
      } else if (c.context == "appeals" || has_appeals_header(c)) {
        single_rows.push_back(&c);
      } else {
        report_orphan_values(c);
      }
    }
    decide_versions();
    for (const RowReading& reading : readings) place_row(reading);
    for (const RowCandidate* c : single_rows) place_single_row(*c);
    summarise_tables();
  }

 private:
  // --- template version, per table, from the table's own labels -----------------------------

  void vote(const std::string& table, const std::string& version) { ++votes_[table][version]; }

  // Versions that have a template item, out of all versions.
  template <typename Match>
  static std::set<std::string> versions_of(const std::vector<Match>& matches) {
    std::set<std::string> out;
    for (const Match& m : matches) out.insert(m.version->version);
    return out;
  }

  void collect_version_evidence(const RowCandidate& c) {
    for (std::size_t k = 0; k < c.labels.size(); ++k) {
      const norm::Label& label = tokens_[c.labels[k]].key;
      const auto groups = match_groups(label, "active");
      if (!groups.empty()) {
        const auto versions = versions_of(groups);
        if (versions.size() == 1) vote("active", *versions.begin());
      }
      std::vector<ColumnMatch> columns = match_columns(label, "active");
      std::erase_if(columns, [](const ColumnMatch& m) { return m.score < 90; });
      const auto versions = versions_of(columns);
      if (versions.size() == 1) vote("active", *versions.begin());
    }
  }

  void vote_for_row(const RowReading& reading) {
    const auto versions = versions_of(reading.matches);
    if (versions.size() == 1) vote(reading.matches.front().table->key, *versions.begin());
  }

  void decide_versions() {
    for (const auto& [table, counts] : votes_) {
      std::string best;
      int best_count = 0;
      bool tie = false;
      for (const auto& [version, count] : counts) {
        if (count > best_count) {
          best = version, best_count = count, tie = false;
        } else if (count == best_count) {
          tie = true;
        }
      }
      if (!tie && best_count > 0) versions_[table] = best;
    }
  }

  std::string version_of(const std::string& table) const {
    auto it = versions_.find(table);
    return it == versions_.end() ? "" : it->second;
  }

  // --- placing the cells of one labelled row ---------------------------------------------------

  // Remembers the column headers a candidate shows for a group, so that later rows of the same
  // sub-table use the header's order and stated unit.
  HeaderMemory& remember_header(const RowCandidate& c, const RowMatch& m) {
    const templates::Group& group = m.table->groups[static_cast<std::size_t>(m.row->group)];
    const std::string key = m.version->version + "/" + m.table->key + "/" + group.key;
    HeaderMemory& memory = headers_[key];
    HeaderMemory seen;
    for (std::size_t label_index : c.labels) {
      const Token& t = tokens_[label_index];
      const norm::Label& label = t.key;
      for (const templates::Column& column : group.columns) {
        if (match_template_label(label, column.label) >= 90 &&
            std::find(seen.order.begin(), seen.order.end(), column.key) == seen.order.end()) {
          seen.order.push_back(column.key);
          seen.text[column.key] = t.text;
        }
      }
    }
    if (!seen.order.empty()) memory = std::move(seen);
    return memory;
  }

  std::vector<const templates::Column*> column_order(const templates::Group& group,
                                                     const HeaderMemory& header) const {
    std::vector<const templates::Column*> order;
    // The document's own header order is used only when it names every column once, and only
    // for sub-tables with a one-tier header (表二): a two-tier header such as 表三's, flattened
    // to text, lists 总计 before the columns under 法人或其他组织, so its order is not the cells'.
    if (!group.title.text.empty() && header.order.size() == group.columns.size()) {
      for (const std::string& key : header.order) {
        for (const templates::Column& column : group.columns)
          if (column.key == key) order.push_back(&column);
      }
      return order;
    }
    for (const templates::Column& column : group.columns) order.push_back(&column);
    return order;
  }

  // Chooses the version whose template has this row; where the table's version is unknown,
  // the one whose row width equals the number of cells, if exactly one does.
  const RowMatch* choose_version(const RowReading& reading, std::size_t cell_count) {
    const std::string decided = version_of(reading.matches.front().table->key);
    if (!decided.empty()) {
      for (const RowMatch& m : reading.matches)
        if (m.version->version == decided) return &m;
      return nullptr;
    }
    const RowMatch* fit = nullptr;
    int fits = 0;
    std::set<std::size_t> widths;
    for (const RowMatch& m : reading.matches) {
      const std::size_t width =
          m.table->groups[static_cast<std::size_t>(m.row->group)].columns.size();
      widths.insert(width);
      if (width == cell_count) {
        fit = &m;
        ++fits;
      }
    }
    if (widths.size() == 1) return &reading.matches.front();  // same shape in every version
    return fits == 1 ? fit : nullptr;
  }

  // Drops empty cells at the edges of a row that has more cells than columns.
  std::vector<std::size_t> trim_excess(std::vector<std::size_t> cells, std::size_t width) const {
    auto is_empty = [&](std::size_t i) { return tokens_[i].kind == TokenKind::empty_cell; };
    while (cells.size() > width && is_empty(cells.front())) cells.erase(cells.begin());
    while (cells.size() > width && is_empty(cells.back())) cells.pop_back();
    return cells;
  }

  void place_row(const RowReading& reading) {
    const RowCandidate& c = *reading.candidate;
    const RowMatch* m = choose_version(reading, c.cells.size());
    const Token& leaf = tokens_[reading.leaf_label];
    if (m == nullptr) {
      add_diagnostic(result_, "row_version_unknown", model::Severity::warning,
                     "row '" + leaf.text +
                         "' exists in several template versions with different "
                         "widths and the table's version is not known; its cells are not placed",
                     leaf.locator);
      result_.partial = true;
      return;
    }
    const templates::Group& group = m->table->groups[static_cast<std::size_t>(m->row->group)];
    const HeaderMemory& header = remember_header(c, *m);
    const auto columns = column_order(group, header);
    place_cells(c, trim_excess(c.cells, columns.size()), columns, *m->table, m->row->key, header,
                leaf);
  }

  void place_cells(const RowCandidate& c, const std::vector<std::size_t>& cells,
                   const std::vector<const templates::Column*>& columns,
                   const templates::TableTemplate& table, const std::string& row_key,
                   const HeaderMemory& header, const Token& leaf) {
    const std::string row_name = table.key + "." + row_key;
    if (cells.size() > columns.size()) {
      add_diagnostic(result_, "row_arity_excess", model::Severity::warning,
                     "row " + row_name + " shows " + std::to_string(cells.size()) +
                         " cells where the template has " + std::to_string(columns.size()) +
                         "; none is placed",
                     leaf.locator);
      result_.partial = true;
      return;
    }
    if (cells.size() < columns.size()) {
      if (!c.last_in_document) {
        add_diagnostic(result_, "row_arity_short", model::Severity::warning,
                       "row " + row_name + " shows " + std::to_string(cells.size()) +
                           " cells where the template has " + std::to_string(columns.size()) +
                           "; empty cells were dropped, so none can be placed",
                       leaf.locator);
        result_.partial = true;
        return;
      }
      add_diagnostic(result_, "row_truncated", model::Severity::info,
                     "the document ends inside row " + row_name + "; the " +
                         std::to_string(cells.size()) + " cell(s) it shows are kept",
                     leaf.locator);
      result_.partial = true;
    }
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const templates::Column& column = *columns[k];
      auto text = header.text.find(column.key);
      emit(table, row_key, column, tokens_[cells[k]],
           text == header.text.end() ? std::string() : text->second);
    }
  }

  void emit(const templates::TableTemplate& table, const std::string& row_key,
            const templates::Column& column, const Token& cell, const std::string& header_text) {
    model::Figure figure;
    figure.table = table.key;
    figure.row = row_key;
    figure.column = column.key;
    figure.id = table.key + "." + row_key + "." + column.key;
    if (!emitted_.insert(figure.id).second) {
      add_diagnostic(result_, "duplicate_row", model::Severity::warning,
                     "figure " + figure.id + " appears more than once; the first is kept",
                     cell.locator);
      return;
    }
    figure.raw = cell.text;
    figure.locator = cell.locator;
    const std::string unit = column.money ? norm::unit_from_header(header_text) : std::string();
    const norm::CellValue value = norm::parse_cell(cell.text, unit);
    figure.status = value.status;
    figure.value = value.value;
    figure.qualifier = value.qualifier;
    figure.unit = value.unit;
    if (figure.status == norm::CellStatus::value && figure.unit.empty() && !column.money)
      figure.unit = column.count_unit;
    if (figure.status == norm::CellStatus::unparsed) {
      add_diagnostic(result_, "cell_unparsed", model::Severity::warning,
                     "cell of " + figure.id + " is not a number: '" + cell.text + "'",
                     cell.locator);
    }
    result_.figures.push_back(std::move(figure));
  }

  // --- table 四: one unlabelled row of fifteen cells --------------------------------------------

  bool has_appeals_header(const RowCandidate& c) const {
    bool review = false, litigation = false;
    for (std::size_t i : c.labels) {
      const norm::Label& label = tokens_[i].key;
      if (label.body == "行政复议") review = true;
      if (label.body == "行政诉讼" || label.body == "复议后起诉") litigation = true;
    }
    return review && litigation;
  }

  void place_single_row(const RowCandidate& c) {
    const templates::Template* version =
        templates::find_template(version_of("appeals").empty() ? "2021" : version_of("appeals"));
    const templates::TableTemplate* table = version->find_table("appeals");
    std::vector<const templates::Column*> columns;
    std::vector<std::string> row_keys;
    for (const templates::Group& group : table->groups) {
      for (const templates::Column& column : group.columns) {
        columns.push_back(&column);
        row_keys.push_back(group.key);
      }
    }
    const bool any_value = std::any_of(c.cells.begin(), c.cells.end(), [&](std::size_t i) {
      return tokens_[i].kind == TokenKind::value;
    });
    const std::vector<std::size_t> cells = trim_excess(c.cells, columns.size());
    // A run of empty cells of another width is the continuation of merged header cells.
    if (!any_value && cells.size() != columns.size()) return;
    const Token& first = tokens_[cells.front()];
    if (cells.size() != columns.size() && !(cells.size() < columns.size() && c.last_in_document)) {
      add_diagnostic(result_,
                     cells.size() > columns.size() ? "row_arity_excess" : "row_arity_short",
                     model::Severity::warning,
                     "table 四 shows " + std::to_string(cells.size()) +
                         " cells where the template "
                         "has " +
                         std::to_string(columns.size()) + "; none is placed",
                     first.locator);
      result_.partial = true;
      return;
    }
    if (cells.size() < columns.size()) {
      add_diagnostic(result_, "row_truncated", model::Severity::info,
                     "the document ends inside table 四; the cells it shows are kept",
                     first.locator);
      result_.partial = true;
    }
    for (std::size_t k = 0; k < cells.size(); ++k)
      emit(*table, row_keys[k], *columns[k], tokens_[cells[k]], "");
  }

  // --- the rest -----------------------------------------------------------------------------

  void report_orphan_values(const RowCandidate& c) {
    if (c.context.empty()) return;  // numbers in prose outside the tables are not cells
    const bool any_value = std::any_of(c.cells.begin(), c.cells.end(), [&](std::size_t i) {
      return tokens_[i].kind == TokenKind::value;
    });
    if (!any_value) return;
    const Token& first = tokens_[c.cells.front()];
    const std::string label = c.labels.empty() ? "" : tokens_[c.labels.back()].text;
    add_diagnostic(result_, "row_unrecognised", model::Severity::warning,
                   "cells after '" + label + "' in table " + c.context +
                       " belong to no template row; they are not figures",
                   first.locator);
  }

  void summarise_tables() {
    for (const char* key : {"active", "requests", "appeals"}) {
      model::TableInfo info;
      info.table = key;
      for (const model::Figure& f : result_.figures) {
        if (f.table != key) continue;
        if (info.figures == 0) info.locator = f.locator;
        ++info.figures;
      }
      // A table counts as found when its figures were read or its labels named its version
      // (a table whose cells were all lost still tells which template the report used).
      if (info.figures == 0 && version_of(key).empty()) continue;
      info.template_version = version_of(key).empty() ? "unknown" : version_of(key);
      result_.tables.push_back(std::move(info));
    }
  }

  const std::vector<Token>& tokens_;
  TablesResult& result_;
  std::map<std::string, std::map<std::string, int>> votes_;
  std::map<std::string, std::string> versions_;
  std::map<std::string, HeaderMemory> headers_;
  std::set<std::string> emitted_;
};

}  // namespace

std::string_view table_for_section(std::string_view section_key) {
  if (section_key == "proactive") return "active";
  if (section_key == "on_request") return "requests";
  if (section_key == "review_litigation") return "appeals";
  return "";
}

TablesResult read_tables(const std::vector<Token>& tokens,
                         const std::vector<layout::SectionHeading>& sections) {
  TablesResult result;
  const std::vector<RowCandidate> candidates = Segmenter(tokens, sections).run();
  TableAssembler(tokens, result).run(candidates);
  return result;
}

}  // namespace nianbao::figures
