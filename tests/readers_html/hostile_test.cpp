// Malformed and hostile pages: each gives a document with diagnostics, never a crash (the
// sanitizer build turns any memory error or undefined behaviour into a failure).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "extractor/readers/reader.hpp"
#include "html_test_support.hpp"

namespace nianbao::testing {
namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(HtmlHostile, EmptyInputIsUnreadable) {
  const auto doc = read_page("");
  EXPECT_FALSE(doc.readable);
  EXPECT_TRUE(has_diagnostic(doc, "html_empty"));
}

TEST(HtmlHostile, BinaryDataNamedHtmlIsUnreadable) {
  std::mt19937 rng(5);
  std::string bytes(64 * 1024, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
  const auto doc = read_page(bytes);
  EXPECT_FALSE(doc.readable);
  EXPECT_TRUE(has_diagnostic(doc, "html_binary_content"));
  // Through the dispatcher as well, whatever format it decides on.
  const auto via_dispatcher = readers::read_bytes(bytes, "report.html");
  EXPECT_FALSE(via_dispatcher.readable);
  EXPECT_FALSE(via_dispatcher.diagnostics.empty());
}

TEST(HtmlHostile, PngBytesUnderAnHtmlName) {
  std::string png = "\x89PNG\r\n\x1A\n";
  png += std::string("\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", 21);
  png += repeat(std::string("\0\x01\x02\x03", 4), 200);
  const auto doc = read_page(png);
  EXPECT_FALSE(doc.readable);
  EXPECT_FALSE(doc.diagnostics.empty());
}

TEST(HtmlHostile, DeepNestingIsCutWithADiagnostic) {
  const std::string page = "<html><body><p>一、总体情况</p>" + repeat("<div>", 100000) + "x" +
                           repeat("</div>", 100000) + "<p>二、主动公开</p></body></html>";
  const auto doc = read_page(page);
  EXPECT_TRUE(has_diagnostic(doc, "html_nesting_too_deep"));
  EXPECT_THAT(paragraph_texts(doc), ::testing::Contains("一、总体情况"));
}

TEST(HtmlHostile, DeeplyNestedTablesDoNotExhaustTheStack) {
  const std::string page = "<html><body><p>一、总体情况</p><p>二、主动公开政府信息情况</p>" +
                           repeat("<table><tr><td>", 5000) + "1" +
                           repeat("</td></tr></table>", 5000) + "</body></html>";
  const auto doc = read_page(page);
  EXPECT_TRUE(doc.readable);
  EXPECT_TRUE(has_diagnostic(doc, "html_nesting_too_deep"));
}

TEST(HtmlHostile, HugeAttributesAndTextAreSurvived) {
  const std::string page = "<html><body><div class=\"" + std::string(8 * 1024 * 1024, 'a') +
                           "\" style=\"" + std::string(1024 * 1024, ';') +
                           "\"><p>一、总体情况</p><p>二、主动公开</p><p>" +
                           std::string(2 * 1024 * 1024, 'z') + "</p></div></body></html>";
  const auto doc = read_page(page);
  EXPECT_TRUE(doc.readable);
  EXPECT_THAT(paragraph_texts(doc), ::testing::Contains("一、总体情况"));
}

TEST(HtmlHostile, HugeSpansAreBounded) {
  const std::string page =
      "<html><body><p>一、总体情况</p><p>二、主动公开政府信息情况</p><table>" +
      repeat("<tr><td colspan=99999 rowspan=99999>x</td><td colspan=1000>y</td></tr>", 3000) +
      "</table></body></html>";
  const auto doc = read_page(page);
  ASSERT_FALSE(doc.tables.empty());
  EXPECT_LE(doc.tables[0].cols, 1000);
  EXPECT_TRUE(has_diagnostic(doc, "html_span_clipped"));
}

TEST(HtmlHostile, BrokenMarkupIsRecovered) {
  const auto doc = read_page(
      "<html><body><p>一、总体情况<p>二、主动公开政府信息情况"
      "<table><tr><td>规章<td>1</td></td></td><tr><td>行政许可<td>2"
      "</table></tr></tbody><p>三、收到和处理政府信息公开申请情况</div></span>");
  ASSERT_EQ(top_tables(doc).size(), 1u);
  const model::Table& t = *top_tables(doc)[0];
  EXPECT_EQ(text_at(t, 0, 1), "1");
  EXPECT_EQ(text_at(t, 1, 0), "行政许可");
  EXPECT_EQ(text_at(t, 1, 1), "2");
}

TEST(HtmlHostile, CellsOutsideRowsFormARow) {
  const auto doc = read_page(
      "<html><body><p>一、总体情况</p><p>二、主动公开政府信息情况</p>"
      "<table><tbody><td>a</td><td>b</td></tbody></table></body></html>");
  ASSERT_EQ(top_tables(doc).size(), 1u);
  const model::Table& t = *top_tables(doc)[0];
  EXPECT_EQ(t.rows, 1);
  EXPECT_EQ(text_at(t, 0, 1), "b");
}

TEST(HtmlHostile, MarkupWithNoTextIsUnreadable) {
  const auto doc = read_page("<html><body><div><script>x()</script></div></body></html>");
  EXPECT_FALSE(doc.readable);
  EXPECT_TRUE(has_diagnostic(doc, "html_no_text"));
}

TEST(HtmlHostile, InvalidBytesInAUtf8PageAreReplaced) {
  const auto doc = read_page(
      "<html><head><meta charset=utf-8></head><body><p>一、总体情况\xFF\xFE</p></body></html>");
  EXPECT_TRUE(doc.readable);
  EXPECT_FALSE(doc.blocks.empty());
}

TEST(HtmlHostile, AStrayNulByteInALongPageIsNoReasonToGiveUp) {
  std::string page = "<html><body><p>一、总体情况</p><p>a";
  page.push_back('\0');
  page += "b</p><p>" + std::string(4000, 'x') + "</p><p>二、主动公开政府信息情况</p></body></html>";
  const auto doc = read_page(page);
  EXPECT_TRUE(doc.readable);
  EXPECT_THAT(paragraph_texts(doc), ::testing::Contains("一、总体情况"));
}

TEST(HtmlHostile, NulBytesThroughoutMakeABinaryFile) {
  std::string page = "<html><body><p>";
  for (int i = 0; i < 200; ++i) page += std::string("a\0", 2);
  page += "</p></body></html>";
  const auto doc = read_page(page);
  EXPECT_FALSE(doc.readable);
  EXPECT_TRUE(has_diagnostic(doc, "html_binary_content"));
}

}  // namespace
}  // namespace nianbao::testing
