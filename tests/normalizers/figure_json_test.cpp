#include "normalizers/figure_json.hpp"

#include <gtest/gtest.h>

namespace nianbao::norm {
namespace {

TEST(JsonString, EscapesWhatJsonRequires) {
  EXPECT_EQ(json_string("共139件"), "\"共139件\"");
  EXPECT_EQ(json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json_string("a\nb\tc\rd"), "\"a\\nb\\tc\\rd\"");
  EXPECT_EQ(json_string(std::string_view("\x01\x1f\x7f", 3)), "\"\\u0001\\u001f\\u007f\"");
  EXPECT_EQ(json_string(std::string_view("a\0b", 3)), "\"a\\u0000b\"");
  EXPECT_EQ(json_string("\xff"), "\"\\ufffd\"");  // not UTF-8: still valid JSON
  EXPECT_EQ(json_string(""), "\"\"");
}

TEST(FigureJson, ValuesAreExactDecimalNumbers) {
  const auto figures = scan_figures("收费12.35万元，约1.57%，两三个");
  ASSERT_EQ(figures.size(), 3u);
  EXPECT_EQ(figure_to_json(figures[0]),
            "{\"text\": \"12.35万元\", \"value\": 123500, \"low\": null, \"high\": null, "
            "\"unit\": \"元\", \"qualifier\": null, \"span\": [6, 17]}");
  EXPECT_EQ(figure_to_json(figures[1]),
            "{\"text\": \"约1.57%\", \"value\": 1.57, \"low\": null, \"high\": null, "
            "\"unit\": \"%\", \"qualifier\": \"approx\", \"span\": [20, 28]}");
  EXPECT_EQ(figure_to_json(figures[2]),
            "{\"text\": \"两三个\", \"value\": null, \"low\": 2, \"high\": 3, "
            "\"unit\": \"个\", \"qualifier\": null, \"span\": [31, 40]}");
}

TEST(FigureJson, OneLinePerInput) {
  const std::string text = "共\"5\"件 -1942";
  const std::string json = figures_to_json(text, scan_figures(text));
  EXPECT_EQ(json.find('\n'), std::string::npos);
  EXPECT_EQ(json.rfind("{\"input\": \"共\\\"5\\\"件 -1942\", \"figures\": [", 0), 0u);
  EXPECT_NE(json.find("\"value\": -1942"), std::string::npos);
  EXPECT_EQ(figures_to_json("无", {}), "{\"input\": \"无\", \"figures\": []}");
  const auto bare = scan_figures("共计-5");
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_NE(figure_to_json(bare[0]).find("\"unit\": null, \"qualifier\": null"), std::string::npos);
}

}  // namespace
}  // namespace nianbao::norm
