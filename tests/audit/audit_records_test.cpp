// Records read back for the audit: exact numbers, NDJSON and pretty files, bad input reported.
#include <gtest/gtest.h>

#include <sstream>

#include "extractor/audit/exact_json.hpp"
#include "extractor/audit/records.hpp"

namespace nianbao::audit {
namespace {

const char* k_line =
    R"({"schema":"nianbao.report/1","source":{"path":"a.txt","sha256":"ab"},"status":"ok",)"
    R"("report":{"year":2021,"agency":"东湖区水务局","template":"2021"},)"
    R"("figures":[{"id":"active.fees.amount","status":"value","value":8301400.10,"raw":"830.14",)"
    R"("locator":{"line":3}},{"id":"requests.received.total","status":"blank","value":null,)"
    R"("raw":""},{"id":"requests.total.total","status":"value","value":18446744073709551615}],)"
    R"("facts":[{"section":"overview","metric":"requests.received","value":311,)"
    R"("qualifier":null,"text":"收到申请311件"}]})";

ReadResult read(const std::string& text) {
  std::istringstream in(text);
  ReadResult result;
  read_records(in, "t", result);
  return result;
}

TEST(AuditRecords, NumbersKeepTheirExactDigits) {
  const ReadResult r = read(std::string(k_line) + "\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_TRUE(r.problems.empty());
  const AuditRecord& rec = r.records[0];
  EXPECT_EQ(rec.agency, "东湖区水务局");
  EXPECT_EQ(rec.year, 2021);
  // 8301400.10 as a double would print 8301400.1 at best; the text keeps the trailing digit.
  EXPECT_EQ(rec.value("active.fees.amount")->to_string(), "8301400.10");
  EXPECT_EQ(rec.value("requests.total.total")->to_string(), "18446744073709551615");
  EXPECT_FALSE(rec.value("requests.received.total").has_value());  // blank is not 0
  EXPECT_EQ(rec.figure("active.fees.amount")->where, R"({"line":3})");
  ASSERT_EQ(rec.facts.size(), 1u);
  EXPECT_EQ(rec.facts[0].value->to_string(), "311");
}

TEST(AuditRecords, PrettyPrintedRecordIsReadWhole) {
  const std::string pretty =
      "{\n  \"schema\": \"nianbao.report/1\",\n  \"status\": \"ok\",\n"
      "  \"report\": {\"year\": 2019, \"agency\": \"甲局\"}\n}\n";
  const ReadResult r = read(pretty);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].year, 2019);
  EXPECT_TRUE(r.problems.empty());
}

TEST(AuditRecords, BadLinesAreReportedAndTheRestIsRead) {
  const std::string text = std::string(k_line) + "\n{\"schema\":\"other\"}\nnot json\n" + "[" +
                           k_line + "]\n\n" + std::string(200, '[') + "\n";
  const ReadResult r = read(text);
  EXPECT_EQ(r.records.size(), 2u);
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].origin, "t:2");
  EXPECT_EQ(r.problems[1].origin, "t:3");
}

TEST(AuditRecords, GarbageFirstLineDoesNotHideTheRecordsAfterIt) {
  const ReadResult r = read("garbage\n" + std::string(k_line) + "\n");
  EXPECT_EQ(r.records.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].origin, "t:1");
}

TEST(AuditRecords, ExponentsAndOddYearsAreNotTrusted) {
  const std::string text = R"({"schema":"nianbao.report/1","report":{"year":20190,"agency":"甲"},)"
                           R"("figures":[{"id":"x","status":"value","value":1e3}]})";
  const ReadResult r = read(text);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_FALSE(r.records[0].year.has_value());
  EXPECT_FALSE(r.records[0].value("x").has_value());
}

TEST(AuditRecords, EmptyAndGarbageInputNeverCrash) {
  for (const std::string& text :
       {std::string(), std::string("\n\n"), std::string("\xff\xfe{"),
        std::string("{\"schema\":\"nianbao.report/1\",\"figures\":7}"),
        std::string("{\"schema\":\"nianbao.report/1\",\"facts\":[1,2]}")}) {
    const ReadResult r = read(text);
    EXPECT_LE(r.records.size(), 1u);
  }
}

TEST(ExactJson, DumpKeepsNumbersAsWritten) {
  std::string error;
  const auto v = parse_exact_json(R"({"b":[1.50,-0.0,true,null],"a":"x\"y"})", error);
  ASSERT_TRUE(v.has_value()) << error;
  EXPECT_EQ(v->dump(), R"({"a":"x\"y","b":[1.50,-0.0,true,null]})");
  EXPECT_FALSE(parse_exact_json("{", error).has_value());
  EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace nianbao::audit
