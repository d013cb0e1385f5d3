// Layout frames: a report set inside a one-column table (web exports, WPS page conversions, a
// border drawn around the text) is read as body text, so that its headings, sentences and
// signature are found as in the same report without the frame.

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <string>
#include <vector>

#include "docx_fixture.hpp"
#include "extractor/pipeline/extract.hpp"
#include "test_paths.hpp"

namespace nianbao::testing::docx {
namespace {

// A one-column table whose rows hold `cells` (each the inside of one w:tc).
std::string frame(const std::vector<std::string>& cells) {
  std::string rows;
  for (const std::string& cell : cells) rows += "<w:tr><w:tc>" + cell + "</w:tc></w:tr>";
  return tbl(1, rows, 9000);
}

std::string small_table() { return tbl(2, tr(tc("规章") + tc("1"))); }

TEST(DocxLayoutFrames, OneCellAroundTheReportIsReadAsParagraphsAndTables) {
  const std::string cell =
      p(r("一、总体情况")) + p(r("全年收到申请3件。")) + small_table() + p("") + p(r("某县某局"));
  const model::Document doc = read_body(p(r("标题")) + frame({cell}) + p(r("后文")));
  EXPECT_EQ(paragraph_texts(doc),
            (std::vector<std::string>{"标题", "一、总体情况", "全年收到申请3件。", "", "某县某局",
                                      "后文"}));
  // The frame is no table of the document; the table inside it is a top-level one, in place.
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_FALSE(doc.tables[0].parent_table.has_value());
  ASSERT_EQ(doc.blocks.size(), 7u);
  EXPECT_EQ(doc.blocks[3].kind, model::Block::Kind::table);
  EXPECT_EQ(at(doc.tables[0], 0, 1), "1");
  EXPECT_TRUE(has_code(doc, "docx_layout_frame"));
}

TEST(DocxLayoutFrames, RowsOfAOneColumnFrameAndFramesInsideFramesAreUnwrapped) {
  const std::string inner = frame({p(r("二、主动公开")) + small_table() + p("")});
  const std::string outer = frame({p(r("标题")) + p(r("副标题")), inner + p(r("落款"))});
  const model::Document doc = read_body(outer);
  EXPECT_EQ(paragraph_texts(doc),
            (std::vector<std::string>{"标题", "副标题", "二、主动公开", "", "落款"}));
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(at(doc.tables[0], 0, 0), "规章");
  EXPECT_EQ(doc.tables[0].cells.at(0).locator.table, 0);
}

TEST(DocxLayoutFrames, BoxesAroundOneLineOrOneTableAndRealTablesStayTables) {
  // A boxed note, a box around one table (the nested table is read in place through its
  // cell), a two-column table with several paragraphs in a cell, a one-column table with a
  // gridBefore: all stay tables.
  EXPECT_EQ(read_body(frame({p(r("注：单位为件"))})).tables.size(), 1u);
  EXPECT_EQ(read_body(frame({small_table() + p("")})).tables.size(), 2u);
  const std::string two_columns =
      tbl(2, tr("<w:tc>" + p(r("甲")) + p(r("乙")) + "</w:tc>" + tc("1")));
  EXPECT_EQ(read_body(two_columns).tables.size(), 1u);
  const std::string shifted =
      tbl(2, tr("<w:tc>" + p(r("甲")) + p(r("乙")) + "</w:tc>", "<w:gridBefore w:val=\"1\"/>"));
  EXPECT_EQ(read_body(shifted).tables.size(), 1u);
  EXPECT_FALSE(has_code(read_body(two_columns), "docx_layout_frame"));
}

// ---------------------------------------------------------------- whole reports

using Parts = std::vector<std::pair<std::string, std::string>>;

Parts unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  Parts parts;
  if (archive == nullptr) return parts;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
    std::string data(static_cast<std::size_t>(st.size), '\0');
    zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    parts.emplace_back(st.name, std::move(data));
  }
  zip_discard(archive);
  zip_error_fini(&error);
  return parts;
}

