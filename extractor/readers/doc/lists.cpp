#include "extractor/readers/doc/lists.hpp"

#include <map>
#include <vector>

#include "extractor/readers/docx/values.hpp"

namespace nianbao::readers::doc {

namespace {

constexpr std::size_t k_lstf_size = 28;
constexpr std::size_t k_lvlf_size = 28;
constexpr std::size_t k_lfo_size = 16;
constexpr std::size_t k_lfolvl_size = 8;
constexpr std::uint8_t k_simple_list = 0x01;  // LSTF: one level instead of nine
constexpr int k_max_lists = 4096;

// One LVL at `at`: its level (nullopt when it does not parse) and where the next one starts.
struct ParsedLevel {
  std::optional<docx::NumberingLevel> level;
  std::size_t next = 0;
};

std::string number_text(const Bytes& b, std::size_t at, std::size_t& next) {
  const std::size_t cch = b.u16_or_zero(at);
  next = at + 2 + cch * 2;
  std::string out;
  for (std::size_t i = 0; i < cch && b.has(at + 2 + i * 2, 2); ++i) {
    const char32_t unit = b.u16_or_zero(at + 2 + i * 2);
    if (unit < 9) {  // a placeholder: the number of level `unit`
      out.push_back('%');
      out.push_back(static_cast<char>('1' + unit));
    } else if (unit < 0xD800 || unit > 0xDFFF) {
      docx::append_utf8(out, unit);
    }
  }
  return out;
}

ParsedLevel parse_level(const Bytes& b, std::size_t at) {
  ParsedLevel parsed;
  if (!b.has(at, k_lvlf_size + 2)) return parsed;
  docx::NumberingLevel level;
  level.start = static_cast<int>(b.u32_or_zero(at));
  const std::uint8_t nfc = b.u8_or_zero(at + 4);
  const std::uint8_t flags = b.u8_or_zero(at + 5);
  level.num_fmt = number_format_name(nfc);
  level.legal = (flags & 0x04) != 0;
  if ((flags & 0x08) != 0) level.restart = 0;  // fNoRestart
  switch (b.u8_or_zero(at + 15)) {             // ixchFollow
    case 1:
      level.suffix = "space";
      break;
    case 2:
      level.suffix = "nothing";
      break;
    default:
      level.suffix = "tab";
      break;
  }
  const std::size_t chpx = b.u8_or_zero(at + 24);
  const std::size_t papx = b.u8_or_zero(at + 25);
  const std::size_t xst = at + k_lvlf_size + papx + chpx;
  if (!b.has(xst, 2)) return parsed;
  level.lvl_text = number_text(b, xst, parsed.next);
  if (parsed.next > b.size()) return parsed;
  parsed.level = level;
  return parsed;
}

// PlfLst: the LSTFs, then every list's LVLs in the same order. Returns each list's lsid.
std::vector<std::int32_t> read_list_definitions(const Fib& fib, const Bytes& b,
                                                docx::Numbering& numbering) {
  std::vector<std::int32_t> lsids;
  if (fib.plf_lst.lcb < 2 || !b.has(fib.plf_lst.fc, 2)) return lsids;
  const int count = static_cast<std::int16_t>(b.u16_or_zero(fib.plf_lst.fc));
  if (count <= 0 || count > k_max_lists) return lsids;
  const std::size_t lstf = fib.plf_lst.fc + 2;
  std::size_t at = lstf + static_cast<std::size_t>(count) * k_lstf_size;
  for (int i = 0; i < count; ++i) {
    const std::size_t entry = lstf + static_cast<std::size_t>(i) * k_lstf_size;
    if (!b.has(entry, k_lstf_size)) break;
    lsids.push_back(static_cast<std::int32_t>(b.u32_or_zero(entry)));
    const int levels = (b.u8_or_zero(entry + 26) & k_simple_list) != 0 ? 1 : 9;
    for (int l = 0; l < levels; ++l) {
      const ParsedLevel parsed = parse_level(b, at);
      if (!parsed.level) return lsids;
      numbering.define_level(i, l, *parsed.level);
      at = parsed.next;
    }
  }
  return lsids;
}

// PlfLfo: lfoMac LFOs, then each LFO's LFOData (a CP and its level overrides). A paragraph's
// sprmPIlfo is the 1-based index of its LFO.
void read_list_instances(const Fib& fib, const Bytes& b, const std::vector<std::int32_t>& lsids,
                         docx::Numbering& numbering) {
  if (fib.plf_lfo.lcb < 4 || !b.has(fib.plf_lfo.fc, 4)) return;
  const auto count = static_cast<std::int32_t>(b.u32_or_zero(fib.plf_lfo.fc));
  if (count <= 0 || count > k_max_lists) return;
  const std::size_t lfo = fib.plf_lfo.fc + 4;
  std::size_t data = lfo + static_cast<std::size_t>(count) * k_lfo_size;
  for (std::int32_t i = 0; i < count; ++i) {
    const std::size_t entry = lfo + static_cast<std::size_t>(i) * k_lfo_size;
    if (!b.has(entry, k_lfo_size)) return;
    const auto lsid = static_cast<std::int32_t>(b.u32_or_zero(entry));
    const std::size_t overrides = b.u8_or_zero(entry + 12);
    int list = -1;
    for (std::size_t k = 0; k < lsids.size(); ++k) {
      if (lsids[k] == lsid) list = static_cast<int>(k);
    }
    std::map<int, int> starts;
    data += 4;  // LFOData.cp
    for (std::size_t k = 0; k < overrides; ++k) {
      if (!b.has(data, k_lfolvl_size)) return;
      const auto start = static_cast<int>(b.u32_or_zero(data));
      const std::uint32_t flags = b.u32_or_zero(data + 4);
      const int ilvl = static_cast<int>(flags & 0x0F);
      if ((flags & 0x10) != 0) starts[ilvl] = start;  // fStartAt
      data += k_lfolvl_size;
      if ((flags & 0x20) != 0) {  // fFormatting: a whole LVL follows
        const ParsedLevel parsed = parse_level(b, data);
        if (!parsed.level) return;
        data = parsed.next;
      }
    }
    if (list >= 0) numbering.define_instance(i + 1, list, starts);
  }
}

}  // namespace

const char* number_format_name(std::uint8_t nfc) {
  switch (nfc) {
    case 0:
      return "decimal";
    case 1:
      return "upperRoman";
    case 2:
      return "lowerRoman";
    case 3:
      return "upperLetter";
    case 4:
      return "lowerLetter";
    case 10:
      return "ideographDigital";
    case 11:
      return "japaneseCounting";
    case 14:
    case 19:
      return "decimalFullWidth";
    case 16:
      return "japaneseLegal";
    case 18:
      return "decimalEnclosedCircle";
    case 22:
      return "decimalZero";
    case 23:
      return "bullet";
    case 26:
      return "decimalEnclosedFullstop";
    case 27:
      return "decimalEnclosedParen";
    case 28:
      return "decimalEnclosedCircleChinese";
    case 30:
      return "ideographTraditional";
    case 31:
      return "ideographZodiac";
    case 33:
      return "taiwaneseCounting";
    case 35:
      return "taiwaneseCountingThousand";
    case 37:
      return "chineseCounting";
    case 38:
      return "chineseLegalSimplified";
    case 39:
      return "chineseCountingThousand";
    case 255:
      return "none";
    default:
      return "decimal";
  }
}

void read_lists(const Fib& fib, const Bytes& table, docx::Numbering& numbering) {
  const std::vector<std::int32_t> lsids = read_list_definitions(fib, table, numbering);
  if (!lsids.empty()) read_list_instances(fib, table, lsids, numbering);
}

}  // namespace nianbao::readers::doc
