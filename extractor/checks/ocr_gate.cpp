#include "extractor/checks/ocr_gate.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "extractor/templates/template.hpp"

namespace nianbao::checks {
namespace {

// A figure's standing under the identities: how many that it takes part in were evaluated and
// held, and the first that failed.
struct Standing {
  int held = 0;
  std::string failed;  // the identity id, "" when none failed
};

bool applies(const templates::Identity& identity, std::string_view version) {
  if (version != "unknown" && !version.empty()) return identity.applies_to(version);
  for (const templates::Template& t : templates::all_templates())
    if (!identity.applies_to(t.version)) return false;
  return true;
}

// The keys an identity is checked over: the table's columns (per_column) or its rows, or for a
// single-row table its blocks (per_row).
std::vector<std::string> scopes_of(const templates::Identity& identity,
                                   const templates::TableTemplate& table) {
  std::vector<std::string> keys;
  if (identity.scope == templates::Scope::per_column) {
    if (!table.groups.empty())
      for (const templates::Column& c : table.groups.front().columns) keys.push_back(c.key);
  } else if (table.layout == templates::Layout::single_row) {
    for (const templates::Group& g : table.groups) keys.push_back(g.key);
  } else {
    for (const templates::Row& r : table.rows) keys.push_back(r.key);
  }
  return keys;
}

std::string term_id(const templates::Identity& identity, const std::string& term,
                    const std::string& scope) {
  const std::string name = !term.empty() && term[0] == '-' ? term.substr(1) : term;
  return identity.scope == templates::Scope::per_column ? identity.table + "." + name + "." + scope
                                                        : identity.table + "." + scope + "." + name;
}

// A term's value for the gate: a number as read, a blank cell as zero (the form's blank is a
// zero, and a digit lost by the recogniser then shows as a failing sum); anything else (absent,
// not applicable, unparsed) leaves the identity unevaluated.
std::optional<norm::Decimal> gate_value(const model::Figure* f) {
  if (f == nullptr) return std::nullopt;
  if (f->status == norm::CellStatus::value && f->value) return f->value;
  if (f->status == norm::CellStatus::blank) return norm::Decimal{};
  return std::nullopt;
}

std::optional<norm::Decimal> side_sum(const templates::Identity& identity,
                                      const std::vector<std::string>& terms,
                                      const std::string& scope,
                                      const std::map<std::string, const model::Figure*>& by_id,
                                      std::vector<std::string>& ids) {
  norm::Decimal sum;
  for (const std::string& term : terms) {
    const std::string id = term_id(identity, term, scope);
    const auto it = by_id.find(id);
    const std::optional<norm::Decimal> v = gate_value(it == by_id.end() ? nullptr : it->second);
    if (!v) return std::nullopt;
    const std::optional<norm::Decimal> next =
        term[0] == '-' ? sum.checked_sub(*v) : sum.checked_add(*v);
    if (!next) return std::nullopt;
    sum = *next;
    ids.push_back(id);
  }
  return sum;
}

// The template table a found table is read against; a table of unknown version takes the
// newest template's shape (as the identity checks do).
const templates::TableTemplate* template_of(const model::TableInfo& info) {
  const templates::Template* version =
      templates::find_template(info.template_version == "unknown" ? "2021" : info.template_version);
  return version == nullptr ? nullptr : version->find_table(info.table);
}

// The gate evaluates the identities itself rather than reading record.checks: it needs, for
// each figure, the identities it stands in, and it counts a blank as zero where the checks
// leave an identity with a blank term unassessed.
void stand_every_identity(const std::vector<model::TableInfo>& tables,
                          const std::map<std::string, const model::Figure*>& by_id,
                          std::map<std::string, Standing>& standing) {
  for (const model::TableInfo& info : tables) {
    const templates::TableTemplate* table = template_of(info);
    if (table == nullptr) continue;
    for (const templates::Identity& identity : templates::all_identities()) {
      if (identity.table != info.table || identity.scope == templates::Scope::every_cell ||
          !applies(identity, info.template_version))
        continue;
      for (const std::string& scope : scopes_of(identity, *table)) {
        std::vector<std::string> ids;
        const auto left = side_sum(identity, identity.left, scope, by_id, ids);
        const auto right =
            left ? side_sum(identity, identity.right, scope, by_id, ids) : std::nullopt;
        if (!left || !right) continue;
        const bool holds = *left == *right;
        for (const std::string& id : ids) {
          Standing& s = standing[id];
          if (holds)
            ++s.held;
          else if (s.failed.empty())
            s.failed = identity.id;
        }
      }
    }
  }
}

// Whether the figure's column holds an amount of money (its unit is read from the header).
bool money_column(const model::Figure& f, const std::vector<model::TableInfo>& tables) {
  for (const model::TableInfo& info : tables) {
    if (info.table != f.table) continue;
    const templates::TableTemplate* table = template_of(info);
    if (table == nullptr) continue;
    for (const templates::Group& g : table->groups)
      for (const templates::Column& c : g.columns)
        if (c.key == f.column && c.money) return true;
  }
  return false;
}

// Why an OCR figure cannot be kept, or "" when it can.
std::string doubt(const model::Figure& f, const Standing* s, const OcrGate& gate,
                  const std::vector<model::TableInfo>& tables) {
  const int confidence = f.locator.confidence.value_or(0);
  // A row the template does not have is, in a scan, most often a template row whose label the
  // recogniser misread (a seal over it, a lost stroke): its figure would stand in the wrong
  // place, and no identity can say so.
  if (!f.row_label.empty()) return "its row label '" + f.row_label + "' is not the template's";
  if (s != nullptr && !s->failed.empty()) return "identity " + s->failed + " does not hold";
  // An amount's unit (元 or 万元) is read from its column's header: where OCR lost it, the
  // number alone could be off by ten thousand times.
  if (f.status == norm::CellStatus::value && f.unit.empty() && money_column(f, tables))
    return "the unit in its column's header could not be read";
  if (f.status == norm::CellStatus::value && f.value && f.value->is_negative() &&
      f.table != "active")
    return "a negative count";
  if (s != nullptr && s->held > 0) {
    if (confidence >= gate.vouched_confidence) return "";
    return "its recognition confidence is " + std::to_string(confidence);
  }
  if (confidence >= gate.alone_confidence) return "";
  return "no identity checks it and its recognition confidence is " + std::to_string(confidence);
}

}  // namespace

std::size_t gate_ocr_figures(std::vector<model::Figure>& figures,
                             const std::vector<model::TableInfo>& tables,
                             model::Diagnostics& diagnostics, const OcrGate& gate) {
  bool any_ocr = false;
  for (const model::Figure& f : figures) any_ocr = any_ocr || f.locator.ocr;
  if (!any_ocr) return 0;
  std::map<std::string, const model::Figure*> by_id;
  for (const model::Figure& f : figures) by_id.emplace(f.id, &f);
  std::map<std::string, Standing> standing;
  stand_every_identity(tables, by_id, standing);
  std::set<const model::Figure*> withheld;
  for (const model::Figure& f : figures) {
    if (!f.locator.ocr) continue;
    const auto it = standing.find(f.id);
    const std::string why = doubt(f, it == standing.end() ? nullptr : &it->second, gate, tables);
    if (why.empty()) continue;
    withheld.insert(&f);
    diagnostics.push_back(
        {"ocr_unverified", model::Severity::warning,
         "figure " + f.id + " read by OCR as '" + f.raw + "' is not given: " + why, f.locator});
  }
  if (withheld.empty()) return 0;
  std::vector<model::Figure> kept;
  kept.reserve(figures.size() - withheld.size());
  for (model::Figure& f : figures)
    if (withheld.count(&f) == 0) kept.push_back(std::move(f));
  figures = std::move(kept);
  return withheld.size();
}

}  // namespace nianbao::checks