// The report's body moved into one cell of a layout table, the final section properties left
// where Word keeps them. `before` and `after` are the insides of the cells (w:tc) beside the
// report's cell: none for a one-column frame, spacer or margin cells for a wider one.
std::string framed(const std::string& document, const std::vector<std::string>& before = {},
                   const std::vector<std::string>& after = {}) {
  const std::size_t open = document.find("<w:body>") + std::string("<w:body>").size();
  std::size_t close = document.rfind("<w:sectPr");
  if (close == std::string::npos || close < document.rfind("</w:p>")) {
    close = document.rfind("</w:body>");
  }
  std::string grid = "<w:gridCol w:w=\"8000\"/>";
  for (std::size_t i = 0; i < before.size() + after.size(); ++i) grid += "<w:gridCol w:w=\"600\"/>";
  std::string row = "<w:tr>";
  for (const std::string& cell : before) row += "<w:tc>" + cell + "</w:tc>";
  row += "<w:tc>" + document.substr(open, close - open) + "<w:p/></w:tc>";
  for (const std::string& cell : after) row += "<w:tc>" + cell + "</w:tc>";
  row += "</w:tr>";
  return document.substr(0, open) + "<w:tbl><w:tblPr/><w:tblGrid>" + grid + "</w:tblGrid>" + row +
         "</w:tbl>" + document.substr(close);
}

std::string framed_package(const std::string& bytes, const std::vector<std::string>& before = {},
                           const std::vector<std::string>& after = {}) {
  Parts parts = unzip(bytes);
  for (auto& [name, data] : parts) {
    if (name == "word/document.xml") data = framed(data, before, after);
  }
  return make_zip(parts);
}

void expect_same_record(const model::Record& boxed, const model::Record& plain) {
  EXPECT_EQ(boxed.report.title, plain.report.title);
  EXPECT_EQ(boxed.report.agency, plain.report.agency);
  EXPECT_EQ(boxed.report.published, plain.report.published);
  ASSERT_EQ(boxed.sections.size(), plain.sections.size());
  for (std::size_t i = 0; i < plain.sections.size(); ++i)
    EXPECT_EQ(boxed.sections[i].key, plain.sections[i].key);
  ASSERT_EQ(boxed.facts.size(), plain.facts.size());
  for (std::size_t i = 0; i < plain.facts.size(); ++i)
    EXPECT_EQ(boxed.facts[i].text, plain.facts[i].text);
  ASSERT_EQ(boxed.figures.size(), plain.figures.size());
  for (std::size_t i = 0; i < plain.figures.size(); ++i) {
    EXPECT_EQ(boxed.figures[i].id, plain.figures[i].id);
    EXPECT_EQ(boxed.figures[i].raw, plain.figures[i].raw);
  }
  EXPECT_EQ(boxed.checks.size(), plain.checks.size());
}

constexpr const char* k_corpus_reports[] = {
    "2022-county-numbered-split.docx", "2022-county-numbered-split.libreoffice.docx",
    "2022-town-nested-textbox.docx", "2022-town-nested-textbox.libreoffice.docx"};

TEST(DocxLayoutFrames, FramedCorpusReportsGiveTheSameRecordAsUnframed) {
  for (const char* name : k_corpus_reports) {
    SCOPED_TRACE(name);
    const std::string bytes = read_bytes(project_dir() / "corpus" / "docx" / name);
    expect_same_record(pipeline::extract_bytes(framed_package(bytes), name),
                       pipeline::extract_bytes(bytes, name));
  }
}

