#pragma once
// Tesseract, once per thread: the Chinese model for labels and prose, the digits-only English model
// for numbers, and the optional orientation model; and one recognition of an image within the
// page's time budget. Only extractor/readers/image/ sees Tesseract.

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <chrono>
#include <string>
#include <string_view>

namespace nianbao::readers::image {

// Two recognisers: the Chinese model for labels and prose, and the English model restricted to
// digits for numbers. A number is read by both; the two models fail differently, so agreement
// is evidence that neither guessed.
struct Engines {
  tesseract::TessBaseAPI text;
  tesseract::TessBaseAPI digits;
  bool ready = false;
  bool failed = false;
};

// This thread's recognisers; null where Tesseract or its chi_sim and eng models cannot be loaded.
Engines* engines();

// Tesseract's orientation detection (osd.traineddata, of its legacy engine), for a page that
// came turned by a quarter or a half: optional, since a missing model only costs such pages.
struct OrientationEngine {
  tesseract::TessBaseAPI api;
  bool ready = false;
};

// This thread's orientation detection; null where osd.traineddata is not installed.
OrientationEngine* orientation_engine();

class Clock {
 public:
  explicit Clock(int milliseconds)
      : deadline_(std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds)) {}
  int remaining_ms() const {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline_ - std::chrono::steady_clock::now());
    return static_cast<int>(std::max<long long>(0, left.count()));
  }

 private:
  std::chrono::steady_clock::time_point deadline_;
};

struct Reading {
  std::string text;
  int confidence = 0;  // the least confident word's
  bool timed_out = false;
};

// Tesseract's text with the spaces it puts between Chinese characters taken out.
std::string close_spaces(std::string_view text);

// `pix` read in `mode` at `dpi`: its words' text and the least confident word's confidence;
// nothing, and timed_out, where the page's time has run out.
Reading recognise(tesseract::TessBaseAPI& api, PIX* pix, tesseract::PageSegMode mode, int dpi,
                  const Clock& clock);

}  // namespace nianbao::readers::image
