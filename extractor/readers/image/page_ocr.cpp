#include "extractor/readers/image/page_ocr.hpp"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string_view>

#include "extractor/readers/pdf/ruled_grid.hpp"

namespace nianbao::readers::image {
namespace {

// ---- Working resolution and sizes -----------------------------------------------------------
// Every page is brought to about 300 dpi before it is read: Tesseract's models are trained on
// text of that size, and the line lengths below are fixed in points, so one set of numbers
// serves scans made at 150, 200, 300 or 600 dpi.
constexpr int k_working_dpi = 300;
constexpr int k_least_dpi = 250;
constexpr int k_most_dpi = 400;
constexpr float k_a4_short_side_inches = 8.27f;

constexpr float k_points_per_inch = 72.0f;
// A ruling line is longer than any stroke of a character: 24 pt across (two ems of body text),
// 14 pt down (a table row is at least that tall; a character's vertical stroke is shorter).
constexpr float k_min_rule_across_pt = 24.0f;
constexpr float k_min_rule_down_pt = 14.0f;
constexpr float k_max_rule_thickness_pt = 3.0f;
// Grey levels below this are ink. Scans and their JPEG noise keep paper well above it; a thin
// line or a 1 drawn again by deskewing or by scaling up a 150 dpi scan is spread over pixels
// of lighter grey (at 170, a page turned by 1° kept 2 of its 19 horizontal lines).
constexpr int k_ink_threshold = 200;
// A cell's content is read from inside its ruling, this far in (the line and JPEG ringing).
constexpr float k_cell_inset_pt = 1.5f;
// Specks smaller than this (in working pixels) are dust, not ink.
constexpr int k_min_speck_pixels = 12;
constexpr int k_cell_padding_px = 16;
// Printed text is never less than this tall; a flatter "line" of ink is a piece of a rule.
constexpr float k_min_text_height_pt = 4.0f;
constexpr float k_table_margin_pt = 3.0f;
// A page whose reading is less sure than this on average is looked at for a turn (see
// reading_confidence); the orientation detection must be this sure (its own scale, about 5 to 10
// for a page of text).
constexpr int k_least_upright_confidence = 50;
constexpr float k_least_orientation_confidence = 2.0f;

// ---- Tesseract, once per thread --------------------------------------------------------------

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

// Two recognisers: the Chinese model for labels and prose, and the English model restricted to
// digits for numbers. A number is read by both; the two models fail differently, so agreement
// is evidence that neither guessed.
struct Engines {
  tesseract::TessBaseAPI text;
  tesseract::TessBaseAPI digits;
  bool ready = false;
  bool failed = false;
};

bool init_engine(tesseract::TessBaseAPI& api, const std::string& dir, const char* language) {
  if (api.Init(dir.c_str(), language, tesseract::OEM_LSTM_ONLY) != 0) return false;
  api.SetVariable("debug_file", "/dev/null");
  return true;
}

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

// Tesseract's orientation detection (osd.traineddata, of its legacy engine), for a page that
// came turned by a quarter or a half: optional, since a missing model only costs such pages.
struct OrientationEngine {
  tesseract::TessBaseAPI api;
  bool ready = false;
};

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

// ---- Leptonica ownership ---------------------------------------------------------------------

struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;
struct BoxaDeleter {
  void operator()(BOXA* b) const { boxaDestroy(&b); }
};
using BoxaPtr = std::unique_ptr<BOXA, BoxaDeleter>;
struct BoxDeleter {
  void operator()(BOX* b) const { boxDestroy(&b); }
};
using BoxPtr = std::unique_ptr<BOX, BoxDeleter>;

struct Rect {
  int x = 0, y = 0, w = 0, h = 0;
};

std::vector<Rect> component_boxes(PIX* binary) {
  std::vector<Rect> out;
  BoxaPtr boxes(pixConnCompBB(binary, 8));
  if (!boxes) return out;
  const int n = boxaGetCount(boxes.get());
  for (int i = 0; i < n; ++i) {
    Rect r;
    boxaGetBoxGeometry(boxes.get(), i, &r.x, &r.y, &r.w, &r.h);
    out.push_back(r);
  }
  return out;
}

// ---- The page image --------------------------------------------------------------------------

// Red is a seal's or a signature stamp's colour, never the text's. Stamp ink is translucent:
// under it the print shows through darker, and its red channel is what the paper and the print
// beneath give back (the ink absorbs green and blue, hardly red). So a red pixel is read by its
// red channel, scaled so that the stamp on bare paper is white: a grey rule under the seal stays
// a rule, a digit under it stays a digit.
bool seal_red(int r, int g, int b) { return r > 110 && r - std::max(g, b) > 60; }

// The red channel of the stamp on bare paper: the median over the page's red pixels (most of
// a stamp lies on paper), 255 where there are none.
int stamp_on_paper_red(const Raster& image) {
  if (image.channels != 3) return 255;
  std::array<std::size_t, 256> histogram{};
  std::size_t count = 0;
  const std::size_t pixels =
      static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
  for (std::size_t i = 0; i < pixels; ++i) {
    const int r = image.pixels[3 * i], g = image.pixels[3 * i + 1], b = image.pixels[3 * i + 2];
    if (!seal_red(r, g, b)) continue;
    ++histogram[static_cast<std::size_t>(r)];
    ++count;
  }
  std::size_t seen = 0;
  for (std::size_t r = 0; r < histogram.size(); ++r) {
    seen += histogram[r];
    if (2 * seen >= count && count > 0) return static_cast<int>(r);
  }
  return 255;
}

PixPtr grey_page(const Raster& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return pix;
  const int stamp_red = stamp_on_paper_red(image);
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  const std::size_t stride =
      static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.channels);
  for (int y = 0; y < image.height; ++y) {
    const std::uint8_t* row = image.pixels.data() + static_cast<std::size_t>(y) * stride;
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < image.width; ++x) {
      int value = 0;
      if (image.channels == 1) {
        value = row[x];
      } else {
        const int r = row[3 * x], g = row[3 * x + 1], b = row[3 * x + 2];
        value = seal_red(r, g, b) ? std::min(255, r * 255 / stamp_red)
                                  : (299 * r + 587 * g + 114 * b) / 1000;
      }
      SET_DATA_BYTE(line, x, static_cast<l_uint8>(value));
    }
  }
  return pix;
}

