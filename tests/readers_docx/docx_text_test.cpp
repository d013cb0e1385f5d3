// Paragraph text: runs, tabs and breaks, symbols, tracked changes, fields, content controls,
// text boxes, hidden runs and list labels from numbering.xml.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "docx_fixture.hpp"
#include "extractor/readers/docx/numbering.hpp"

namespace nianbao::testing::docx {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> texts_of(const std::string& body, Parts extra = {}) {
  const model::Document doc = read(make_docx(body, std::move(extra)));
  EXPECT_TRUE(doc.readable);
  return paragraph_texts(doc);
}

TEST(DocxText, RunsAreJoinedWithoutSeparator) {
  // WPS writes a number as several runs when the formatting of its digits differs.
  const std::string runs =
      "<w:r><w:rPr><w:b/></w:rPr><w:t>1</w:t></w:r>"
      "<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\"/></w:rPr><w:t>2</w:t></w:r>"
      "<w:r><w:t>3</w:t></w:r><w:r><w:t>件</w:t></w:r>";
  EXPECT_THAT(texts_of(p(runs)), ElementsAre("123件"));
}

TEST(DocxText, TabsBreaksAndSymbols) {
  const std::string runs =
      "<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t>"
      "<w:br w:type=\"page\"/><w:t>丁</w:t><w:cr/><w:sym w:font=\"Symbol\" w:char=\"F02B\"/>"
      "<w:sym w:font=\"SimSun\" w:char=\"2460\"/></w:r>";
  // Tab stops in the paragraph properties are not text.
  const std::string ppr = "<w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs>";
  EXPECT_THAT(texts_of(p(runs, ppr)), ElementsAre("甲\t乙\n丙丁\n+①"));
}

TEST(DocxText, InsertedTextKeptDeletedTextDropped) {
  const std::string runs =
      r("共") + "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>5</w:delText></w:r></w:del>" +
      "<w:ins w:id=\"2\" w:author=\"a\">" + r("6") + "</w:ins>" +
      "<w:moveFrom w:id=\"3\" w:author=\"a\">" + r("旧") + "</w:moveFrom>" + r("件");
  EXPECT_THAT(texts_of(p(runs)), ElementsAre("共6件"));
}

TEST(DocxText, FieldResultsKeptFieldCodesDropped) {
  const std::string complex =
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText> =SUM(LEFT) </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
      r("42") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  // A field inside the code of another field (IF with a nested PAGE): still only results.
  const std::string nested =
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
      r("3") +
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:instrText> = 3 \"是\" \"否\""
      "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
      r("是") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  const std::string simple = "<w:fldSimple w:instr=\" DATE \">" + r("2023年1月") + "</w:fldSimple>";
  EXPECT_THAT(texts_of(p(r("合计") + complex) + p(nested) + p(simple)),
              ElementsAre("合计42", "是", "2023年1月"));
}

TEST(DocxText, UnfinishedFieldCodeEndsWithItsParagraph) {
  // A field that never reaches its separator: the next paragraph is text again.
  const std::string broken =
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText>PAGE</w:instrText></w:r>" +
      r("看不见");
  // A result that runs over two paragraphs (a table of contents) stays visible.
  const std::string toc_start =
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText>TOC \\o</w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
      r("一、总体情况");
  const std::string toc_end = r("二、主动公开") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  EXPECT_THAT(texts_of(p(r("前") + broken) + p(r("后")) + p(toc_start) + p(toc_end)),
              ElementsAre("前", "后", "一、总体情况", "二、主动公开"));
}

TEST(DocxText, ContentControlsAreReadInPlace) {
  const std::string sdt_props =
      "<w:sdtPr><w:alias w:val=\"数值\"/><w:placeholder><w:docPart w:val=\"x\"/></w:placeholder>"
      "<w:showingPlcHdr/></w:sdtPr>";
  const std::string block_sdt =
      "<w:sdt>" + sdt_props + "<w:sdtContent>" + p(r("一、总体情况")) + "</w:sdtContent></w:sdt>";
  const std::string run_sdt = p(r("共") + "<w:sdt>" + sdt_props + "<w:sdtContent>" + r("15") +
                                "</w:sdtContent></w:sdt>" + r("条"));
  EXPECT_THAT(texts_of(p(r("前")) + block_sdt + run_sdt),
              ElementsAre("前", "一、总体情况", "共15条"));
}

TEST(DocxText, PlaceholderPromptOfAnEmptyContentControlIsNotText) {
  // An unfilled control shows Word's grey prompt, in the Placeholder Text character style
  // (whose id some Word versions localise); a blank cell must stay blank. Text in another
  // style under a stale showingPlcHdr is real content (ContentControlsAreReadInPlace).
  const auto control = [](const std::string& style) {
    return "<w:sdt><w:sdtPr><w:rPr><w:rStyle w:val=\"" + style +
           "\"/></w:rPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle "
           "w:val=\"" +
           style + "\"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt>";
  };
  const std::string cell = "<w:tc>" + p(control("PlaceholderText")) + "</w:tc>";
  const model::Document doc = read(make_docx(tbl(2, tr(tc("规章") + cell))));
  EXPECT_EQ(at(doc.tables.at(0), 0, 1), "");
  const std::string localised =
      "<w:style w:type=\"character\" w:styleId=\"a5\"><w:name w:val=\"Placeholder Text\"/>"
      "</w:style>";
  EXPECT_THAT(
      texts_of(p(r("共") + control("a5") + r("条")), {{"word/styles.xml", styles_xml(localised)}}),
      ElementsAre("共条"));
  EXPECT_THAT(texts_of(p(control("a5"))), ElementsAre("单击或点击此处输入文字。"));
}

TEST(DocxText, TextBoxIsReadOnceAfterItsAnchor) {
  const std::string box = p(r("标题"));
  const std::string anchor =
      "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>"
      "<w:txbxContent>" +
      box +
      "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
      "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" +
      box +
      "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
  EXPECT_THAT(texts_of(p(r("前") + anchor + r("后")) + p(r("正文"))),
              ElementsAre("前后", "标题", "正文"));
}

TEST(DocxText, HiddenRunsAreNotText) {
  const std::string runs = r("显示") + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>" +
                           "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>也显示</w:t></w:r>";
  EXPECT_THAT(texts_of(p(runs)), ElementsAre("显示也显示"));
}

TEST(DocxText, RubyPronunciationIsNotText) {
  const std::string ruby = "<w:r><w:ruby><w:rubyPr/><w:rt>" + r("ji") + "</w:rt><w:rubyBase>" +
                           r("稽") + "</w:rubyBase></w:ruby></w:r>";
  EXPECT_THAT(texts_of(p(r("勾") + ruby)), ElementsAre("勾稽"));
}

TEST(DocxText, MainDocumentFoundThroughPackageRelationships) {
  const std::string rels =
      "<?xml version=\"1.0\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
      "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "officeDocument\" Target=\"/doc/main.xml\"/></Relationships>";
  const model::Document doc =
      read(make_zip({{"_rels/.rels", rels}, {"doc/main.xml", document_xml(p(r("一、总体情况")))}}));
  EXPECT_TRUE(doc.readable);
  EXPECT_THAT(paragraph_texts(doc), ElementsAre("一、总体情况"));
}

TEST(DocxText, EmbeddedAltChunkIsReportedNotSilentlyLost) {
  const std::string body = p(r("前")) +
                           "<w:altChunk xmlns:r=\"http://schemas.openxmlformats.org/"
                           "officeDocument/2006/relationships\" r:id=\"htmlChunk\"/>";
  const model::Document doc = read(make_docx(body));
  EXPECT_TRUE(doc.readable);
  EXPECT_TRUE(has_code(doc, "docx_alt_chunk"));
  EXPECT_FALSE(
      has_code(read(make_docx(body.substr(0, body.find("<w:altChunk")))), "docx_alt_chunk"));
}

TEST(DocxText, ParagraphLocatorsCountBodyParagraphs) {
  const model::Document doc = read(make_docx(p(r("a")) + tbl(1, tr(tc("x"))) + p(r("b"))));
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].paragraph.locator.paragraph, 0);
  EXPECT_EQ(doc.blocks[2].paragraph.locator.paragraph, 1);
}

