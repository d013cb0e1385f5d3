// Pre-2019 heading sets (FORMATS.md §4.1) map to the stable section keys.
#include <gtest/gtest.h>

#include "extractor/layout/sections.hpp"

namespace nianbao::layout {
namespace {

void expect_keys(const std::vector<std::string>& headings, const std::vector<std::string>& keys) {
  int previous = 0;
  for (std::size_t i = 0; i < headings.size(); ++i) {
    const auto h = classify_heading(headings[i], previous);
    ASSERT_TRUE(h) << headings[i];
    EXPECT_EQ(h->info.key, keys[i]) << headings[i];
    previous = h->ordinal;
  }
}

TEST(Pre2019Headings, ShanghaiStyle) {
  expect_keys(
      {"一、概述", "二、主动公开政府信息情况", "三、依申请公开政府信息情况", "四、复议、诉讼情况",
       "五、咨询处理情况", "六、主要问题和改进措施"},
      {"overview", "proactive", "on_request", "review_litigation", "consultation", "problems"});
}

TEST(Pre2019Headings, GuangzhouNanjingStyle) {
  expect_keys(
      {"一、概述", "二、主动公开", "三、依申请公开", "四、咨询处理情况", "五、复议、诉讼和申诉情况",
       "六、政府支出和收费", "七、其他工作情况", "八、存在的主要问题和改进措施"},
      {"overview", "proactive", "on_request", "consultation", "review_litigation", "fees", "other",
       "problems"});
}

TEST(Pre2019Headings, JilinAndWuhanStyles) {
  expect_keys({"一、基本工作情况", "二、主动公开政府信息情况", "三、回应解读情况",
               "四、依申请公开政府信息情况", "五、行政复议（诉讼）和举报投诉情况",
               "六、机构设置（建设）、保障经费和培训会议情况", "七、存在问题及工作打算"},
              {"overview", "proactive", "response", "on_request", "review_litigation",
               "org_funding", "problems"});
  expect_keys(
      {"一、政府信息公开工作要点落实情况", "二、主动公开", "三、回应解读情况", "四、依申请公开",
       "五、政府信息公开行政复议、行政诉讼和投诉情况", "六、机构建设和保障经费情况",
       "七、政府信息公开会议和培训情况", "八、存在的主要问题及改进措施"},
      {"overview", "proactive", "response", "on_request", "review_litigation", "org_funding",
       "org_funding", "problems"});
}

TEST(Pre2019Headings, FujianStyleAndTheWholeSubjectAsSectionTwo) {
  expect_keys(
      {"一、概述", "二、政府信息公开情况", "三、政府信息依申请公开办理情况",
       "四、政府信息公开的收费及减免情况", "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
       "六、政府信息公开工作存在的主要问题及改进情况", "七、需要说明的事项与附表"},
      {"overview", "proactive", "on_request", "fees", "review_litigation", "problems", "other"});
}

TEST(Pre2019Headings, StatisticsTableRowsAreNoHeadings) {
  EXPECT_FALSE(classify_heading("七、依申请公开信息收取的费用 | 万元 | 0", 6));
  EXPECT_FALSE(classify_heading("八、机构建设和保障经费情况\t—\t—", 6));
  // A heading written as one cell with its bar ("cell |" flattening) still is one.
  EXPECT_TRUE(classify_heading("二、主动公开政府信息情况 |", 1));
}

}  // namespace
}  // namespace nianbao::layout
