#include "extractor/audit/record_checks.hpp"

#include <set>
#include <string>

#include "extractor/audit/evaluate.hpp"

namespace nianbao::audit {
namespace {

// The figures and metrics the text-versus-table pairs name: the only ones the comparison reads,
// so the view of a record copies a few figures instead of all of them.
const std::set<std::string, std::less<>>& paired_figure_ids() {
  static const std::set<std::string, std::less<>> ids = [] {
    std::set<std::string, std::less<>> out;
    for (const TextTablePair& p : builtin_rules().pairs)
      out.insert(p.figure_ids.begin(), p.figure_ids.end());
    return out;
  }();
  return ids;
}

const std::set<std::string, std::less<>>& paired_metrics() {
  static const std::set<std::string, std::less<>> metrics = [] {
    std::set<std::string, std::less<>> out;
    for (const TextTablePair& p : builtin_rules().pairs) out.insert(p.metric);
    return out;
  }();
  return metrics;
}

AuditRecord audit_view(const model::Record& record) {
  AuditRecord view;
  view.agency = record.report.agency;
  view.year = record.report.year;
  view.path = record.source.path;
  for (const model::Figure& f : record.figures) {
    if (paired_figure_ids().count(f.id) == 0) continue;
    AuditFigure fig;
    if (f.status == norm::CellStatus::value) fig.value = f.value;
    view.figures.insert_or_assign(f.id, std::move(fig));
  }
  for (const model::Fact& f : record.facts) {
    AuditFact fact;
    fact.section = f.section;
    fact.metric = f.metric;
    fact.value = f.value;
    fact.qualifier = f.qualifier == norm::Qualifier::none ? "" : norm::to_string(f.qualifier);
    view.facts.push_back(std::move(fact));
  }
  return view;
}

model::CheckStatus status_of(const std::string& status) {
  if (status == "pass") return model::CheckStatus::pass;
  if (status == "fail") return model::CheckStatus::fail;
  return model::CheckStatus::not_assessable;
}

}  // namespace

bool states_paired_metric(const model::Record& record) {
  for (const model::Fact& f : record.facts)
    if (f.section == "overview" && paired_metrics().count(f.metric) > 0) return true;
  return false;
}

std::vector<model::Check> text_table_checks(const model::Record& record) {
  const AuditRecord view = audit_view(record);
  std::vector<Finding> findings;
  evaluate_text_table(builtin_rules(), view, "", findings);
  std::vector<model::Check> checks;
  for (const Finding& f : findings) {
    model::Check c;
    c.id = f.rule_id;
    c.rule = f.rule_name;
    c.scope_kind = "metric";
    c.scope_value = f.scope;
    c.expr = f.expr;
    c.left = f.left;
    c.right = f.right;
    c.status = status_of(f.status);
    if (c.status == model::CheckStatus::not_assessable) {
      if (!f.left) c.missing.push_back("fact:" + f.scope);
      if (!f.right)
        for (const TextTablePair& p : builtin_rules().pairs)
          if (p.metric == f.scope)
            for (const std::string& id : p.figure_ids)
              if (!view.value(id)) c.missing.push_back(id);
    }
    checks.push_back(std::move(c));
  }
  return checks;
}

}  // namespace nianbao::audit