// The scan's resolution: as the file states it where that makes a page of a plausible size,
// else from the page's width taken as A4's short side (a report is printed on A4). Many files
// state 72 or 96 dpi whatever they hold (a screen's default, an extraction tool's), which would
// make a 300 dpi scan a page a metre wide.
constexpr float k_least_short_side_inches = 2.0f;
constexpr float k_most_short_side_inches = 12.0f;  // A3's is 11.7

int source_dpi(const Raster& image) {
  const int short_side = std::min(image.width, image.height);
  if (image.dpi >= 50 && image.dpi <= 2400) {
    const float inches = static_cast<float>(short_side) / static_cast<float>(image.dpi);
    if (inches >= k_least_short_side_inches && inches <= k_most_short_side_inches) return image.dpi;
  }
  return std::max(50, static_cast<int>(static_cast<float>(short_side) / k_a4_short_side_inches));
}

// ---- Ruling ----------------------------------------------------------------------------------

struct Ruling {
  std::vector<pdf::Rule> rules;  // in points of the working image
  PixPtr mask;                   // the ruling's pixels, to be erased before cells are read
};

float to_points(int pixels, int dpi) {
  return static_cast<float>(pixels) * k_points_per_inch / static_cast<float>(dpi);
}
int to_pixels(float points, int dpi) {
  return static_cast<int>(points * static_cast<float>(dpi) / k_points_per_inch + 0.5f);
}

