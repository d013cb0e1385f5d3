// Each audit rule over hand-written records: what fails, what is flagged, what passes and what
// cannot be assessed; and the rule data itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "audit_fixtures.hpp"
#include "extractor/audit/audit.hpp"

namespace nianbao::data {
std::string_view audit_rules();
}  // namespace nianbao::data

namespace nianbao::audit {
namespace {

using testing::fact;
using testing::report;
using testing::set;

const RuleSet& rules() { return builtin_rules(); }

std::vector<Finding> with_rule(const AuditResult& r, const std::string& id,
                               const std::string& status) {
  std::vector<Finding> out;
  for (const Finding& f : r.results)
    if (f.rule_id == id && f.status == status) out.push_back(f);
  return out;
}

std::vector<Finding> problems(const AuditResult& r) {
  std::vector<Finding> out;
  for (const Finding& f : r.results)
    if (is_problem(f)) out.push_back(f);
  return out;
}

TEST(AuditRuleData, EmbeddedRulesParseCleanlyWithUniqueIds) {
  std::vector<std::string> problems_found;
  const RuleSet set_ = parse_rules(data::audit_rules(), problems_found);
  EXPECT_TRUE(problems_found.empty()) << problems_found.front();
  std::set<std::string> ids;
  for (const Rule& r : set_.rules) EXPECT_TRUE(ids.insert(r.id).second) << r.id;
  for (const char* id : {"T3-5", "T2B-1", "T2C-1", "T3-6", "AU-1", "T2-3", "T2B-3", "AU-2", "AU-3",
                         "AG-1", "AG-2", "AG-3", "AG-4"})
    EXPECT_NE(set_.find(id), nullptr) << id;
  for (const TextTablePair& p : set_.pairs) EXPECT_NE(set_.find(p.rule_id), nullptr);
  EXPECT_EQ(set_.param("AU-3", "factor", 0), 10);
  EXPECT_FALSE(set_.township_endings.empty());
}

TEST(AuditRuleData, MalformedLinesAreReported) {
  std::vector<std::string> problems_found;
  const RuleSet s =
      parse_rules("rule\tX-1\tx\tfatal\tfail\t-\tm\npair\tX\nrename\t\tb\n", problems_found);
  EXPECT_TRUE(s.rules.empty());
  EXPECT_EQ(problems_found.size(), 3u);
}

TEST(AuditCarryOver, BrokenCarryOverFailsPerColumnAndBlankIsNotAssessable) {
  auto a = report("甲县交通运输局", 2021, "a21");
  auto b = report("甲县交通运输局", 2022, "a22");
  set(a, "requests.carried_forward.natural_person", "3");
  set(b, "requests.carried_over.natural_person", "5");
  set(a, "requests.carried_forward.total", "4");
  set(b, "requests.carried_over.total", "4");
  set(a, "requests.carried_forward.commercial", "");
  set(b, "requests.carried_over.commercial", "0");
  const AuditResult r = run_audit({a, b}, rules());
  const auto fails = with_rule(r, "T3-5", "fail");
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_EQ(fails[0].scope, "natural_person");
  EXPECT_EQ(fails[0].left->to_string(), "5");
  EXPECT_EQ(fails[0].right->to_string(), "3");
  EXPECT_EQ(fails[0].report, "a22");
  EXPECT_EQ(fails[0].prior_report, "a21");
  EXPECT_EQ(with_rule(r, "T3-5", "pass").size(), 1u);
  EXPECT_EQ(with_rule(r, "T3-5", "not_assessable").size(), 1u);
}

TEST(AuditCarryOver, YearsWithAGapAreNotCompared) {
  auto a = report("甲局", 2019, "a");
  auto b = report("甲局", 2021, "b");
  set(a, "requests.carried_forward.total", "3");
  set(b, "requests.carried_over.total", "5");
  for (const Finding& f : run_audit({a, b}, rules()).results) EXPECT_NE(f.rule_id, "T3-5");
}

TEST(AuditCarryOver, ActiveItemsAndInForceChains) {
  auto a = report("甲局", 2019, "a");
  auto b = report("甲局", 2020, "b");
  set(a, "active.penalties.prior_count", "10");
  set(a, "active.penalties.change", "-2");
  set(b, "active.penalties.prior_count", "9");  // should be 8
  auto c = report("乙局", 2021, "c");
  auto d = report("乙局", 2022, "d");
  set(c, "active.normative_documents.in_force", "12.5");  // exact decimals, no rounding
  set(d, "active.normative_documents.issued", "3");
  set(d, "active.normative_documents.repealed", "1");
  set(d, "active.normative_documents.in_force", "14.5");
  const AuditResult r = run_audit({a, b, c, d}, rules());
  const auto items = with_rule(r, "T2B-1", "fail");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].right->to_string(), "8");
  EXPECT_EQ(with_rule(r, "T2C-1", "pass").size(), 1u);
  EXPECT_TRUE(with_rule(r, "T2C-1", "fail").empty());
}

