// The PDF reader end to end: every PDF of corpus/pdf gives page + box locators (on the page as
// displayed, also where a page is turned), hostile and damaged files give their stable codes
// and never a crash (the suite runs under ASan and UBSan), MuPDF prints nothing to the
// terminal, and reading several PDFs at once gives the records one at a time gives.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "extractor/output/record_json.hpp"
#include "extractor/pipeline/extract.hpp"
#include "extractor/readers/reader.hpp"
#include "golden.hpp"
#include "record_helpers.hpp"
#include "shell.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

constexpr auto k_time_limit = std::chrono::seconds(20);  // sanitizers, shared machine

std::filesystem::path pdf_corpus() { return project_corpus() / "pdf"; }

std::filesystem::path fixture(const std::string& name) {
  return project_dir() / "tests" / "readers_pdf" / "data" / name;
}

std::vector<std::filesystem::path> corpus_pdfs_with_figures() {
  std::vector<std::filesystem::path> out;
  for (const auto& golden : golden_files(pdf_corpus())) {
    std::ifstream in(golden);
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().find("\"figures\": {}") == std::string::npos) out.push_back(document_of(golden));
  }
  return out;
}

TEST(PdfReader, TheCorpusHoldsPdfsOfSeveralProducers) {
  const auto pdfs = corpus_pdfs_with_figures();
  EXPECT_GE(pdfs.size(), 12u);
  int libreoffice = 0, chromium = 0, cairo = 0;
  for (const auto& p : pdfs) {
    const std::string name = p.filename().string();
    libreoffice += name.find(".libreoffice.") != std::string::npos;
    chromium += name.find(".chromium.") != std::string::npos;
    cairo += name.find(".cairo.") != std::string::npos;
  }
  EXPECT_GE(libreoffice, 3);
  EXPECT_GE(chromium, 3);
  EXPECT_GE(cairo, 1);
}

// Every figure says on which page and where on it the person checking finds the number.
TEST(PdfReader, EveryFigureHasItsPageAndBox) {
  for (const auto& pdf : corpus_pdfs_with_figures()) {
    SCOPED_TRACE(pdf.filename().string());
    const model::Record record = pipeline::extract_file(pdf.string());
    EXPECT_EQ(record.source.format, "pdf");
    ASSERT_FALSE(record.figures.empty());
    for (const model::Figure& f : record.figures) {
      SCOPED_TRACE(f.id);
      ASSERT_TRUE(f.locator.page.has_value());
      EXPECT_GE(*f.locator.page, 1);
      ASSERT_TRUE(f.locator.bbox.has_value());
      const model::PageBox& b = *f.locator.bbox;
      EXPECT_LT(b.x0, b.x1);
      EXPECT_LT(b.y0, b.y1);
      EXPECT_GE(b.x0, 0.0f);
      EXPECT_GE(b.y0, 0.0f);
      EXPECT_LE(b.x1, 842.0f);  // within an A4 or Letter page, either way up
      EXPECT_LE(b.y1, 842.0f);
    }
  }
}

// A table page turned by /Rotate 90 is read in the turned frame, and its boxes are given back
// on the page as displayed: the unturned copy's box, turned a quarter clockwise.
TEST(PdfReader, BoxesOfTurnedPagesAreOnThePageAsDisplayed) {
  const model::Record plain =
      pipeline::extract_file((pdf_corpus() / "2022-all-nonzero.libreoffice.pdf").string());
  const model::Record turned =
      pipeline::extract_file((pdf_corpus() / "2022-all-nonzero.rotated.pdf").string());
  std::map<std::string, model::Locator> plain_at;
  for (const model::Figure& f : plain.figures) plain_at[f.id] = f.locator;
  constexpr float k_portrait_height = 841.89f;
  int compared = 0;
  for (const model::Figure& f : turned.figures) {
    const model::Locator& a = plain_at.at(f.id);
    if (a.page != 2 && a.page != 3) continue;  // the turned pages
    SCOPED_TRACE(f.id);
    ASSERT_TRUE(a.bbox && f.locator.bbox);
    EXPECT_EQ(f.locator.page, a.page);
    EXPECT_NEAR(f.locator.bbox->x0, k_portrait_height - a.bbox->y1, 0.1);
    EXPECT_NEAR(f.locator.bbox->x1, k_portrait_height - a.bbox->y0, 0.1);
    EXPECT_NEAR(f.locator.bbox->y0, a.bbox->x0, 0.1);
    EXPECT_NEAR(f.locator.bbox->y1, a.bbox->x1, 0.1);
    ++compared;
  }
  EXPECT_GT(compared, 100);
}