// Long thin runs of ink: morphological opening with a line longer than any character stroke
// keeps the ruling and removes the text. Only gaps of a pixel or two are closed first (JPEG, a
// faint print): a wider closing joins the strokes of neighbouring characters into lines.
Ruling find_ruling(PIX* binary, int dpi) {
  Ruling ruling;
  const int across = to_pixels(k_min_rule_across_pt, dpi);
  const int down = to_pixels(k_min_rule_down_pt, dpi);
  const int thickness = std::max(3, to_pixels(k_max_rule_thickness_pt, dpi));
  PixPtr closed_h(pixCloseBrick(nullptr, binary, 3, 1));
  PixPtr horizontal(pixOpenBrick(nullptr, closed_h.get(), across, 1));
  PixPtr closed_v(pixCloseBrick(nullptr, binary, 1, 3));
  PixPtr vertical(pixOpenBrick(nullptr, closed_v.get(), 1, down));
  if (!horizontal || !vertical) return ruling;
  for (const Rect& r : component_boxes(horizontal.get())) {
    if (r.h > thickness) continue;  // a filled block, not a line
    const float y = to_points(r.y, dpi) + to_points(r.h, dpi) / 2;
    ruling.rules.push_back({to_points(r.x, dpi), y, to_points(r.x + r.w, dpi), y});
  }
  for (const Rect& r : component_boxes(vertical.get())) {
    if (r.w > thickness) continue;
    const float x = to_points(r.x, dpi) + to_points(r.w, dpi) / 2;
    ruling.rules.push_back({x, to_points(r.y, dpi), x, to_points(r.y + r.h, dpi)});
  }
  PixPtr lines(pixOr(nullptr, horizontal.get(), vertical.get()));
  if (lines) ruling.mask.reset(pixDilateBrick(nullptr, lines.get(), 5, 5));
  return ruling;
}

// ---- Recognition -----------------------------------------------------------------------------

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

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// What the Chinese model read, as the digits it stands for, where it read a number: letters a
// number is often read as (O for 0, l or I for 1) are taken as those digits; any other character
// (a Chinese one, a slash, a dash) means the cell is not a number.
std::optional<std::string> as_number(std::string_view text) {
  std::string digits;
  std::size_t i = 0;
  // A sign leads a change (本年增/减: +19, -20); the Chinese model reads a + as 十.
  for (const std::string_view sign : {"+", "＋", "十", "-", "－"}) {
    if (text.substr(0, sign.size()) != sign) continue;
    digits = sign == "-" || sign == "－" ? "-" : "+";
    i = sign.size();
    break;
  }
  for (; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (is_ascii_digit(static_cast<char>(c)) || c == '.') {
      digits += static_cast<char>(c);
      ++i;
    } else if (c == 'O' || c == 'o') {
      digits += '0';
      ++i;
    } else if (c == 'l' || c == 'I' || c == '|') {
      digits += '1';
      ++i;
    } else if (c == ' ' || c == ',') {
      ++i;
    } else if (text.substr(i, 3) == "〇") {
      digits += '0';
      i += 3;
    } else if (text.substr(i, 3) == "了") {  // a 7 of a coarse scan, to the Chinese model
      digits += '7';
      i += 3;
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty() || !std::any_of(digits.begin(), digits.end(), is_ascii_digit))
    return std::nullopt;
  return digits;
}

std::string without_spaces(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ') out += c;
  return out;
}

// The recogniser reads a bracket of a table label （ as 〈 or 《 (and ） as 〉 or 》); a template
// table's labels quote no titles, so in a cell these are the brackets.
std::string table_brackets(std::string text) {
  for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{"〈", "（"},
                                 {"《", "（"},
                                 {"〉", "）"},
                                 {"》", "）"}})
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
      text.replace(at, from.size(), to);
  return text;
}

// The ink inside a cell: its components less the specks, as one box; empty for a blank cell.
std::optional<Rect> ink_box(PIX* binary_cell) {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
  for (const Rect& r : component_boxes(binary_cell)) {
    if (r.w * r.h < k_min_speck_pixels) continue;
    x0 = std::min(x0, r.x);
    y0 = std::min(y0, r.y);
    x1 = std::max(x1, r.x + r.w);
    y1 = std::max(y1, r.y + r.h);
  }
  if (x1 < 0) return std::nullopt;
  return Rect{x0, y0, x1 - x0, y1 - y0};
}

PixPtr crop(PIX* pix, const Rect& r) {
  BoxPtr box(boxCreate(r.x, r.y, r.w, r.h));
  return PixPtr(pixClipRectangle(pix, box.get(), nullptr));
}

