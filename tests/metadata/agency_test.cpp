// Issue 17: an agency is a name — never a self-reference (我办, 本机关), never a verb phrase or
// a fragment of one (开展政府); it is taken, in order, from the title, the subject of the opening
// sentences, the signature block, the page's metadata and the file's name; null where none is
// certain. A title is a heading-like line that names a report; an opening sentence is never one.
#include "extractor/metadata/agency.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "extractor/metadata/agency_words.hpp"
#include "extractor/metadata/report_metadata.hpp"
#include "extractor/metadata/text_utils.hpp"
#include "extractor/pipeline/extract.hpp"

namespace nianbao::metadata {
namespace {

model::ReportMeta meta_of(const std::string& text, const std::string& path = "report.txt") {
  return pipeline::extract_bytes(text, path).report;
}

// A report body after its opening: the overview's first paragraph, then the other sections of a
// report that calls itself `self` (我单位 tells no kind of agency; 我局 says it is a 局).
std::string body(const std::string& overview, const std::string& self = "我单位") {
  return "一、总体情况\n" + overview +
         "\n二、主动公开政府信息情况\n全年主动公开政府信息56条。\n"
         "三、收到和处理政府信息公开申请情况\n本年度" +
         self +
         "共收到申请3件。\n"
         "四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议案件。\n"
         "五、存在的主要问题及改进情况\n" +
         self +
         "将进一步加强培训。\n"
         "六、其他需要报告的事项\n无。\n";
}

TEST(Issue17, OpeningSelfReferenceThenTheNameInTheNextSentence) {
  const auto m = meta_of(
      "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现将我办2022年度政府信息"
      "公开情况报告如下：\n" +
      body("2022年，区政府办公室认真贯彻执行《条例》，主动公开政府信息126条。", "我办"));
  EXPECT_EQ(m.agency, "区政府办公室");
  EXPECT_EQ(m.year, 2022);
  EXPECT_EQ(m.title, "");
}

TEST(Issue17, TheOpeningSentenceIsNoTitle) {
  const auto m = meta_of(
      "根据《中华人民共和国政府信息公开条例》要求现将我办2022年度政府信息公开情况报告如下:\n" +
      body("2022年,区政府办公室认真贯彻执行《条例》,扎实做好各项工作。", "我办"));
  EXPECT_EQ(m.title, "");
  EXPECT_EQ(m.agency, "区政府办公室");
}

TEST(Issue17, FlipbookTitleNamesTheAgencyAndNoVerbPhraseDoes) {
  const auto m = meta_of("Page 9 - 2020年报_审计局\nP. 9\n" +
                         body("2020年，我局积极开展政府开放日活动。开展政府开放日活动，"
                              "邀请群众走进机关。"));
  EXPECT_EQ(m.title, "2020年报_审计局");
  EXPECT_EQ(m.year, 2020);
  EXPECT_EQ(m.agency, "审计局");
  // Without the flipbook's title nothing names the agency: null, never 开展政府.
  EXPECT_EQ(meta_of("2020年政府信息公开工作年度报告\n" +
                    body("开展政府开放日活动，邀请群众走进机关。开展政府信息公开培训，"
                         "组织政府开放日活动2次。"))
                .agency,
            "");
}

TEST(SelfReference, IsNeverAnAgency) {
  for (const char* self : {"我办", "我局", "本局", "本机关", "本单位", "我单位", "本办", "我委",
                           "本委", "我中心", "该局", "我市教育局", "本部门"}) {
    EXPECT_TRUE(starts_with_self_reference(to_u32(self))) << self;
    EXPECT_FALSE(is_standalone_name(to_u32(self))) << self;
    // As the title's agency, in the opening sentence and in a signature block.
    EXPECT_EQ(meta_of(std::string(self) + "2022年政府信息公开工作年度报告\n" + body("无。")).agency,
              "")
        << self;
    EXPECT_EQ(meta_of("根据《条例》规定，现将" + std::string(self) +
                      "2022年度政府信息公开工作情况报告如下：\n" + body("无。"))
                  .agency,
              "")
        << self;
    EXPECT_EQ(meta_of("2022年政府信息公开工作年度报告\n" + body("无。") + std::string(self) +
                      "\n2023年1月20日\n")
                  .agency,
              "")
        << self;
  }
  // A place whose name begins like a pronoun is a name.
  EXPECT_FALSE(starts_with_self_reference(U"本溪市民政局"));
  EXPECT_TRUE(is_standalone_name(U"本溪市民政局"));
  EXPECT_EQ(meta_of("本溪市民政局2022年政府信息公开工作年度报告\n" + body("无。")).agency,
            "本溪市民政局");
}

TEST(VerbPhrases, OpenNoName) {
  // Clauses without a subject of their own: whatever 政府 or 局 follows is an object.
  for (const char* clause :
       {"开展政府开放日活动", "积极开展政府信息公开培训", "认真落实区政府工作部署",
        "加强区政府网站建设", "组织政府开放日活动", "按照市政府办公室要求", "配合市统计局开展调查",
        "在区委区政府的领导下", "由区政府办公室统一部署", "进一步完善区财政局信息发布制度"}) {
    const std::string report = "2022年政府信息公开工作年度报告\n" +
                               body(std::string("2022年，") + clause + "。" + clause + "。");
    EXPECT_EQ(meta_of(report).agency, "") << clause;
  }
  EXPECT_FALSE(is_standalone_name(U"开展政府"));
  EXPECT_FALSE(is_standalone_name(U"积极开展政府"));
  EXPECT_FALSE(is_standalone_name(U"政府"));    // an ending alone names nothing
  EXPECT_FALSE(is_standalone_name(U"办公室"));  // likewise
  EXPECT_FALSE(is_standalone_name(U"乡镇"));    // a generic word
  EXPECT_FALSE(is_standalone_name(U"市政府的"));
  EXPECT_TRUE(is_standalone_name(U"审计局"));
  EXPECT_TRUE(is_standalone_name(U"中国（上海）自由贸易试验区管理委员会"));
}

TEST(OpeningSubject, TheFirstSentenceThatNamesItsSubject) {
  // Variants of the overview's first sentence: after a date, a leading phrase, an enumerator.
  const std::pair<const char*, const char*> cases[] = {
      {"2022年，区审计局认真落实《条例》。", "区审计局"},
      {"2022年区审计局认真落实《条例》。", "区审计局"},
      {"2022年，在区委、区政府的坚强领导下，区审计局认真落实《条例》。", "区审计局"},
      {"（一）主动公开情况。2022年，青山县林业局主动公开信息30条。", "青山县林业局"},
      {"全年，区政府政务服务办进一步完善公开制度。", "区政府政务服务办"},
      {"按照区委、区政府有关要求，区政府政务服务办进一步完善公开制度。", "区政府政务服务办"},
      // The subject is a self-reference: the sentence names no agency, and the superior it
      // names after it is not the report's.
      {"2022年，我局在市政府办公室的指导下，认真落实《条例》。", ""},
      {"2022年，市政府高度重视政府信息公开工作。", ""}};
  for (const auto& [overview, agency] : cases)
    EXPECT_EQ(meta_of("2022年政府信息公开工作年度报告\n" + body(overview)).agency, agency)
        << overview;
  // The preamble before the first section counts too.
  EXPECT_EQ(meta_of("北江区交通运输局根据《条例》规定，编制了2019年政府信息公开工作年度报告。\n" +
                    body("2019年，我局认真贯彻落实《条例》。"))
                .agency,
            "北江区交通运输局");
  EXPECT_EQ(meta_of("根据《条例》规定，现公布区统计局2023年政府信息公开工作年度报告。\n" +
                    body("2023年，我局主动公开政府信息50条。"))
                .agency,
            "区统计局");
}

TEST(SelfKind, ANameMustFitWhatTheReportCallsItself) {
  const std::string title = "2022年政府信息公开工作年度报告\n";
  // A report saying 我局 is not by the office its first sentence names.
  EXPECT_EQ(
      meta_of(title + body("2022年，区政府办公室印发了工作要点，我局认真落实。", "我局")).agency,
      "");
  EXPECT_EQ(meta_of(title + body("2022年，区政府办公室印发了工作要点，区审计局认真落实。", "我局"))
                .agency,
            "区审计局");
  EXPECT_EQ(meta_of(title + body("2022年，区政府办公室认真落实《条例》。", "我办")).agency,
            "区政府办公室");
  EXPECT_EQ(meta_of(title + body("2022年，区卫生健康委员会认真落实《条例》。", "我委")).agency,
            "区卫生健康委员会");
  EXPECT_EQ(meta_of(title + body("2022年，白沙镇人民政府认真落实《条例》。", "我镇")).agency,
            "白沙镇人民政府");
  // Neither does a page's metadata box or the file's name override it.
  const std::string page =
      "<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>发布机构：</td>"
      "<td>长河区人民政府办公室</td></tr></table><div><h2>2022年政府信息公开工作年度报告</h2>"
      "<p>一、总体情况</p><p>2022年，我局认真落实《条例》。我局积极推进政务公开。</p>"
      "<p>二、主动公开政府信息情况</p><p>全年公开信息5条。</p></div></body></html>";
  EXPECT_EQ(meta_of(page, "page.html").agency, "");
  EXPECT_EQ(
      meta_of(body("2020年，我局认真落实《条例》。", "我局"), "2020年报_西岭区政府办.txt").agency,
      "");
  EXPECT_EQ(self_kind({"2022年，我局认真落实《条例》。", "现将我办2022年度报告如下：",
                       "我局积极推进政务公开。"}),
            U"局");
  EXPECT_EQ(self_kind({"我单位认真落实《条例》。", "我区积极推进政务公开。"}), U"");
  EXPECT_EQ(self_kind({"我局认真落实。", "我办积极推进。"}), U"");  // as often: none tells
  EXPECT_TRUE(fits_self_kind(U"区政府办公室", U"办"));
  EXPECT_FALSE(fits_self_kind(U"区政府办公室", U"局"));
  EXPECT_TRUE(fits_self_kind(U"区政府办公室", U""));
}

TEST(Order, TitleThenOpeningThenSignatureThenMetadataThenFileName) {
  const std::string signature = "\n西岭区水务局\n2023年1月20日\n";
  // The title wins over everything after it.
  EXPECT_EQ(meta_of("长河县人民政府办公室2021年政府信息公开工作年度报告\n" +
                    body("2021年，县发展改革局配合做好重点领域信息公开。") + signature)
                .agency,
            "长河县人民政府办公室");
  // The opening's subject wins over the signature.
  EXPECT_EQ(meta_of("2022年政府信息公开工作年度报告\n" +
                    body("2022年，西岭区水利局认真落实《条例》。") + signature)
                .agency,
            "西岭区水利局");
  // The signature where the opening names none.
  EXPECT_EQ(meta_of("2022年政府信息公开工作年度报告\n" + body("2022年，我局认真落实《条例》。") +
                    signature)
                .agency,
            "西岭区水务局");
  // The file's name where nothing in the text names it.
  EXPECT_EQ(meta_of(body("2020年，我局认真落实《条例》。"), "2020年报_西岭区审计局.txt").agency,
            "西岭区审计局");
  EXPECT_EQ(meta_of(body("2020年，我局认真落实《条例》。"), "dir/西岭区审计局2020年度报告.pdf.txt")
                .agency,
            "西岭区审计局");
  // A file's name that does not read as a report's title, or names a portal, is not used.
  EXPECT_EQ(meta_of(body("2020年，我局认真落实《条例》。"), "西岭区审计局.txt").agency, "");
  EXPECT_EQ(
      meta_of(body("2020年，我局认真落实《条例》。"), "2020年度报告_西岭区人民政府.txt").agency,
      "");
}

TEST(SignatureBlock, ShapesOfTheSignature) {
  const std::string report =
      "2022年政府信息公开工作年度报告\n" + body("2022年，我局认真落实《条例》。");
  // Name and date on one line, the date in Chinese numerals, a note after the date.
  auto m = meta_of(report + "\n东湖区水务局　　2023年1月18日\n");
  EXPECT_EQ(m.agency, "东湖区水务局");
  EXPECT_EQ(m.published, "2023年1月18日");
  m = meta_of(report + "\n东湖区水务局\n二〇二三年一月十八日\n（此件公开发布）\n");
  EXPECT_EQ(m.agency, "东湖区水务局");
  EXPECT_EQ(m.published, "二〇二三年一月十八日");
  // Two agencies signing: the date is theirs, the agency not certain.
  m = meta_of(report + "\n中共白沙县委办公室\n白沙县人民政府办公室\n2023年1月30日\n");
  EXPECT_EQ(m.agency, "");
  EXPECT_EQ(m.published, "2023年1月30日");
  // A sentence ending in a date is no signature.
  EXPECT_EQ(meta_of(report + "\n本报告经局务会审议通过于2023年1月30日\n").agency, "");
}

TEST(Title, AHeadingLikeLineThatNamesAReport) {
  // Sentences are never titles.
  for (const char* sentence :
       {"根据《中华人民共和国政府信息公开条例》要求现将我办2022年度政府信息公开情况报告如下:",
        "现将我局2022年度政府信息公开工作年度报告如下", "本年度报告根据《条例》编制",
        "按照《政府信息公开工作年度报告格式》要求编制本报告",
        "（依据《中华人民共和国政府信息公开工作年度报告格式》编制）", "特此报告"}) {
    EXPECT_EQ(meta_of(std::string(sentence) + "\n" + body("无。")).title, "") << sentence;
  }
  // Titles of several shapes.
  const std::pair<const char*, const char*> titles[] = {
      {"《玉泉县财政局2022年政府信息公开工作年度报告》\n",
       "玉泉县财政局2022年政府信息公开工作年度报告"},
      {"关于北江区交通运输局2022年度政府信息公开工作情况的报告\n",
       "关于北江区交通运输局2022年度政府信息公开工作情况的报告"},
      {"青山县审计局政府信息公开工作年度报告\n（2021年度）\n",
       "青山县审计局政府信息公开工作年度报告（2021年度）"},
      {"九原区政务服务局\n2022年政府信息公开工作年度报告\n",
       "九原区政务服务局2022年政府信息公开工作年度报告"},
      {"Page 9 - 2020年报_审计局\n", "2020年报_审计局"}};
  for (const auto& [lines, title] : titles) EXPECT_EQ(meta_of(lines + body("无。")).title, title);
}

TEST(AgencyInTitle, AroundTheYearOrInAPartOfItsOwn) {
  EXPECT_EQ(agency_in_title("2020年报_审计局"), "审计局");
  EXPECT_EQ(agency_in_title("审计局_2020年报"), "审计局");
  EXPECT_EQ(agency_in_title("2022年度报告 - 区审计局"), "区审计局");
  EXPECT_EQ(agency_in_title("2022年政府信息公开工作年度报告_文登区人民政府"), "");  // a portal
  EXPECT_EQ(agency_in_title("2022年青山县人民政府信息公开工作年度报告"), "青山县人民政府");
  EXPECT_EQ(agency_in_title("青山县审计局政府信息公开工作年度报告（2021年度）"), "青山县审计局");
  EXPECT_EQ(agency_in_title("青山县审计局政府信息公开工作年度报告"), "青山县审计局");
  EXPECT_EQ(agency_in_title("政府信息公开工作年度报告"), "");
  EXPECT_EQ(agency_in_title("XX乡镇（部门）2019年政府信息公开工作年度报告"), "");
  EXPECT_EQ(agency_in_title("2019年XX乡镇（部门）政府信息公开工作年度报告"), "");
  EXPECT_EQ(agency_in_title("现将我办2022年度政府信息公开情况报告如下"), "");
}

TEST(PageMetadata, ABoxValueMustBeAName) {
  const std::string page_head =
      "<html><head><meta charset=\"utf-8\"><title>2022年政府信息公开工作年度报告</title></head>"
      "<body><table><tr><td>发布机构：</td><td>";
  const std::string page_tail =
      "</td><td>发布日期：</td><td>2023-01-20</td></tr></table><div>"
      "<h2>2022年政府信息公开工作年度报告</h2><p>一、总体情况</p><p>2022年，我局认真落实《条例》。"
      "</p><p>二、主动公开政府信息情况</p><p>全年公开信息5条。</p></div></body></html>";
  EXPECT_EQ(meta_of(page_head + "松涛区审计局" + page_tail, "page.html").agency, "松涛区审计局");
  EXPECT_EQ(meta_of(page_head + "本局" + page_tail, "page.html").agency, "");
  EXPECT_EQ(meta_of(page_head + "区委办公室、区政府办公室" + page_tail, "page.html").agency, "");
}

TEST(BodyFallback, OnlyANameTheBodyGivesItsSubjectTwiceAndMostOften) {
  const std::string title = "2019年XX乡镇（部门）政府信息公开工作年度报告\n";
  // Twice as subject, and a fuller form as object: the fuller form.
  EXPECT_EQ(meta_of(title + body("2019年，我局认真落实《条例》。") +
                    "1.市经信局主动在政务信息平台发布信息139条。\n"
                    "2019年，市经信局的信息公开工作取得了一定成效，仍存在一些差距。\n"
                    "下一步，进一步完善万源市经信局政府信息公开制度。\n")
                .agency,
            "万源市经信局");
  // Once only, or two names as often: not certain.
  EXPECT_EQ(meta_of(title + body("2019年，我局认真落实《条例》。") +
                    "1.市经信局主动在政务信息平台发布信息139条，群众反映良好。\n")
                .agency,
            "");
  EXPECT_EQ(meta_of(title + body("2019年，我局认真落实《条例》。") +
                    "1.市经信局主动在政务信息平台发布信息139条，群众反映良好。\n"
                    "2.市财政局主动在政务信息平台发布信息12条，群众反映良好。\n")
                .agency,
            "");
}

TEST(AgencyWords, TheListsAreDataAndTheirFormatIsChecked) {
  const AgencyWords& words = agency_words();
  for (const auto* list :
       {&words.name_ends, &words.prose_name_ends, &words.self_pronouns, &words.self_nouns,
        &words.predicate_starts, &words.subject_leads, &words.sentence_starts})
    EXPECT_FALSE(list->empty());
  EXPECT_FALSE(words.particles.empty());
  // Longest first, so that the first match is the longest (委员会 before 委).
  EXPECT_EQ(prefix_in(U"委员会主任", words.name_ends), 3u);
  EXPECT_EQ(suffix_in(U"区卫生健康委员会", words.name_ends), 3u);
  EXPECT_THROW(parse_agency_words("no_such_kind\t局\n"), std::logic_error);
  EXPECT_THROW(parse_agency_words("particle\t的了\n"), std::logic_error);
  EXPECT_THROW(parse_agency_words("name_end\n"), std::logic_error);
  const AgencyWords parsed = parse_agency_words("# a comment\n\nself_pronoun\t我\nself_noun\t办\n");
  EXPECT_EQ(parsed.self_pronouns.words(), std::vector<std::u32string>{U"我"});
  EXPECT_EQ(parsed.self_nouns.words(), std::vector<std::u32string>{U"办"});
  EXPECT_TRUE(parsed.self_nouns.holds(U"办"));
  EXPECT_FALSE(parsed.self_nouns.holds(U"办公室"));
}

}  // namespace
}  // namespace nianbao::metadata
