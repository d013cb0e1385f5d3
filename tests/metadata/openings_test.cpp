// corpus/openings/ (tools/make_openings_corpus.py): reports whose openings, titles and signature
// blocks take the shapes of real ones, each with a <document>.meta.json stating its title, year
// and agency, or null where the document does not state one with certainty. Every record must
// match exactly: right or null, never wrong.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "extractor/pipeline/extract.hpp"
#include "test_paths.hpp"

namespace nianbao::metadata {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_golden_suffix = ".meta.json";

std::vector<fs::path> opening_goldens() {
  std::vector<fs::path> out;
  const fs::path dir = testing::project_corpus() / "openings";
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().ends_with(k_golden_suffix)) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

fs::path document_of(const fs::path& golden) {
  std::string name = golden.filename().string();
  name.resize(name.size() - k_golden_suffix.size());
  return golden.parent_path() / name;
}

// The golden's string field, "" for null (a record writes an empty title or agency as null).
std::string text_or_empty(const nlohmann::json& report, const char* key) {
  const nlohmann::json& v = report.at(key);
  return v.is_null() ? "" : v.get<std::string>();
}

class Openings : public ::testing::TestWithParam<fs::path> {};

TEST_P(Openings, TitleYearAndAgencyAreRightOrNull) {
  std::ifstream in(GetParam());
  const nlohmann::json golden = nlohmann::json::parse(in);
  const nlohmann::json& want = golden.at("report");
  const model::Record record = pipeline::extract_file(document_of(GetParam()).string());
  const std::string shape = golden.value("shape", "");
  EXPECT_EQ(record.report.title, text_or_empty(want, "title")) << shape;
  EXPECT_EQ(record.report.agency, text_or_empty(want, "agency")) << shape;
  if (want.at("year").is_null()) {
    EXPECT_FALSE(record.report.year.has_value()) << shape;
  } else {
    EXPECT_EQ(record.report.year, want.at("year").get<int>()) << shape;
  }
}

std::string test_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = document_of(info.param).filename().string();
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name + "_" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(Corpus, Openings, ::testing::ValuesIn(opening_goldens()), test_name);

TEST(OpeningsCorpus, HoldsTwentyVariantsOrMoreInTextHtmlAndDocx) {
  const std::vector<fs::path> goldens = opening_goldens();
  EXPECT_GE(goldens.size(), 20u);
  std::set<std::string> formats;
  int without_agency = 0;
  for (const fs::path& golden : goldens) {
    ASSERT_TRUE(fs::exists(document_of(golden))) << golden;
    formats.insert(document_of(golden).extension().string());
    std::ifstream in(golden);
    if (nlohmann::json::parse(in).at("report").at("agency").is_null()) ++without_agency;
  }
  EXPECT_EQ(formats, (std::set<std::string>{".docx", ".html", ".txt"}));
  EXPECT_GE(without_agency, 3) << "cases where null is the right answer";
}

}  // namespace
}  // namespace nianbao::metadata
