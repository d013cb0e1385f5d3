#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include "extractor/readers/reader.hpp"
#include "extractor/readers/sha256.hpp"

namespace nianbao::readers {
namespace {

std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 8, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::vector<std::string> lines(const model::Document& doc) {
  std::vector<std::string> out;
  for (const auto& b : doc.blocks) out.push_back(b.paragraph.text);
  return out;
}

const std::string k_text = "一、总体情况\r\n全年主动公开政府信息139条。\r\n规章\n";

TEST(TextReader, Utf8WithAndWithoutBom) {
  for (const std::string& bytes : {k_text, "\xEF\xBB\xBF" + k_text}) {
    const auto doc = read_bytes(bytes, "a.txt");
    EXPECT_EQ(doc.source.encoding, "UTF-8");
    EXPECT_EQ(lines(doc),
              (std::vector<std::string>{"一、总体情况", "全年主动公开政府信息139条。", "规章"}));
  }
}

TEST(TextReader, Utf16WithBom) {
  const std::string le = encode(k_text, "UTF-16LE");
  const auto doc = read_bytes("\xFF\xFE" + le, "a.txt");
  EXPECT_EQ(doc.source.encoding, "UTF-16LE");
  EXPECT_EQ(lines(doc).at(1), "全年主动公开政府信息139条。");
  const auto be = read_bytes("\xFE\xFF" + encode(k_text, "UTF-16BE"), "b.txt");
  EXPECT_EQ(lines(be).at(0), "一、总体情况");
}

TEST(TextReader, Gb18030IsDetected) {
  const auto doc = read_bytes(encode(k_text, "GB18030"), "gbk.txt");
  EXPECT_EQ(lines(doc).at(1), "全年主动公开政府信息139条。");
  EXPECT_NE(doc.source.encoding, "UTF-8");
}

TEST(TextReader, InvalidBytesGiveADiagnosticNotACrash) {
  const std::string bad = "规章\n\xFF\xFE\xFD\x80 0\n";
  const auto doc = read_bytes(std::string("\xEF\xBB\xBF") + bad, "bad.txt");
  ASSERT_TRUE(doc.readable);
  bool found = false;
  for (const auto& d : doc.diagnostics) found = found || d.code == "encoding_invalid_bytes";
  EXPECT_TRUE(found);
}

TEST(TextReader, LocatorsGiveLineColumnAndByte) {
  const auto doc = read_bytes("ab\n\n规章\n", "a.txt");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(*doc.blocks[2].paragraph.locator.line, 3);
  EXPECT_EQ(*doc.blocks[2].paragraph.locator.byte_offset, 4u);
}

TEST(Dispatch, FormatsByContent) {
  EXPECT_EQ(detect_format("<html><body>x</body></html>", "a.txt"), Format::html);
  EXPECT_EQ(detect_format("PK\x03\x04....word/document.xml", "a.bin"), Format::docx);
  EXPECT_EQ(detect_format("PK\x03\x04....other.xml", "a.zip"), Format::zip_other);
  EXPECT_EQ(detect_format(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "a.doc"),
            Format::legacy_doc);
  EXPECT_EQ(detect_format("%PDF-1.7", "a.pdf"), Format::pdf);
  EXPECT_EQ(detect_format(std::string(64, '\0'), "a.txt"), Format::binary);
  EXPECT_EQ(detect_format("规章\n0\n", "a.html"), Format::html);
  EXPECT_EQ(detect_format("规章\n0\n", "a.txt"), Format::text);
}

TEST(Dispatch, RandomBytesAreBinaryButAFewStrayControlsStayText) {
  // Compressed or random data: control bytes among high bytes. A sample of /dev/urandom holds
  // 6–10 % of them; 5 % here.
  std::string noise;
  for (int k = 0; k < 4096; ++k)
    noise.push_back(static_cast<char>(k % 20 == 0 ? 0x01 : 0x80 + (k * 37) % 128));
  EXPECT_EQ(detect_format(noise, "a.txt"), Format::binary);
  std::string text;
  for (int k = 0; k < 40; ++k) text += "全年主动公开政府信息139条。\n";
  text[10] = '\x01';
  text[200] = '\x02';
  EXPECT_EQ(detect_format(text, "a.txt"), Format::text);
}

TEST(Dispatch, UnreadableInputsFailWithStableCodes) {
  auto code_of = [](const model::Document& d) { return d.diagnostics.at(0).code; };
  EXPECT_EQ(code_of(read_bytes("", "empty.txt")), "input_empty");
  EXPECT_EQ(code_of(read_bytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "x.doc")),
            "doc_cfb_invalid");
  EXPECT_EQ(code_of(read_bytes(std::string(100, '\x01'), "x.bin")), "format_binary");
  EXPECT_EQ(code_of(read_file("/nonexistent/nowhere.txt")), "input_unreadable");
  EXPECT_FALSE(read_bytes("", "empty.txt").readable);
}

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(std::string(1000, 'a')),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

}  // namespace
}  // namespace nianbao::readers
