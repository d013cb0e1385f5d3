// Facts against golden files: the shared corpus's 2010 and 2011 prose reports (their goldens
// list `facts` with text, value and unit), the seed's section 一, and the project's own pre-2019
// documents (corpus/pre2019, whose goldens also give each fact's metric and section).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "extractor/pipeline/extract.hpp"
#include "golden.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

nlohmann::json load(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::string shown_value(const std::optional<norm::Decimal>& v) {
  return v ? v->to_string() : "null";
}

std::string golden_value(const nlohmann::json& v) {
  if (v.is_null()) return "null";
  const auto d = norm::Decimal::parse(v.dump());
  return d ? d->to_string() : v.dump();
}

std::string golden_string(const nlohmann::json& g, const char* key) {
  return g.contains(key) && !g[key].is_null() ? g[key].get<std::string>() : "";
}

// Every fact the golden lists, in order, and nothing else. `strict` also compares the fields
// only the project's goldens give (metric, section, qualifier).
void expect_facts(const model::Record& record, const nlohmann::json& golden, bool strict) {
  const nlohmann::json& want = golden["facts"];
  ASSERT_EQ(record.facts.size(), want.size()) << golden["document"];
  for (std::size_t i = 0; i < want.size(); ++i) {
    const model::Fact& got = record.facts[i];
    const nlohmann::json& w = want[i];
    SCOPED_TRACE(w.dump());
    EXPECT_EQ(got.text, w["text"].get<std::string>());
    EXPECT_EQ(shown_value(got.value), golden_value(w["value"]));
    EXPECT_EQ(got.unit, golden_string(w, "unit"));
    if (!strict) continue;
    EXPECT_EQ(got.metric, golden_string(w, "metric"));
    EXPECT_EQ(got.section, golden_string(w, "section"));
    EXPECT_EQ(norm::to_string(got.qualifier), golden_string(w, "qualifier"));
  }
}

// The report fields the golden gives; a field it leaves out is not compared.
void expect_report(const model::Record& record, const nlohmann::json& report) {
  const model::ReportMeta& m = record.report;
  if (report.contains("year")) {
    EXPECT_EQ(m.year, report["year"].get<int>());
  }
  const std::pair<const char*, const std::string*> fields[] = {{"template", &m.template_version},
                                                               {"agency", &m.agency},
                                                               {"published", &m.published},
                                                               {"title", &m.title}};
  for (const auto& [key, got] : fields) {
    if (report.contains(key)) {
      EXPECT_EQ(*got, report[key].get<std::string>()) << key;
    }
  }
}

TEST(SharedProseReports, GiveYearTemplateAgencyAndExactlyTheirFacts) {
  NIANBAO_REQUIRE_SHARED_CORPUS(shared);
  for (const char* name :
       {"2010_zoucheng-tangcunzhen.txt", "2011_quanzhou-luojiang-hongshanxiang.txt"}) {
    SCOPED_TRACE(name);
    const std::filesystem::path document = shared / "excerpts" / name;
    const nlohmann::json golden = load(document.string() + ".golden.json");
    const model::Record record = pipeline::extract_file(document.string());
    expect_report(record, golden["report"]);
    expect_facts(record, golden, false);
  }
}

TEST(SharedProseReports, PublicationDatesWithoutTheTimeOfDay) {
  NIANBAO_REQUIRE_SHARED_CORPUS(shared);
  const auto tangcun = shared / "excerpts" / "2010_zoucheng-tangcunzhen.txt";
  const auto hongshan = shared / "excerpts" / "2011_quanzhou-luojiang-hongshanxiang.txt";
  EXPECT_EQ(pipeline::extract_file(tangcun.string()).report.published, "2011-03-14");
  EXPECT_EQ(pipeline::extract_file(hongshan.string()).report.published, "2012-04-12");
}

const model::Fact* find_fact(const model::Record& record, std::string_view raw) {
  for (const model::Fact& f : record.facts)
    if (f.raw == raw) return &f;
  return nullptr;
}

TEST(Seed, SectionOneGivesItsFiveProseFiguresWithMetrics) {
  const model::Record record = pipeline::extract_file(
      (project_corpus() / "text" / "2019-seed-wanyuan-jingxin.txt").string());
  struct Want {
    const char* raw;
    const char* value;
    const char* unit;
    const char* metric;
  };
  const Want wants[] = {{"139条", "139", "条", "proactive.published"},
                        {"22期", "22", "期", "proactive.bulletin_issues"},
                        {"300余人次", "300", "人次", "consultations.received"},
                        {"5件", "5", "件", "petitions.received"},
                        {"3件", "3", "件", "hotline.cases"}};
  for (const Want& w : wants) {
    const model::Fact* f = find_fact(record, w.raw);
    ASSERT_NE(f, nullptr) << w.raw;
    EXPECT_EQ(f->section, "overview");
    EXPECT_EQ(shown_value(f->value), w.value);
    EXPECT_EQ(f->unit, w.unit);
    EXPECT_EQ(f->metric, w.metric);
    ASSERT_TRUE(f->locator.line.has_value());
  }
  EXPECT_EQ(find_fact(record, "300余人次")->qualifier, norm::Qualifier::at_least);
  EXPECT_EQ(find_fact(record, "139条")->text, "共发布政务信息139条");
  // Table cells are no prose: the 198 table figures give no facts, and section 一 holds no
  // other figure ("一项重要审核内容" is an article, not a count).
  EXPECT_EQ(record.facts.size(), 5u);
}

class ProjectPre2019 : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(ProjectPre2019, MatchesItsGolden) {
  const std::filesystem::path golden_path = GetParam();
  const nlohmann::json golden = load(golden_path);
  const model::Record record = pipeline::extract_file(document_of(golden_path).string());
  expect_report(record, golden["report"]);
  expect_facts(record, golden, true);
  std::vector<std::string> sections;
  for (const model::SectionInfo& s : record.sections) sections.push_back(s.key);
  EXPECT_EQ(sections, golden["sections"].get<std::vector<std::string>>());
  for (const model::Figure& f : record.figures)
    EXPECT_EQ(f.header, golden["headers"].value(f.id, std::string("?"))) << f.id;
  std::map<std::string, std::string> checks;
  for (const model::Check& c : record.checks)
    checks[c.id + " " + c.rule + " " + c.scope_value] = model::to_string(c.status);
  const auto want_checks = golden["checks"].get<std::map<std::string, std::string>>();
  EXPECT_EQ(checks, want_checks);
  EXPECT_EQ(record.status, model::RecordStatus::ok);
}

std::vector<std::filesystem::path> pre2019_goldens() {
  return golden_files(project_corpus() / "pre2019");
}

std::string test_name(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  std::string name = info.param.filename().string().substr(0, 30);
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name + "_" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(Goldens, ProjectPre2019, ::testing::ValuesIn(pre2019_goldens()),
                         test_name);

TEST(ProjectPre2019Corpus, HoldsThreeProvincesAStatisticsTableAndCumulativeColumns) {
  const auto goldens = pre2019_goldens();
  ASSERT_GE(goldens.size(), 3u);
  bool statistics_table = false;
  bool cumulative = false;
  for (const auto& path : goldens) {
    const nlohmann::json g = load(path);
    for (const auto& [id, header] : g["headers"].items()) {
      statistics_table |= header == "统计数";
      cumulative |= id.ends_with(".all_years");
    }
  }
  EXPECT_TRUE(statistics_table);
  EXPECT_TRUE(cumulative);
}

}  // namespace
}  // namespace nianbao::testing
