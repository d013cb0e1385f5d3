#include "extractor/layout/sections.hpp"

#include <gtest/gtest.h>

#include "extractor/layout/inline_headings.hpp"
#include "extractor/readers/reader.hpp"

namespace nianbao::layout {
namespace {

TEST(ClassifyHeading, TheSixTemplateHeadings) {
  const char* headings[] = {"一、总体情况",
                            "二、主动公开政府信息情况",
                            "三、收到和处理政府信息公开申请情况",
                            "四、政府信息公开行政复议、行政诉讼情况",
                            "五、存在的主要问题及改进情况",
                            "六、其他需要报告的事项"};
  const char* keys[] = {"overview",          "proactive", "on_request",
                        "review_litigation", "problems",  "other"};
  int previous = 0;
  for (int i = 0; i < 6; ++i) {
    auto h = classify_heading(headings[i], previous);
    ASSERT_TRUE(h) << headings[i];
    EXPECT_EQ(h->info.key, keys[i]);
    EXPECT_EQ(h->ordinal, i + 1);
    previous = h->ordinal;
  }
}

TEST(ClassifyHeading, VariantWordingsOfFormats61) {
  EXPECT_EQ(classify_heading("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", 3)->info.key,
            "review_litigation");
  EXPECT_EQ(classify_heading("四、因政府信息公开工作被申请行政复议提起行政诉讼情况", 3)->info.key,
            "review_litigation");
  EXPECT_EQ(classify_heading("五、政府信息公开工作存在的主要问题及改进情况", 4)->info.key,
            "problems");
  EXPECT_EQ(classify_heading("一、概述", 0)->info.key, "overview");
  EXPECT_EQ(classify_heading("一、政府信息公开总体工作情况", 0)->info.key, "overview");
  EXPECT_EQ(classify_heading("二、行政机关主动公开政府信息情况", 1)->info.key, "proactive");
}

TEST(ClassifyHeading, TableRowsThatLookLikeHeadingsAreNot) {
  EXPECT_FALSE(classify_heading("四、结转下年度继续办理", 3));
  EXPECT_FALSE(classify_heading("一、本年新收政府信息公开申请数量", 0));
  EXPECT_FALSE(classify_heading("三、本年度办理结果", 2));
}

TEST(ClassifyHeading, ProseAndOutOfOrderNumbersAreNot) {
  EXPECT_FALSE(classify_heading("一是加强信息公开制度建设。", 0));
  EXPECT_FALSE(classify_heading("二、主动公开政府信息情况", 2));  // numbering must increase
  EXPECT_FALSE(classify_heading("1.加强组织领导。", 0));
}

TEST(ClassifyHeading, HeadingRunningIntoItsFirstSentence) {
  auto h = classify_heading("三、依申请公开政府信息:无依申请公开的政府信息。", 2);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->info.key, "on_request");
  EXPECT_EQ(h->info.heading, "依申请公开政府信息");
}

TEST(FindSections, SectionFourIsNotCutShortByTheTableRow) {
  const std::string text =
      "一、总体情况\n概述。\n三、收到和处理政府信息公开申请情况\n四、结转下年度继续办理\n0\n"
      "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n";
  const model::Document doc = readers::read_bytes(text, "t.txt");
  const auto sections = find_sections(doc);
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(sections[2].info.key, "review_litigation");
  EXPECT_EQ(*sections[2].info.locator.line, 6);
}

TEST(SmallChineseNumeral, Values) {
  EXPECT_EQ(small_chinese_numeral(U"一"), 1);
  EXPECT_EQ(small_chinese_numeral(U"十"), 10);
  EXPECT_EQ(small_chinese_numeral(U"十一"), 11);
  EXPECT_EQ(small_chinese_numeral(U"二十三"), 23);
  EXPECT_FALSE(small_chinese_numeral(U"是"));
}

}  // namespace
}  // namespace nianbao::layout

namespace nianbao::layout {
namespace {

model::Document one_paragraph(const std::string& text) {
  model::Document doc;
  model::Block block;
  block.paragraph.text = text;
  block.paragraph.locator.line = 2;
  block.paragraph.locator.column = 1;
  block.paragraph.locator.byte_offset = 10;
  doc.blocks.push_back(block);
  return doc;
}

TEST(InlineHeadings, AReportSqueezedIntoOneParagraphGetsItsSections) {
  model::Document doc = one_paragraph(
      "一、概述 2009年，我区贯彻《条例》。二、主动公开政府信息情况 全年主动公开信息1250条。"
      "三、依申请公开政府信息情况：受理申请35件。");
  ASSERT_TRUE(split_inline_headings(doc));
  const std::vector<SectionHeading> sections = find_sections(doc);
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(sections[1].info.key, "proactive");
  EXPECT_EQ(sections[1].info.heading, "主动公开政府信息情况");
  EXPECT_EQ(sections[2].info.key, "on_request");
  // Each piece keeps where it stood: "二、" is the 21st character of the line.
  const model::Paragraph& proactive = doc.blocks[sections[1].block].paragraph;
  EXPECT_EQ(proactive.text, "二、主动公开政府信息情况");
  EXPECT_EQ(*proactive.locator.column, 21);
  EXPECT_EQ(*proactive.locator.byte_offset,
            10u + std::string("一、概述 2009年，我区贯彻《条例》。").size());
  EXPECT_EQ(doc.blocks[sections[1].block + 1].paragraph.text, " 全年主动公开信息1250条。");
}

TEST(InlineHeadings, EnumeratedProseIsLeftAlone) {
  // Numbered points that are not section headings, and a single heading, split nothing.
  model::Document points = one_paragraph("主要做法：一、加强领导。二、完善制度。三、强化监督。");
  EXPECT_FALSE(split_inline_headings(points));
  EXPECT_EQ(points.blocks.size(), 1u);
  model::Document single = one_paragraph("我局工作如下。二、主动公开政府信息情况 全年公开12条。");
  EXPECT_FALSE(split_inline_headings(single));
}

}  // namespace
}  // namespace nianbao::layout
