#include "extractor/readers/image/recogniser.hpp"

#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

namespace nianbao::readers::image {
namespace {

std::string tessdata_dir() {
  std::vector<std::filesystem::path> candidates;
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix != nullptr && *prefix != 0)
    candidates.emplace_back(prefix);
  for (const char* dir : {"/usr/share/tesseract-ocr/5/tessdata",
                          "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata"})
    candidates.emplace_back(dir);
  std::error_code ec;
  for (const auto& dir : candidates)
    if (std::filesystem::exists(dir / "chi_sim.traineddata", ec) &&
        std::filesystem::exists(dir / "eng.traineddata", ec))
      return dir.string();
  return {};
}

void quiet_leptonica() {
  static std::once_flag once;
  std::call_once(once, [] {
    setMsgSeverity(L_SEVERITY_NONE);
    leptSetStderrHandler([](const char*) {});
  });
}

bool init_engine(tesseract::TessBaseAPI& api, const std::string& dir, const char* language) {
  if (api.Init(dir.c_str(), language, tesseract::OEM_LSTM_ONLY) != 0) return false;
  api.SetVariable("debug_file", "/dev/null");
  return true;
}

}  // namespace

Engines* engines() {
  thread_local std::unique_ptr<Engines> local;
  if (!local) {
    quiet_leptonica();
    local = std::make_unique<Engines>();
    const std::string dir = tessdata_dir();
    if (dir.empty() || !init_engine(local->text, dir, "chi_sim") ||
        !init_engine(local->digits, dir, "eng")) {
      local->failed = true;
    } else {
      local->digits.SetVariable("tessedit_char_whitelist", "+-0123456789.");
      local->ready = true;
    }
  }
  return local->failed ? nullptr : local.get();
}

OrientationEngine* orientation_engine() {
  thread_local std::unique_ptr<OrientationEngine> local;
  if (!local) {
    local = std::make_unique<OrientationEngine>();
    const std::string dir = tessdata_dir();
    std::error_code ec;
    local->ready = !dir.empty() &&
                   std::filesystem::exists(std::filesystem::path(dir) / "osd.traineddata", ec) &&
                   local->api.Init(dir.c_str(), "osd", tesseract::OEM_TESSERACT_ONLY) == 0;
    if (local->ready) local->api.SetVariable("debug_file", "/dev/null");
  }
  return local->ready ? local.get() : nullptr;
}

// Tesseract puts spaces between Chinese characters it read one by one; Chinese is written
// without them. A space stays only between two ASCII characters (1 234, 12 件 → 12件).
std::string close_spaces(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += c;
  }
  std::string closed;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == ' ') {
      const bool ascii_before = !closed.empty() && static_cast<unsigned char>(closed.back()) < 0x80;
      const bool ascii_after =
          i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) < 0x80 && out[i + 1] != ' ';
      if (ascii_before && ascii_after) closed += ' ';
      continue;
    }
    closed += out[i];
  }
  return closed;
}

Reading recognise(tesseract::TessBaseAPI& api, PIX* pix, tesseract::PageSegMode mode, int dpi,
                  const Clock& clock) {
  Reading reading;
  const int budget = clock.remaining_ms();
  if (budget <= 0) {
    reading.timed_out = true;
    return reading;
  }
  api.SetPageSegMode(mode);
  api.SetImage(pix);
  api.SetSourceResolution(dpi);
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(budget);
  if (api.Recognize(&monitor) != 0 || monitor.deadline_exceeded()) {
    reading.timed_out = monitor.deadline_exceeded();
    api.Clear();
    return reading;
  }
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  int least = 100;
  bool any = false;
  std::string text;
  if (it) {
    do {
      std::unique_ptr<char[]> word(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!word || *word.get() == 0) continue;
      if (!text.empty()) text += ' ';
      text += word.get();
      least = std::min(least, static_cast<int>(it->Confidence(tesseract::RIL_WORD)));
      any = true;
    } while (it->Next(tesseract::RIL_WORD));
  }
  api.Clear();
  reading.text = close_spaces(text);
  reading.confidence = any ? std::max(0, least) : 0;
  return reading;
}

}  // namespace nianbao::readers::image
