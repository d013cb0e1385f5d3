// What the .doc reader makes of the corpus documents: the text Word shows (list labels, field
// results without their codes, tracked changes accepted, a text box read once at its anchor),
// table grids with merged cells stored once, nested tables linked, character positions; and
// the small parts (Sprm lengths, cp1252 pieces) on their own.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "doc_fixture.hpp"
#include "extractor/readers/doc/bytes.hpp"
#include "extractor/readers/doc/lists.hpp"
#include "extractor/readers/doc/piece_table.hpp"
#include "extractor/readers/doc/sprm.hpp"
#include "extractor/readers/doc/summary_info.hpp"

namespace nianbao::testing::doc {
namespace {

using readers::doc::Bytes;

bool contains(const std::vector<std::string>& lines, const std::string& text) {
  return std::find(lines.begin(), lines.end(), text) != lines.end();
}

const model::Cell* cell_with_text(const model::Document& doc, const std::string& text) {
  for (const model::Table& t : doc.tables)
    for (const model::Cell& c : t.cells)
      if (c.text == text) return &c;
  return nullptr;
}

bool any_text_contains(const model::Document& doc, const std::string& needle) {
  for (const model::Block& b : doc.blocks)
    if (b.kind == model::Block::Kind::paragraph &&
        b.paragraph.text.find(needle) != std::string::npos)
      return true;
  for (const model::Table& t : doc.tables)
    for (const model::Cell& c : t.cells)
      if (c.text.find(needle) != std::string::npos) return true;
  return false;
}

TEST(DocReader, NumberedHeadingsGetTheirListLabels) {
  const model::Document doc = read_doc_file(doc_corpus() / "2022-county-numbered-split.doc");
  ASSERT_TRUE(doc.readable);
  const auto lines = body_paragraphs(doc);
  EXPECT_TRUE(contains(lines, "一、总体情况"));
  EXPECT_TRUE(contains(lines, "（一）主动公开"));
  EXPECT_TRUE(contains(lines, "（二）依申请公开"));
  EXPECT_TRUE(contains(lines, "六、其他需要报告的事项"));
}

// The paragraphs' own list reference was removed from the fixture: only their style names the
// list (tools/make_doc_corpus.py make_style_numbered); the docx twin beside it has the same.
TEST(DocReader, ListNumberingGivenByAParagraphStyleIsRead) {
  const model::Document doc = read_doc_file(fixture("style_numbering.doc"));
  ASSERT_TRUE(doc.readable);
  const auto lines = body_paragraphs(doc);
  EXPECT_TRUE(contains(lines, "一、总体情况"));
  EXPECT_TRUE(contains(lines, "二、主动公开政府信息情况"));
  EXPECT_EQ(lines, body_paragraphs(read_doc_file(fixture("style_numbering.docx"))));
}

TEST(DocReader, TrackedChangesAcceptedFieldResultsKeptCodesDropped) {
  const model::Document doc = read_doc_file(doc_corpus() / "2022-county-numbered-split.doc");
  // 38 followed by a deleted 5 and an inserted 6.
  EXPECT_NE(cell_with_text(doc, "386"), nullptr);
  EXPECT_FALSE(any_text_contains(doc, "3856"));
  EXPECT_FALSE(any_text_contains(doc, "SUM"));     // the formula field's code
  EXPECT_NE(cell_with_text(doc, "123"), nullptr);  // three runs, one value
}

TEST(DocReader, MergedCellsAreStoredOnceWithTheirSpans) {
  const model::Document doc = read_doc_file(doc_corpus() / "2022-county-numbered-split.doc");
  const model::Cell* applicants = cell_with_text(doc, "申请人情况");
  ASSERT_NE(applicants, nullptr);
  EXPECT_EQ(applicants->col_span, 7);
  EXPECT_EQ(applicants->row_span, 1);
  const model::Cell* person = cell_with_text(doc, "自然人");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->row_span, 2);  // vertically merged over the sub-header row
  const model::Cell* results = cell_with_text(doc, "三、本年度办理结果");
  ASSERT_NE(results, nullptr);
  EXPECT_GE(results->row_span, 20);  // the whole block of result rows
  for (const model::Table& t : doc.tables) {
    const auto grid = t.expand_to_grid();
    for (const auto& line : grid)
      for (const model::Cell* c : line) EXPECT_NE(c, nullptr) << "a hole in table " << t.index;
  }
}

TEST(DocReader, TextBoxIsReadOnceAtItsAnchorAndNestedTablesAreLinked) {
  const model::Document doc = read_doc_file(doc_corpus() / "2022-town-nested-textbox.doc");
  ASSERT_TRUE(doc.readable);
  const auto lines = body_paragraphs(doc);
  const std::string title = "某镇人民政府2022年政府信息公开工作年度报告";
  EXPECT_EQ(std::count(lines.begin(), lines.end(), title), 1);
  const auto at_title = std::find(lines.begin(), lines.end(), title);
  const auto at_overview = std::find(lines.begin(), lines.end(), "一、总体情况");
  EXPECT_LT(at_title, at_overview);
  const bool nested = std::any_of(doc.tables.begin(), doc.tables.end(),
                                  [](const model::Table& t) { return t.parent_table.has_value(); });
  const bool unwrapped =
      std::any_of(doc.diagnostics.begin(), doc.diagnostics.end(),
                  [](const model::Diagnostic& d) { return d.code == "doc_layout_frame"; });
  EXPECT_TRUE(nested || unwrapped) << "table 三 sits in a one-cell frame table";
}

TEST(DocReader, CharacterPositionsRunForwardThroughTheBody) {
  const model::Document doc = read_doc_file(doc_corpus() / "2020-town-blanks.doc");
  ASSERT_TRUE(doc.readable);
  std::size_t last = 0;
  int seen = 0;
  for (const model::Block& b : doc.blocks) {
    if (b.kind != model::Block::Kind::paragraph) continue;
    ASSERT_TRUE(b.paragraph.locator.char_position.has_value());
    EXPECT_GE(*b.paragraph.locator.char_position, last);
    last = *b.paragraph.locator.char_position;
    ++seen;
  }
  EXPECT_GT(seen, 5);
  for (const model::Table& t : doc.tables)
    for (const model::Cell& c : t.cells) EXPECT_TRUE(c.locator.char_position.has_value());
}

TEST(DocReader, PreTemplateStatisticsTableIsAWordTable) {
  const model::Document doc =
      read_doc_file(doc_corpus() / "2016-lingbi-civil-affairs-statistics.doc");
  ASSERT_TRUE(doc.readable);
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].cols, 3);
  EXPECT_NE(cell_with_text(doc, "统计指标"), nullptr);
}

