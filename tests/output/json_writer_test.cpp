#include "extractor/output/json_writer.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "extractor/output/flat.hpp"
#include "extractor/output/record_json.hpp"
#include "extractor/pipeline/extract.hpp"

namespace nianbao::output {
namespace {

TEST(JsonWriter, EscapesAndKeepsNumbersExact) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("s").string("a\"b\\c\n\x01 规章").key("n").number_text("123499.99999999999");
  w.key("e").begin_array().end_array().end_object();
  EXPECT_EQ(out, "{\"s\":\"a\\\"b\\\\c\\n\\u0001 规章\",\"n\":123499.99999999999,\"e\":[]}");
}

TEST(JsonWriter, InvalidUtf8BecomesReplacementCharacter) {
  std::string out;
  append_json_escaped(out,
                      "a\xFF"
                      "b");
  EXPECT_EQ(out,
            "a\xEF\xBF\xBD"
            "b");
}

TEST(RecordJson, FollowsTheOutputContract) {
  const model::Record r = pipeline::extract_bytes(
      "某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(八)项 | ||\n"
      "信息内容 | 本年收费金额(单位:万元) | ||\n行政事业性收费 | 12.35 | ||\n",
      "dir/r.txt");
  std::string out;
  append_record_json(r, out, false);
  EXPECT_EQ(out.find('\n'), std::string::npos) << "NDJSON records are one line";
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["schema"], "nianbao.report/1");
  EXPECT_EQ(j["source"]["path"], "dir/r.txt");
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["report"]["year"], 2021);
  EXPECT_EQ(j["report"]["template"], "2021");
  const auto& f = j["figures"][0];
  EXPECT_EQ(f["id"], "active.fees.amount");
  EXPECT_EQ(f["raw"], "12.35");
  EXPECT_EQ(f["unit"], "元");
  EXPECT_TRUE(f["qualifier"].is_null());
  EXPECT_EQ(f["locator"]["line"], 5);
  // The value is written with the digits of an exact decimal, not through a double.
  EXPECT_NE(out.find("\"value\":123500,"), std::string::npos) << out;
  for (const char* key : {"sections", "tables", "figures", "facts", "checks", "diagnostics"})
    EXPECT_TRUE(j[key].is_array()) << key;
}

TEST(RecordJson, FailedInputStillGivesARecord) {
  const model::Record r = pipeline::extract_bytes("", "empty.txt");
  std::string out;
  append_record_json(r, out, true);
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["status"], "failed");
  EXPECT_EQ(j["diagnostics"][0]["code"], "input_empty");
  EXPECT_EQ(j["figures"].size(), 0u);
}

TEST(LocatorJson, PageBoxCharacterPositionAndOcrFields) {
  model::Locator loc;
  loc.page = 2;
  loc.bbox = model::PageBox{380.4f, 56.25f, 389.3f, 64.0f};
  EXPECT_EQ(locator_json(loc), R"({"page":2,"bbox":[380.4,56.25,389.3,64]})");
  model::Locator doc;
  doc.char_position = 1234;
  doc.table = 1;
  EXPECT_EQ(locator_json(doc), R"({"table":1,"cp":1234})");
  model::Locator scan;
  scan.page = 1;
  scan.ocr = true;
  scan.confidence = 91;
  scan.pixels = model::PixelBox{10, 20, 30, 40};
  EXPECT_EQ(locator_json(scan), R"({"page":1,"ocr":true,"confidence":91,"pixels":[10,20,30,40]})");
  EXPECT_FALSE(scan.empty());
  EXPECT_TRUE(model::Locator{}.empty());
}

}  // namespace
}  // namespace nianbao::output