// A report in one cell of a wider layout table: an empty spacer column before it (two
// columns), or an empty margin cell before it and a margin cell holding a short caption after
// it (three columns). The headings, sentences and signature are read as without the table.
TEST(DocxLayoutFrames, ReportInOneCellOfAWiderLayoutTableGivesTheSameRecordAsUnframed) {
  const std::vector<std::vector<std::string>> befores = {{p("")}, {p("")}};
  const std::vector<std::vector<std::string>> afters = {{}, {p(r("政务公开"))}};
  for (const char* name : k_corpus_reports) {
    const std::string bytes = read_bytes(project_dir() / "corpus" / "docx" / name);
    const model::Record plain = pipeline::extract_bytes(bytes, name);
    for (std::size_t v = 0; v < befores.size(); ++v) {
      SCOPED_TRACE(std::string(name) + " with " + std::to_string(2 + v) + " columns");
      expect_same_record(
          pipeline::extract_bytes(framed_package(bytes, befores[v], afters[v]), name), plain);
    }
  }
}

// The wider rule asks for a report in one cell (two section headings or more) and nothing
// figure-like beside it: a number or a table in another cell keeps the table a table.
TEST(DocxLayoutFrames, AWideTableWithFiguresBesideTheHeadingsStaysATable) {
  const std::string report = "<w:tc>" + p(r("一、总体情况")) + p(r("全年收到申请3件。")) +
                             p(r("二、主动公开政府信息情况")) + p(r("某县某局")) + "</w:tc>";
  const std::string spacer = "<w:tc>" + p("") + "</w:tc>";
  const model::Document framed_doc = read_body(tbl(2, tr(spacer + report), 4000));
  EXPECT_TRUE(has_code(framed_doc, "docx_layout_frame"));
  EXPECT_TRUE(framed_doc.tables.empty());
  EXPECT_EQ(paragraph_texts(framed_doc),
            (std::vector<std::string>{"一、总体情况", "全年收到申请3件。",
                                      "二、主动公开政府信息情况", "某县某局"}));

  EXPECT_EQ(read_body(tbl(2, tr(tc("12") + report), 4000)).tables.size(), 1u);
  EXPECT_EQ(read_body(tbl(2, tr(tc("１２件") + report), 4000)).tables.size(), 1u);
  EXPECT_EQ(read_body(tbl(2, tr("<w:tc>" + small_table() + p("") + "</w:tc>" + report), 4000))
                .tables.size(),
            2u);
  const std::string one_heading =
      "<w:tc>" + p(r("一、总体情况")) + p(r("全年收到申请3件。")) + "</w:tc>";
  EXPECT_EQ(read_body(tbl(2, tr(spacer + one_heading), 4000)).tables.size(), 1u);
  // Two cells each holding headings: no single cell holds the report.
  EXPECT_EQ(read_body(tbl(2, tr(report + report), 4000)).tables.size(), 1u);
}

// The template's data tables, blank or filled, are never taken for layout frames.
TEST(DocxLayoutFrames, CorpusTablesAndTheBlankTemplateStayTables) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(project_dir() / "corpus" / "docx")) {
    if (entry.path().extension() == ".docx") files.push_back(entry.path());
  }
  ASSERT_FALSE(files.empty());
  for (const std::filesystem::path& path : files) {
    SCOPED_TRACE(path.filename().string());
    const model::Document doc = read_path(path);
    EXPECT_FALSE(has_code(doc, "docx_layout_frame"));
    EXPECT_FALSE(doc.tables.empty());
  }
}

// The shared corpus's Word files: the blank template and the filled reports.
TEST(DocxLayoutFrames, TheBlankTemplateAndSharedReportsStayTables) {
  NIANBAO_REQUIRE_SHARED_CORPUS(shared);
  const std::filesystem::path blank = shared / "full" / "2021-template-blank.docx";
  if (!std::filesystem::exists(blank)) GTEST_SKIP() << blank << " is absent; skipping";
  for (const auto& entry : std::filesystem::directory_iterator(shared / "full")) {
    if (entry.path().extension() != ".docx") continue;
    SCOPED_TRACE(entry.path().filename().string());
    const model::Document doc = read_path(entry.path());
    EXPECT_FALSE(has_code(doc, "docx_layout_frame"));
    EXPECT_FALSE(doc.tables.empty());
  }
}

}  // namespace
}  // namespace nianbao::testing::docx
