#include <gtest/gtest.h>

#include "extractor/facts/facts.hpp"
#include "extractor/facts/vocabulary.hpp"

namespace nianbao::facts {
namespace {

struct Seen {
  std::string text;
  std::string metric;
  std::string value;
  std::string unit;
};

std::vector<Seen> seen(std::string_view paragraph) {
  std::vector<Seen> out;
  for (const model::Fact& f : facts_in_text(paragraph))
    out.push_back({f.text, f.metric, f.value ? f.value->to_string() : "null", f.unit});
  return out;
}

void expect_seen(std::string_view paragraph, const std::vector<Seen>& want) {
  const std::vector<Seen> got = seen(paragraph);
  ASSERT_EQ(got.size(), want.size()) << paragraph;
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].text, want[i].text) << paragraph;
    EXPECT_EQ(got[i].metric, want[i].metric) << got[i].text;
    EXPECT_EQ(got[i].value, want[i].value) << got[i].text;
    EXPECT_EQ(got[i].unit, want[i].unit) << got[i].text;
  }
}

TEST(FactsInText, EachFigureOfASentenceKeepsItsOwnMetric) {
  expect_seen(
      "政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果3件，尚未审结12件。",
      {{"政府信息公开行政复议351件", "review.total", "351", "件"},
       {"结果维持72件", "review.upheld", "72", "件"},
       {"结果纠正64件", "review.corrected", "64", "件"},
       {"其他结果3件", "review.other", "3", "件"},
       {"尚未审结12件", "review.pending", "12", "件"}});
}

TEST(FactsInText, ATraditionalMirrorKeepsItsTextAndGetsItsMetric) {
  const auto facts = seen("全年主動(dòng)公開(kāi)政府信息120條(tiáo)。");
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].metric, "proactive.published");
  EXPECT_EQ(facts[0].value, "120");
  EXPECT_EQ(facts[0].unit, "条");
  EXPECT_NE(facts[0].text.find("主動(dòng)公開(kāi)"), std::string::npos);  // as written
}

TEST(FactsInText, OutcomesTakeTheSubjectOfTheirOwnSentence) {
  expect_seen("被申请行政复议2件，结果维持2件；被提起行政诉讼1件，结果维持1件。",
              {{"被申请行政复议2件", "review.total", "2", "件"},
               {"结果维持2件", "review.upheld", "2", "件"},
               {"被提起行政诉讼1件", "litigation.total", "1", "件"},
               {"结果维持1件", "litigation.upheld", "1", "件"}});
}

TEST(FactsInText, RequestsCarriedOverAndForward) {
  expect_seen("受理依申请公开12件，上年结转2件，均已按时答复，结转下年度1件。",
              {{"受理依申请公开12件", "requests.received", "12", "件"},
               {"上年结转2件", "requests.carried_over", "2", "件"},
               {"结转下年度1件", "requests.carried_forward", "1", "件"}});
}

TEST(FactsInText, TheSubjectAndPlaceBeforeTheVerbAreLeftOut) {
  expect_seen("我镇通过门户网站公开各类信息46条。",
              {{"公开各类信息46条", "proactive.via_website", "46", "条"}});
  expect_seen("1.市经信局主动在万源市政务信息平台共发布政务信息139条。",
              {{"共发布政务信息139条", "proactive.published", "139", "条"}});
  // A clause without a subject keeps its opening words.
  expect_seen("2011年度主动公开信息数53条。",
              {{"2011年度主动公开信息数53条", "proactive.published", "53", "条"}});
}

TEST(FactsInText, WordsAfterTheFigureCountWhenTheyNameIt) {
  expect_seen("年初、年中两次举办政府信息公开工作培训，",
              {{"年初、年中两次举办政府信息公开工作培训", "training.sessions", "2", "次"}});
  expect_seen("明确2名工作人员负责日常工作。",
              {{"明确2名工作人员负责日常工作", "staff.total", "2", "名"}});
}

TEST(FactsInText, MoneyInYuanAndFeesWaived) {
  expect_seen("收取检索费、复制费共计120元，减免费用30元。",
              {{"收取检索费、复制费共计120元", "fees.collected", "120", "元"},
               {"减免费用30元", "fees.waived", "30", "元"}});
  expect_seen("全年政府信息公开专项经费2.4万元。",
              {{"全年政府信息公开专项经费2.4万元", "funding.special", "24000", "元"}});
}

TEST(FactsInText, AFigureWhoseSentenceSaysNothingHasNoMetric) {
  expect_seen("应主动公开的其他信息3",
              {{"应主动公开的其他信息3", "proactive.by_category", "3", ""}});
  expect_seen("全年共有3个村完成改造。", {{"全年共有3个", "", "3", "个"}});
}

