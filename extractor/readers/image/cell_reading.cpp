#include "extractor/readers/image/cell_reading.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <vector>

#include "normalizers/text.hpp"

namespace nianbao::readers::image {
namespace {

// Specks smaller than this (in working pixels) are dust, not ink.
constexpr int k_min_speck_pixels = 12;
constexpr int k_cell_padding_px = 16;

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

// A reading that is likely a number misread: nothing read from the ink, one letter or character
// alone (a label of one character is rare in these tables, while a turned or coarse scan makes
// the Chinese model read a lone 7, 8, 1 or 9 as 工, 昌, 东 or g), or digits with one stray
// character before or among them (a + under a seal read as 二). A unit is no stray: 216272元 is an
// amount and its unit, 件 alone a header.
Doubt doubtful_number(std::string_view text, int confidence) {
  int digits = 0, others = 0;
  std::string_view last;
  for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
    const char32_t c = norm::code_point_at(text, i, length);
    last = text.substr(i, length);
    (c >= U'0' && c <= U'9' ? digits : others) += 1;
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
// What the Chinese model read, as the cell's text.
CellReading as_text(const Reading& chinese) {
  return {table_brackets(without_spaces(chinese.text)), chinese.confidence, chinese.timed_out};
}

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
  CellReading text = as_text(chinese);
  text.timed_out = out.timed_out;
  return text;
}

std::string_view without_plus(std::string_view number) {
  return number.substr(0, 1) == "+" ? number.substr(1) : number;
}

// Two readings of a number agree where they differ at most by a leading + (the digits model
// often drops a sign it is not sure of; +19 and 19 are the same figure).
bool same_number(std::string_view a, std::string_view b) {
  return without_plus(a) == without_plus(b);
}

}  // namespace

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
  if (!number) {
    const Doubt doubt = doubtful_number(without_spaces(chinese.text), chinese.confidence);
    return doubt == Doubt::none
               ? as_text(chinese)
               : read_doubtful_number(engines, padded.get(), chinese, doubt, dpi, clock);
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

}  // namespace nianbao::readers::image
