#include "extractor/readers/doc/formatting.hpp"

#include <algorithm>

#include "extractor/readers/doc/sprm.hpp"

namespace nianbao::readers::doc {

namespace {

constexpr std::size_t k_page_size = 512;
constexpr std::uint32_t k_pn_mask = 0x003FFFFF;
constexpr std::size_t k_bx_size = 13;  // BxPap: bOffset and a 12-byte PHE
constexpr std::size_t k_tc80_size = 20;

bool nonzero(std::string_view operand) { return !operand.empty() && operand[0] != 0; }

std::int32_t i32(std::string_view operand) {
  return static_cast<std::int32_t>(Bytes(operand).u32_or_zero(0));
}

RowLayout::HMerge hmerge_of(std::uint16_t tcgrf) {
  switch (tcgrf & 0x3) {
    case 1:
      return RowLayout::HMerge::first;
    case 2:
    case 3:
      return RowLayout::HMerge::continues;
    default:
      return RowLayout::HMerge::none;
  }
}

RowLayout::VMerge vmerge_of(unsigned flags) {
  switch (flags & 0x3) {
    case 3:
      return RowLayout::VMerge::restart;
    case 1:
    case 2:
      return RowLayout::VMerge::continues;
    default:
      return RowLayout::VMerge::none;
  }
}

// TDefTableOperand after its size: itcMac, itcMac + 1 borders, then up to itcMac TC80s (a
// writer may leave trailing ones out; they are then plain cells).
std::optional<RowLayout> parse_def_table(std::string_view operand) {
  const Bytes b(operand.substr(std::min<std::size_t>(2, operand.size())));
  const auto cells = b.u8(0);
  if (!cells || *cells == 0 || *cells > k_max_row_cells) return std::nullopt;
  if (!b.has(1, (std::size_t{*cells} + 1) * 2)) return std::nullopt;
  RowLayout row;
  for (std::size_t i = 0; i <= *cells; ++i) row.borders.push_back(b.i16_or_zero(1 + i * 2));
  const std::size_t tc_at = 1 + (std::size_t{*cells} + 1) * 2;
  for (std::size_t i = 0; i < *cells; ++i) {
    const std::size_t at = tc_at + i * k_tc80_size;
    const std::uint16_t tcgrf = b.has(at, k_tc80_size) ? b.u16_or_zero(at) : 0;
    row.hmerge.push_back(hmerge_of(tcgrf));
    row.vmerge.push_back(vmerge_of(static_cast<unsigned>(tcgrf >> 5)));
  }
  return row;
}

}  // namespace

Formatting::Formatting(const Bytes& word_document, const Bytes& table_stream, const Bytes& data,
                       const Fib& fib, const PieceTable& pieces)
    : word_document_(word_document), table_(table_stream), data_(data), pieces_(pieces) {
  load_styles(fib.stshf);
  if (!load_bin_table(fib.plcf_bte_papx, true, papx_)) return;
  load_bin_table(fib.plcf_bte_chpx, false, chpx_);
}

void Formatting::fail(FormattingError error, std::string message) {
  if (error_ != FormattingError::none) return;
  error_ = error;
  message_ = std::move(message);
}

bool Formatting::load_bin_table(FcLcb where, bool paragraphs, BinTable& out) {
  const char* what = paragraphs ? "paragraph" : "character";
  if (where.lcb == 0) return true;  // no properties at all: every paragraph is plain
  if (where.lcb < 4 || (where.lcb - 4) % 8 != 0 || !table_.has(where.fc, where.lcb)) {
    fail(FormattingError::bin_table_invalid,
         std::string("the ") + what + " bin table does not fit the table stream");
    return false;
  }
  const std::size_t n = (where.lcb - 4) / 8;
  if (n > word_document_.size() / k_page_size) {
    fail(FormattingError::bin_table_invalid,
         std::string("the ") + what + " bin table names more pages than the document has");
    return false;
  }
  out.fcs.reserve(n + 1);
  for (std::size_t i = 0; i <= n; ++i) out.fcs.push_back(table_.u32_or_zero(where.fc + i * 4));
  if (!std::is_sorted(out.fcs.begin(), out.fcs.end())) {
    fail(FormattingError::bin_table_invalid,
         std::string("the ") + what + " bin table's positions are out of order");
    return false;
  }
  out.pages.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t pn = table_.u32_or_zero(where.fc + (n + 1) * 4 + i * 4) & k_pn_mask;
    if (!load_page(pn, paragraphs, out.pages[i])) return false;
  }
  return true;
}

