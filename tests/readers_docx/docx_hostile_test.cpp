// Hostile and broken packages: each gives readable == false with a stable diagnostic code,
// quickly. The fixtures in data/ are made by tools/make_docx_corpus.py; the rest are built
// here from the project's own corpus.

#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "docx_fixture.hpp"
#include "extractor/readers/docx/body_parser.hpp"
#include "extractor/readers/docx/docx_package.hpp"
#include "extractor/readers/docx/numbering.hpp"
#include "extractor/readers/docx/xml_stream.hpp"
#include "test_paths.hpp"

namespace nianbao::testing::docx {
namespace {

// Generous for a sanitizer build on a shared machine; the real cost is milliseconds.
constexpr auto k_time_limit = std::chrono::seconds(10);

std::filesystem::path fixture(const std::string& name) {
  return project_dir() / "tests" / "readers_docx" / "data" / name;
}

std::filesystem::path own_document() {
  return project_corpus() / "docx" / "2022-county-numbered-split.docx";
}

// Reads `bytes` and checks the failure: not readable, exactly the expected error code, and
// nothing half-read left in the model.
void expect_failure(const std::string& bytes, const std::string& code) {
  const auto start = std::chrono::steady_clock::now();
  const model::Document doc = read(bytes);
  EXPECT_LT(std::chrono::steady_clock::now() - start, k_time_limit);
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

class HostileFixture : public ::testing::TestWithParam<HostileCase> {};

TEST_P(HostileFixture, FailsWithStableCode) {
  const std::filesystem::path path = fixture(GetParam().file);
  ASSERT_TRUE(std::filesystem::exists(path)) << path;
  expect_failure(read_bytes(path), GetParam().code);
}

INSTANTIATE_TEST_SUITE_P(Packages, HostileFixture,
                         ::testing::Values(HostileCase{"zip_bomb.docx", "docx_zip_bomb"},
                                           HostileCase{"zip_bomb_lying_size.docx", "docx_zip_bomb"},
                                           HostileCase{"xxe.docx", "docx_xml_dtd"},
                                           HostileCase{"billion_laughs.docx", "docx_xml_dtd"},
                                           HostileCase{"too_deep.docx", "docx_too_deep"},
                                           HostileCase{"malformed.docx", "docx_xml_error"},
                                           HostileCase{"not_word.zip", "docx_not_word"},
                                           HostileCase{"wrong_root.docx", "docx_not_word"},
                                           HostileCase{"encrypted_zip.docx", "docx_encrypted"},
                                           HostileCase{"encrypted_office.docx", "docx_encrypted"},
                                           HostileCase{"legacy.doc", "docx_legacy_doc"}),
                         [](const auto& param_info) {
                           std::string name = param_info.param.file;
                           for (char& c : name) {
                             if (c == '.') c = '_';
                           }
                           return name;
                         });

TEST(DocxHostile, LegacyDocSaysHowToConvert) {
  const model::Document doc = read(read_bytes(fixture("legacy.doc")));
  ASSERT_FALSE(doc.diagnostics.empty());
  EXPECT_NE(doc.diagnostics.back().message.find("libreoffice"), std::string::npos);
}

TEST(DocxHostile, EncryptedOfficePackageIsRecognisedForTheDispatcher) {
  EXPECT_TRUE(readers::is_encrypted_office_package(read_bytes(fixture("encrypted_office.docx"))));
  EXPECT_FALSE(readers::is_encrypted_office_package(read_bytes(fixture("legacy.doc"))));
  EXPECT_FALSE(readers::is_encrypted_office_package(read_bytes(own_document())));
}

TEST(DocxHostile, TruncatedArchivesAtEveryCut) {
  const std::string bytes = read_bytes(own_document());
  ASSERT_GT(bytes.size(), 1000u);
  for (std::size_t keep : {bytes.size() - 1, bytes.size() - 30, bytes.size() * 9 / 10,
                           bytes.size() / 2, std::size_t{40}, std::size_t{4}}) {
    SCOPED_TRACE(keep);
    expect_failure(bytes.substr(0, keep), "docx_truncated");
  }
}

TEST(DocxHostile, NotAZipAtAll) {
  expect_failure("", "docx_not_zip");
  expect_failure("一、总体情况\n二、主动公开", "docx_not_zip");
  expect_failure(std::string("%PDF-1.7\n") + std::string(100, 'x'), "docx_not_zip");
}

TEST(DocxHostile, DocumentXmlCutShortInsideTheArchive) {
  const std::string xml = document_xml(p(r("一、总体情况")) + p(r("二、主动公开")));
  expect_failure(make_zip({{"word/document.xml", xml.substr(0, xml.size() / 2)}}),
                 "docx_xml_error");
}

TEST(DocxHostile, DoctypeInStylesIsRefusedToo) {
  const std::string styles =
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><w:styles xmlns:w=\"" +
      std::string(k_w_ns) + "\"/>";
  expect_failure(make_docx(p(r("x")), {{"word/styles.xml", styles}}), "docx_xml_dtd");
}

// The DTD guard also knows UTF-16, which XML parts may use.
TEST(DocxHostile, Utf16EntityExpansionIsRefused) {
  std::string entities = "<!ENTITY a0 \"ha\">";
  for (int i = 1; i < 10; ++i) {
    std::string refs;
    for (int k = 0; k < 10; ++k) refs += "&a" + std::to_string(i - 1) + ";";
    entities += "<!ENTITY a" + std::to_string(i) + " \"" + refs + "\">";
  }
  const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE w:document [" +
                          entities + "]><w:document xmlns:w=\"" + k_w_ns +
                          "\"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>";
  std::string utf16 = "\xFF\xFE";
  for (char c : xml) {
    utf16 += c;
    utf16 += '\0';
  }
  expect_failure(make_zip({{"word/document.xml", utf16}}), "docx_xml_dtd");
}

TEST(DocxHostile, EntryCountLimit) {
  const std::string bytes = read_bytes(own_document());
  readers::docx::PackageLimits limits;
  limits.max_entries = 3;
  readers::docx::PackageFailure failure;
  EXPECT_EQ(readers::docx::Package::open(bytes, limits, failure), nullptr);
  EXPECT_EQ(failure.error, readers::docx::PackageError::zip_bomb);
  EXPECT_NE(readers::docx::Package::open(bytes, {}, failure), nullptr);
}

TEST(DocxHostile, ElementBudgetStopsTheBodyParser) {
  const std::string bytes = read_bytes(own_document());
  readers::docx::PackageFailure failure;
  auto package = readers::docx::Package::open(bytes, {}, failure);
  ASSERT_NE(package, nullptr);
  auto part = package->open_part("word/document.xml", failure);
  ASSERT_NE(part, nullptr);
  readers::docx::XmlStream xml(*part, 192);
  readers::docx::Numbering numbering;
  readers::docx::RawBody body;
  readers::docx::parse_body(xml, numbering, body, 50);
  EXPECT_TRUE(body.too_large);
  EXPECT_LE(body.blocks.size(), 50u);
}

// Flipped bytes anywhere in a real package: never a crash, and every failure is a docx_ code.
TEST(DocxHostile, CorruptedBytesNeverCrash) {
  const std::string original = read_bytes(own_document());
  std::mt19937 rng(4);
  std::uniform_int_distribution<std::size_t> position(0, original.size() - 1);
  std::uniform_int_distribution<int> value(0, 255);
  int failed = 0;
  for (int round = 0; round < 150; ++round) {
    std::string bytes = original;
    for (int k = 0; k < 1 + round % 4; ++k) {
      bytes[position(rng)] = static_cast<char>(value(rng));
    }
    const model::Document doc = read(bytes);
    if (!doc.readable) {
      ++failed;
      ASSERT_FALSE(doc.diagnostics.empty());
      EXPECT_EQ(doc.diagnostics.back().code.rfind("docx_", 0), 0u) << doc.diagnostics.back().code;
    }
  }
  EXPECT_GT(failed, 0);  // the corruption is real: CRCs and headers catch most of it
}

// Removes the `nth` element named `tag` but keeps its content ("unwraps" it), so that the XML
// stays well-formed while the WordprocessingML structure breaks: cells outside rows, runs
// outside paragraphs, rows outside tables. Returns false when there is no such element.
bool unwrap_element(std::string& xml, const std::string& tag, int nth) {
  const std::string open = "<" + tag;
  std::size_t start = 0;
  for (int k = 0;; ++k) {
    start = xml.find(open, start);
    while (start != std::string::npos) {
      const char next = xml[start + open.size()];
      if (next == '>' || next == ' ' || next == '/') break;
      start = xml.find(open, start + 1);
    }
    if (start == std::string::npos) return false;
    if (k == nth) break;
    ++start;
  }
  const std::size_t open_end = xml.find('>', start);
  if (xml[open_end - 1] == '/') {  // an empty element: just drop it
    xml.erase(start, open_end + 1 - start);
    return true;
  }
  // Find the matching end tag by counting nested elements of the same name.
  const std::string close = "</" + tag + ">";
  int depth = 1;
  std::size_t pos = open_end + 1;
  while (depth > 0) {
    const std::size_t next_open = xml.find(open, pos);
    const std::size_t next_close = xml.find(close, pos);
    if (next_close == std::string::npos) return false;
    if (next_open != std::string::npos && next_open < next_close) {
      const std::size_t e = xml.find('>', next_open);
      if (xml[e - 1] != '/') ++depth;
      pos = e + 1;
    } else {
      --depth;
      pos = next_close + close.size();
    }
  }
  xml.erase(pos - close.size(), close.size());
  xml.erase(start, open_end + 1 - start);
  return true;
}

// Structurally broken but well-formed documents (re-zipped, so CRCs hold and the parser sees
// them): never a crash, and the reader either reads them or fails with a docx_ code.
TEST(DocxHostile, BrokenWordStructureNeverCrashes) {
  const std::string original = read_bytes(own_document());
  readers::docx::PackageFailure failure;
  auto package = readers::docx::Package::open(original, {}, failure);
  ASSERT_NE(package, nullptr);
  std::string xml;
  ASSERT_EQ(package->read_part("word/document.xml", xml).error, readers::docx::PackageError::none);
  const std::vector<std::string> tags{"w:tc",  "w:tr",    "w:tbl",   "w:p",       "w:r",
                                      "w:t",   "w:tcPr",  "w:trPr",  "w:tblGrid", "w:body",
                                      "w:sdt", "w:numPr", "w:vMerge"};
  std::mt19937 rng(11);
  int unwrapped = 0;
  for (int round = 0; round < 120; ++round) {
    std::string mutated = xml;
    for (int k = 0; k < 1 + round % 3; ++k) {
      const std::string& tag = tags[static_cast<std::size_t>(rng()) % tags.size()];
      if (unwrap_element(mutated, tag, static_cast<int>(rng() % 40))) ++unwrapped;
    }
    const model::Document doc = read(make_zip({{"word/document.xml", mutated}}));
    if (!doc.readable) {
      ASSERT_FALSE(doc.diagnostics.empty());
      EXPECT_EQ(doc.diagnostics.back().code.rfind("docx_", 0), 0u);
    }
    for (const model::Table& t : doc.tables) {
      const auto grid = t.expand_to_grid();
      EXPECT_EQ(grid.size(), static_cast<std::size_t>(std::max(t.rows, 0)));
    }
  }
  EXPECT_GT(unwrapped, 100);
}

}  // namespace
}  // namespace nianbao::testing::docx
