#include "extractor/figures/label_matcher.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace nianbao::figures {
namespace {

// Bodies this short are also column headers or common words ("其他", "总计"), so they only
// match with their enumerator.
constexpr int k_short_body = 4;
// Below this length a label gets no typo tolerance (see norm::label_match_score).
constexpr int k_min_fuzzy_length = 6;
constexpr int k_fuzzy_budget = 2;
// See norm::label_match_score: wrapped labels match by their first part from this length on.
constexpr int k_min_prefix_length = 8;

enum class ItemKind { row, column, group };

// The scores norm::label_match_score gives for equal bodies, and for bodies equal once their
// notes in parentheses are dropped.
constexpr int k_equal_score = 100;
constexpr int k_core_score = 90;

bool table_selected(const templates::TableTemplate& table, std::string_view table_key) {
  return table_key.empty() || table.key == table_key;
}

// The UTF-8 bytes of the first character of `text` as one number (0 for empty text).
std::uint32_t first_character(std::string_view text) {
  if (text.empty()) return 0;
  const auto lead = static_cast<unsigned char>(text[0]);
  const std::size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  std::uint32_t key = 0;
  for (std::size_t i = 0; i < length && i < text.size(); ++i)
    key = (key << 8) | static_cast<unsigned char>(text[i]);
  return key;
}

// The index key of a template item's kind and the first character of a text.
std::uint64_t core_key(ItemKind kind, std::string_view text) {
  return (static_cast<std::uint64_t>(kind) << 32) | first_character(text);
}

// Whether a template label's enumerator lets a match of its body stand: a template label with
// an enumerator and a short body (such as 3.其他) needs the document to show the same one.
bool enumerator_agrees(const norm::Label& doc, const norm::Label& candidate) {
  if (candidate.enumerator.empty()) return true;
  if (!doc.enumerator.empty()) return doc.enumerator == candidate.enumerator;
  return norm::code_point_count(candidate.body) >= k_short_body;
}

// match_template_label(doc, label) where that is 90 or more (the bodies are equal, or equal once
// their notes in parentheses are dropped), else 0; without the typo and prefix comparisons.
// A core is the start of its body, so a body that does not start with a template core cannot
// match it so: that test comes first and settles nearly every pair.
int core_score(const norm::Label& doc, const templates::TemplateLabel& label) {
  int best = 0;
  for (std::size_t i = 0; i < label.normalized.size(); ++i) {
    const norm::Label& candidate = label.normalized[i];
    const std::string_view core = label.cores[i];
    if (doc.body.empty() || candidate.body.empty() || !doc.body.starts_with(core)) continue;
    const int score = doc.body == candidate.body                   ? k_equal_score
                      : norm::parenthetical_core(doc.body) == core ? k_core_score
                                                                   : 0;
    if (score > best && enumerator_agrees(doc, candidate)) best = score;
  }
  return best;
}

// One template label (or alias) in normalised form, and the template item it names.
struct Entry {
  ItemKind kind;
  const templates::Template* version;
  const templates::TableTemplate* table;
  const templates::Group* group;
  const templates::Column* column;
  const templates::Row* row;
  const templates::TemplateLabel* label;
};

// Every template label of every version, indexed so that a document label is compared only
// with the labels it can match: equal bodies, equal bodies once notes in parentheses are
// dropped, or (for typos) bodies of about the same length. Reports have hundreds of label
// lines, most of them prose, so comparing each with every template label would dominate.
class LabelIndex {
 public:
  static const LabelIndex& instance() {
    static const LabelIndex index;
    return index;
  }

  struct Hit {
    const Entry* entry;
    int score;
  };

  // Each entry of `kind` (of `table_key` only when it is not empty) whose label `doc` names by
  // its core (score 90 or 100, see core_score), in entry order: the hits of score 90 or more,
  // answered without the memo. A label shares its core's first character with every template
  // label it can name so, which rules out nearly every line of prose at one lookup.
  template <typename Visit>
  void for_each_core_hit(const norm::Label& doc, ItemKind kind, std::string_view table_key,
                         Visit visit) const {
    const auto it = by_first_character_.find(core_key(kind, doc.body));
    if (it == by_first_character_.end()) return;
    const std::uint64_t head = head_bytes(doc.body);
    std::size_t scored = entries_.size();  // the entry last scored (refs come in entry order)
    for (const CoreRef& ref : it->second) {
      if (ref.id == scored || !ref.may_start(doc.body, head)) continue;
      scored = ref.id;
      const Entry& e = entries_[ref.id];
      if (!table_selected(*e.table, table_key)) continue;
      if (const int score = core_score(doc, *e.label); score > 0) visit(e, score);
    }
  }

