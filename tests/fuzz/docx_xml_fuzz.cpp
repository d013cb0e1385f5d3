// Structure-aware docx: the fuzzer's bytes are word/document.xml, put into a fixed minimal
// package (content types, relationships, a heading style, a numbered list, core properties)
// that is zipped in memory with libzip, stored without compression. Mutations so reach the
// body parser, tables, merges, numbering and fields instead of dying at the ZIP's checksums.
#include <zip.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "extractor/readers/docx/docx_reader.hpp"
#include "fuzz_checks.hpp"

namespace {

struct Part {
  const char* name;
  std::string_view xml;
};

constexpr std::string_view k_content_types =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";

constexpr std::string_view k_package_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
    R"(</Relationships>)";

constexpr std::string_view k_document_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)"
    R"(</Relationships>)";

constexpr std::string_view k_styles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>)"
    R"(<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>)"
    R"(</w:styles>)";

constexpr std::string_view k_numbering =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:abstractNum w:abstractNumId="0">)"
    R"(<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>)"
    R"(<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>)"
    R"(<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>)"
    R"(</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)"
    R"(</w:numbering>)";

constexpr std::string_view k_core =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">)"
    R"(<dc:title>2019年政府信息公开工作年度报告</dc:title></cp:coreProperties>)";

[[noreturn]] void zip_failed(const char* step) {
  std::fprintf(stderr, "docx_xml harness: libzip failed to %s\n", step);
  std::abort();
}

// The package as the bytes of a ZIP, every part stored.
std::string zip_package(const std::array<Part, 7>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (target == nullptr) zip_failed("create a buffer");
  zip_source_keep(target);  // read back after zip_close
  zip_t* archive = zip_open_from_source(target, ZIP_TRUNCATE, &error);
  if (archive == nullptr) zip_failed("open the buffer for writing");
  for (const Part& part : parts) {
    zip_source_t* source = zip_source_buffer(archive, part.xml.data(), part.xml.size(), 0);
    const zip_int64_t index =
        source == nullptr ? -1 : zip_file_add(archive, part.name, source, ZIP_FL_ENC_UTF_8);
    if (index < 0) zip_failed("add a part");
    if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) != 0)
      zip_failed("store a part");
  }
  if (zip_close(archive) != 0) zip_failed("write the archive");
  std::string bytes;
  if (zip_source_open(target) != 0) zip_failed("reopen the buffer");
  zip_source_seek(target, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(target);
  zip_source_seek(target, 0, SEEK_SET);
  bytes.resize(static_cast<std::size_t>(size));
  if (zip_source_read(target, bytes.data(), bytes.size()) != size) zip_failed("read back");
  zip_source_close(target);
  zip_source_free(target);
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao;
  const std::array<Part, 7> parts = {{
      {"[Content_Types].xml", k_content_types},
      {"_rels/.rels", k_package_rels},
      {"word/document.xml", fuzz::as_view(data, size)},
      {"word/_rels/document.xml.rels", k_document_rels},
      {"word/styles.xml", k_styles},
      {"word/numbering.xml", k_numbering},
      {"docProps/core.xml", k_core},
  }};
  const std::string package = zip_package(parts);
  model::Document doc;
  readers::read_docx(package, doc);
  fuzz::check_document(doc);
  return 0;
}
