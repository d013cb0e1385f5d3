// The PNG and JPEG decoders on one small picture of each kind a scan may come as
// (tests/readers_image/decode_data, made by tools/make_decode_samples.py): a white page with a
// black bar at its centre, whose size, channels, stated resolution, paper and ink must come out.
#include "extractor/readers/image/decode.hpp"

#include <gtest/gtest.h>

#include "record_helpers.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

using readers::image::Decoding;
using Outcome = Decoding::Outcome;

constexpr long long k_limit = 80'000'000;

std::filesystem::path sample(const std::string& name) {
  return project_dir() / "tests" / "readers_image" / "decode_data" / name;
}

Decoding decode(const std::string& name) {
  const std::string bytes = file_bytes(sample(name));
  return name.ends_with(".png") ? readers::image::decode_png(bytes, k_limit)
                                : readers::image::decode_jpeg(bytes, k_limit);
}

// The grey level at (x, y): the mean of the channels.
int grey_at(const readers::image::Raster& r, int x, int y) {
  const std::size_t at = (static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) +
                          static_cast<std::size_t>(x)) *
                         static_cast<std::size_t>(r.channels);
  int sum = 0;
  for (int c = 0; c < r.channels; ++c) sum += r.pixels[at + static_cast<std::size_t>(c)];
  return sum / r.channels;
}

struct Expected {
  const char* file;
  int channels;
  int dpi;
};

class Decode : public ::testing::TestWithParam<Expected> {};

TEST_P(Decode, GivesThePictureItHolds) {
  const Expected e = GetParam();
  const Decoding d = decode(e.file);
  ASSERT_EQ(d.outcome, Outcome::decoded) << e.file;
  const readers::image::Raster& r = d.raster;
  EXPECT_EQ(r.width, 160);
  EXPECT_EQ(r.height, 90);
  EXPECT_EQ(d.width, 160);
  EXPECT_EQ(d.height, 90);
  EXPECT_EQ(r.channels, e.channels);
  EXPECT_EQ(r.dpi, e.dpi);
  ASSERT_EQ(r.pixels.size(), 160u * 90u * static_cast<std::size_t>(e.channels));
  EXPECT_GT(grey_at(r, 5, 5), 240) << "paper";  // a corner (transparency laid on white)
  EXPECT_LT(grey_at(r, 80, 45), 15) << "ink";   // the bar's centre
}

INSTANTIATE_TEST_SUITE_P(
    Samples, Decode,
    ::testing::Values(Expected{"grey-300dpi.png", 1, 300}, Expected{"rgb-150dpi.png", 3, 150},
                      Expected{"palette.png", 3, 0}, Expected{"grey16.png", 1, 0},
                      Expected{"transparent.png", 3, 0}, Expected{"grey-200dpi.jpg", 1, 200},
                      Expected{"progressive.jpg", 3, 0}, Expected{"cmyk.jpg", 3, 0}),
    [](const ::testing::TestParamInfo<Expected>& param) {
      std::string name = param.param.file;
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

TEST(Decode, ATruncatedJpegGivesItsFullSizeWithTheMissingRowsFilled) {
  // libjpeg warns of the premature end and fills the rest: the page keeps its size.
  const Decoding d = decode("truncated.jpg");
  ASSERT_EQ(d.outcome, Outcome::decoded);
  EXPECT_EQ(d.raster.pixels.size(), 160u * 90u);
}

TEST(Decode, AFileOfTheOtherKindIsDamaged) {
  const std::string png = file_bytes(sample("grey-300dpi.png"));
  const std::string jpeg = file_bytes(sample("grey-200dpi.jpg"));
  EXPECT_EQ(readers::image::decode_jpeg(png, k_limit).outcome, Outcome::damaged);
  EXPECT_EQ(readers::image::decode_png(jpeg, k_limit).outcome, Outcome::damaged);
  EXPECT_EQ(readers::image::decode_png("", k_limit).outcome, Outcome::damaged);
  EXPECT_EQ(readers::image::decode_jpeg("", k_limit).outcome, Outcome::damaged);
}

TEST(Decode, TheLimitIsCheckedOnTheHeaderBeforeAnyPixel) {
  for (const char* name : {"grey-300dpi.png", "grey-200dpi.jpg"}) {
    const std::string bytes = file_bytes(sample(name));
    const auto decode_small = std::string_view(name).ends_with(".png")
                                  ? readers::image::decode_png(bytes, 160 * 90 - 1)
                                  : readers::image::decode_jpeg(bytes, 160 * 90 - 1);
    EXPECT_EQ(decode_small.outcome, Outcome::too_large) << name;
    EXPECT_EQ(decode_small.width, 160) << name;
    EXPECT_TRUE(decode_small.raster.pixels.empty()) << name;
  }
}

}  // namespace
}  // namespace nianbao::testing
