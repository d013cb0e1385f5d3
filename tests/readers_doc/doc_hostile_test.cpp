// Hostile and broken .doc files: each gives a failed record with its stable code, quickly, and
// nothing half-read; cuts and random damage never crash (the suite runs under ASan and UBSan),
// and glib never prints to the terminal. The fixtures in data/ are made by
// tools/make_doc_corpus.py from a corpus document.
#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "doc_fixture.hpp"
#include "extractor/output/record_json.hpp"
#include "extractor/pipeline/extract.hpp"
#include "shell.hpp"

namespace nianbao::testing::doc {
namespace {

constexpr auto k_time_limit = std::chrono::seconds(10);  // sanitizers, shared machine

void expect_failure(const model::Document& doc, const std::string& code) {
  EXPECT_FALSE(doc.readable);
  ASSERT_FALSE(doc.diagnostics.empty());
  EXPECT_EQ(doc.diagnostics.back().code, code) << doc.diagnostics.back().message;
  EXPECT_EQ(doc.diagnostics.back().severity, model::Severity::error);
  EXPECT_TRUE(doc.blocks.empty());
  EXPECT_TRUE(doc.tables.empty());
}

struct HostileCase {
  const char* file;
  const char* code;
};

class HostileDoc : public ::testing::TestWithParam<HostileCase> {};

TEST_P(HostileDoc, FailsWithItsCode) {
  const auto path = fixture(GetParam().file);
  ASSERT_TRUE(std::filesystem::exists(path)) << path;
  const auto start = std::chrono::steady_clock::now();
  const model::Document doc = read_doc_file(path);
  EXPECT_LT(std::chrono::steady_clock::now() - start, k_time_limit);
  expect_failure(doc, GetParam().code);
}

INSTANTIATE_TEST_SUITE_P(
    Files, HostileDoc,
    ::testing::Values(HostileCase{"truncated_half.doc", "doc_cfb_invalid"},
                      HostileCase{"truncated_header.doc", "doc_cfb_invalid"},
                      HostileCase{"fat_loop.doc", "doc_stream_unreadable"},
                      HostileCase{"fat_outside.doc", "doc_cfb_invalid"},
                      HostileCase{"stream_size_lie.doc", "doc_stream_unreadable"},
                      HostileCase{"random_after_header.doc", "doc_cfb_invalid"},
                      HostileCase{"piece_past_end.doc", "doc_piece_table_invalid"},
                      HostileCase{"clx_garbage.doc", "doc_piece_table_invalid"},
                      HostileCase{"ccp_text_beyond_pieces.doc", "doc_piece_table_invalid"},
                      HostileCase{"encrypted_flag.doc", "doc_encrypted"},
                      HostileCase{"encrypted_password.doc", "doc_encrypted"},
                      HostileCase{"word95.doc", "doc_version_unsupported"},
                      HostileCase{"fkp_out_of_range.doc", "doc_formatting_invalid"},
                      HostileCase{"fkp_bad_count.doc", "doc_formatting_invalid"},
                      HostileCase{"table_stream_missing.doc", "doc_stream_unreadable"},
                      HostileCase{"not_word.doc", "doc_not_word"},
                      HostileCase{"works.wps", "format_wps_unsupported"},
                      HostileCase{"old_kingsoft.wps", "format_wps_unsupported"}),
    [](const auto& param_info) {
      std::string name = param_info.param.file;
      for (char& c : name)
        if (c == '.') c = '_';
      return name;
    });

TEST(HostileDoc, AnEncryptedOfficePackageIsStillADocxError) {
  // OLE2 with EncryptionInfo/EncryptedPackage: a password-protected .docx, not a .doc.
  const model::Document doc = readers::read_file(
      (project_dir() / "tests" / "readers_docx" / "data" / "encrypted_office.docx").string());
  expect_failure(doc, "docx_encrypted");
}

TEST(HostileDoc, CutsAnywhereFailCleanly) {
  const std::string bytes = file_bytes(doc_corpus() / "2022-town-nested-textbox.doc");
  ASSERT_GT(bytes.size(), 10000u);
  for (std::size_t keep = 8; keep < bytes.size(); keep += bytes.size() / 37 + 1) {
    SCOPED_TRACE(keep);
    const model::Document doc = readers::read_bytes(bytes.substr(0, keep), "cut.doc");
    ASSERT_FALSE(doc.diagnostics.empty());
    if (!doc.readable) {
      const std::string& code = doc.diagnostics.back().code;
      EXPECT_TRUE(code.rfind("doc_", 0) == 0) << code;
    }
  }
}

// Random damage anywhere past the header (the directory, the FAT, the FIB, the piece table,
// the formatting pages, the text): one record each, whatever it says.
TEST(HostileDoc, MutatedDocumentsGiveOneRecordEach) {
  const std::string original = file_bytes(doc_corpus() / "2022-county-numbered-split.doc");
  ASSERT_GT(original.size(), 4096u);
  std::mt19937 rng(1997);
  std::uniform_int_distribution<std::size_t> at(512, original.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> count(1, 40);
  int failed = 0;
  int read = 0;
  for (int i = 0; i < 200; ++i) {
    std::string s = original;
    const int n = count(rng);
    for (int k = 0; k < n; ++k) s[at(rng)] = static_cast<char>(byte(rng));
    if (i % 5 == 0) {  // a run of bytes set to 0xFF: sector numbers and sizes at their maximum
      const std::size_t from = at(rng);
      for (std::size_t k = from; k < std::min(s.size(), from + 64); ++k) s[k] = '\xFF';
    }
    const model::Record record = pipeline::extract_bytes(s, "mutated.doc");
    std::string json;
    output::append_record_json(record, json, false);
    ASSERT_FALSE(json.empty());
    (record.status == model::RecordStatus::failed ? failed : read) += 1;
  }
  EXPECT_GT(read, 0) << "most single-byte damage leaves a readable document";
}

TEST(HostileDoc, GlibPrintsNothingAndDamageBecomesADiagnostic) {
  const std::string command = "'" + nianbao_binary().string() + "' extract -q --ndjson '" +
                              (project_dir() / "tests" / "readers_doc" / "data").string() +
                              "' 2>&1 >/dev/null";
  const ShellRun run = run_shell(command);
  EXPECT_EQ(run.status, 1);  // some input failed
  EXPECT_EQ(run.out, "") << "stderr: " << run.out;
  // libgsf warns about a FAT entry that loops after the stream's end; the text is whole.
  const model::Document doc = read_doc_file(fixture("fat_loop_past_size.doc"));
  EXPECT_TRUE(doc.readable);
  ASSERT_FALSE(doc.diagnostics.empty());
  EXPECT_EQ(doc.diagnostics.back().code, "doc_container_damaged");
  EXPECT_EQ(doc.diagnostics.back().severity, model::Severity::warning);
  EXPECT_FALSE(doc.blocks.empty());
}

}  // namespace
}  // namespace nianbao::testing::doc
