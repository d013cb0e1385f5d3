#include "extractor/figures/table_reader.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "extractor/figures/identity_resolver.hpp"
#include "extractor/figures/label_matcher.hpp"
#include "normalizers/cell_value.hpp"

namespace nianbao::figures {
namespace {

using layout::Token;
using layout::TokenKind;
// Labels are compared with literals as views: the literal's length is then known at compile
// time and most comparisons end at the lengths.
using namespace std::string_view_literals;

// A stretch of the stream: the labels read since the last cells, then the cells that follow.
struct RowCandidate {
  std::vector<std::size_t> labels;  // token indexes
  std::vector<std::size_t> cells;   // value and empty_cell token indexes
  std::string_view context;         // table key in force ("" when unknown), a literal
  bool last_in_document = false;    // nothing but padding follows its cells
};

// A template row recognised in the document, before its cells are placed.
struct RowReading {
  const RowCandidate* candidate = nullptr;
  std::vector<RowMatch> matches;  // same table and row key, one per version it exists in
  std::size_t leaf_label = 0;     // token index of the label that named the row
  // Labels of stretches just before that had only empty cells: a header row cut off from its
  // rows by a lone empty cell (a "|" line that opens every row in some page copies).
  std::vector<std::size_t> carried_labels;
};

constexpr std::size_t k_max_label_join = 3;

void add_diagnostic(TablesResult& result, const char* code, model::Severity severity,
                    std::string message, const model::Locator& locator) {
  result.diagnostics.push_back({code, severity, std::move(message), locator});
}

bool is_appeals_anchor(const norm::Label& label) {
  return names_group(label, "appeals") || label.body == "行政诉讼"sv;
}

// Whether a label says which table we are in (a sub-table title, table 三's caption).
std::string_view context_from_label(const norm::Label& label) {
  if (names_group(label, "active")) return "active";
  if (label.body.find("勾稽关系") != std::string::npos || label.body == "申请人情况"sv)
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
        context_ = table_for_section(sections_[static_cast<std::size_t>(t.section)].info.key);
        break;
      case TokenKind::label: {
        if (!current_.cells.empty()) flush();
        current_.labels.push_back(i);
        ++labels_in_row_;
        const std::string_view anchor = context_from_label(t.key);
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
      // Moved, not copied; the next candidate starts with room for as much as this one had.
      const std::size_t labels = current_.labels.capacity();
      const std::size_t cells = current_.cells.capacity();
      candidates_.push_back(std::move(current_));
      current_ = RowCandidate();
      current_.labels.reserve(labels);
      current_.cells.reserve(cells);
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
  std::string_view context_;
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

// Labels of one or two characters at the end of a run are the wrapped tails of merged cells
// ("理" of （六）其他处理, "结果" of 三、本年度办理结果) when nothing they join with is a row.
constexpr int k_fragment_length = 2;
constexpr std::size_t k_max_fragments = 2;

// The row a candidate's cells belong to: named by its last label, or by the last two or three
// labels joined (labels broken over lines), never by an earlier label except across trailing
// fragments of wrapped merged cells.
std::optional<RowReading> find_row(const std::vector<Token>& tokens, const RowCandidate& c) {
  if (c.labels.empty()) return std::nullopt;
  const std::string_view table_key = c.context == "appeals" ? "" : c.context;
  for (std::size_t skipped = 0; skipped <= k_max_fragments && skipped < c.labels.size();
       ++skipped) {
    const std::size_t last = c.labels.size() - 1 - skipped;
    if (skipped > 0 && norm::code_point_count(tokens[c.labels[last + 1]].text) > k_fragment_length)
      break;
    for (std::size_t n = 1; n <= k_max_label_join && n <= last + 1; ++n) {
      const std::size_t first = last + 1 - n;
      norm::Label joined;  // only for two or three labels: one is read as the token has it
      if (n > 1) joined = norm::normalize_label(join_texts(tokens, c.labels, first, last));
      const norm::Label& label = n == 1 ? tokens[c.labels[last]].key : joined;
      std::vector<RowMatch> matches = unambiguous(match_rows(label, table_key));
      if (matches.empty() && !table_key.empty()) {
        // The section may be mislabelled or missing; a label unique in all tables still counts.
        matches = unambiguous(match_rows(label, ""));
      }
      if (!matches.empty()) return RowReading{&c, std::move(matches), c.labels[last], {}};
    }
  }
  return std::nullopt;
}

// pdftotext -layout prints a row's values on the middle line of its wrapped label:
// "其他对外管理" / "0  0  0" / "服务事项". When the label before the values names no row, the
// fragment on the line after them may complete it. Accepted only when the joined label names
// one row, the fragment alone names none, and the values stand on one line (so their order is
// the page's).
constexpr int k_max_completing_fragment = 8;

std::optional<RowReading> find_row_completed_below(const std::vector<Token>& tokens,
                                                   const RowCandidate& c,
                                                   const RowCandidate& next) {
  if (c.labels.empty() || c.cells.empty() || next.labels.empty()) return std::nullopt;
  const std::optional<int> values_line = tokens[c.cells.front()].locator.line;
  if (!values_line) return std::nullopt;
  for (std::size_t cell : c.cells)
    if (tokens[cell].locator.line != values_line) return std::nullopt;
  const Token& fragment = tokens[next.labels.front()];
  if (fragment.locator.line != *values_line + 1 ||
      norm::code_point_count(fragment.text) > k_max_completing_fragment ||
      !match_rows(fragment.key, "").empty())
    return std::nullopt;
  const std::string_view table_key = c.context == "appeals" ? "" : c.context;
  const norm::Label joined = norm::normalize_label(tokens[c.labels.back()].text + fragment.text);
  std::vector<RowMatch> matches = unambiguous(match_rows(joined, table_key));
  if (matches.empty()) return std::nullopt;
  return RowReading{&c, std::move(matches), c.labels.back(), {}};
}

// A label line of single-space-separated words ("信息内容 本年制发件数 本年废止件数", as pdftotext
// -raw writes a header row) is also read word by word for column headers. Each part is handed
// to `visit` in turn: the whole label by reference (no copy: this runs for every label of
// every header row), then each word.
template <typename Visit>
void for_each_label_part(const Token& t, Visit visit) {
  visit(t.key);
  if (t.text.find(' ') == std::string::npos) return;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= t.text.size(); ++i) {
    if (i == t.text.size() || t.text[i] == ' ') {
      if (i > start)
        visit(norm::normalize_label(std::string_view(t.text).substr(start, i - start)));
      start = i + 1;
    }
  }
}

// The column headers of one sub-table as last shown: each column key (a view into the template)
// with its header text as written (a view into the token), in the order the header shows them.
// Each column of `group` that `label` names by core (matches_by_core), in column order. Most
// labels name none, which the label index tells at one lookup instead of a test per column.
template <typename Visit>
void for_each_column_named_by_core(const norm::Label& label, const templates::Group& group,
                                   Visit visit) {
  if (group.columns.size() > k_max_named_columns) {
    for (const templates::Column& column : group.columns)
      if (matches_by_core(label, column.label)) visit(column);
    return;
  }
  const std::uint64_t named = columns_named_by_core(label, group);
  for (std::size_t k = 0; k < group.columns.size(); ++k)
    if ((named >> k) & 1u) visit(group.columns[k]);
}

struct HeaderMemory {
  std::vector<std::pair<std::string_view, std::string_view>> columns;

  // The header text shown for the column, or nullptr when the header did not name it.
  const std::string_view* text_of(std::string_view column_key) const {
    for (const auto& [key, text] : columns)
      if (key == column_key) return &text;
    return nullptr;
  }
};

// 表三 in reading order: a row named by its label (row key), or cells whose label vanished ("").
struct SequenceEntry {
  const RowCandidate* candidate;
  std::string row;
};

// Cells under a label that is no template row, inside a known sub-table of 表二.
struct ExtraRow {
  const RowCandidate* candidate;
  std::string group;
};

// A row whose cells were fewer than its columns, waiting for the identities to place them.
struct PendingShortRow {
  const templates::Template* version;
  const templates::TableTemplate* table;
  const templates::Row* row;
  std::vector<const templates::Column*> columns;
  std::vector<std::size_t> cells;
  const Token* leaf;
};

// <table>.<row>.<column> into `id`, written at once (five appends cost more than the copying).
void write_figure_id(std::string& id, std::string_view table, std::string_view row,
                     std::string_view column) {
  id.resize(table.size() + row.size() + column.size() + 2);
  char* out = std::copy(table.begin(), table.end(), id.data());
  *out++ = '.';
  out = std::copy(row.begin(), row.end(), out);
  *out++ = '.';
  std::copy(column.begin(), column.end(), out);
}

// The ids of the figures placed so far, so that a second figure with the same id is refused.
// Asked once for every cell, so it neither copies an id nor allocates per figure (as an
// unordered_set<std::string> did): an open-addressing table of indexes into the figure list,
// each with the hash of its figure's id. Figures are only ever appended to the list (a refused
// one is taken off the end again), so an index keeps naming the same figure.
class PlacedIds {
 public:
  explicit PlacedIds(const std::vector<model::Figure>& figures) : figures_(figures) {}

  // Makes room for `count` ids without growing.
  void reserve(std::size_t count) {
    if (2 * count > slots_.size()) rehash(std::bit_ceil(std::max<std::size_t>(2 * count, 16)));
  }

  bool contains(std::string_view id) const {
    return !slots_.empty() && slots_[slot_of(id, hash_of(id))].index != 0;
  }

  // Records figures_[index] unless a figure with the same id is recorded; false then.
  bool insert(std::size_t index) {
    reserve(count_ + 1);
    const std::string_view id = figures_[index].id;
    const std::size_t hash = hash_of(id);
    Slot& slot = slots_[slot_of(id, hash)];
    if (slot.index != 0) return false;
    slot = {hash, index + 1};
    ++count_;
    return true;
  }

 private:
  struct Slot {
    std::size_t hash = 0;
    std::size_t index = 0;  // index into the figures + 1; 0 for a free slot
  };

  static std::size_t hash_of(std::string_view id) { return std::hash<std::string_view>{}(id); }

  // The slot that holds `id`, or the free slot where it belongs.
  std::size_t slot_of(std::string_view id, std::size_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
      const Slot& slot = slots_[at];
      if (slot.index == 0 || (slot.hash == hash && figures_[slot.index - 1].id == id)) return at;
    }
  }

  void rehash(std::size_t size) {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(size));
    const std::size_t mask = size - 1;
    for (const Slot& slot : old) {
      if (slot.index == 0) continue;
      std::size_t at = slot.hash & mask;
      while (slots_[at].index != 0) at = (at + 1) & mask;
      slots_[at] = slot;
    }
  }