TEST(DocxText, CorePropertiesTitleBecomesHint) {
  const std::string core =
      "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
      "package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<dc:creator>某人</dc:creator><dc:title> 某县2022年政府信息公开工作年度报告 </dc:title>"
      "</cp:coreProperties>";
  const model::Document doc = read(make_docx(p(r("x")), {{"docProps/core.xml", core}}));
  EXPECT_EQ(doc.hints.title, "某县2022年政府信息公开工作年度报告");
}

// ---------------------------------------------------------------- numbering

std::string level(int ilvl, const std::string& fmt, const std::string& text,
                  const std::string& suff = "nothing", int start = 1) {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" +
         std::to_string(start) + "\"/><w:numFmt w:val=\"" + fmt + "\"/><w:suff w:val=\"" + suff +
         "\"/><w:lvlText w:val=\"" + text +
         "\"/><w:pPr><w:ind w:left=\"0\"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>";
}

std::string num_ppr(int num_id, int ilvl) {
  return "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr>";
}

TEST(DocxNumbering, SectionHeadingLabelsComeFromNumberingXml) {
  const std::string numbering =
      numbering_xml("<w:abstractNum w:abstractNumId=\"5\">" + level(0, "chineseCounting", "%1、") +
                    level(1, "chineseCounting", "（%2）") + level(2, "decimal", "%3.", "tab") +
                    "</w:abstractNum><w:num w:numId=\"2\"><w:abstractNumId w:val=\"5\"/></w:num>");
  const std::string body = p(r("总体情况"), num_ppr(2, 0)) + p(r("主动公开"), num_ppr(2, 1)) +
                           p(r("网站"), num_ppr(2, 2)) + p(r("微信"), num_ppr(2, 2)) +
                           p(r("依申请公开"), num_ppr(2, 1)) + p(r("网站"), num_ppr(2, 2)) +
                           p(r("普通段落")) + p(r("主动公开政府信息情况"), num_ppr(2, 0)) +
                           p(r("关闭编号"), num_ppr(0, 0));
  EXPECT_THAT(
      texts_of(body, {{"word/numbering.xml", numbering}}),
      ElementsAre("一、总体情况", "（一）主动公开", "1.\t网站", "2.\t微信", "（二）依申请公开",
                  "1.\t网站", "普通段落", "二、主动公开政府信息情况", "关闭编号"));
}