struct CellReading {
  std::string text;
  int confidence = 0;
  bool timed_out = false;
};

// A reading that is likely a number misread: nothing read from the ink, one letter or character
// alone (a label of one character is rare in these tables, while a turned or coarse scan makes
// the Chinese model read a lone 7, 8, 1 or 9 as 工, 昌, 东 or g), or digits with one stray
// character before or among them (a + under a seal read as 二). A unit is no stray: 216272元 is an
// amount and its unit, 件 alone a header.
bool unit_character(std::string_view c) {
  for (const std::string_view unit : {"元", "万", "亿", "件", "个", "次", "项", "条", "%", "％"})
    if (c == unit) return true;
  return false;
}

// lone: nothing or one character; stray: digits and one other character; unsure: a short
// reading the Chinese model itself doubts (a clean 13 read as 区| at 58).
enum class Doubt { none, lone, stray, unsure };

constexpr int k_unsure_characters = 3;
constexpr int k_unsure_confidence = 70;
// An unsure reading is replaced only by a number the digits model is this sure of: a short
// label (其他, 总计) must never become a number.
constexpr int k_sure_digits = 85;

Doubt doubtful_number(std::string_view text, int confidence) {
  int digits = 0, others = 0;
  std::string_view last;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t width = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::size_t length = std::min(text.size() - i, width);
    last = text.substr(i, length);
    (is_ascii_digit(static_cast<char>(c)) ? digits : others) += 1;
    i += length;
  }
  if (text.empty()) return Doubt::lone;
  if (unit_character(last)) return Doubt::none;
  // A letter or a character, not a mark: a lone / or - is what the cell says (not applicable).
  const bool lone_character =
      digits == 0 && others == 1 &&
      (last.size() > 1 || std::isalpha(static_cast<unsigned char>(last.front())) != 0);
  if (lone_character) return Doubt::lone;
  if (digits > 0 && others == 1) return Doubt::stray;
  if (digits + others <= k_unsure_characters && confidence < k_unsure_confidence)
    return Doubt::unsure;
  return Doubt::none;
}

// Such a cell is read by the digits model too: where that reads a number, the number is kept
// (a word in the middle of a row of numbers would break the row), but with its confidence
// capped below what a figure needs without an identity, so that only the template's arithmetic
// can vouch for it (one model's word is not enough on its own).
constexpr int k_doubtful_cap = 89;

// A number as the digits model gives it: digits, a sign before them and a decimal part at most.
bool plain_number(std::string_view text) {
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  const auto digits = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), is_ascii_digit);
  };
  return digits(whole) && (point == std::string_view::npos || digits(fraction));
}

// The digits model's reading without spaces, and without a trailing point: it reads the foot
// of a lone 1 as a point ("1."), and no figure ends in one.
std::string digits_reading(const Reading& digits) {
  std::string text = without_spaces(digits.text);
  if (text.size() > 1 && text.back() == '.') text.pop_back();
  return text;
}

// A lone glyph is read as one character where reading it as a line gave no number (the line
// mode reads the foot of a 1 as a point, or nothing). Where neither gives a number, a lone
// glyph among the cells is no label either: the cell is given as holding ink that could not be
// read (no text, confidence 0), which keeps its row's cells in their columns and lets the gate
// blame it; digits with a stray character keep the Chinese reading.
CellReading read_doubtful_number(Engines& engines, PIX* padded, const Reading& chinese, Doubt doubt,
                                 int dpi, const Clock& clock) {
  CellReading out;
  out.timed_out = chinese.timed_out;
  std::vector<tesseract::PageSegMode> modes = {tesseract::PSM_SINGLE_LINE};
  if (doubt == Doubt::lone) modes.push_back(tesseract::PSM_SINGLE_CHAR);
  for (const tesseract::PageSegMode mode : modes) {
    const Reading digits = recognise(engines.digits, padded, mode, dpi, clock);
    out.timed_out = out.timed_out || digits.timed_out;
    const std::string number = digits_reading(digits);
    if (plain_number(number) && (doubt != Doubt::unsure || digits.confidence >= k_sure_digits)) {
      out.text = number;
      out.confidence = std::min(digits.confidence, k_doubtful_cap);
      return out;
    }
  }
  if (doubt == Doubt::lone) return out;  // ink, unread: no text, confidence 0
  out.text = table_brackets(without_spaces(chinese.text));
  out.confidence = chinese.confidence;
  return out;
}

