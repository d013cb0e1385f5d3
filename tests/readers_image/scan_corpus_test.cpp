// The scans of corpus/scan against their goldens (issue 18): no wrong figure ever (every figure
// given is in the golden with the golden's value), and at least the share of the golden's
// figures by resolution: 0.95 at 300 dpi, 0.80 at 150 and 200 dpi. Each file's recall goes to the
// test log. Every figure given says it was read by OCR, with its confidence, page and pixel box;
// every figure withheld by the OCR gate is reported as `ocr_unverified` at its own cell.
#include <gtest/gtest.h>

#include <iomanip>
#include <iostream>
#include <sstream>
#include <tuple>

#include "extractor/pipeline/extract.hpp"
#include "golden.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

std::filesystem::path scan_corpus() { return project_corpus() / "scan"; }

// The least recall the issue accepts for a scan, from the resolution its name gives; 0 where the
// name gives none (a test below requires every name to give one).
double recall_floor(const std::filesystem::path& document) {
  const std::string name = document.filename().string();
  if (name.find("300dpi") != std::string::npos) return 0.95;
  if (name.find("150dpi") != std::string::npos || name.find("200dpi") != std::string::npos)
    return 0.80;
  return 0.0;
}

bool valid_box(const model::PixelBox& b) {
  return b.x0 >= 0 && b.y0 >= 0 && b.x0 < b.x1 && b.y0 < b.y1;
}

bool same_cell(const model::Locator& a, const model::Locator& b) {
  return a.page == b.page && a.pixels && b.pixels &&
         std::tie(a.pixels->x0, a.pixels->y0, a.pixels->x1, a.pixels->y1) ==
             std::tie(b.pixels->x0, b.pixels->y0, b.pixels->x1, b.pixels->y1);
}

void expect_ocr_locator(const model::Locator& at, const std::string& what) {
  EXPECT_TRUE(at.ocr) << what;
  ASSERT_TRUE(at.confidence.has_value()) << what;
  EXPECT_GE(*at.confidence, 0) << what;
  EXPECT_LE(*at.confidence, 100) << what;
  ASSERT_TRUE(at.page.has_value()) << what;
  EXPECT_GE(*at.page, 1) << what;
  ASSERT_TRUE(at.pixels.has_value()) << what;
  EXPECT_TRUE(valid_box(*at.pixels)) << what;
}

// Figures given and withheld: every one given says it was read by OCR; every withheld one is
// reported at its own cell, where no figure given stands.
void expect_ocr_locators(const model::Record& record, const std::string& name) {
  for (const model::Figure& f : record.figures) expect_ocr_locator(f.locator, f.id);
  int withheld = 0;
  for (const model::Diagnostic& d : record.diagnostics) {
    if (d.code != "ocr_unverified") continue;
    ++withheld;
    expect_ocr_locator(d.locator, d.message);
    for (const model::Figure& f : record.figures)
      EXPECT_FALSE(same_cell(f.locator, d.locator)) << f.id << " given, and " << d.message;
  }
  std::cout << "[ scan     ] " << name << ": " << record.figures.size() << " figures given, "
            << withheld << " withheld (ocr_unverified)" << std::endl;
}

// One test a file, since reading a scan by OCR is slow (seconds a page under the sanitizers).
class ScanCorpus : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(ScanCorpus, NoWrongFigureAndTheRecallOfItsResolution) {
  const std::filesystem::path golden = GetParam();
  const std::filesystem::path document = document_of(golden);
  const std::string name = document.filename().string();
  const model::Record record = pipeline::extract_file(document.string());
  const GoldenComparison c = compare_with_golden(record, golden);
  const double r = recall(c);
  std::ostringstream line;
  line << std::fixed << std::setprecision(3) << name << ": recall " << r << " (" << c.right << "/"
       << c.expected << "), wrong " << c.wrong.size() << ", floor " << recall_floor(document);
  std::cout << "[ scan     ] " << line.str() << std::endl;
  RecordProperty("recall", line.str());
  for (const std::string& m : c.meta) std::cout << "[ scan     ]   meta: " << m << std::endl;

  EXPECT_NE(record.status, model::RecordStatus::failed);
  EXPECT_GT(c.expected, 0);
  EXPECT_TRUE(c.wrong.empty()) << "a wrong figure is worse than a missing one: " << describe(c);
  EXPECT_GE(r, recall_floor(document)) << describe(c);
  expect_ocr_locators(record, name);
}

std::string test_name(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  std::string name = document_of(info.param).filename().string();
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Goldens, ScanCorpus, ::testing::ValuesIn(golden_files(scan_corpus())),
                         test_name);

TEST(ScanCorpusFiles, EveryScanHasAGoldenAndAResolutionInItsName) {
  const auto goldens = golden_files(scan_corpus());
  EXPECT_GE(goldens.size(), 12u);
  for (const auto& golden : goldens) {
    EXPECT_TRUE(std::filesystem::exists(document_of(golden))) << golden;
    EXPECT_GT(recall_floor(document_of(golden)), 0.0) << golden;
  }
}

}  // namespace
}  // namespace nianbao::testing
