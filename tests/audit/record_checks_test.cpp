// Text versus table as checks of one record (model::Record in, checks[] entries out).
#include "extractor/audit/record_checks.hpp"

#include <gtest/gtest.h>

namespace nianbao::audit {
namespace {

model::Figure figure(const std::string& id, const std::string& value) {
  model::Figure f;
  f.id = id;
  f.status = norm::CellStatus::value;
  f.value = norm::Decimal::parse(value);
  return f;
}

model::Fact fact(const std::string& metric, const std::string& value) {
  model::Fact f;
  f.section = "overview";
  f.metric = metric;
  f.value = norm::Decimal::parse(value);
  return f;
}

const model::Check* find(const std::vector<model::Check>& checks, const std::string& scope) {
  for (const model::Check& c : checks)
    if (c.scope_value == scope) return &c;
  return nullptr;
}

TEST(RecordChecks, PassFailAndNotAssessable) {
  model::Record r;
  r.figures = {figure("requests.received.total", "311"), figure("requests.total.total", "300")};
  model::Figure blank = figure("requests.carried_forward.total", "0");
  blank.status = norm::CellStatus::blank;
  blank.value.reset();
  r.figures.push_back(blank);
  r.facts = {fact("requests.received", "311"), fact("requests.answered", "301"),
             fact("requests.carried_forward", "4")};
  const auto checks = text_table_checks(r);
  ASSERT_NE(find(checks, "requests.received"), nullptr);
  EXPECT_EQ(find(checks, "requests.received")->status, model::CheckStatus::pass);
  const model::Check* answered = find(checks, "requests.answered");
  ASSERT_NE(answered, nullptr);
  EXPECT_EQ(answered->status, model::CheckStatus::fail);
  EXPECT_EQ(answered->id, "T3-6");
  EXPECT_EQ(answered->left->to_string(), "301");
  EXPECT_EQ(answered->right->to_string(), "300");
  const model::Check* forward = find(checks, "requests.carried_forward");
  ASSERT_NE(forward, nullptr);
  EXPECT_EQ(forward->status, model::CheckStatus::not_assessable);
  EXPECT_EQ(forward->missing, std::vector<std::string>{"requests.carried_forward.total"});
  EXPECT_EQ(find(checks, "review.total"), nullptr);  // neither prose nor table: nothing to say
}

}  // namespace
}  // namespace nianbao::audit