TEST(FactsInText, DatesDocumentNumbersEnumeratorsAndPhonesAreNoFacts) {
  EXPECT_TRUE(seen("根据国办发〔2014〕32号文件，自2016年1月1日起至12月31日止。").empty());
  EXPECT_TRUE(seen("依据《条例》第二十条第（一）项，请拨打0594-8271234联系。").empty());
  EXPECT_TRUE(seen("一、概述").empty());
  EXPECT_TRUE(seen("（三）依申请公开情况。一是加强领导；二是完善制度。").empty());
}

TEST(FactsInText, ArticlesAreNoCounts) {
  EXPECT_TRUE(seen("把政务信息公开情况作为一项重要审核内容。").empty());
  expect_seen("召开专题会议一次。", {{"召开专题会议一次", "meetings.held", "1", "次"}});
}

TEST(FactsInText, PageNumbersOrdinalsAndTheReportsOwnPartsAreNoFacts) {
  EXPECT_TRUE(seen("Page 8 - 威海市文登区信访局2022年政府信息公开工作年度报告").empty());
  EXPECT_TRUE(seen("本报告由总体情况、主动公开政府信息情况等六部分组成。").empty());
  EXPECT_TRUE(seen("召开第3次专题会议。").empty());
}

TEST(FactsInText, NormativeDocumentsReviewedRepealedAndInForce) {
  expect_seen(
      "全年审查拟公开信息1,"
      "400余条；对本局制发的行政规范性文件开展专项清理，废止3件，现行有效27件。",
      {{"全年审查拟公开信息1,400余条", "proactive.reviewed", "1400", "条"},
       {"废止3件", "normative_documents.repealed", "3", "件"},
       {"现行有效27件", "normative_documents.in_force", "27", "件"}});
  expect_seen("在局办事大厅设置政府信息查阅点1个，",
              {{"在局办事大厅设置政府信息查阅点1个", "org.reading_points", "1", "个"}});
}

TEST(FactsInText, TableRowsAreNoProse) {
  EXPECT_TRUE(seen("收到申请数 | 件 | 15").empty());
  EXPECT_TRUE(seen("3\t收到申请数\t件\t8").empty());
  EXPECT_TRUE(seen("\t0").empty());
  EXPECT_TRUE(seen("0 0 0 0 0").empty());
}

TEST(FactsInText, QualifiersAndRanges) {
  const auto facts = facts_in_text("共受理群众来访咨询300余人次，办理3-5件。");
  ASSERT_EQ(facts.size(), 1u);  // a range states no single value; no fact invents one
  EXPECT_EQ(facts[0].qualifier, norm::Qualifier::at_least);
  EXPECT_EQ(facts[0].raw, "300余人次");
}

TEST(FactsInText, BadInputNeverCrashes) {
  EXPECT_TRUE(facts_in_text("").empty());
  EXPECT_TRUE(facts_in_text("\xff\xfe\x80 12条").size() <= 1);
  EXPECT_NO_THROW(facts_in_text(std::string(2000, ',') + "公开信息5条" + std::string(3, '\0')));
  std::string many;
  for (int i = 0; i < 200; ++i) many += "公开信息" + std::to_string(i) + "条，";
  EXPECT_EQ(facts_in_text(many).size(), 200u);
}

TEST(Vocabulary, EveryRuleNamesAMetricWithAMeaning) {
  ASSERT_GE(metric_ids().size(), 40u);
  for (const MetricRule& rule : metric_rules()) {
    EXPECT_FALSE(rule.meaning.empty()) << rule.metric;
    EXPECT_NE(rule.metric.find('.'), std::string::npos) << rule.metric;
    EXPECT_TRUE(rule.table_only || !rule.phrase.empty()) << rule.metric;
  }
  for (const char* id :
       {"proactive.published", "proactive.normative_documents", "proactive.regulations",
        "requests.received", "requests.answered", "requests.granted", "requests.partially_granted",
        "requests.denied", "requests.carried_over", "requests.carried_forward",
        "consultations.received", "fees.collected", "review.total", "review.upheld",
        "review.corrected", "litigation.total", "litigation.upheld", "staff.total",
        "training.sessions"})
    EXPECT_TRUE(is_known_metric(id)) << id;
  EXPECT_FALSE(is_known_metric("proactive"));
}

TEST(Vocabulary, MetricForUsesUnitPhraseAndSentence) {
  EXPECT_EQ(metric_for("共收到申请", "", "件"), "requests.received");
  EXPECT_EQ(metric_for("共收到申请", "", "元"), "");
  EXPECT_EQ(metric_for("结果维持", "行政复议5件，", "件"), "review.upheld");
  EXPECT_EQ(metric_for("结果维持", "", "件"), "");
  EXPECT_EQ(metric_for("规范性文件", "", "件"), "proactive.normative_documents");
}

}  // namespace
}  // namespace nianbao::facts