  const std::vector<model::Figure>& figures_;
  std::vector<Slot> slots_;  // a power of two in size, at most half full
  std::size_t count_ = 0;
};

class TableAssembler {
 public:
  TableAssembler(const std::vector<Token>& tokens, TablesResult& result)
      : tokens_(tokens), result_(result) {}

  void run(const std::vector<RowCandidate>& candidates) {
    placed_ids_.reserve(result_.figures.capacity());  // room for every cell (see read_tables)
    std::vector<RowReading> readings;
    std::vector<const RowCandidate*> single_rows;
    std::vector<ExtraRow> extra_rows;
    std::string active_group;             // the sub-table of 表二 the stream is in
    std::vector<std::size_t> carried;     // labels of preceding stretches with only empty cells
    std::vector<SequenceEntry> sequence;  // 表三's named rows and unnamed runs, in reading order
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const RowCandidate& c = candidates[i];
      collect_version_evidence(c);
      std::optional<RowReading> reading = find_row(tokens_, c);
      if (!reading && i + 1 < candidates.size())
        reading = find_row_completed_below(tokens_, c, candidates[i + 1]);
      if (reading) {
        reading->carried_labels = std::move(carried);
        carried.clear();
        vote_for_row(*reading);
        if (reading->matches.front().table->key == "requests"sv)
          sequence.push_back({&c, reading->matches.front().row->key});
        const RowMatch& m = reading->matches.front();
        if (m.table->key == "active"sv)
          active_group = m.table->groups[static_cast<std::size_t>(m.row->group)].key;
        readings.push_back(std::move(*reading));
      } else if (c.context == "appeals" || has_appeals_header(c)) {
        single_rows.push_back(&c);
      } else if (only_empty_cells(c)) {
        carried.insert(carried.end(), c.labels.begin(), c.labels.end());
      } else if (c.context == "active" && !active_group.empty() && is_row_label(c)) {
        extra_rows.push_back({&c, active_group});
      } else if (c.context == "requests") {
        sequence.push_back({&c, ""});
      } else {
        report_orphan_values(c);
      }
    }
    decide_versions();
    for (const RowReading& reading : readings) place_row(reading);
    for (const RowCandidate* c : single_rows) place_single_row(*c);
    for (const ExtraRow& extra : extra_rows) place_extra_row(extra);
    resolve_short_rows();
    infer_unnamed_rows(sequence);
    summarise_tables();
  }