TEST(DocxNumbering, EveryRequiredFormat) {
  const std::vector<std::pair<std::string, std::string>> formats{
      {"chineseCounting", "%1、"},
      {"chineseCountingThousand", "%1、"},
      {"chineseLegalSimplified", "%1、"},
      {"ideographTraditional", "%1、"},
      {"decimal", "%1."},
      {"decimalFullWidth", "%1．"},
      {"decimalEnclosedCircle", "%1"}};
  std::string abstracts;
  std::string body;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    const std::string id = std::to_string(i + 1);
    // Each list starts at 11 so that two-digit forms are exercised.
    abstracts += "<w:abstractNum w:abstractNumId=\"" + id + "\">" +
                 level(0, formats[i].first, formats[i].second, "nothing", 11) + "</w:abstractNum>";
    body += p(r("项"), num_ppr(static_cast<int>(i + 1), 0));
  }
  for (std::size_t i = 0; i < formats.size(); ++i) {
    const std::string id = std::to_string(i + 1);
    abstracts += "<w:num w:numId=\"" + id + "\"><w:abstractNumId w:val=\"" + id + "\"/></w:num>";
  }
  EXPECT_THAT(
      texts_of(body, {{"word/numbering.xml", numbering_xml(abstracts)}}),
      ElementsAre("十一、项", "十一、项", "壹拾壹、项", "11、项", "11.项", "１１．项", "⑪项"));
}

