#include "normalizers/labels.hpp"

#include <gtest/gtest.h>

namespace nianbao::norm {
namespace {

TEST(NormalizeForMatch, FoldsWidthSpacesAndQuotes) {
  EXPECT_EQ(normalize_for_match("（一）予以公开"), normalize_for_match("(一) 予以公开"));
  EXPECT_EQ(normalize_for_match("3.危及“三安全一稳定”"),
            normalize_for_match("3.危及\"三安全一稳定\""));
  EXPECT_EQ(normalize_for_match("商业\n企业"), "商业企业");
  EXPECT_EQ(normalize_for_match("商业　企业"), "商业企业");  // U+3000
  EXPECT_EQ(normalize_for_match("本年收费金额（单位：万元）"), "本年收费金额(单位:万元)");
}

TEST(NormalizeForMatch, TraditionalAndPinyinGlossesBecomeSimplified) {
  EXPECT_EQ(normalize_for_match("第二十條第(一)項(xiàng)"),
            normalize_for_match("第二十条第（一）项"));
  EXPECT_EQ(normalize_for_match("本年收費金額(單位:萬元)"),
            normalize_for_match("本年收费金额（单位：万元）"));
  EXPECT_EQ(normalize_for_match("本年制發(fā)件數(shù)"), "本年制发件数");
}

TEST(NormalizeForMatch, DropsTrailingTablePunctuation) {
  EXPECT_EQ(normalize_for_match("规章 |"), "规章");
  EXPECT_EQ(normalize_for_match("信息内容："), "信息内容");
}

TEST(NormalizeLabel, SplitsEnumerators) {
  EXPECT_EQ(normalize_label("一、本年新收政府信息公开申请数量").enumerator, "一");
  EXPECT_EQ(normalize_label("一、本年新收政府信息公开申请数量").body,
            "本年新收政府信息公开申请数量");
  EXPECT_EQ(normalize_label("（三）不予公开").enumerator, "(三)");
  EXPECT_EQ(normalize_label("（三）不予公开").body, "不予公开");
  EXPECT_EQ(normalize_label("1.属于国家秘密").enumerator, "1");
  EXPECT_EQ(normalize_label("1、属于国家秘密").body, "属于国家秘密");
  EXPECT_EQ(normalize_label("规章").enumerator, "");
  // A decimal is not an enumerator.
  EXPECT_EQ(normalize_label("1.5").enumerator, "");
}

TEST(StripParentheticalTail, RemovesProvincialNotes) {
  EXPECT_EQ(strip_parenthetical_tail(normalize_for_match("上一年项目数量(指2019年事项数)")),
            "上一年项目数量");
  EXPECT_EQ(strip_parenthetical_tail("规章"), "规章");
  EXPECT_EQ(strip_parenthetical_tail("(一)"), "(一)");
}

TEST(LabelMatchScore, ExactTailsAndTypos) {
  const std::string partial =
      normalize_label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）").body;
  EXPECT_EQ(label_match_score(partial, partial), 100);
  EXPECT_EQ(label_match_score(normalize_label("(二)部分公开").body, partial), 90);
  EXPECT_EQ(label_match_score(normalize_label("5.属于三类内容事务信息").body,
                              normalize_label("5.属于三类内部事务信息").body),
            70);
  EXPECT_EQ(label_match_score("规章", "规范性文件"), 0);
  // Short labels do not get typo tolerance: one edit apart would be another label.
  EXPECT_EQ(label_match_score("其它", "其他"), 0);
  // Neighbouring rows of table 三 are too far apart to be mistaken for each other.
  EXPECT_EQ(label_match_score(normalize_label("一、本年新收政府信息公开申请数量").body,
                              normalize_label("二、上年结转政府信息公开申请数量").body),
            0);
}

TEST(LabelMatchScore, ABracketDoubledByOcrStillMatchesWhole) {
  // The note's opening bracket doubled: the note is no longer cut off as the template's is.
  const std::string partial =
      normalize_label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）").body;
  EXPECT_EQ(
      label_match_score(
          normalize_label("(二)部分公开（（区分处理的，只计这一情形，不计其他情形)").body, partial),
      70);
  // A note that is not the template's is still no match.
  EXPECT_EQ(
      label_match_score(normalize_label("(二)部分公开（（按件数统计，不计其他情形)").body, partial),
      0);
}

TEST(EditDistance, CountsCodePoints) {
  EXPECT_EQ(edit_distance("内部", "内容"), 1);
  EXPECT_EQ(edit_distance("", "三安全"), 3);
  EXPECT_EQ(code_point_count("三安全一稳定"), 6);
}

}  // namespace
}  // namespace nianbao::norm

namespace nianbao::norm {
namespace {

TEST(SimplifiedReading, DropsGlossesAndConvertsButKeepsPunctuation) {
  EXPECT_TRUE(has_traditional_or_glosses("區(qū)投資促進(jìn)局"));
  EXPECT_TRUE(has_traditional_or_glosses("第二十条第(一)项(xiàng)"));
  EXPECT_FALSE(has_traditional_or_glosses("区投资促进局（单位：万元）"));
  EXPECT_FALSE(has_traditional_or_glosses("行政复议(件)"));
  EXPECT_EQ(simplified_reading("區(qū)投資促進(jìn)局（二）"), "区投资促进局（二）");
  EXPECT_EQ(simplified_reading("ascii (text)"), "ascii (text)");
}

}  // namespace
}  // namespace nianbao::norm