// A blank cell of a table drawn without ruling is reported blank, at its column's place.
TEST(PdfReader, BlankCellsOfAnUnruledTableAreBlank) {
  const model::Record record =
      pipeline::extract_file((pdf_corpus() / "2021-finance-bureau-unruled.chromium.pdf").string());
  int blank = 0;
  for (const model::Figure& f : record.figures)
    if (f.status == norm::CellStatus::blank) {
      ++blank;
      EXPECT_EQ(f.raw, "");
      EXPECT_TRUE(f.locator.bbox.has_value());
    }
  EXPECT_EQ(blank, 5);
}

struct HostileCase {
  const char* file;
  const char* code;  // a diagnostic the record must carry
  bool fails;        // status failed, and no figure
};

class HostilePdf : public ::testing::TestWithParam<HostileCase> {};

TEST_P(HostilePdf, GivesItsCode) {
  const auto path = fixture(GetParam().file);
  ASSERT_TRUE(std::filesystem::exists(path)) << path;
  const auto start = std::chrono::steady_clock::now();
  const model::Record record = pipeline::extract_file(path.string());
  EXPECT_LT(std::chrono::steady_clock::now() - start, k_time_limit);
  EXPECT_TRUE(has_code(record, GetParam().code)) << GetParam().code;
  if (GetParam().fails) {
    EXPECT_EQ(record.status, model::RecordStatus::failed);
    EXPECT_TRUE(record.figures.empty());
  } else {
    EXPECT_NE(record.status, model::RecordStatus::failed);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Files, HostilePdf,
    ::testing::Values(HostileCase{"encrypted-user-password.pdf", "pdf_encrypted", true},
                      HostileCase{"truncated-60.pdf", "pdf_damaged", true},
                      HostileCase{"garbage-after-header.pdf", "pdf_damaged", true},
                      HostileCase{"header-only.pdf", "pdf_damaged", true},
                      HostileCase{"image-only.pdf", "ocr_read", false},  // a scan: read by OCR
                      HostileCase{"text-unmapped-libreoffice.pdf", "pdf_text_unmapped", true},
                      HostileCase{"cid-identity-no-tounicode.pdf", "pdf_text_unmapped", true},
                      HostileCase{"stream-72mib.pdf", "pdf_stream_too_large", true},
                      HostileCase{"nested-arrays.pdf", "pdf_no_text_layer", true},
                      HostileCase{"pages-6000.pdf", "pdf_pages_truncated", false},
                      HostileCase{"ocr-text-layer.pdf", "pdf_text_layer_ocr", false},
                      HostileCase{"xref-offsets-shifted.pdf", "pdf_repaired", false},
                      HostileCase{"startxref-wrong.pdf", "pdf_repaired", false}),
    [](const auto& param_info) {
      std::string name = param_info.param.file;
      for (char& c : name)
        if (c == '.' || c == '-') c = '_';
      return name;
    });

// A scanner's searchable PDF: its invisible text is read, and said to be OCR.
TEST(HostilePdf, AnInvisibleTextLayerOverAScanIsReadAndSaidToBeOcr) {
  const model::Record record = pipeline::extract_file(fixture("ocr-text-layer.pdf").string());
  EXPECT_EQ(record.report.title, "某镇人民政府2022年政府信息公开工作年度报告");
  EXPECT_TRUE(has_code(record, "pdf_text_layer_ocr"));
  EXPECT_FALSE(has_code(record, "pdf_no_text_layer"));
  // A print with visible text says nothing of the kind.
  const model::Record print =
      pipeline::extract_file((pdf_corpus() / "2020-town-blanks.libreoffice.pdf").string());
  EXPECT_FALSE(has_code(print, "pdf_text_layer_ocr"));
}

// The report behind an owner password (as viewers read it), after junk before its header, and
// with its cross-reference offsets broken, reads as the report itself does: every figure right.
TEST(HostilePdf, ReadableDamageGivesTheWholeReport) {
  const auto golden = pdf_corpus() / "2022-all-nonzero.libreoffice.pdf.golden.json";
  const model::Record original = pipeline::extract_file(document_of(golden).string());
  for (const char* file : {"owner-password-only.pdf", "leading-junk.pdf",
                           "xref-offsets-shifted.pdf", "startxref-wrong.pdf"}) {
    SCOPED_TRACE(file);
    const model::Record record = pipeline::extract_file(fixture(file).string());
    ASSERT_EQ(record.figures.size(), original.figures.size());
    for (std::size_t i = 0; i < record.figures.size(); ++i) {
      EXPECT_EQ(record.figures[i].id, original.figures[i].id);
      EXPECT_EQ(record.figures[i].raw, original.figures[i].raw);
    }
  }
}

TEST(HostilePdf, CutsAnywhereFailCleanly) {
  const std::string bytes = file_bytes(pdf_corpus() / "2020-town-blanks.libreoffice.pdf");
  ASSERT_GT(bytes.size(), 10000u);
  for (std::size_t keep = 5; keep < bytes.size(); keep += bytes.size() / 29 + 1) {
    SCOPED_TRACE(keep);
    const model::Record record = pipeline::extract_bytes(bytes.substr(0, keep), "cut.pdf");
    std::string json;
    output::append_record_json(record, json, false);
    ASSERT_FALSE(json.empty());
    if (record.status == model::RecordStatus::failed) {
      ASSERT_FALSE(record.diagnostics.empty());
      bool pdf_code = false;
      for (const model::Diagnostic& d : record.diagnostics)
        pdf_code = pdf_code || d.code.rfind("pdf_", 0) == 0;
      EXPECT_TRUE(pdf_code);
    }
  }
}

// Random damage in the objects and the streams: one record each, and no crash.
TEST(HostilePdf, MutatedPdfsGiveOneRecordEach) {
  const std::string original = file_bytes(pdf_corpus() / "2022-county-numbered-split.cairo.pdf");
  ASSERT_GT(original.size(), 4096u);
  std::mt19937 rng(2024);
  std::uniform_int_distribution<std::size_t> at(16, original.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> count(1, 30);
  for (int i = 0; i < 60; ++i) {
    std::string s = original;
    const int n = count(rng);
    for (int k = 0; k < n; ++k) s[at(rng)] = static_cast<char>(byte(rng));
    const model::Record record = pipeline::extract_bytes(s, "mutated.pdf");
    std::string json;
    output::append_record_json(record, json, false);
    ASSERT_FALSE(json.empty());
  }
}

// MuPDF's warnings and errors become diagnostics; none reaches the terminal.
TEST(HostilePdf, TheLibraryPrintsNothing) {
  const std::string command = "'" + nianbao_binary().string() + "' extract -q --ndjson '" +
                              (project_dir() / "tests" / "readers_pdf" / "data").string() +
                              "' 2>&1 >/dev/null";
  const ShellRun run = run_shell(command);
  EXPECT_EQ(run.status, 1);  // some input failed
  EXPECT_EQ(run.out, "") << "stderr: " << run.out;
}

// One document per worker or thread: MuPDF's contexts are not shared, so a parallel run gives
// the records a serial one gives, in the same order.
TEST(PdfReader, ParallelReadingGivesTheSameRecords) {
  const std::string base = "'" + nianbao_binary().string() + "' extract -q --ndjson ";
  std::string files;
  for (const auto& pdf : corpus_pdfs_with_figures()) files += " '" + pdf.string() + "'";
  const ShellRun serial = run_shell(base + "-j 1" + files);
  const ShellRun parallel = run_shell(base + "-j 2" + files);
  const ShellRun threads = run_shell(base + "-j 2 --in-process" + files);
  ASSERT_EQ(serial.status, 0);
  ASSERT_FALSE(serial.out.empty());
  EXPECT_EQ(parallel.out, serial.out);
  EXPECT_EQ(threads.out, serial.out);
}

}  // namespace
}  // namespace nianbao::testing