std::string_view without_plus(std::string_view number) {
  return number.substr(0, 1) == "+" ? number.substr(1) : number;
}

// Two readings of a number agree where they differ at most by a leading + (the digits model
// often drops a sign it is not sure of; +19 and 19 are the same figure).
bool same_number(std::string_view a, std::string_view b) {
  return without_plus(a) == without_plus(b);
}

// One cell on its own: blank when it holds no ink; else read by the Chinese model, and where
// that reads a number, read again by the digits-only model. A number is the digits model's
// reading, kept with the mean confidence of the two where they agree and confidence 0 where
// they differ. (The mean, not the lower: the Chinese model is sure of few digits, and reads a
// 1 as | with confidence 40 where the digits model is sure at 96; its agreement is the
// evidence, its doubt only lowers the figure.)
CellReading read_cell(Engines& engines, PIX* clean, const Rect& cell, int dpi, const Clock& clock) {
  CellReading out;
  PixPtr grey = crop(clean, cell);
  if (!grey) return out;
  PixPtr binary(pixThresholdToBinary(grey.get(), k_ink_threshold));
  const std::optional<Rect> ink = binary ? ink_box(binary.get()) : std::nullopt;
  if (!ink) {
    out.confidence = 100;
    return out;
  }
  PixPtr tight = crop(grey.get(), *ink);
  PixPtr padded(tight ? pixAddBorder(tight.get(), k_cell_padding_px, 255) : nullptr);
  if (!padded) return out;
  const Reading chinese =
      recognise(engines.text, padded.get(), tesseract::PSM_SINGLE_BLOCK, dpi, clock);
  out.timed_out = chinese.timed_out;
  const std::optional<std::string> number = as_number(chinese.text);
  if (!number)
    if (const Doubt doubt = doubtful_number(without_spaces(chinese.text), chinese.confidence);
        doubt != Doubt::none)
      return read_doubtful_number(engines, padded.get(), chinese, doubt, dpi, clock);
  if (!number) {
    out.text = table_brackets(without_spaces(chinese.text));
    out.confidence = chinese.confidence;
    return out;
  }
  const Reading digits =
      recognise(engines.digits, padded.get(), tesseract::PSM_SINGLE_LINE, dpi, clock);
  out.timed_out = out.timed_out || digits.timed_out;
  out.text = digits_reading(digits);
  out.confidence =
      same_number(out.text, *number) ? (chinese.confidence + digits.confidence) / 2 : 0;
  if (out.text.empty() || out.text == without_plus(*number)) out.text = *number;
  return out;
}

model::PixelBox pixel_box(const Rect& r) { return {r.x, r.y, r.x + r.w, r.y + r.h}; }

OcrTable read_grid(Engines& engines, PIX* clean, const pdf::RuledGrid& grid, int dpi,
                   const Clock& clock, bool& timed_out) {
  OcrTable table;
  table.rows = grid.rows();
  table.cols = grid.cols();
  for (float x : grid.xs) table.xs.push_back(to_pixels(x, dpi));
  std::vector<int> ys;
  for (float y : grid.ys) ys.push_back(to_pixels(y, dpi));
  table.box = {table.xs.front(), ys.front(), table.xs.back(), ys.back()};
  const int inset = std::max(2, to_pixels(k_cell_inset_pt, dpi));
  for (const pdf::GridCell& g : grid.cells) {
    const auto col = static_cast<std::size_t>(g.col);
    const auto row = static_cast<std::size_t>(g.row);
    const Rect outer{table.xs[col], ys[row],
                     table.xs[col + static_cast<std::size_t>(g.col_span)] - table.xs[col],
                     ys[row + static_cast<std::size_t>(g.row_span)] - ys[row]};
    OcrCell cell{g.row, g.col, g.row_span, g.col_span, {}, 0, pixel_box(outer)};
    const Rect inner{outer.x + inset, outer.y + inset, outer.w - 2 * inset, outer.h - 2 * inset};
    if (inner.w > 2 && inner.h > 2) {
      const CellReading reading = read_cell(engines, clean, inner, dpi, clock);
      cell.text = reading.text;
      cell.confidence = reading.confidence;
      timed_out = timed_out || reading.timed_out;
    } else {
      cell.confidence = 100;
    }
    table.cells.push_back(std::move(cell));
  }
  return table;
}