TEST(DocReader, TitleComesFromTheSummaryInformation) {
  const model::Document doc = read_doc_file(doc_corpus() / "2022-county-numbered-split.doc");
  EXPECT_EQ(doc.hints.title, "某县交通运输局2022年政府信息公开工作年度报告");
}

TEST(DocReader, ATableSplitAtAPageBreakIsJoined) {
  const model::Document doc = read_doc_file(doc_corpus() / "2022-county-numbered-split.doc");
  const bool joined =
      std::any_of(doc.diagnostics.begin(), doc.diagnostics.end(),
                  [](const model::Diagnostic& d) { return d.code == "doc_table_joined"; });
  EXPECT_TRUE(joined);
  EXPECT_EQ(doc.tables.size(), 3u);  // 二, 三 (joined), 四
}

TEST(DocReader, AWpsInTheWordBinaryFormatIsRead) {
  const model::Document wps =
      read_doc_file(doc_corpus() / "2016-lingbi-civil-affairs-statistics.wps");
  ASSERT_TRUE(wps.readable);
  EXPECT_EQ(wps.source.format, "doc");
  EXPECT_EQ(
      body_paragraphs(wps),
      body_paragraphs(read_doc_file(doc_corpus() / "2016-lingbi-civil-affairs-statistics.doc")));
}

// A fast-saved (complex) file: fComplex set, the text in many pieces, one piece's Prm naming
// a Prc that marks it deleted (tools/make_doc_corpus.py makes it from the lingbi report).
TEST(DocReader, FastSavedFilesAreReadThroughTheirPieces) {
  const model::Document fast = read_doc_file(fixture("fast_saved.doc"));
  ASSERT_TRUE(fast.readable);
  const model::Document plain =
      read_doc_file(doc_corpus() / "2016-lingbi-civil-affairs-statistics.doc");
  EXPECT_TRUE(any_text_contains(plain, "其中当面申请6件、网络申请7件"));
  EXPECT_FALSE(any_text_contains(fast, "当面申请6件"));
  EXPECT_TRUE(any_text_contains(fast, "全年共收到政府信息公开申请15件，网络申请7件"));
  ASSERT_EQ(fast.tables.size(), plain.tables.size());
  for (std::size_t t = 0; t < plain.tables.size(); ++t) {
    ASSERT_EQ(fast.tables[t].cells.size(), plain.tables[t].cells.size());
    for (std::size_t c = 0; c < plain.tables[t].cells.size(); ++c)
      EXPECT_EQ(fast.tables[t].cells[c].text, plain.tables[t].cells[c].text);
  }
}

