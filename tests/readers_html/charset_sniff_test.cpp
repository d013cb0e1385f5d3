#include "extractor/readers/html/charset_sniff.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nianbao::readers::html {
namespace {

TEST(CharsetSniff, MetaCharsetAttribute) {
  EXPECT_EQ(find_declared_charset("<html><head><meta charset=\"GBK\"></head>"), "gbk");
  EXPECT_EQ(find_declared_charset("<meta charset=utf-8>"), "utf-8");
  EXPECT_EQ(find_declared_charset("<META CHARSET='Big5' />"), "big5");
}

TEST(CharsetSniff, HttpEquivContentType) {
  EXPECT_EQ(find_declared_charset(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />"),
            "gb2312");
  // Attribute order varies, and Word writes unquoted http-equiv.
  EXPECT_EQ(find_declared_charset(
                "<meta content=\"text/html;charset=GB18030\" http-equiv=\"content-type\">"),
            "gb18030");
  EXPECT_EQ(find_declared_charset("<meta http-equiv=Content-Type content=\"text/html; "
                                  "charset=utf-8\">"),
            "utf-8");
}

TEST(CharsetSniff, IgnoresMetaWithoutCharsetAndCommentedOutMeta) {
  EXPECT_EQ(find_declared_charset("<meta name=\"keywords\" content=\"年报\">"), "");
  EXPECT_EQ(find_declared_charset("<!-- <meta charset=\"big5\"> --><meta charset=\"gbk\">"), "gbk");
  EXPECT_EQ(find_declared_charset("<html><body>no declaration</body></html>"), "");
  EXPECT_EQ(find_declared_charset(""), "");
}

TEST(CharsetSniff, XmlDeclarationAndBom) {
  EXPECT_EQ(find_declared_charset("<?xml version=\"1.0\" encoding=\"GBK\"?><html>"), "gbk");
  EXPECT_EQ(find_declared_charset("\xEF\xBB\xBF<meta charset=\"utf-8\">"), "utf-8");
}

TEST(CharsetSniff, DeclarationPastTheScanWindowIsNotSeen) {
  std::string page = "<html><head><script>" + std::string(k_charset_scan_bytes, 'x') +
                     "</script><meta charset=\"gbk\">";
  EXPECT_EQ(find_declared_charset(page), "");
}

TEST(CharsetSniff, UnterminatedTagsDoNotOverrun) {
  EXPECT_EQ(find_declared_charset("<meta charset=\"gbk"), "gbk");
  EXPECT_EQ(find_declared_charset("<meta content=\"text/html; charset="), "");
  EXPECT_EQ(find_declared_charset("<!-- <meta charset=gbk>"), "");
  EXPECT_EQ(find_declared_charset("<meta"), "");
}

}  // namespace
}  // namespace nianbao::readers::html