// The text outside the tables, line by line, by Tesseract's own page layout analysis.
std::vector<OcrLine> read_prose(Engines& engines, PIX* clean, const std::vector<OcrTable>& tables,
                                int dpi, const Clock& clock, bool& timed_out) {
  std::vector<OcrLine> lines;
  PixPtr page(pixCopy(nullptr, clean));
  if (!page) return lines;
  // A table is blanked with a margin: on a page not quite level, the ends of its outer rules
  // stray outside its box, and a stray piece of a rule reads as 一 or 二.
  const int margin = to_pixels(k_table_margin_pt, dpi);
  for (const OcrTable& t : tables) {
    BoxPtr box(boxCreate(t.box.x0 - margin, t.box.y0 - margin, t.box.x1 - t.box.x0 + 2 * margin,
                         t.box.y1 - t.box.y0 + 2 * margin));
    pixSetInRect(page.get(), box.get());  // white
  }
  const int budget = clock.remaining_ms();
  if (budget <= 0) {
    timed_out = true;
    return lines;
  }
  tesseract::TessBaseAPI& api = engines.text;
  api.SetPageSegMode(tesseract::PSM_AUTO);
  api.SetImage(page.get());
  api.SetSourceResolution(dpi);
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(budget);
  const bool failed = api.Recognize(&monitor) != 0;
  if (monitor.deadline_exceeded()) timed_out = true;
  std::unique_ptr<tesseract::ResultIterator> it(failed ? nullptr : api.GetIterator());
  if (it) {
    do {
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
      if (!text) continue;
      OcrLine line;
      line.text = close_spaces(text.get());
      while (!line.text.empty() && line.text.back() == ' ') line.text.pop_back();
      if (line.text.empty()) continue;
      line.confidence = std::max(0, static_cast<int>(it->Confidence(tesseract::RIL_TEXTLINE)));
      it->BoundingBox(tesseract::RIL_TEXTLINE, &line.box.x0, &line.box.y0, &line.box.x1,
                      &line.box.y1);
      if (line.box.y1 - line.box.y0 < to_pixels(k_min_text_height_pt, dpi)) continue;  // a rule
      lines.push_back(std::move(line));
    } while (it->Next(tesseract::RIL_TEXTLINE));
  }
  api.Clear();
  return lines;
}

// Brought to the working resolution and straightened; red ink already turned to paper.
PixPtr working_page(const Raster& image, OcrPage& page) {
  PixPtr grey = grey_page(image);
  if (!grey) return grey;
  const int dpi = source_dpi(image);
  if (dpi < k_least_dpi || dpi > k_most_dpi) {
    const float scale = static_cast<float>(k_working_dpi) / static_cast<float>(dpi);
    PixPtr scaled(scale > 1 ? pixScaleGrayLI(grey.get(), scale, scale)
                            : pixScaleAreaMap(grey.get(), scale, scale));
    if (scaled) grey = std::move(scaled);
    page.dpi = k_working_dpi;
  } else {
    page.dpi = dpi;
  }
  l_float32 angle = 0, confidence = 0;
  PixPtr straight(pixFindSkewAndDeskew(grey.get(), 0, &angle, &confidence));
  if (straight) {
    grey = std::move(straight);
    page.skew_degrees = angle;
  }
  page.width = static_cast<int>(pixGetWidth(grey.get()));
  page.height = static_cast<int>(pixGetHeight(grey.get()));
  return grey;
}

