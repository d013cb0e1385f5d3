// Damaged and hostile images (tests/readers_image/data, made by tools/make_hostile_images.py):
// one record each, with its stable code, no figure, and never a crash (the suite runs under
// ASan and UBSan); a header that claims an absurd size is refused before any pixel is allocated;
// the image libraries print nothing to the terminal.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "extractor/output/record_json.hpp"
#include "extractor/pipeline/extract.hpp"
#include "record_helpers.hpp"
#include "shell.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

constexpr auto k_time_limit = std::chrono::seconds(30);  // sanitizers, shared machine

std::filesystem::path data_dir() { return project_dir() / "tests" / "readers_image" / "data"; }

std::string codes(const model::Record& record) {
  std::string out;
  for (const model::Diagnostic& d : record.diagnostics) out += d.code + " ";
  return out;
}

// The record can be written out (one record per input, always).
void expect_writable(const model::Record& record) {
  std::string json;
  output::append_record_json(record, json, false);
  EXPECT_FALSE(json.empty());
}

struct HostileCase {
  std::string file;
  std::string code;  // "" where no particular code is due
  bool fails = true;
};

class HostileImage : public ::testing::TestWithParam<HostileCase> {};

TEST_P(HostileImage, GivesOneRecordWithItsCodeAndNoFigure) {
  const auto path = data_dir() / GetParam().file;
  ASSERT_TRUE(std::filesystem::exists(path)) << path;
  const auto start = std::chrono::steady_clock::now();
  const model::Record record = pipeline::extract_file(path.string());
  EXPECT_LT(std::chrono::steady_clock::now() - start, k_time_limit);
  if (!GetParam().code.empty()) {
    EXPECT_TRUE(has_code(record, GetParam().code)) << "codes: " << codes(record);
  }
  if (GetParam().fails) {
    EXPECT_EQ(record.status, model::RecordStatus::failed) << codes(record);
  }
  EXPECT_TRUE(record.figures.empty());
  expect_writable(record);
}

INSTANTIATE_TEST_SUITE_P(Files, HostileImage,
                         ::testing::Values(HostileCase{"truncated-40.png", "image_damaged"},
                                           HostileCase{"signature-only.png", "image_damaged"},
                                           HostileCase{"ihdr-100000x100000.png", "image_too_large"},
                                           HostileCase{"ihdr-1x2000000000.png", "image_too_large"},
                                           HostileCase{"jpeg-random.jpg", "image_damaged"},
                                           HostileCase{"tiff-header-only.tiff", "image_damaged"},
                                           HostileCase{"one-pixel.png", "ocr_no_text"},
                                           HostileCase{"white-a4-300dpi.png", "ocr_no_text"},
                                           HostileCase{"noise.png", "ocr_page_unsure", false}),
                         [](const auto& param_info) {
                           std::string name = param_info.param.file;
                           for (char& c : name)
                             if (c == '.' || c == '-') c = '_';
                           return name;
                         });

// A page cut anywhere: the PNG's data ends early, its chunks' checksums fail, or its header is
// gone. One record each, failed with an image code, or read.
TEST(HostileImage, APageCutAnywhereGivesOneRecord) {
  const std::string bytes =
      file_bytes(project_corpus() / "scan" / "2022-all-nonzero.page3-300dpi.png");
  ASSERT_GT(bytes.size(), 10000u);
  for (std::size_t keep : {std::size_t{8}, std::size_t{12}, std::size_t{33}, std::size_t{100},
                           bytes.size() / 7, bytes.size() / 2, bytes.size() - 13}) {
    SCOPED_TRACE(keep);
    const model::Record record = pipeline::extract_bytes(bytes.substr(0, keep), "cut.png");
    expect_writable(record);
    EXPECT_EQ(record.status, model::RecordStatus::failed) << codes(record);
    EXPECT_TRUE(record.figures.empty());
    EXPECT_FALSE(record.diagnostics.empty());
  }
}

// The IHDR's size changed after the fact (its CRC no longer matches): refused, not read.
TEST(HostileImage, AHeaderWhoseChecksumFailsIsRefused) {
  std::string bytes = file_bytes(data_dir() / "one-pixel.png");
  ASSERT_GT(bytes.size(), 24u);
  bytes[16] = '\x7f';  // the width's high byte
  const model::Record record = pipeline::extract_bytes(bytes, "bad-crc.png");
  EXPECT_EQ(record.status, model::RecordStatus::failed) << codes(record);
  EXPECT_TRUE(has_code(record, "image_damaged") || has_code(record, "image_too_large"))
      << codes(record);
}

// libpng's and libjpeg's complaints become diagnostics; none reaches the terminal.
TEST(HostileImage, TheLibrariesPrintNothing) {
  const std::string command = "OMP_THREAD_LIMIT=1 '" + nianbao_binary().string() +
                              "' extract -q --ndjson '" +
                              (data_dir() / "truncated-40.png").string() + "' '" +
                              (data_dir() / "jpeg-random.jpg").string() + "' '" +
                              (data_dir() / "tiff-header-only.tiff").string() + "' 2>&1 >/dev/null";
  const ShellRun run = run_shell(command);
  EXPECT_EQ(run.status, 1);  // the inputs failed
  EXPECT_EQ(run.out, "") << "stderr: " << run.out;
}

}  // namespace
}  // namespace nianbao::testing