TEST(AuditPlausibility, TownshipRegulationsMisfillNegativesAndJumps) {
  auto town = report("青山镇人民政府", 2020, "t");
  set(town, "active.regulations.total_published", "6");
  set(town, "active.licensing.prior_count", "9");
  set(town, "active.licensing.change", "43");
  set(town, "active.licensing.decisions", "52");
  set(town, "active.penalties.prior_count", "5");
  set(town, "active.penalties.change", "0");  // 5 + 0 = 5 is a coincidence, not a mis-fill
  set(town, "active.penalties.decisions", "5");
  set(town, "active.fees.change", "-3");  // signed by definition
  set(town, "requests.granted.total", "-1");
  auto before = report("青山镇人民政府", 2019, "t0");
  set(before, "requests.received.total", "4");
  set(town, "requests.received.total", "60");
  const AuditResult r = run_audit({before, town}, rules());
  EXPECT_EQ(with_rule(r, "T2-3", "flag").size(), 1u);
  const auto misfill = with_rule(r, "T2B-3", "flag");
  ASSERT_EQ(misfill.size(), 1u);
  EXPECT_EQ(misfill[0].scope, "licensing");
  const auto negative = with_rule(r, "AU-2", "flag");
  ASSERT_EQ(negative.size(), 1u);
  EXPECT_EQ(negative[0].scope, "requests.granted.total");
  EXPECT_EQ(with_rule(r, "AU-3", "flag").size(), 1u);
}

TEST(AuditPlausibility, SmallTotalsDoNotCountAsJumps) {
  auto a = report("甲局", 2020, "a");
  auto b = report("甲局", 2021, "b");
  set(a, "requests.received.total", "1");
  set(b, "requests.received.total", "49");  // 49× but below min=50
  const AuditResult r = run_audit({a, b}, rules());
  EXPECT_EQ(with_rule(r, "AU-3", "pass").size(), 1u);
  auto c = report("丙局", 2020, "c");  // a county bureau's 规章 are not a township's
  set(c, "active.regulations.made", "2");
  EXPECT_TRUE(problems(run_audit({c}, rules())).empty());
}

TEST(AuditTextTable, ProseAgainstTables) {
  auto a = report("甲局", 2021, "a");
  set(a, "requests.received.total", "311");
  set(a, "requests.total.total", "300");
  set(a, "requests.carried_over.total", "12");
  set(a, "appeals.litigation_direct.total", "2");
  set(a, "appeals.litigation_after_review.total", "1");
  fact(a, "requests.received", "311");
  fact(a, "requests.answered", "299");
  fact(a, "requests.carried_over", "10", "approx");  // approximate: not held to the table
  fact(a, "litigation.total", "3");
  const AuditResult r = run_audit({a}, rules());
  const auto fails = with_rule(r, "T3-6", "fail");
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_EQ(fails[0].scope, "requests.answered");
  EXPECT_EQ(fails[0].left->to_string(), "299");
  EXPECT_EQ(fails[0].right->to_string(), "300");
  EXPECT_EQ(with_rule(r, "T3-6", "pass").size(), 1u);
  // Carried over: only an approximate statement. Carried forward: neither side, so no result.
  EXPECT_EQ(with_rule(r, "T3-6", "not_assessable").size(), 1u);
  const auto lawsuits = with_rule(r, "AU-1", "pass");
  ASSERT_EQ(lawsuits.size(), 1u);
  EXPECT_EQ(lawsuits[0].right->to_string(), "3");
}

TEST(AuditAgencies, RenamesAreFollowedAndReportedOnce) {
  auto a = report("青山县环境保护局", 2020, "a");
  auto b = report("青山縣生態環境局", 2021, "b");  // Traditional characters: the same name
  auto c = report("青山县生态环境局", 2022, "c");
  set(a, "requests.carried_forward.total", "1");
  set(b, "requests.carried_over.total", "1");
  const AuditResult r = run_audit({a, b, c}, rules());
  ASSERT_EQ(r.agencies.series.size(), 1u);
  const auto renamed = with_rule(r, "AG-2", "flag");
  ASSERT_EQ(renamed.size(), 1u);
  EXPECT_EQ(renamed[0].year, 2021);
  EXPECT_EQ(with_rule(r, "T3-5", "pass").size(), 1u);
}

TEST(AuditAgencies, CompetingReportsAreReportedNotGuessed) {
  auto a = report("青山县环境保护局", 2020, "a");
  auto b = report("青山县环境保护局", 2021, "b");
  auto c = report("青山县生态环境局", 2021, "c");
  auto d = report("丁局", 2021, "d1");
  auto e = report("丁局", 2021, "d2");
  auto copy = report("戊局", 2021, "e1");
  auto copy2 = copy;
  copy2.path = "e2";  // the same content under another path counts once
  auto unplaced = report("", 2021, "u");
  set(a, "requests.carried_forward.total", "1");
  set(b, "requests.carried_over.total", "2");
  const AuditResult r = run_audit({a, b, c, d, e, copy, copy2, unplaced}, rules());
  EXPECT_EQ(with_rule(r, "AG-1", "flag").size(), 2u);
  EXPECT_EQ(with_rule(r, "AG-3", "flag").size(), 2u);
  EXPECT_EQ(with_rule(r, "AG-4", "flag").size(), 1u);
  EXPECT_TRUE(with_rule(r, "T3-5", "fail").empty());  // 2021 is not linked
  EXPECT_EQ(problems(r).size(), 5u);
}

}  // namespace
}  // namespace nianbao::audit