// The tables and the prose of a page at the working resolution, straightened.
void read_working_page(Engines& ocr, PIX* grey, OcrPage& page, const Clock& clock) {
  page.tables.clear();
  page.lines.clear();
  PixPtr binary(pixThresholdToBinary(grey, k_ink_threshold));
  if (!binary) return;
  Ruling ruling = find_ruling(binary.get(), page.dpi);
  PixPtr clean(pixCopy(nullptr, grey));
  if (!clean) return;
  if (ruling.mask) pixSetMasked(clean.get(), ruling.mask.get(), 255);
  for (const pdf::RuledGrid& grid : pdf::find_ruled_grids(ruling.rules))
    page.tables.push_back(read_grid(ocr, clean.get(), grid, page.dpi, clock, page.timed_out));
  page.lines = read_prose(ocr, clean.get(), page.tables, page.dpi, clock, page.timed_out);
}

// The mean confidence of what a page's reading holds (its prose lines and the cells with text):
// an upright page reads at 80 to 90, a page on its side at about 20.
int reading_confidence(const OcrPage& page) {
  long long sum = 0;
  long long count = 0;
  for (const OcrLine& line : page.lines) {
    sum += line.confidence;
    ++count;
  }
  for (const OcrTable& table : page.tables)
    for (const OcrCell& cell : table.cells)
      if (!cell.text.empty()) {
        sum += cell.confidence;
        ++count;
      }
  return count == 0 ? 0 : static_cast<int>(sum / count);
}

// How many quarter turns clockwise bring the page upright, by Tesseract's orientation
// detection; 0 where it is upright, unsure, or the detection is not installed.
int quarter_turns_to_upright(PIX* grey, int dpi) {
  OrientationEngine* osd = orientation_engine();
  if (osd == nullptr) return 0;
  osd->api.SetPageSegMode(tesseract::PSM_OSD_ONLY);
  osd->api.SetImage(grey);
  osd->api.SetSourceResolution(dpi);
  int degrees = 0;
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool found =
      osd->api.DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
  osd->api.Clear();
  if (!found || confidence < k_least_orientation_confidence) return 0;
  // The detection gives the page's turn counterclockwise; it is undone clockwise.
  return (4 - (degrees / 90) % 4) % 4;
}

// A page that read badly may be on its side (a landscape table printed turned, a sheet fed
// turned): where the orientation detection says so, it is turned upright, straightened again and
// read again, and the better of the two readings is kept.
void read_turned(Engines& ocr, PIX* grey, OcrPage& page, const Clock& clock) {
  const int turns = quarter_turns_to_upright(grey, page.dpi);
  if (turns == 0) return;
  PixPtr upright(pixRotateOrth(grey, turns));
  if (!upright) return;
  l_float32 angle = 0, confidence = 0;
  PixPtr straight(pixFindSkewAndDeskew(upright.get(), 0, &angle, &confidence));
  if (straight) upright = std::move(straight);
  OcrPage again = page;
  again.width = static_cast<int>(pixGetWidth(upright.get()));
  again.height = static_cast<int>(pixGetHeight(upright.get()));
  again.skew_degrees = angle;
  again.quarter_turns = turns;
  read_working_page(ocr, upright.get(), again, clock);
  if (reading_confidence(again) > reading_confidence(page)) page = std::move(again);
}

}  // namespace

bool ocr_available() { return engines() != nullptr; }

OcrPage ocr_page(const Raster& image, const OcrLimits& limits) {
  OcrPage page;
  Engines* ocr = engines();
  if (ocr == nullptr) {
    page.unavailable = true;
    return page;
  }
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() < static_cast<std::size_t>(image.width) *
                                static_cast<std::size_t>(image.height) *
                                static_cast<std::size_t>(image.channels))
    return page;
  const Clock clock(limits.page_milliseconds);
  PixPtr grey = working_page(image, page);
  if (!grey) return page;
  read_working_page(*ocr, grey.get(), page, clock);
  if (reading_confidence(page) < k_least_upright_confidence)
    read_turned(*ocr, grey.get(), page, clock);
  page.confidence = reading_confidence(page);
  return page;
}

}  // namespace nianbao::readers::image