  // Every template label the document label matches, with its score. Remembered per thread:
  // the same labels recur in every report of a bulk run.
  const std::vector<Hit>& hits(const norm::Label& doc) const {
    thread_local std::unordered_map<std::string, std::vector<Hit>> memo;
    constexpr std::size_t k_memo_limit = 1 << 12;
    // The key is built in a buffer kept per thread: a lookup (nearly always a hit) then
    // allocates nothing. The entry of the last key is kept too: the table reader asks about the
    // same label several times in a row (groups, columns, each column of a header), and
    // comparing the label with the key is cheaper than hashing it. Elements of an unordered_map
    // stay where they are until they are erased, so the pointer holds until the memo is cleared.
    thread_local std::string key;
    thread_local const std::vector<Hit>* last = nullptr;
    if (last != nullptr && is_key_of(key, doc)) return *last;
    last = nullptr;  // until the new key has its entry (compute_hits may throw)
    key.assign(doc.enumerator).push_back('\x1f');
    key += doc.body;
    if (auto it = memo.find(key); it != memo.end()) {
      last = &it->second;
      return *last;
    }
    if (memo.size() >= k_memo_limit) memo.clear();
    last = &memo.emplace(key, compute_hits(doc)).first->second;
    return *last;
  }

 private:
  // Whether `key` is the memo key of `doc`: enumerator, '\x1f', body.
  static bool is_key_of(std::string_view key, const norm::Label& doc) {
    const std::size_t split = doc.enumerator.size();
    return key.size() == split + 1 + doc.body.size() && key.substr(0, split) == doc.enumerator &&
           key[split] == '\x1f' && key.substr(split + 1) == doc.body;
  }

  std::vector<Hit> compute_hits(const norm::Label& doc) const {
    std::vector<Hit> out;
    auto offer = [&](const std::vector<std::size_t>& ids) {
      for (std::size_t id : ids) {
        const Entry& e = entries_[id];
        if (std::any_of(out.begin(), out.end(), [&](const Hit& h) { return h.entry == &e; }))
          continue;
        const int score = match_template_label(doc, *e.label);
        if (score > 0) out.push_back({&e, score});
      }
    };
    const std::string core = norm::strip_parenthetical_tail(doc.body);
    if (auto it = by_core_.find(core); it != by_core_.end()) offer(it->second);
    // A typo never equals another label, so fuzzy candidates are looked at only when nothing
    // matched exactly or once notes were dropped.
    if (!out.empty()) return out;
    const int length = norm::code_point_count(core);
    for (int l = std::max(k_min_fuzzy_length, length - k_fuzzy_budget);
         l <= length + k_fuzzy_budget && static_cast<std::size_t>(l) < by_length_.size(); ++l)
      offer(by_length_[static_cast<std::size_t>(l)]);
    // A label cut by a line wrap: the first part of a longer template label.
    if (out.empty() && length >= k_min_prefix_length) {
      for (std::size_t l = static_cast<std::size_t>(length) + 1; l < by_length_.size(); ++l)
        offer(by_length_[l]);
    }
    // A label whose brackets OCR doubled or lost: its note is not cut off as the template's
    // is, so it is compared whole with the template labels that have a note.
    if (out.empty()) {
      const int whole = norm::code_point_count(doc.body);
      for (int l = std::max(k_min_fuzzy_length, whole - k_fuzzy_budget);
           l <= whole + k_fuzzy_budget && static_cast<std::size_t>(l) < by_noted_length_.size();
           ++l)
        offer(by_noted_length_[static_cast<std::size_t>(l)]);
    }
    return out;
  }

 public:
 private:
  LabelIndex() {
    for (const templates::Template& version : templates::all_templates()) {
      for (const templates::TableTemplate& table : version.tables) {
        for (const templates::Group& group : table.groups) {
          if (!group.title.text.empty())
            add({ItemKind::group, &version, &table, &group, nullptr, nullptr, &group.title});
          for (const templates::Column& column : group.columns)
            add({ItemKind::column, &version, &table, &group, &column, nullptr, &column.label});
        }
        for (const templates::Row& row : table.rows)
          add({ItemKind::row, &version, &table, nullptr, nullptr, &row, &row.label});
      }
    }
  }

  void add(const Entry& entry) {
    const std::size_t id = entries_.size();
    entries_.push_back(entry);
    for (const std::string& core : entry.label->cores)
      by_first_character_[core_key(entry.kind, core)].push_back(CoreRef::of(core, id));
    for (const norm::Label& n : entry.label->normalized) {
      const std::string core = norm::strip_parenthetical_tail(n.body);
      by_core_[core].push_back(id);
      const auto length = static_cast<std::size_t>(norm::code_point_count(core));
      if (length >= static_cast<std::size_t>(k_min_fuzzy_length)) {
        if (by_length_.size() <= length) by_length_.resize(length + 1);
        by_length_[length].push_back(id);
      }
      if (core.size() != n.body.size()) {
        const auto whole = static_cast<std::size_t>(norm::code_point_count(n.body));
        if (by_noted_length_.size() <= whole) by_noted_length_.resize(whole + 1);
        by_noted_length_[whole].push_back(id);
      }
    }
  }

  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_core_;
  // Entries whose label has a note in parentheses, by the length of the whole label.
  std::vector<std::vector<std::size_t>> by_noted_length_;
  // A core of an entry's label, with its first bytes to rule out most labels without a call.
  struct CoreRef {
    std::uint64_t head;  // the core's first (up to) eight bytes, as head_bytes gives them
    std::uint64_t mask;  // the bits of `head` that are the core's
    std::size_t length;
    std::size_t id;