bool Formatting::load_page(std::uint32_t pn, bool paragraphs, Page& out) {
  const std::size_t base = std::size_t{pn} * k_page_size;
  const auto page_bytes = word_document_.slice(base, k_page_size);
  if (!page_bytes) {
    fail(FormattingError::page_invalid,
         "a formatting page (FKP " + std::to_string(pn) + ") lies outside the WordDocument stream");
    return false;
  }
  const Bytes page(*page_bytes);
  const std::size_t crun = page.u8_or_zero(k_page_size - 1);
  const std::size_t entry = paragraphs ? k_bx_size : 1;
  if (crun == 0 || (crun + 1) * 4 + crun * entry > k_page_size - 1) {
    fail(FormattingError::page_invalid,
         "a formatting page (FKP " + std::to_string(pn) + ") has an impossible run count");
    return false;
  }
  for (std::size_t i = 0; i <= crun; ++i) out.fcs.push_back(page.u32_or_zero(i * 4));
  if (!std::is_sorted(out.fcs.begin(), out.fcs.end())) {
    fail(FormattingError::page_invalid,
         "a formatting page (FKP " + std::to_string(pn) + ") has its runs out of order");
    return false;
  }
  for (std::size_t i = 0; i < crun; ++i) {
    const std::size_t offset = std::size_t{page.u8_or_zero((crun + 1) * 4 + i * entry)} * 2;
    std::string_view grpprl;
    if (offset != 0) {
      const std::size_t cb = page.u8_or_zero(offset);
      if (paragraphs) {  // PapxInFkp: cb words less one byte, or a second byte of words
        const std::size_t start = cb != 0 ? offset + 1 : offset + 2;
        const std::size_t length =
            cb != 0 ? 2 * cb - 1 : 2 * std::size_t{page.u8_or_zero(offset + 1)};
        grpprl = page.slice(start, length).value_or(std::string_view());
      } else {
        grpprl = page.slice(offset + 1, cb).value_or(std::string_view());
      }
    }
    out.grpprl.push_back(grpprl);
  }
  return true;
}

std::string_view Formatting::grpprl_at(const BinTable& table, std::uint32_t fc) const {
  if (table.pages.empty()) return {};
  const auto upper = std::upper_bound(table.fcs.begin(), table.fcs.end(), fc);
  if (upper == table.fcs.begin() || upper == table.fcs.end()) return {};
  const Page& page = table.pages[static_cast<std::size_t>(upper - table.fcs.begin() - 1)];
  const auto run = std::upper_bound(page.fcs.begin(), page.fcs.end(), fc);
  if (run == page.fcs.begin() || run == page.fcs.end()) return {};
  return page.grpprl[static_cast<std::size_t>(run - page.fcs.begin() - 1)];
}

void Formatting::apply_paragraph(std::string_view grpprl, ParagraphProps& p, int huge_depth) const {
  for_each_sprm(grpprl, [&](std::uint16_t op, std::string_view operand) {
    switch (op) {
      case sprm::p_in_table:
        p.in_table = nonzero(operand);
        break;
      case sprm::p_ttp:
        p.row_end = nonzero(operand);
        break;
      case sprm::p_inner_table_cell:
        p.inner_cell = nonzero(operand);
        break;
      case sprm::p_inner_ttp:
        p.inner_row_end = nonzero(operand);
        break;
      case sprm::p_itap:
        p.itap = std::clamp(i32(operand), 0, k_max_table_depth);
        break;
      case sprm::p_dtap:
        p.itap =
            std::clamp(p.itap + std::clamp(i32(operand), -k_max_table_depth, k_max_table_depth), 0,
                       k_max_table_depth);
        break;
      case sprm::p_page_break_before:
        p.page_break_before = nonzero(operand);
        break;
      case sprm::p_ilfo:
        p.ilfo = static_cast<std::int16_t>(Bytes(operand).u16_or_zero(0));
        break;
      case sprm::p_ilvl:
        p.ilvl = std::min<int>(Bytes(operand).u8_or_zero(0), 8);
        break;
      case sprm::t_table_header:
        p.header_row = nonzero(operand);
        break;
      case sprm::t_def_table:
        p.row = parse_def_table(operand);
        break;
      case sprm::t_vert_merge: {
        const Bytes b(operand);
        p.vert_merges.emplace_back(b.u8_or_zero(1), vmerge_of(b.u8_or_zero(2)));
        break;
      }
      case sprm::p_huge_papx: {
        // The properties did not fit the page: a 16-bit size and the grpprl in Data.
        if (huge_depth > 0) break;
        const std::uint32_t at = Bytes(operand).u32_or_zero(0);
        const auto size = data_.u16(at);
        if (!size) break;
        if (const auto more = data_.slice(std::size_t{at} + 2, *size)) {
          apply_paragraph(*more, p, huge_depth + 1);
        }
        break;
      }
      default:
        break;
    }
  });
}