 private:
  // --- template version, per table, from the table's own labels -----------------------------

  void vote(const std::string& table, const std::string& version) { ++votes_[table][version]; }

  // A label that names sub-table titles or columns of one version only is a vote for it.
  void collect_version_evidence(const RowCandidate& c) {
    for (std::size_t k = 0; k < c.labels.size(); ++k) {
      for_each_label_part(tokens_[c.labels[k]], [&](const norm::Label& label) {
        if (const templates::Template* version = sole_version_of_groups(label, "active"))
          vote("active", version->version);
        if (const templates::Template* version = sole_version_of_columns_by_core(label, "active"))
          vote("active", version->version);
      });
    }
  }

  void vote_for_row(const RowReading& reading) {
    const templates::Template* sole = reading.matches.front().version;
    for (const RowMatch& m : reading.matches)
      if (m.version->version != sole->version) return;
    vote(reading.matches.front().table->key, sole->version);
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
    // A table without evidence of its own takes the version the other tables agree on: mixed
    // reports exist (FORMATS.md D10) but then each table shows its own labels.
    std::set<std::string> decided;
    for (const auto& [table, version] : versions_) decided.insert(version);
    if (decided.size() == 1) prior_ = *decided.begin();
  }

  std::string_view version_of(std::string_view table) const {
    auto it = versions_.find(table);
    return it == versions_.end() ? std::string_view() : std::string_view(it->second);
  }