    static CoreRef of(std::string_view core, std::size_t id) {
      const std::size_t bytes = std::min<std::size_t>(core.size(), sizeof(std::uint64_t));
      const std::uint64_t mask = bytes == sizeof(std::uint64_t)
                                     ? ~std::uint64_t{0}
                                     : (std::uint64_t{1} << (8 * bytes)) - 1;
      return {head_bytes(core) & mask, mask, core.size(), id};
    }

    // False when `body` (whose head_bytes are `head`) cannot start with the core.
    bool may_start(std::string_view body, std::uint64_t body_head) const {
      return body.size() >= length && (body_head & mask) == head;
    }
  };

  // The first (up to) eight bytes of `text`, the first in the lowest bits, zeros after the end.
  static std::uint64_t head_bytes(std::string_view text) {
    std::uint64_t head = 0;
    const std::size_t bytes = std::min<std::size_t>(text.size(), sizeof head);
    for (std::size_t i = 0; i < bytes; ++i)
      head |= std::uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
    return head;
  }

  // The cores of entries by kind and first character (see core_key), in entry order.
  std::unordered_map<std::uint64_t, std::vector<CoreRef>> by_first_character_;
  std::vector<std::vector<std::size_t>> by_length_;
};

}  // namespace

int match_template_label(const norm::Label& doc, const templates::TemplateLabel& label) {
  int best = 0;
  for (const norm::Label& candidate : label.normalized) {
    const int score = norm::label_match_score(doc.body, candidate.body);
    if (score > best && enumerator_agrees(doc, candidate)) best = score;
  }
  return best;
}

bool matches_by_core(const norm::Label& doc, const templates::TemplateLabel& label) {
  return core_score(doc, label) >= k_core_score;
}

std::vector<RowMatch> match_rows(const norm::Label& doc, std::string_view table_key) {
  std::vector<RowMatch> best;
  for (const auto& [e, score] : LabelIndex::instance().hits(doc)) {
    if (e->kind != ItemKind::row || !table_selected(*e->table, table_key)) continue;
    if (best.empty() || score > best.front().score) {
      best.clear();
      best.push_back({e->version, e->table, e->row, score});
    } else if (score == best.front().score) {
      best.push_back({e->version, e->table, e->row, score});
    }
  }
  return best;
}

std::vector<ColumnMatch> match_columns(const norm::Label& doc, std::string_view table_key) {
  std::vector<ColumnMatch> out;
  for (const auto& [e, score] : LabelIndex::instance().hits(doc)) {
    if (e->kind != ItemKind::column || !table_selected(*e->table, table_key)) continue;
    out.push_back({e->version, e->table, e->group, e->column, score});
  }
  return out;
}

namespace {

// The version of every entry of `kind` that `doc` names by its core, if they share one.
const templates::Template* sole_version_by_core(const norm::Label& doc, ItemKind kind,
                                                std::string_view table_key) {
  const templates::Template* sole = nullptr;
  bool several = false;
  LabelIndex::instance().for_each_core_hit(doc, kind, table_key, [&](const Entry& e, int) {
    if (sole == nullptr) {
      sole = e.version;
    } else if (e.version->version != sole->version) {
      several = true;
    }
  });
  return several ? nullptr : sole;
}

}  // namespace

std::uint64_t columns_named_by_core(const norm::Label& doc, const templates::Group& group) {
  std::uint64_t named = 0;
  LabelIndex::instance().for_each_core_hit(doc, ItemKind::column, "", [&](const Entry& e, int) {
    if (e.group == &group) named |= std::uint64_t{1} << (e.column - group.columns.data());
  });
  return named;
}

const templates::Template* sole_version_of_columns_by_core(const norm::Label& doc,
                                                           std::string_view table_key) {
  return sole_version_by_core(doc, ItemKind::column, table_key);
}

const templates::Template* sole_version_of_groups(const norm::Label& doc,
                                                  std::string_view table_key) {
  return sole_version_by_core(doc, ItemKind::group, table_key);
}

std::vector<GroupMatch> match_groups(const norm::Label& doc, std::string_view table_key) {
  std::vector<GroupMatch> out;
  LabelIndex::instance().for_each_core_hit(doc, ItemKind::group, table_key,
                                           [&](const Entry& e, int) {
                                             out.push_back({e.version, e.table, e.group});
                                           });
  return out;
}

bool names_group(const norm::Label& doc, std::string_view table_key) {
  bool named = false;
  LabelIndex::instance().for_each_core_hit(doc, ItemKind::group, table_key,
                                           [&](const Entry&, int) { named = true; });
  return named;
}

}  // namespace nianbao::figures