TEST(DocxNumbering, NumberingInheritedFromParagraphStyle) {
  const std::string numbering =
      numbering_xml("<w:abstractNum w:abstractNumId=\"0\">" + level(0, "chineseCounting", "%1、") +
                    "</w:abstractNum><w:num w:numId=\"7\"><w:abstractNumId w:val=\"0\"/></w:num>");
  const std::string styles = styles_xml(
      "<w:style w:type=\"paragraph\" w:styleId=\"H\"><w:pPr>" + num_ppr(7, 0) +
      "</w:pPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:basedOn w:val=\"H\"/>"
      "</w:style>");
  const std::string body =
      p(r("总体情况"), "<w:pStyle w:val=\"H\"/>") + p(r("主动公开"), "<w:pStyle w:val=\"H2\"/>");
  EXPECT_THAT(texts_of(body, {{"word/numbering.xml", numbering}, {"word/styles.xml", styles}}),
              ElementsAre("一、总体情况", "二、主动公开"));
}

TEST(DocxNumbering, StartOverrideRestartsTheList) {
  const std::string numbering = numbering_xml(
      "<w:abstractNum w:abstractNumId=\"0\">" + level(0, "decimal", "%1.") +
      "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\">"
      "<w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>");
  const std::string body = p(r("a"), num_ppr(1, 0)) + p(r("b"), num_ppr(1, 0)) +
                           p(r("c"), num_ppr(2, 0)) + p(r("d"), num_ppr(2, 0));
  EXPECT_THAT(texts_of(body, {{"word/numbering.xml", numbering}}),
              ElementsAre("1.a", "2.b", "1.c", "2.d"));
}

TEST(DocxNumbering, BrokenNumberingPartOnlyWarns) {
  const model::Document doc =
      read(make_docx(p(r("总体情况"), num_ppr(1, 0)), {{"word/numbering.xml", "<w:numbering"}}));
  EXPECT_TRUE(doc.readable);
  EXPECT_TRUE(has_code(doc, "docx_part_unreadable"));
  EXPECT_THAT(paragraph_texts(doc), ElementsAre("总体情况"));
}

TEST(DocxNumberFormat, ChineseCounting) {
  using readers::docx::format_number;
  EXPECT_EQ(format_number("chineseCounting", 1), "一");
  EXPECT_EQ(format_number("chineseCounting", 10), "十");
  EXPECT_EQ(format_number("chineseCounting", 11), "十一");
  EXPECT_EQ(format_number("chineseCounting", 20), "二十");
  EXPECT_EQ(format_number("chineseCounting", 21), "二十一");
  EXPECT_EQ(format_number("chineseCounting", 100), "一百");
  EXPECT_EQ(format_number("chineseCounting", 101), "一百零一");
  EXPECT_EQ(format_number("chineseCounting", 110), "一百一十");
  EXPECT_EQ(format_number("chineseCountingThousand", 1010), "一千零一十");
  EXPECT_EQ(format_number("chineseCountingThousand", 10001), "一万零一");
  EXPECT_EQ(format_number("chineseCountingThousand", 10010), "一万零一十");
}

TEST(DocxNumberFormat, OtherFormats) {
  using readers::docx::format_number;
  EXPECT_EQ(format_number("chineseLegalSimplified", 3), "叁");
  EXPECT_EQ(format_number("chineseLegalSimplified", 10), "壹拾");
  EXPECT_EQ(format_number("ideographTraditional", 1), "甲");
  EXPECT_EQ(format_number("ideographTraditional", 10), "癸");
  EXPECT_EQ(format_number("ideographTraditional", 11), "11");  // Word falls back to digits
  EXPECT_EQ(format_number("decimalFullWidth", 12), "１２");
  EXPECT_EQ(format_number("decimalEnclosedCircle", 1), "①");
  EXPECT_EQ(format_number("decimalEnclosedCircle", 20), "⑳");
  EXPECT_EQ(format_number("decimalEnclosedCircle", 21), "㉑");
  EXPECT_EQ(format_number("decimalEnclosedCircle", 51), "51");
  EXPECT_EQ(format_number("decimal", 7), "7");
  EXPECT_EQ(format_number("upperRoman", 14), "XIV");
  EXPECT_EQ(format_number("lowerLetter", 27), "aa");
  EXPECT_EQ(format_number("none", 3), "");
  EXPECT_EQ(format_number("someFutureFormat", 3), "3");
}

}  // namespace
}  // namespace nianbao::testing::docx
