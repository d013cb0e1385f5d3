// docs/METRICS.md documents the vocabulary: every metric id of templates/data/metrics.tsv is
// listed there, and every legacy statistics-table row names a metric of the vocabulary.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "extractor/facts/vocabulary.hpp"
#include "extractor/legacy/statistics_table.hpp"
#include "test_paths.hpp"

namespace nianbao::facts {
namespace {

TEST(MetricsDoc, ListsEveryMetricOfTheVocabulary) {
  std::ifstream in(testing::project_dir() / "docs" / "METRICS.md");
  ASSERT_TRUE(in) << "docs/METRICS.md";
  std::stringstream text;
  text << in.rdbuf();
  for (const std::string& id : metric_ids())
    EXPECT_NE(text.str().find("`" + id + "`"), std::string::npos) << id;
}

TEST(MetricsDoc, StatisticsTableRowsUseTheVocabulary) {
  for (const char* label : {"主动公开政府信息数", "收到申请数", "按时办结数", "同意部分公开答复数",
                            "从事政府信息公开工作人员数", "接受培训人员数", "申请总数"}) {
    const std::string metric = legacy::metric_for_label(label, "", nullptr);
    EXPECT_TRUE(is_known_metric(metric)) << label << " → " << metric;
  }
  for (const char* block : {"review", "litigation", "complaints"})
    for (const char* label : {"维持具体行政行为数", "被依法纠错数", "其他情形数"})
      EXPECT_TRUE(is_known_metric(legacy::metric_for_label(label, block, nullptr)))
          << block << " " << label;
}

}  // namespace
}  // namespace nianbao::facts
