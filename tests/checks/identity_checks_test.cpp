#include "extractor/checks/identity_checks.hpp"

#include <gtest/gtest.h>

namespace nianbao::checks {
namespace {

class ChecksTest : public ::testing::Test {
 protected:
  void put(const std::string& table, const std::string& row, const std::string& column,
           const char* value) {
    model::Figure f;
    f.table = table, f.row = row, f.column = column;
    f.id = table + "." + row + "." + column;
    if (value == nullptr) {
      f.status = norm::CellStatus::blank;
    } else {
      f.status = norm::CellStatus::value;
      f.value = norm::Decimal::parse(value);
    }
    figures.push_back(f);
  }
  void table(const std::string& key, const std::string& version) {
    tables.push_back({key, version, 1, {}});
  }
  const model::Check* find(const std::string& rule, const std::string& scope) {
    checks = evaluate_identities(figures, tables);
    for (const model::Check& c : checks)
      if (c.rule == rule && c.scope_value == scope) return &c;
    return nullptr;
  }
  std::vector<model::Figure> figures;
  std::vector<model::TableInfo> tables;
  std::vector<model::Check> checks;
};

TEST_F(ChecksTest, T3_1BalancePassesAndFails) {
  table("requests", "2021");
  put("requests", "received", "natural_person", "5");
  put("requests", "carried_over", "natural_person", "2");
  put("requests", "total", "natural_person", "6");
  put("requests", "carried_forward", "natural_person", "1");
  const model::Check* c = find("requests.balance", "natural_person");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, model::CheckStatus::pass);
  EXPECT_EQ(c->left->to_string(), "7");
  figures[3].value = norm::Decimal::parse("2");
  c = find("requests.balance", "natural_person");
  EXPECT_EQ(c->status, model::CheckStatus::fail);
  EXPECT_EQ(c->right->to_string(), "8");
}

TEST_F(ChecksTest, T3_1NotAssessableWhenACellIsBlank) {
  table("requests", "2019");
  put("requests", "received", "total", "5");
  put("requests", "carried_over", "total", nullptr);
  const model::Check* c = find("requests.balance", "total");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, model::CheckStatus::not_assessable);
  EXPECT_EQ(c->missing.size(), 3u);  // the blank cell and the two absent ones
}

TEST_F(ChecksTest, T3_2OutcomesOfTheTableVersion) {
  table("requests", "2019");
  for (const char* row :
       {"granted", "partially_granted", "denied_state_secret", "denied_prohibited_by_law",
        "denied_security_stability", "denied_third_party", "denied_internal_affairs",
        "denied_process_info", "denied_enforcement_file", "denied_query_matter",
        "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
        "unprocessed_petition", "unprocessed_duplicate", "unprocessed_publication",
        "unprocessed_excessive", "unprocessed_confirmation", "other"})
    put("requests", row, "research", "1");
  put("requests", "total", "research", "19");
  const model::Check* c = find("requests.outcomes_sum", "research");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, model::CheckStatus::pass);
  figures.back().value = norm::Decimal::parse("18");
  EXPECT_EQ(find("requests.outcomes_sum", "research")->status, model::CheckStatus::fail);
}

TEST_F(ChecksTest, T3_3RowTotal) {
  table("requests", "2021");
  const char* cols[] = {"natural_person", "commercial",     "research",
                        "nonprofit",      "legal_services", "other_org"};
  for (const char* col : cols) put("requests", "granted", col, "2");
  put("requests", "granted", "total", "12");
  EXPECT_EQ(find("requests.row_total", "granted")->status, model::CheckStatus::pass);
  figures.back().value = norm::Decimal::parse("13");
  EXPECT_EQ(find("requests.row_total", "granted")->status, model::CheckStatus::fail);
}

TEST_F(ChecksTest, T4_1BlockTotal) {
  table("appeals", "2019");
  put("appeals", "review", "upheld", "5");
  put("appeals", "review", "corrected", "0");
  put("appeals", "review", "other", "0");
  put("appeals", "review", "pending", "2");
  put("appeals", "review", "total", "7");
  EXPECT_EQ(find("appeals.block_total", "review")->status, model::CheckStatus::pass);
  figures.back().value = norm::Decimal::parse("9");
  EXPECT_EQ(find("appeals.block_total", "review")->status, model::CheckStatus::fail);
  // Blocks the document does not show are not checked at all.
  EXPECT_EQ(find("appeals.block_total", "litigation_direct"), nullptr);
}

TEST_F(ChecksTest, NonNegativeIntegers) {
  table("appeals", "2021");
  put("appeals", "review", "upheld", "1");
  EXPECT_EQ(find("appeals.non_negative", "appeals")->status, model::CheckStatus::pass);
  put("appeals", "review", "pending", "-1");
  const model::Check* c = find("appeals.non_negative", "appeals");
  EXPECT_EQ(c->status, model::CheckStatus::fail);
  ASSERT_EQ(c->offending.size(), 1u);
  EXPECT_EQ(c->offending.front(), "appeals.review.pending");
}

TEST_F(ChecksTest, VersionSpecificRulesSkipAnUnknownVersion) {
  table("requests", "unknown");
  put("requests", "received", "total", "1");
  put("requests", "total", "total", "1");
  EXPECT_NE(find("requests.balance", "total"), nullptr);
  EXPECT_EQ(find("requests.outcomes_sum", "total"), nullptr);
}

}  // namespace
}  // namespace nianbao::checks
