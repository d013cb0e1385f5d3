#include "extractor/checks/ocr_gate.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "extractor/templates/template.hpp"

namespace nianbao::checks {
namespace {

// One identity evaluated over one row, column or block: its terms and whether it held.
struct Instance {
  std::string identity;
  std::vector<std::string> terms;  // figure ids
  bool holds = false;
};

// A figure's standing under the identities: those it takes part in that were evaluated, as
// indexes into the instances, split by whether they held.
struct Standing {
  std::vector<std::size_t> held;
  std::vector<std::size_t> failed;
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
std::vector<Instance> evaluate_every_identity(
    const std::vector<model::TableInfo>& tables,
    const std::map<std::string, const model::Figure*>& by_id) {
  std::vector<Instance> instances;
  for (const model::TableInfo& info : tables) {
    const templates::TableTemplate* table = template_of(info);
    if (table == nullptr) continue;
    for (const templates::Identity& identity : templates::all_identities()) {
      if (identity.table != info.table || identity.scope == templates::Scope::every_cell ||
          !applies(identity, info.template_version))
        continue;
      for (const std::string& scope : scopes_of(identity, *table)) {
        Instance instance{identity.id, {}, false};
        const auto left = side_sum(identity, identity.left, scope, by_id, instance.terms);
        const auto right =
            left ? side_sum(identity, identity.right, scope, by_id, instance.terms) : std::nullopt;
        if (!left || !right) continue;
        instance.holds = *left == *right;
        instances.push_back(std::move(instance));
      }
    }
  }
  return instances;
}

std::map<std::string, Standing> standings(const std::vector<Instance>& instances) {
  std::map<std::string, Standing> out;
  for (std::size_t i = 0; i < instances.size(); ++i)
    for (const std::string& id : instances[i].terms)
      (instances[i].holds ? out[id].held : out[id].failed).push_back(i);
  return out;
}

// The figures a failing identity can be blamed on: those that stand in two failing ones (a
// misread cell breaks its row and its column) or in a failing one and no holding one.
std::set<std::string> suspects(const std::map<std::string, Standing>& standing) {
  std::set<std::string> out;
  for (const auto& [id, s] : standing)
    if (s.failed.size() >= 2 || (!s.failed.empty() && s.held.empty())) out.insert(id);
  return out;
}

// A failing identity is explained when one of its terms is a suspect: its other terms, each
// held by an identity of its own, are then not to blame. (A misread cell whose row fails
// and whose column holds is never cleared this way: its row has no suspect unless a second
// cell of it is misread too.)
bool explained(const Instance& failing, const std::set<std::string>& suspect_ids,
               const std::string& self) {
  for (const std::string& id : failing.terms)
    if (id != self && suspect_ids.count(id) > 0) return true;
  return false;
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
std::string doubt(const model::Figure& f, const Standing& s, const std::vector<Instance>& instances,
                  const std::set<std::string>& suspect_ids, const OcrGate& gate,
                  const std::vector<model::TableInfo>& tables) {
  const int confidence = f.locator.confidence.value_or(0);
  // A row the template does not have is, in a scan, most often a template row whose label the
  // recogniser misread (a seal over it, a lost stroke): its figure would stand in the wrong
  // place, and no identity can say so.
  if (!f.row_label.empty()) return "its row label '" + f.row_label + "' is not the template's";
  // A suspect (it stands in two failing identities, or in one and none that holds) is withheld;
  // so is a figure whose one failing identity no suspect explains.
  if (!s.failed.empty() &&
      (suspect_ids.count(f.id) > 0 || !explained(instances[s.failed.front()], suspect_ids, f.id)))
    return "identity " + instances[s.failed.front()].identity + " does not hold";
  // A blank cell without ink is read with confidence 100; one below the vouched confidence
  // held ink that could not be read, so it is not known to be blank (its sums still took it as
  // zero above, which is what lets a failing sum blame it).
  if (f.status == norm::CellStatus::blank && confidence < gate.vouched_confidence)
    return "its cell holds ink that could not be read";
  // An amount's unit (元 or 万元) is read from its column's header: where OCR lost it, the
  // number alone could be off by ten thousand times.
  if (f.status == norm::CellStatus::value && f.unit.empty() && money_column(f, tables))
    return "the unit in its column's header could not be read";
  if (f.status == norm::CellStatus::value && f.value && f.value->is_negative() &&
      f.table != "active")
    return "a negative count";
  // Two identities that hold through the figure vouch for it whatever the recogniser's
  // confidence: a misread that left both holding would need a compensating misread in each.
  const auto held = static_cast<int>(s.held.size());
  if (held >= gate.vouching_identities) return "";
  if (held > 0) {
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
  const std::vector<Instance> instances = evaluate_every_identity(tables, by_id);
  const std::map<std::string, Standing> standing = standings(instances);
  const std::set<std::string> suspect_ids = suspects(standing);
  const Standing none;
  std::set<const model::Figure*> withheld;
  for (const model::Figure& f : figures) {
    if (!f.locator.ocr) continue;
    const auto it = standing.find(f.id);
    const std::string why =
        doubt(f, it == standing.end() ? none : it->second, instances, suspect_ids, gate, tables);
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