// The style sheet: its header (cbStshi, then cstd and cbSTDBaseInFile), then one STD per
// style, each with its size: StdfBase (stk, istdBase, cupx), the name, then the UPXs, the
// first of a paragraph style (stk 1) being its paragraph properties (istd, grpprl). A style
// sheet that does not parse gives no style lists; direct properties are read all the same.
void Formatting::load_styles(FcLcb stshf) {
  constexpr std::size_t k_max_styles = 4096;
  if (stshf.lcb < 2 || !table_.has(stshf.fc, stshf.lcb)) return;
  const Bytes b(table_.view().substr(stshf.fc, stshf.lcb));
  const std::size_t header = b.u16_or_zero(0);
  const std::size_t cstd = std::min<std::size_t>(b.u16_or_zero(2), k_max_styles);
  const std::size_t base_size = b.u16_or_zero(4);
  if (base_size < 10) return;
  std::size_t at = 2 + header;
  styles_.resize(cstd);
  for (std::size_t i = 0; i < cstd && b.has(at, 2); ++i) {
    const std::size_t size = b.u16_or_zero(at);
    const std::size_t std_at = at + 2;
    at = std_at + size;
    if (size < base_size || !b.has(std_at, size)) continue;
    const std::uint16_t kind = b.u16_or_zero(std_at + 2);
    if ((kind & 0x0F) != 1) continue;  // not a paragraph style
    styles_[i].base = kind >> 4;
    const std::size_t name = std_at + base_size;
    const std::size_t upx = name + 2 + std::size_t{b.u16_or_zero(name)} * 2 + 2;
    const std::size_t upx_size = b.u16_or_zero(upx);
    if (upx_size < 2 || upx + 2 + upx_size > std_at + size) continue;
    styles_[i].grpprl = b.slice(upx + 4, upx_size - 2).value_or(std::string_view());
  }
  for (std::size_t i = 0; i < styles_.size(); ++i) resolve_style(i, 0);
}

// A style's list is its own, or else its base style's (resolved first).
void Formatting::resolve_style(std::size_t istd, int depth) {
  StyleList& style = styles_[istd];
  if (style.resolved) return;
  style.resolved = true;
  ParagraphProps p;
  if (style.base < styles_.size() && style.base != istd && depth < k_max_table_depth) {
    resolve_style(style.base, depth + 1);
    p.ilfo = styles_[style.base].ilfo;
    p.ilvl = styles_[style.base].ilvl;
  }
  apply_paragraph(style.grpprl, p, 1);
  style.ilfo = p.ilfo;
  style.ilvl = p.ilvl;
}

ParagraphProps Formatting::paragraph(const Char& mark) const {
  ParagraphProps p;
  const std::string_view grpprl = grpprl_at(papx_, mark.fc);
  if (grpprl.size() >= 2) {
    p.istd = Bytes(grpprl).u16_or_zero(0);
    if (p.istd < styles_.size()) {
      p.ilfo = styles_[p.istd].ilfo;
      p.ilvl = styles_[p.istd].ilvl;
    }
    apply_paragraph(grpprl.substr(2), p, 0);
  }
  if (mark.piece < pieces_.pieces.size()) {
    apply_paragraph(pieces_.prm_grpprl(pieces_.pieces[mark.piece]), p, 1);
  }
  return p;
}

RunProps Formatting::run(const Char& c) const {
  RunProps r;
  const auto apply = [&r](std::string_view grpprl) {
    for_each_sprm(grpprl, [&r](std::uint16_t op, std::string_view operand) {
      if (op == sprm::c_rmark_del) r.deleted = toggle_on(operand);
      if (op == sprm::c_vanish) r.hidden = toggle_on(operand);
      if (op == sprm::c_spec) r.special = nonzero(operand);
      if (op == sprm::c_symbol) r.symbol = Bytes(operand).u16_or_zero(2);
    });
  };
  apply(grpprl_at(chpx_, c.fc));
  if (c.piece < pieces_.pieces.size()) apply(pieces_.prm_grpprl(pieces_.pieces[c.piece]));
  return r;
}

}  // namespace nianbao::readers::doc
