#include "extractor/readers/docx/numbering.hpp"

#include "extractor/readers/docx/values.hpp"
#include "extractor/readers/docx/xml_stream.hpp"

namespace nianbao::readers::docx {

namespace {

struct ChineseDigits {
  std::array<const char*, 10> digit;
  std::array<const char*, 4> unit;  // "", 十, 百, 千
  const char* ten_thousand;
  const char* zero_gap;  // written for skipped positions, e.g. 一百零一
  bool bare_ten;         // 10–19 written 十, 十一 rather than 一十, 一十一
};

const ChineseDigits k_counting{{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
                               {"", "十", "百", "千"},
                               "万",
                               "零",
                               true};
const ChineseDigits k_legal{{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"},
                            {"", "拾", "佰", "仟"},
                            "万",
                            "零",
                            false};

// 1..9999 in Chinese counting; `in_compound` forbids the bare 十 (as in 一万零一十).
std::string chinese_below_10000(int n, const ChineseDigits& d, bool in_compound) {
  std::string out;
  bool gap = false;
  bool written = false;
  for (int pos = 3; pos >= 0; --pos) {
    int divisor = 1;
    for (int i = 0; i < pos; ++i) divisor *= 10;
    const int digit = (n / divisor) % 10;
    if (digit == 0) {
      gap = written;
      continue;
    }
    if (gap) out += d.zero_gap;
    gap = false;
    const bool bare_ten = d.bare_ten && !in_compound && pos == 1 && digit == 1 && n < 20;
    if (!bare_ten) out += d.digit[static_cast<std::size_t>(digit)];
    out += d.unit[static_cast<std::size_t>(pos)];
    written = true;
  }
  return out;
}

std::string chinese_number(int n, const ChineseDigits& d) {
  if (n == 0) return d.digit[0];
  if (n < 0 || n > 99999999) return std::to_string(n);
  if (n < 10000) return chinese_below_10000(n, d, false);
  std::string out = chinese_below_10000(n / 10000, d, false) + d.ten_thousand;
  const int low = n % 10000;
  if (low == 0) return out;
  if (low < 1000) out += d.zero_gap;
  return out + chinese_below_10000(low, d, true);
}

std::string from_table(int n, std::initializer_list<const char*> symbols) {
  if (n < 1 || static_cast<std::size_t>(n) > symbols.size()) return std::to_string(n);
  return *(symbols.begin() + (n - 1));
}

std::string enclosed(int n, char32_t first_1_to_20) {
  if (n < 1 || n > 20) return std::to_string(n);
  std::string out;
  append_utf8(out, first_1_to_20 + static_cast<char32_t>(n - 1));
  return out;
}

std::string enclosed_circle(int n) {
  std::string out;
  if (n >= 1 && n <= 20) {
    append_utf8(out, U'\u2460' + static_cast<char32_t>(n - 1));
  } else if (n >= 21 && n <= 35) {
    append_utf8(out, U'\u3251' + static_cast<char32_t>(n - 21));
  } else if (n >= 36 && n <= 50) {
    append_utf8(out, U'\u32B1' + static_cast<char32_t>(n - 36));
  } else {
    out = std::to_string(n);
  }
  return out;
}

std::string full_width(int n) {
  std::string out;
  for (char c : std::to_string(n)) {
    append_utf8(out, c == '-' ? U'\uFF0D' : U'\uFF10' + static_cast<char32_t>(c - '0'));
  }
  return out;
}

std::string letters(int n, char first) {
  if (n < 1) return std::to_string(n);
  const int repeat = (n - 1) / 26 + 1;
  return std::string(static_cast<std::size_t>(repeat), static_cast<char>(first + (n - 1) % 26));
}

std::string roman(int n, bool upper) {
  if (n < 1 || n > 3999) return std::to_string(n);
  static const std::array<std::pair<int, const char*>, 13> k_parts{{{1000, "M"},
                                                                    {900, "CM"},
                                                                    {500, "D"},
                                                                    {400, "CD"},
                                                                    {100, "C"},
                                                                    {90, "XC"},
                                                                    {50, "L"},
                                                                    {40, "XL"},
                                                                    {10, "X"},
                                                                    {9, "IX"},
                                                                    {5, "V"},
                                                                    {4, "IV"},
                                                                    {1, "I"}}};
  std::string out;
  for (const auto& [value, text] : k_parts) {
    while (n >= value) {
      out += text;
      n -= value;
    }
  }
  if (!upper) {
    for (char& c : out) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_word(const XmlStream& xml, std::string_view name) {
  return xml.in_word_namespace() && xml.local_name() == name;
}

}  // namespace

std::string format_number(std::string_view fmt, int value) {
  if (fmt == "none") return "";
  if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" || fmt == "japaneseCounting" ||
      fmt == "taiwaneseCounting" || fmt == "taiwaneseCountingThousand" ||
      fmt == "ideographDigital") {
    return chinese_number(value, k_counting);
  }
  if (fmt == "chineseLegalSimplified" || fmt == "japaneseLegal") {
    return chinese_number(value, k_legal);
  }
  if (fmt == "ideographTraditional") {
    return from_table(value, {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"});
  }
  if (fmt == "ideographZodiac") {
    return from_table(value,
                      {"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"});
  }
  if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") return full_width(value);
  if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") {
    return enclosed_circle(value);
  }
  if (fmt == "decimalEnclosedParen") return enclosed(value, U'\u2474');
  if (fmt == "decimalEnclosedFullstop") return enclosed(value, U'\u2488');
  if (fmt == "decimalZero") {
    std::string out = value >= 0 && value < 10 ? "0" : "";
    out += std::to_string(value);
    return out;
  }
  if (fmt == "upperLetter") return letters(value, 'A');
  if (fmt == "lowerLetter") return letters(value, 'a');
  if (fmt == "upperRoman") return roman(value, true);
  if (fmt == "lowerRoman") return roman(value, false);
  return std::to_string(value);
}

bool Numbering::load(XmlStream& xml) {
  std::optional<int> abstract_id;
  std::optional<int> num_id;
  int override_level = -1;  // ilvl of the w:lvlOverride being read, -1 outside one
  NumberingLevel* level = nullptr;
  for (XmlEvent ev = xml.next(); ev != XmlEvent::done; ev = xml.next()) {
    if (ev == XmlEvent::end) {
      if (is_word(xml, "lvl")) level = nullptr;
      if (is_word(xml, "abstractNum")) abstract_id.reset();
      if (is_word(xml, "num")) num_id.reset();
      if (is_word(xml, "lvlOverride")) override_level = -1;
      continue;
    }
    if (ev != XmlEvent::start || !xml.in_word_namespace()) continue;
    const std::string_view name = xml.local_name();
    if (name == "pPr" || name == "rPr") {
      xml.skip_element();  // formatting of the label, not its text
    } else if (name == "abstractNum") {
      abstract_id = parse_int(xml.attribute("abstractNumId"));
      if (abstract_id) abstracts_[*abstract_id] = Abstract{};
    } else if (name == "num") {
      num_id = parse_int(xml.attribute("numId"));
      if (num_id) instances_[*num_id] = Instance{};
    } else if (name == "abstractNumId" && num_id) {
      instances_[*num_id].abstract_id = parse_int(xml.attribute("val")).value_or(-1);
    } else if (name == "lvlOverride" && num_id) {
      override_level = parse_int(xml.attribute("ilvl")).value_or(-1);
    } else if (name == "startOverride" && num_id && override_level >= 0) {
      if (auto v = parse_int(xml.attribute("val"))) {
        instances_[*num_id].start_override[override_level] = *v;
      }
    } else if (name == "lvl") {
      const std::optional<int> ilvl = parse_int(xml.attribute("ilvl"));
      level = nullptr;
      if (!ilvl || *ilvl < 0 || *ilvl > 8) continue;
      if (num_id && override_level >= 0) {
        level = &instances_[*num_id].level_override[*ilvl];
      } else if (abstract_id) {
        level = &abstracts_[*abstract_id].levels[static_cast<std::size_t>(*ilvl)];
      }
      if (level != nullptr) {
        *level = NumberingLevel{};
        level->defined = true;
      }
    } else if (level != nullptr) {
      const std::string val = xml.attribute("val");
      if (name == "start") level->start = parse_int(val).value_or(1);
      if (name == "numFmt") level->num_fmt = val;
      if (name == "lvlText") level->lvl_text = val;
      if (name == "suff") level->suffix = val;
      if (name == "isLgl") level->legal = on_off(xml);
      if (name == "lvlRestart") level->restart = parse_int(val);
    }
  }
  return xml.error() == XmlError::none;
}

bool Numbering::load_styles(XmlStream& xml) {
  StyleNumbering* style = nullptr;
  std::string character_style;  // id of the character style being read
  int ppr_depth = 0;  // inside the style's own w:pPr (not a pPr of table-style conditions)
  for (XmlEvent ev = xml.next(); ev != XmlEvent::done; ev = xml.next()) {
    if (ev == XmlEvent::end) {
      if (is_word(xml, "style")) {
        style = nullptr;
        character_style.clear();
      }
      if (is_word(xml, "pPr") && ppr_depth > 0) --ppr_depth;
      continue;
    }
    if (ev != XmlEvent::start || !xml.in_word_namespace()) continue;
    const std::string_view name = xml.local_name();
    if (name == "style") {
      style = xml.attribute("type") == "paragraph" || xml.attribute("type").empty()
                  ? &styles_[xml.attribute("styleId")]
                  : nullptr;
      character_style = xml.attribute("type") == "character" ? xml.attribute("styleId") : "";
    } else if (name == "name" && !character_style.empty()) {
      if (xml.attribute("val") == "Placeholder Text") placeholder_style_id_ = character_style;
    } else if (style == nullptr) {
      continue;
    } else if (name == "rPr" || name == "tblPr" || name == "tblStylePr" || name == "trPr" ||
               name == "tcPr" || name == "pPrChange") {
      xml.skip_element();
    } else if (name == "basedOn") {
      style->based_on = xml.attribute("val");
    } else if (name == "pPr") {
      ++ppr_depth;
    } else if (ppr_depth > 0 && name == "numId") {
      style->num_id = parse_int(xml.attribute("val"));
    } else if (ppr_depth > 0 && name == "ilvl") {
      style->ilvl = parse_int(xml.attribute("val"));
    }
  }
  return xml.error() == XmlError::none;
}

std::optional<NumberingRef> Numbering::style_numbering(const std::string& style_id) const {
  std::string id = style_id;
  for (int hops = 0; hops < 16 && !id.empty(); ++hops) {  // basedOn chains can loop
    const auto it = styles_.find(id);
    if (it == styles_.end()) return std::nullopt;
    if (it->second.num_id) {
      if (*it->second.num_id == 0) return std::nullopt;  // numId 0 switches numbering off
      return NumberingRef{*it->second.num_id, it->second.ilvl.value_or(0)};
    }
    id = it->second.based_on;
  }
  return std::nullopt;
}

std::optional<int> Numbering::style_level(const std::string& style_id) const {
  std::string id = style_id;
  for (int hops = 0; hops < 16 && !id.empty(); ++hops) {
    const auto it = styles_.find(id);
    if (it == styles_.end()) return std::nullopt;
    if (it->second.ilvl) return it->second.ilvl;
    id = it->second.based_on;
  }
  return std::nullopt;
}

const NumberingLevel* Numbering::level_of(const Instance& instance, int ilvl) const {
  const auto over = instance.level_override.find(ilvl);
  if (over != instance.level_override.end() && over->second.defined) return &over->second;
  const auto abs = abstracts_.find(instance.abstract_id);
  if (abs == abstracts_.end()) return nullptr;
  const NumberingLevel& level = abs->second.levels[static_cast<std::size_t>(ilvl)];
  return level.defined ? &level : nullptr;
}

void Numbering::define_level(int abstract_id, int ilvl, const NumberingLevel& level) {
  if (ilvl < 0 || ilvl > 8) return;
  NumberingLevel& slot = abstracts_[abstract_id].levels[static_cast<std::size_t>(ilvl)];
  slot = level;
  slot.defined = true;
}

void Numbering::define_instance(int num_id, int abstract_id,
                                const std::map<int, int>& start_override) {
  Instance& instance = instances_[num_id];
  instance.abstract_id = abstract_id;
  instance.start_override = start_override;
}

std::string Numbering::next_label(const NumberingRef& ref) {
  if (ref.ilvl < 0 || ref.ilvl > 8) return "";
  const auto inst_it = instances_.find(ref.num_id);
  if (inst_it == instances_.end()) return "";
  Instance& instance = inst_it->second;
  const NumberingLevel* level = level_of(instance, ref.ilvl);
  if (level == nullptr) return "";
  Counters& counters = counters_[instance.abstract_id];
  const auto lvl = static_cast<std::size_t>(ref.ilvl);
  // A list instance with startOverride restarts the shared counters the first time it is used.
  if (!instance.used) {
    instance.used = true;
    for (const auto& [ov_level, ov_start] : instance.start_override) {
      if (ov_level < 0 || ov_level > 8) continue;
      counters.value[static_cast<std::size_t>(ov_level)] = ov_start - 1;
      counters.started[static_cast<std::size_t>(ov_level)] = true;
    }
  }
  if (counters.started[lvl]) {
    ++counters.value[lvl];
  } else {
    counters.value[lvl] = level->start;
    counters.started[lvl] = true;
  }
  for (std::size_t deeper = lvl + 1; deeper < 9; ++deeper) {
    const NumberingLevel* d = level_of(instance, static_cast<int>(deeper));
    if (d != nullptr && d->restart && *d->restart == 0) continue;  // never restarts
    counters.started[deeper] = false;
  }
  if (level->num_fmt == "bullet") return level->lvl_text.empty() ? "" : "•";

  std::string label;
  const std::string& pattern = level->lvl_text;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
        pattern[i + 1] <= '9') {
      const int ref_level = pattern[i + 1] - '1';
      const NumberingLevel* shown = level_of(instance, ref_level);
      const auto rl = static_cast<std::size_t>(ref_level);
      const int value = counters.started[rl] ? counters.value[rl] : (shown ? shown->start : 1);
      const bool legal = level->legal;
      label += format_number(legal || shown == nullptr ? "decimal" : shown->num_fmt, value);
      ++i;
    } else {
      label.push_back(pattern[i]);
    }
  }
  if (label.empty()) return label;
  if (level->suffix == "space") return label + " ";
  if (level->suffix == "nothing") return label;
  return label + "\t";
}

}  // namespace nianbao::readers::docx