  // --- placing the cells of one labelled row ---------------------------------------------------

  // Remembers the column headers a candidate shows for a group, so that later rows of the same
  // sub-table use the header's order and stated unit.
  HeaderMemory& remember_header(const RowReading& reading, const RowMatch& m) {
    const templates::Group& group = m.table->groups[static_cast<std::size_t>(m.row->group)];
    HeaderMemory& memory = headers_[&group];
    HeaderMemory seen;
    auto look_at = [&](std::size_t label_index) {
      const Token& t = tokens_[label_index];
      for_each_label_part(t, [&](const norm::Label& label) {
        for_each_column_named_by_core(label, group, [&](const templates::Column& column) {
          if (seen.text_of(column.key) == nullptr) seen.columns.emplace_back(column.key, t.text);
        });
      });
    };
    for (std::size_t label_index : reading.carried_labels) look_at(label_index);
    for (std::size_t label_index : reading.candidate->labels) look_at(label_index);
    if (!seen.columns.empty()) memory = std::move(seen);
    return memory;
  }

  std::vector<const templates::Column*> column_order(const templates::Group& group,
                                                     const HeaderMemory& header,
                                                     std::size_t cell_count = 0) const {
    std::vector<const templates::Column*> order;
    order.reserve(group.columns.size());
    auto in_header_order = [&] {
      for (const auto& named_column : header.columns) {
        for (const templates::Column& column : group.columns)
          if (column.key == named_column.first) order.push_back(&column);
      }
      return order;
    };
    // The document's own header order is used only for sub-tables with a one-tier header (表二):
    // a two-tier header such as 表三's, flattened to text, lists 总计 before the columns under
    // 法人或其他组织, so its order is not the cells'. It is used when it names every column once,
    // or when it names fewer columns and the row has exactly that many cells (a column dropped
    // by the agency, header and cells alike).
    const std::size_t named = header.columns.size();
    if (!group.title.text.empty() && named != 0 &&
        (named == group.columns.size() || named == cell_count))
      return in_header_order();
    for (const templates::Column& column : group.columns) order.push_back(&column);
    return order;
  }

  // Chooses the version whose template has this row: the table's own version; where that is
  // unknown, any version when they all name the row's cells alike, else the version the other
  // tables agree on, else the one whose row width equals the number of cells, if exactly one
  // does. Never a version picked at random: the figure ids differ between versions.
  const RowMatch* choose_version(const RowReading& reading, std::size_t cell_count) {
    auto with_version = [&](std::string_view version) -> const RowMatch* {
      for (const RowMatch& m : reading.matches)
        if (m.version->version == version) return &m;
      return nullptr;
    };
    const std::string_view decided = version_of(reading.matches.front().table->key);
    if (!decided.empty()) return with_version(decided);
    if (same_cells_in_every_version(reading)) return &reading.matches.front();
    if (!prior_.empty()) {
      if (const RowMatch* m = with_version(prior_)) return m;
    }
    const RowMatch* fit = nullptr;
    int fits = 0;
    for (const RowMatch& m : reading.matches) {
      if (columns_of(m).size() == cell_count) {
        fit = &m;
        ++fits;
      }
    }
    return fits == 1 ? fit : nullptr;
  }

  static const std::vector<templates::Column>& columns_of(const RowMatch& m) {
    return m.table->groups[static_cast<std::size_t>(m.row->group)].columns;
  }

