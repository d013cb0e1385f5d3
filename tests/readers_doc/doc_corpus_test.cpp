// Every .doc of corpus/doc gives the record its docx twin gives: the same figures (id, status,
// value, raw text), the same sections, report metadata, facts and checks; and it scores
// P = R = 1 against its golden file. Its locators are the .doc's own: character positions.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "doc_fixture.hpp"
#include "extractor/pipeline/extract.hpp"
#include "golden.hpp"

namespace nianbao::testing::doc {
namespace {

using Twin = std::pair<std::filesystem::path, std::filesystem::path>;

class DocTwin : public ::testing::TestWithParam<Twin> {};

std::string figure_signature(const model::Figure& f) {
  return std::string(norm::to_string(f.status)) + "|" + (f.value ? f.value->to_string() : "-") +
         "|" + f.raw + "|" + f.unit + "|" + f.row_label + "|" + f.header;
}

TEST_P(DocTwin, FiguresEqualTheDocxTwinsOneByOne) {
  const auto& [doc_path, docx_path] = GetParam();
  const model::Record doc = pipeline::extract_file(doc_path.string());
  const model::Record docx = pipeline::extract_file(docx_path.string());
  ASSERT_EQ(doc.status, model::RecordStatus::ok);
  EXPECT_EQ(doc.source.format, "doc");
  std::map<std::string, std::string> from_doc, from_docx;
  for (const model::Figure& f : doc.figures) from_doc[f.id] = figure_signature(f);
  for (const model::Figure& f : docx.figures) from_docx[f.id] = figure_signature(f);
  ASSERT_FALSE(from_docx.empty());
  EXPECT_EQ(from_doc.size(), from_docx.size());
  for (const auto& [id, signature] : from_docx) {
    const auto found = from_doc.find(id);
    ASSERT_NE(found, from_doc.end()) << id << " missing from " << doc_path.filename();
    EXPECT_EQ(found->second, signature) << id;
  }
}

TEST_P(DocTwin, SectionsMetadataFactsAndChecksEqualTheTwins) {
  const auto& [doc_path, docx_path] = GetParam();
  const model::Record doc = pipeline::extract_file(doc_path.string());
  const model::Record docx = pipeline::extract_file(docx_path.string());
  EXPECT_EQ(doc.report.title, docx.report.title);
  EXPECT_EQ(doc.report.year, docx.report.year);
  EXPECT_EQ(doc.report.agency, docx.report.agency);
  EXPECT_EQ(doc.report.template_version, docx.report.template_version);
  EXPECT_EQ(doc.report.published, docx.report.published);
  ASSERT_EQ(doc.sections.size(), docx.sections.size());
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    EXPECT_EQ(doc.sections[i].key, docx.sections[i].key);
    EXPECT_EQ(doc.sections[i].number, docx.sections[i].number);
    EXPECT_EQ(doc.sections[i].heading, docx.sections[i].heading);
  }
  ASSERT_EQ(doc.facts.size(), docx.facts.size());
  for (std::size_t i = 0; i < doc.facts.size(); ++i) {
    EXPECT_EQ(doc.facts[i].text, docx.facts[i].text);
    EXPECT_EQ(doc.facts[i].metric, docx.facts[i].metric);
  }
  ASSERT_EQ(doc.checks.size(), docx.checks.size());
  for (std::size_t i = 0; i < doc.checks.size(); ++i) {
    EXPECT_EQ(doc.checks[i].id, docx.checks[i].id);
    EXPECT_EQ(doc.checks[i].status, docx.checks[i].status) << doc.checks[i].id;
  }
}

TEST_P(DocTwin, ScoresExactlyAgainstItsGolden) {
  const auto& doc_path = GetParam().first;
  const std::filesystem::path golden = doc_path.string() + ".golden.json";
  ASSERT_TRUE(std::filesystem::exists(golden));
  const GoldenComparison c = compare_with_golden(pipeline::extract_file(doc_path.string()), golden);
  EXPECT_GT(c.expected, 0);
  EXPECT_EQ(c.right, c.expected) << describe(c);
  EXPECT_TRUE(c.wrong.empty() && c.missed.empty() && c.meta.empty()) << describe(c);
}

TEST_P(DocTwin, EveryFigureStandsAtACharacterPositionInATableCell) {
  const model::Record doc = pipeline::extract_file(GetParam().first.string());
  for (const model::Figure& f : doc.figures) {
    ASSERT_TRUE(f.locator.char_position.has_value()) << f.id;
    EXPECT_TRUE(f.locator.table && f.locator.row && f.locator.cell) << f.id;
  }
  for (const model::SectionInfo& s : doc.sections) {
    EXPECT_TRUE(s.locator.char_position.has_value()) << s.heading;
  }
}

std::string twin_name(const ::testing::TestParamInfo<Twin>& info) {
  std::string name = info.param.first.filename().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, DocTwin, ::testing::ValuesIn(twins()), twin_name);

TEST(DocCorpus, HoldsBothTemplatesAPre2019ReportAndAWps) {
  std::set<std::string> templates;
  bool wps = false;
  for (const auto& [doc_path, twin] : twins()) {
    templates.insert(pipeline::extract_file(doc_path.string()).report.template_version);
    wps = wps || doc_path.extension() == ".wps";
    EXPECT_TRUE(std::filesystem::exists(twin)) << twin;
  }
  EXPECT_EQ(templates, (std::set<std::string>{"2019", "2021", "pre2019"}));
  EXPECT_TRUE(wps);
}

}  // namespace
}  // namespace nianbao::testing::doc
