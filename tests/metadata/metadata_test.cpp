#include <gtest/gtest.h>

#include "extractor/metadata/report_metadata.hpp"
#include "extractor/pipeline/extract.hpp"

namespace nianbao::metadata {
namespace {

model::ReportMeta meta_of(const std::string& text) {
  return pipeline::extract_bytes(text, "report.txt").report;
}

TEST(Year, FromTheTitleBeforeAnythingElse) {
  const auto m = meta_of(
      "虹山乡人民政府2011年度信息公开的报告\n时间:2012-04-12 10:47\n一、基本情况\n2009年起我乡…\n");
  EXPECT_EQ(m.year, 2011);
  EXPECT_EQ(m.agency, "虹山乡人民政府");
  EXPECT_EQ(m.published, "2012-04-12");
}

TEST(Year, FromTheStatisticsPeriodWhenTheTitleHasNone) {
  const auto m = meta_of(
      "某县林业局政府信息公开工作年度报告\n本报告中所列数据的统计期限自2013年1月1日起至2013年12月31"
      "日止。\n");
  EXPECT_EQ(m.year, 2013);
}

TEST(Year, FromThePublicationLineAsALastResort) {
  EXPECT_EQ(
      meta_of("政府信息公开工作年度报告\n发布日期：2015-03-20\n一、概述\n我局按照要求…\n").year,
      2014);
  // A date late in the year does not tell which year the report covers.
  EXPECT_FALSE(meta_of("政府信息公开工作年度报告\n发布日期：2015-09-20\n一、概述\n我局…\n").year);
}

TEST(Year, NeverAYearThatMerelyAppears) {
  const auto m = meta_of(
      "政府信息公开工作报告\n一、概述\n我局自2008年5月1日起施行《条例》，2016年完成改版。\n");
  EXPECT_FALSE(m.year.has_value());
}

TEST(Published, TheDateWithoutTheTimeOfDay) {
  EXPECT_EQ(
      meta_of("唐村镇2010年政府信息公开工作年度报告\n发布时间:2011-03-14 18:20:44\n").published,
      "2011-03-14");
  EXPECT_EQ(meta_of("唐村镇2010年政府信息公开工作年度报告\n发布时间：2011/3/4\n").published,
            "2011/3/4");
}

TEST(SignatureBlock, GivesTheDateAndAnAgencyTheTitleLacks) {
  const auto m = meta_of(
      "2012年政府信息公开工作年度报告\n一、概述\n全年主动公开信息5条。\n\n仙游县林业局\n2013年3月20"
      "日\n");
  EXPECT_EQ(m.published, "2013年3月20日");
  EXPECT_EQ(m.agency, "仙游县林业局");
  EXPECT_EQ(m.year, 2012);
}

TEST(SignatureBlock, APlaceholderIsNoAgencyAndProseIsNoSignature) {
  EXPECT_EQ(
      meta_of(
          "政府信息公开工作年度报告\n一、概述\n全年公开信息5条。\nXX乡镇（部门）\n2020年1月10日\n")
          .agency,
      "");
  EXPECT_EQ(
      meta_of("政府信息公开工作年度报告\n一、概述\n我们在2020年1月10日召开会议。\n").published, "");
}

TEST(Agency, AnAsideClosedBeforeTheNameIsNotPartOfIt) {
  EXPECT_EQ(
      meta_of("Coverage: (cut in part 四) 虹山乡人民政府2011年度信息公开的报告\n一、概述\n").agency,
      "虹山乡人民政府");
  // Brackets inside a name stay.
  EXPECT_EQ(
      meta_of("中国（上海）自由贸易试验区管理委员会2019年政府信息公开工作年度报告\n一、总体情况\n")
          .agency,
      "中国（上海）自由贸易试验区管理委员会");
}

TEST(Title, ABreadcrumbIsNotTheTitle) {
  const auto m = meta_of(
      "首页 > 部门信息公开 > 年度报告\n区统计局2023年政府信息公开工作年度报告\n一、总体情况\n");
  EXPECT_EQ(m.title, "区统计局2023年政府信息公开工作年度报告");
  EXPECT_EQ(meta_of("当前位置：首页 年度报告\n区统计局2023年政府信息公开工作年度报告\n").title,
            "区统计局2023年政府信息公开工作年度报告");
}

TEST(Traditional, AMirrorWithPinyinGlossesReadsAsItsSimplifiedOriginal) {
  const auto m = meta_of(
      "首頁(yè) > 政府信息公開(kāi)\n"
      "區(qū)投資促進(jìn)局2022年政府信息公開(kāi)工作年度報(bào)告\n一、總體情況\n");
  EXPECT_EQ(m.title, "区投资促进局2022年政府信息公开工作年度报告");
  EXPECT_EQ(m.year, 2022);
  EXPECT_EQ(m.agency, "区投资促进局");
}

TEST(Title, TheLineThatNamesAReport) {
  EXPECT_EQ(meta_of("附件\n舒兰市水利局2017年政府信息公开工作年度报告\n一、基本工作情况\n").title,
            "舒兰市水利局2017年政府信息公开工作年度报告");
}

}  // namespace
// A document as OCR gives it: paragraphs with their recognition confidence.
model::Document ocr_document(const std::vector<std::pair<std::string, int>>& paragraphs) {
  model::Document doc;
  for (const auto& [text, confidence] : paragraphs) {
    model::Block block;
    block.paragraph.text = text;
    block.paragraph.locator.ocr = true;
    block.paragraph.locator.confidence = confidence;
    doc.blocks.push_back(std::move(block));
  }
  return doc;
}

TEST(Agency, ReadByOcrOnlyWhereTwoParagraphsOrOneSureLineNameIt) {
  const std::string title = "石内镇人民政府2020年政府信息公开工作年度报告";
  // Named once, in a title recognised at 85 (门 misread as 内): not given.
  EXPECT_EQ(read_metadata(ocr_document({{title, 85}, {"一、总体情况", 93}}), {}).agency, "");
  // Named again by the signature: given.
  EXPECT_EQ(read_metadata(ocr_document({{title, 85}, {"石内镇人民政府", 86}}), {}).agency,
            "石内镇人民政府");
  // Named once, by a line recognised with high confidence: given.
  EXPECT_EQ(read_metadata(ocr_document({{title, 94}}), {}).agency, "石内镇人民政府");
  // Text from a text layer is not held to this.
  model::Document typed = ocr_document({{title, 85}});
  typed.blocks.front().paragraph.locator = {};
  EXPECT_EQ(read_metadata(typed, {}).agency, "石内镇人民政府");
}

}  // namespace nianbao::metadata