  static bool same_cells_in_every_version(const RowReading& reading) {
    const auto& first = columns_of(reading.matches.front());
    return std::all_of(reading.matches.begin(), reading.matches.end(), [&](const RowMatch& m) {
      const auto& columns = columns_of(m);
      if (columns.size() != first.size()) return false;
      for (std::size_t k = 0; k < columns.size(); ++k)
        if (columns[k].key != first[k].key) return false;
      return true;
    });
  }

  // The ways to drop the empty cells at the edges of a row that has more cells than columns:
  // `front` cells from the start and the rest from the end, each dropped cell empty.
  std::vector<std::size_t> edge_trims(const std::vector<std::size_t>& cells,
                                      std::size_t width) const {
    auto is_empty = [&](std::size_t i) { return tokens_[i].kind == TokenKind::empty_cell; };
    const std::size_t excess = cells.size() - width;
    std::vector<std::size_t> fronts;
    for (std::size_t front = 0; front <= excess; ++front) {
      const bool front_empty =
          std::all_of(cells.begin(), cells.begin() + static_cast<long>(front), is_empty);
      const bool back_empty =
          std::all_of(cells.end() - static_cast<long>(excess - front), cells.end(), is_empty);
      if (front_empty && back_empty) fronts.push_back(front);
    }
    return fronts;
  }

  static std::vector<std::size_t> trimmed(const std::vector<std::size_t>& cells, std::size_t front,
                                          std::size_t width) {
    return {cells.begin() + static_cast<long>(front),
            cells.begin() + static_cast<long>(front + width)};
  }

