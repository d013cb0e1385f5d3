#include "extractor/readers/doc/text_boxes.hpp"

#include <map>

namespace nianbao::readers::doc {

namespace {

constexpr std::size_t k_spa_size = 26;
constexpr std::size_t k_ftxbxs_size = 22;
constexpr std::size_t k_ftxbxs_reusable = 8;  // fReusable, after the 8-byte union
constexpr std::size_t k_ftxbxs_lid = 14;      // lid, after fReusable and itxbxsDest
// Text boxes one document may have; more is not a report.
constexpr std::size_t k_max_boxes = 10000;

// A PLC of `element` bytes: the number of elements, or 0 when it does not fit.
std::size_t plc_count(const Bytes& table, FcLcb where, std::size_t element) {
  if (where.lcb < 4 || (where.lcb - 4) % (4 + element) != 0) return 0;
  if (!table.has(where.fc, where.lcb)) return 0;
  return std::min((where.lcb - 4) / (4 + element), k_max_boxes);
}

// Shape id → CP of its anchor in the main document.
std::map<std::uint32_t, std::uint32_t> shape_anchors(const Fib& fib, const Bytes& table) {
  std::map<std::uint32_t, std::uint32_t> anchors;
  const std::size_t n = plc_count(table, fib.plc_spa_mom, k_spa_size);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t cp = table.u32_or_zero(fib.plc_spa_mom.fc + i * 4);
    const std::uint32_t lid = table.u32_or_zero(fib.plc_spa_mom.fc + (n + 1) * 4 + i * k_spa_size);
    anchors.emplace(lid, cp);
  }
  return anchors;
}

}  // namespace

TextBoxes read_text_boxes(const StoryContext& context, const Fib& fib, const Bytes& table) {
  TextBoxes boxes;
  if (fib.ccp_txbx == 0) return boxes;
  const std::size_t n = plc_count(table, fib.plcftxbx_txt, k_ftxbxs_size);
  if (n == 0) return boxes;
  const std::map<std::uint32_t, std::uint32_t> anchors = shape_anchors(fib, table);
  const std::uint64_t story = fib.textbox_story_start();
  const std::uint64_t story_end = story + fib.ccp_txbx;
  const std::size_t data = fib.plcftxbx_txt.fc + (n + 1) * 4;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t at = data + i * k_ftxbxs_size;
    if (table.u16_or_zero(at + k_ftxbxs_reusable) != 0) continue;  // a spare, holds no text
    const std::uint64_t begin = story + table.u32_or_zero(fib.plcftxbx_txt.fc + i * 4);
    const std::uint64_t end = story + table.u32_or_zero(fib.plcftxbx_txt.fc + (i + 1) * 4);
    if (begin >= end || end > story_end) continue;
    std::vector<docx::RawBlock> blocks;
    read_story(context, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), nullptr,
               blocks);
    const auto anchor = anchors.find(table.u32_or_zero(at + k_ftxbxs_lid));
    std::vector<docx::RawBlock>& target =
        anchor != anchors.end() ? boxes.anchored[anchor->second] : boxes.unanchored;
    for (docx::RawBlock& block : blocks) target.push_back(std::move(block));
  }
  return boxes;
}

}  // namespace nianbao::readers::doc
