#include "extractor/layout/tokens.hpp"

#include <gtest/gtest.h>

#include "extractor/readers/reader.hpp"

namespace nianbao::layout {
namespace {

std::vector<Token> tokens_of(const std::string& text) {
  const model::Document doc = readers::read_bytes(text, "t.txt");
  return tokenize(doc, find_sections(doc));
}

std::string kinds(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    switch (t.kind) {
      case TokenKind::label:
        out += 'L';
        break;
      case TokenKind::value:
        out += 'V';
        break;
      case TokenKind::empty_cell:
        out += 'E';
        break;
      case TokenKind::padding:
        out += 'P';
        break;
      case TokenKind::heading:
        out += 'H';
        break;
    }
  }
  return out;
}

TEST(Tokenize, CellPerLineWithPipesTellsBlankCellsFromPadding) {
  const auto t = tokens_of("一、本年新收政府信息公开申请数量 |\n|\n|\n0 |\n||\n|||\n");
  EXPECT_EQ(kinds(t), "LEEVPP");
  EXPECT_EQ(t[3].text, "0");
}

TEST(Tokenize, PipeRowsSplitIntoCellsWithLocators) {
  const auto t = tokens_of("规章 | 0 |  | 3 | ||\n");
  EXPECT_EQ(kinds(t), "LVEV");
  EXPECT_TRUE(t[0].row_start);
  EXPECT_EQ(*t[3].locator.column, 13);  // code points: 规 章 ␠ | ␠ 0 ␠ | ␠ ␠ | ␠ 3
  EXPECT_EQ(*t[3].locator.line, 1);
}

TEST(Tokenize, WordCopyTabCells) {
  const auto t = tokens_of("\t规章\n\t0\n\t\n\t/\n\n\t行政许可\n");
  EXPECT_EQ(kinds(t), "LVEVL");
  EXPECT_TRUE(t[4].row_start);  // the blank line starts a new row
}

TEST(Tokenize, SpaceSeparatedNumbersOfAFlipbookRow) {
  const auto t = tokens_of("0 0 0 0 0\n四、结转下年度继续办理 1 2 3 4 5 6 21\n");
  EXPECT_EQ(kinds(t), "VVVVVLVVVVVVV");
  EXPECT_EQ(t[5].text, "四、结转下年度继续办理");
}

TEST(Tokenize, SentencesEndingInNumbersStayProse) {
  const auto t = tokens_of("全年共受理申请，办结 12\n");
  EXPECT_EQ(kinds(t), "L");
}

TEST(Tokenize, PageFurnitureIsDropped) {
  EXPECT_EQ(kinds(tokens_of("规章\n-3-\n— 4 —\n0\n")), "LV");
}

TEST(Tokenize, HeadingsBecomeHeadingTokens) {
  EXPECT_EQ(kinds(tokens_of("二、主动公开政府信息情况\n规章\n0\n")), "HLV");
}

}  // namespace
}  // namespace nianbao::layout