  // Whether `cells` under `columns` satisfy the row's identities, its empty cells counted as
  // zero. Used only to choose between alignments; an empty cell is still emitted as blank.
  bool fits_row_identities(const std::vector<std::size_t>& cells,
                           const std::vector<const templates::Column*>& columns,
                           const RowMatch& m) const {
    std::map<std::string, norm::Decimal> values;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const Token& cell = tokens_[cells[k]];
      if (cell.kind == TokenKind::empty_cell) {
        values.emplace(columns[k]->key, norm::Decimal());
        continue;
      }
      const norm::CellValue v = norm::parse_cell(cell.text);
      if (v.status != norm::CellStatus::value || !v.value) return false;
      values.emplace(columns[k]->key, *v.value);
    }
    return row_satisfies_identities(*m.version, *m.table, values);
  }

  // Drops the empty cells at the edges of a row that has more cells than columns. When both
  // edges hold empty cells (a blank first cell, and a stray empty cell after the last), the
  // trims give different readings: one is kept only if it alone satisfies the row's identities;
  // otherwise the row keeps its excess and is reported, not placed.
  std::vector<std::size_t> trim_excess(const std::vector<std::size_t>& cells,
                                       const std::vector<const templates::Column*>& columns,
                                       const RowMatch* m) {
    const std::size_t width = columns.size();
    if (cells.size() <= width) return cells;
    const std::vector<std::size_t> fronts = edge_trims(cells, width);
    if (fronts.empty()) return cells;
    const bool all_empty = std::all_of(cells.begin(), cells.end(), [&](std::size_t i) {
      return tokens_[i].kind == TokenKind::empty_cell;
    });
    // Every trim of an all-empty row reads the same: blank cells.
    if (fronts.size() == 1 || all_empty) return trimmed(cells, fronts.back(), width);
    std::optional<std::size_t> only;
    for (std::size_t front : fronts) {
      if (m == nullptr || !fits_row_identities(trimmed(cells, front, width), columns, *m)) continue;
      if (only) return cells;
      only = front;
    }
    if (!only) return cells;
    add_diagnostic(result_, "row_placed_by_identities", model::Severity::info,
                   "a row shows empty cells at both ends beyond the template's width; the only "
                   "alignment that satisfies the row's identities is used",
                   tokens_[cells.front()].locator);
    return trimmed(cells, *only, width);
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
    const HeaderMemory& header = remember_header(reading, *m);
    const auto columns = column_order(group, header, c.cells.size());
    place_cells(c, trim_excess(c.cells, columns, m), columns, *m->version, *m->table, *m->row,
                header, leaf);
  }

  void place_cells(const RowCandidate& c, const std::vector<std::size_t>& cells,
                   const std::vector<const templates::Column*>& columns,
                   const templates::Template& version_template,
                   const templates::TableTemplate& table, const templates::Row& template_row,
                   const HeaderMemory& header, const Token& leaf) {
    const templates::Template* version = &version_template;
    const templates::Row* row = &template_row;
    const std::string& row_key = template_row.key;
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
        // Empty cells were dropped: decided after every complete row is placed, by identities.
        short_rows_.push_back({version, &table, row, columns, cells, &leaf});
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
      const std::string_view* text = header.text_of(column.key);
      emit(table, row_key, column, tokens_[cells[k]], text == nullptr ? std::string_view() : *text);
    }
  }

  // A row that lost its empty cells: placed only where the identities single out one reading.
  void resolve_short_row(const PendingShortRow& pending,
                         const std::map<std::string, norm::Decimal>& known) {
    const std::string row_name = pending.table->key + "." + pending.row->key;
    ShortRow row{pending.version, pending.table, pending.row, pending.columns, {}};
    for (std::size_t cell : pending.cells) {
      const norm::CellValue v = norm::parse_cell(tokens_[cell].text);
      if (v.status != norm::CellStatus::value || !v.value) break;
      row.values.push_back(*v.value);
    }
    std::optional<std::vector<std::size_t>> placement;
    if (row.values.size() == pending.cells.size()) placement = place_by_identities(row, known);
    result_.partial = true;
    if (!placement) {
      add_diagnostic(result_, "row_arity_short", model::Severity::warning,
                     "row " + row_name + " shows " + std::to_string(pending.cells.size()) +
                         " cells where the template has " + std::to_string(pending.columns.size()) +
                         "; empty cells were dropped and no single reading satisfies the "
                         "identities, so none is placed",
                     pending.leaf->locator);
      return;
    }
    add_diagnostic(result_, "row_placed_by_identities", model::Severity::info,
                   "row " + row_name + " lost its empty cells; the only placement of its " +
                       std::to_string(pending.cells.size()) +
                       " numbers that satisfies the identities is used, and the dropped cells "
                       "are not emitted",
                   pending.leaf->locator);
    for (std::size_t j = 0; j < pending.cells.size(); ++j)
      emit(*pending.table, pending.row->key, *pending.columns[(*placement)[j]],
           tokens_[pending.cells[j]], "");
  }

  void resolve_short_rows() {
    // The index of every figure is built only for a document that has a short row.
    if (short_rows_.empty()) return;
    std::map<std::string, norm::Decimal> known;
    for (const model::Figure& f : result_.figures)
      if (f.status == norm::CellStatus::value && f.value) known.emplace(f.id, *f.value);
    for (const PendingShortRow& pending : short_rows_) resolve_short_row(pending, known);
  }

  void emit(const templates::TableTemplate& table, const std::string& row_key,
            const templates::Column& column, const Token& cell, std::string_view header_text) {
    // Made in place: a figure is large, and building one aside to move it in cost as much as
    // filling it. A duplicate is taken out again (rare).
    model::Figure& figure = result_.figures.emplace_back();
    write_figure_id(figure.id, table.key, row_key, column.key);
    if (!placed_ids_.insert(result_.figures.size() - 1)) {
      std::string message = "figure " + figure.id + " appears more than once; the first is kept";
      result_.figures.pop_back();
      add_diagnostic(result_, "duplicate_row", model::Severity::warning, std::move(message),
                     cell.locator);
      return;
    }
    figure.table = table.key;
    figure.row = row_key;
    figure.column = column.key;
    figure.raw = cell.text;
    figure.locator = cell.locator;
    const std::string unit = column.money ? norm::unit_from_header(header_text) : std::string();
    norm::CellValue value = norm::parse_cell(cell.text, unit);
    figure.status = value.status;
    figure.value = value.value;
    figure.qualifier = value.qualifier;
    figure.unit = std::move(value.unit);
    if (figure.status == norm::CellStatus::value && figure.unit.empty() && !column.money)
      figure.unit = column.count_unit;
    if (figure.status == norm::CellStatus::unparsed) {
      add_diagnostic(result_, "cell_unparsed", model::Severity::warning,
                     "cell of " + figure.id + " is not a number: '" + cell.text + "'",
                     cell.locator);
    }
  }

  // --- table 四: one unlabelled row of fifteen cells --------------------------------------------

  bool has_appeals_header(const RowCandidate& c) const {
    bool review = false, litigation = false;
    for (std::size_t i : c.labels) {
      const norm::Label& label = tokens_[i].key;
      if (label.body == "行政复议"sv) review = true;
      if (label.body == "行政诉讼"sv || label.body == "复议后起诉"sv) litigation = true;
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
    const std::vector<std::size_t> cells = trim_excess(c.cells, columns, nullptr);
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

  bool only_empty_cells(const RowCandidate& c) const {
    return std::all_of(c.cells.begin(), c.cells.end(),
                       [&](std::size_t i) { return tokens_[i].kind == TokenKind::empty_cell; });
  }

  // --- rows whose labels vanished -------------------------------------------------------------

  // pdftotext can drop a vertically merged label, so that rows such as （一）予以公开 come out as
  // bare numbers. Such numbers are placed only when they sit between two named rows of 表三,
  // fill exactly the rows the template has between them (none of them read otherwise), and
  // every inferred row satisfies the row identity (总计 = the sum of the other columns).
  void infer_unnamed_rows(const std::vector<SequenceEntry>& sequence) {
    const std::string known(version_of("requests").empty() ? prior_ : version_of("requests"));
    for (std::size_t i = 0; i < sequence.size();) {
      if (!sequence[i].row.empty()) {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < sequence.size() && sequence[end].row.empty()) ++end;
      const templates::Template* t = version_for_gap(known, sequence, i, end);
      if (t == nullptr || !place_unnamed_run(*t->find_table("requests"), *t, sequence, i, end)) {
        for (std::size_t k = i; k < end; ++k) report_orphan_values(*sequence[k].candidate);
      }
      i = end;
    }
  }

  // The template whose rows fill the gap: the table's version where known; otherwise any
  // version, as long as every version has the same rows between the two named rows.
  const templates::Template* version_for_gap(const std::string& known,
                                             const std::vector<SequenceEntry>& sequence,
                                             std::size_t begin, std::size_t end) const {
    if (!known.empty()) return templates::find_template(known);
    if (begin == 0 || end >= sequence.size()) return nullptr;
    const templates::Template* chosen = nullptr;
    std::vector<std::string> chosen_rows;
    for (const templates::Template& t : templates::all_templates()) {
      const templates::TableTemplate& table = *t.find_table("requests");
      const auto before = row_index(table, sequence[begin - 1].row);
      const auto after = row_index(table, sequence[end].row);
      if (!before || !after || *after <= *before) return nullptr;
      std::vector<std::string> rows;
      for (std::size_t k = *before + 1; k < *after; ++k) rows.push_back(table.rows[k].key);
      if (chosen != nullptr && rows != chosen_rows) return nullptr;
      chosen = &t;
      chosen_rows = std::move(rows);
    }
    return chosen;
  }

  static std::optional<std::size_t> row_index(const templates::TableTemplate& table,
                                              const std::string& key) {
    for (std::size_t k = 0; k < table.rows.size(); ++k)
      if (table.rows[k].key == key) return k;
    return std::nullopt;
  }

  bool place_unnamed_run(const templates::TableTemplate& table, const templates::Template& version,
                         const std::vector<SequenceEntry>& sequence, std::size_t begin,
                         std::size_t end) {
    if (begin == 0 || end >= sequence.size()) return false;
    const auto before = row_index(table, sequence[begin - 1].row);
    const auto after = row_index(table, sequence[end].row);
    if (!before || !after || *after <= *before + 1) return false;
    const std::vector<templates::Column>& columns = table.groups.front().columns;
    std::vector<std::size_t> cells;
    bool any_value = false;
    for (std::size_t k = begin; k < end; ++k) {
      for (std::size_t cell : sequence[k].candidate->cells) {
        cells.push_back(cell);
        any_value = any_value || tokens_[cell].kind == TokenKind::value;
      }
    }
    const std::size_t rows = *after - *before - 1;
    if (!any_value || cells.size() != rows * columns.size()) return false;
    for (std::size_t r = 0; r < rows; ++r) {
      const templates::Row& row = table.rows[*before + 1 + r];
      if (placed_ids_.contains(table.key + "." + row.key + "." + columns.front().key)) return false;
      std::map<std::string, norm::Decimal> values;
      for (std::size_t k = 0; k < columns.size(); ++k) {
        const norm::CellValue v = norm::parse_cell(tokens_[cells[r * columns.size() + k]].text);
        if (v.status != norm::CellStatus::value || !v.value) return false;
        values.emplace(columns[k].key, *v.value);
      }
      if (!row_satisfies_identities(version, table, values)) return false;
    }
    for (std::size_t r = 0; r < rows; ++r) {
      const templates::Row& row = table.rows[*before + 1 + r];
      const Token& first = tokens_[cells[r * columns.size()]];
      add_diagnostic(result_, "row_inferred_by_position", model::Severity::warning,
                     "the label of row requests." + row.key +
                         " is missing; its cells stand "
                         "between rows " +
                         sequence[begin - 1].row + " and " + sequence[end].row +
                         " and satisfy the row identity, so they are read as that row",
                     first.locator);
      for (std::size_t k = 0; k < columns.size(); ++k)
        emit(table, row.key, columns[k], tokens_[cells[r * columns.size() + k]], "");
    }
    return true;
  }

  // --- rows the template does not have ---------------------------------------------------------

  // A label of a table row: short, not a sentence, not a column header or sub-table title.
  bool is_row_label(const RowCandidate& c) const {
    if (c.labels.empty()) return false;
    const Token& label = tokens_[c.labels.back()];
    constexpr int k_longest_row_label = 60;
    if (label.key.body.empty() || norm::code_point_count(label.text) > k_longest_row_label)
      return false;
    if (label.text.find("。") != std::string::npos) return false;
    return match_columns(label.key, "").empty() && !names_group(label.key, "");
  }

  // A local row inside a sub-table of 表二 (其他主动公开文件 in 第二十条第（一）项): kept under an
  // id of its own with its label, never merged into a template row, and reported.
  void place_extra_row(const ExtraRow& extra) {
    const RowCandidate& c = *extra.candidate;
    const Token& leaf = tokens_[c.labels.back()];
    const std::string version(version_of("active").empty() ? prior_ : version_of("active"));
    const templates::Template* t = templates::find_template(version);
    const templates::TableTemplate* table = t == nullptr ? nullptr : t->find_table("active");
    const templates::Group* group = table == nullptr ? nullptr : table->find_group(extra.group);
    if (group == nullptr || c.cells.size() != group->columns.size()) {
      add_diagnostic(result_, "row_unrecognised", model::Severity::warning,
                     "row '" + leaf.text +
                         "' in table 二 is not a template row and its cells "
                         "do not fit its sub-table; they are not figures",
                     leaf.locator);
      return;
    }
    const std::string key = "extra_" + std::to_string(++extra_count_);
    add_diagnostic(result_, "row_not_in_template", model::Severity::warning,
                   "row '" + leaf.text + "' is not in the " + version +
                       " template; its cells are kept as active." + key + ".*",
                   leaf.locator);
    const HeaderMemory& header = headers_[group];
    const auto columns = column_order(*group, header);
    for (std::size_t k = 0; k < columns.size(); ++k) {
      emit(*table, key, *columns[k], tokens_[c.cells[k]], "");
      result_.figures.back().row_label = leaf.text;
    }
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
                   "cells after '" + label + "' in table " + std::string(c.context) +
                       " belong to no template row; they are not figures",
                   first.locator);
  }

  void summarise_tables() {
    // One pass over the figures for the three tables (a figure's table is one of them).
    constexpr std::array<std::string_view, 3> k_tables = {"active", "requests", "appeals"};
    std::array<model::TableInfo, k_tables.size()> infos;
    for (const model::Figure& f : result_.figures) {
      const auto at = std::find(k_tables.begin(), k_tables.end(), f.table);
      if (at == k_tables.end()) continue;
      model::TableInfo& info = infos[static_cast<std::size_t>(at - k_tables.begin())];
      if (info.figures == 0) info.locator = f.locator;
      ++info.figures;
    }
    for (std::size_t k = 0; k < k_tables.size(); ++k) {
      model::TableInfo& info = infos[k];
      const std::string_view version = version_of(k_tables[k]);
      // A table counts as found when its figures were read or its labels named its version
      // (a table whose cells were all lost still tells which template the report used).
      if (info.figures == 0 && version.empty()) continue;
      info.table = k_tables[k];
      info.template_version = version.empty() ? "unknown" : std::string(version);
      result_.tables.push_back(std::move(info));
    }
  }

  const std::vector<Token>& tokens_;
  TablesResult& result_;
  std::map<std::string, std::map<std::string, int>> votes_;
  std::map<std::string, std::string, std::less<>> versions_;
  std::string prior_;  // the version every table with evidence agrees on, if they agree
  std::vector<PendingShortRow> short_rows_;
  int extra_count_ = 0;
  // By sub-table: a group of one version's table (group keys are unique within a table).
  std::map<const templates::Group*, HeaderMemory> headers_;
  PlacedIds placed_ids_{result_.figures};
};

// Cells of every row candidate: about how many figures a document gives, to reserve them once
// (a figure is large, and moving them as the vector grows cost more than making them).
std::size_t cell_count(const std::vector<RowCandidate>& candidates) {
  std::size_t cells = 0;
  for (const RowCandidate& c : candidates) cells += c.cells.size();
  return cells;
}

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
  result.figures.reserve(cell_count(candidates));
  TableAssembler(tokens, result).run(candidates);
  return result;
}

}  // namespace nianbao::figures
