// The whole path on corpus/html: every golden figure right, no figure the golden lacks, the
// report metadata right, and each figure located by an element path into the page.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "extractor/pipeline/extract.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string expected_text(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  return std::to_string(value.get<long long>());
}

std::string actual_text(const model::Figure& figure) {
  switch (figure.status) {
    case norm::CellStatus::blank:
      return "blank";
    case norm::CellStatus::not_applicable:
      return "n/a";
    case norm::CellStatus::value:
      return figure.value ? figure.value->to_string() : "<no value>";
    case norm::CellStatus::unparsed:
      return "unparsed:" + figure.raw;
  }
  return "?";
}

bool loosely_equal(const std::string& a, const std::string& b) {
  return !a.empty() && !b.empty() &&
         (a.find(b) != std::string::npos || b.find(a) != std::string::npos);
}

TEST(HtmlEndToEnd, EveryGoldenFigureOfTheHtmlCorpusIsRight) {
  const fs::path dir = project_corpus() / "html";
  int documents = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() <= 12 || name.substr(name.size() - 12) != ".golden.json") continue;
    std::ifstream in(entry.path());
    const Json golden = Json::parse(in);
    const fs::path page = dir / golden["document"].get<std::string>();
    SCOPED_TRACE(page.filename().string());
    const model::Record record = pipeline::extract_file(page.string());
    ++documents;

    EXPECT_EQ(record.status, model::RecordStatus::ok);
    EXPECT_EQ(record.source.format, "html");
    const Json& report = golden["report"];
    EXPECT_EQ(record.report.year, report["year"].get<int>());
    EXPECT_EQ(record.report.template_version, report["template"].get<std::string>());
    EXPECT_TRUE(loosely_equal(record.report.agency, report["agency"].get<std::string>()))
        << "agency: " << record.report.agency;

    std::map<std::string, const model::Figure*> figures;
    for (const model::Figure& f : record.figures) figures[f.id] = &f;
    for (const auto& [id, value] : golden["figures"].items()) {
      const auto it = figures.find(id);
      ASSERT_NE(it, figures.end()) << "missing figure " << id;
      EXPECT_EQ(actual_text(*it->second), expected_text(value)) << id;
      EXPECT_EQ(it->second->locator.path.rfind("/html/body/", 0), 0u)
          << id << " at " << it->second->locator.path;
    }
    EXPECT_EQ(record.figures.size(), golden["figures"].size()) << "extra figures emitted";
  }
  EXPECT_GE(documents, 4);
}

}  // namespace
}  // namespace nianbao::testing