TEST(DocReader, ThreadsReadingAtOnceGetWhatOneThreadGets) {
  std::vector<std::filesystem::path> files;
  for (const auto& [doc_path, twin] : twins()) files.push_back(doc_path);
  std::vector<std::vector<std::string>> expected;
  for (const auto& f : files) expected.push_back(body_paragraphs(read_doc_file(f)));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round)
        for (std::size_t i = 0; i < files.size(); ++i)
          if (body_paragraphs(
                  read_doc_file(files[(i + static_cast<std::size_t>(t)) % files.size()])) !=
              expected[(i + static_cast<std::size_t>(t)) % files.size()])
            ++mismatches[static_cast<std::size_t>(t)];
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(DocParts, SprmOperandLengthsFollowTheirSpra) {
  using readers::doc::operand_length;
  EXPECT_EQ(operand_length(0x2416, "\x01"), 1u);                          // sprmPFInTable, spra 1
  EXPECT_EQ(operand_length(0x460B, "\x01\x00"), 2u);                      // sprmPIlfo, spra 2
  EXPECT_EQ(operand_length(0x6649, "\x01\x00\x00\x00"), 4u);              // sprmPItap, spra 3
  EXPECT_EQ(operand_length(0xD62B, std::string("\x02\x00\x03", 3)), 3u);  // variable
  // sprmTDefTable: a 16-bit size that counts one byte more than follows it.
  EXPECT_EQ(operand_length(0xD608, std::string("\x0A\x00", 2)), 11u);
  EXPECT_EQ(operand_length(0xD62B, ""), 0u);
}

TEST(DocParts, SprmWalkStopsAtADamagedEnd) {
  int seen = 0;
  // sprmPFInTable 1, then a variable sprm claiming 200 bytes that are not there.
  readers::doc::for_each_sprm(std::string("\x16\x24\x01\x2B\xD6\xC8\x01", 7),
                              [&](std::uint16_t op, std::string_view) {
                                EXPECT_EQ(op, 0x2416);
                                ++seen;
                              });
  EXPECT_EQ(seen, 1);
}

TEST(DocParts, CompressedPiecesAreCp1252AndOutOfRangeReadsAreZero) {
  readers::doc::PieceTable table;
  table.pieces.push_back({0, 3, 0, true, 0});
  const std::string stream = "\x80\x93\x41";
  const auto text = readers::doc::decode_text(table, Bytes(stream), 3);
  ASSERT_EQ(text.size(), 3u);
  EXPECT_EQ(text[0].code, U'\u20AC');  // €
  EXPECT_EQ(text[1].code, U'\u201C');  // “
  EXPECT_EQ(text[2].code, U'A');
  const Bytes b(stream);
  EXPECT_FALSE(b.u32(1).has_value());
  EXPECT_EQ(b.u16_or_zero(2), 0);
  EXPECT_FALSE(b.has(4, 0));
}

// A summary information property set by hand: code page 936 and a GBK title.
TEST(DocParts, SummaryTitleIsDecodedFromItsCodePage) {
  const auto u16 = [](std::string& s, unsigned v) {
    s.push_back(static_cast<char>(v & 0xFF));
    s.push_back(static_cast<char>(v >> 8));
  };
  const auto u32 = [&](std::string& s, unsigned v) {
    u16(s, v & 0xFFFF);
    u16(s, v >> 16);
  };
  std::string set;
  u16(set, 0xFFFE);
  u16(set, 0);
  u32(set, 0);
  set.append(16, '\0');                                          // CLSID
  u32(set, 1);                                                   // one property set
  set.append(16, '\0');                                          // FMTID
  u32(set, 48);                                                  // its offset
  const std::string title = "\xC4\xEA\xB6\xC8\xB1\xA8\xB8\xE6";  // 年度报告
  std::string section;
  u32(section, 0);  // size, not checked
  u32(section, 2);
  u32(section, 1);
  u32(section, 24);
  u32(section, 2);
  u32(section, 32);
  u32(section, 2);  // VT_I2
  u32(section, 936);
  u32(section, 0x1E);  // VT_LPSTR
  u32(section, static_cast<unsigned>(title.size() + 1));
  section += title + std::string(1, '\0');
  EXPECT_EQ(readers::doc::summary_title(set + section), "年度报告");
  EXPECT_EQ(readers::doc::summary_title(set), "");
  EXPECT_EQ(readers::doc::summary_title("garbage"), "");
}

TEST(DocParts, ChineseNumberFormatsHaveTheirNumberingXmlNames) {
  EXPECT_STREQ(readers::doc::number_format_name(37), "chineseCounting");
  EXPECT_STREQ(readers::doc::number_format_name(39), "chineseCountingThousand");
  EXPECT_STREQ(readers::doc::number_format_name(0), "decimal");
  EXPECT_STREQ(readers::doc::number_format_name(255), "none");
}

}  // namespace
}  // namespace nianbao::testing::doc
