#include "normalizers/radicals.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>
#include <utility>

namespace nianbao::norm {
namespace {

// The supplement's radicals that are written as whole characters in simplified Chinese, with the
// ideograph each is equivalent to (Unicode's EquivalentUnifiedIdeograph data). Unicode gives only
// two of them a compatibility decomposition, so NFKC leaves the rest alone.
constexpr std::pair<char32_t, char32_t> k_supplement[] = {
    {0x2E9D, U'月'}, {0x2E9F, U'母'}, {0x2EA0, U'民'}, {0x2EC4, U'西'}, {0x2EC5, U'见'},
    {0x2EC6, U'角'}, {0x2ECB, U'车'}, {0x2ED1, U'長'}, {0x2ED3, U'长'}, {0x2ED4, U'门'},
    {0x2ED8, U'青'}, {0x2EDA, U'页'}, {0x2EDB, U'风'}, {0x2EDC, U'飞'}, {0x2EDD, U'食'},
    {0x2EE2, U'马'}, {0x2EE3, U'骨'}, {0x2EE4, U'鬼'}, {0x2EE5, U'鱼'}, {0x2EE6, U'鸟'},
    {0x2EE7, U'卤'}, {0x2EE8, U'麦'}, {0x2EE9, U'黄'}, {0x2EEA, U'黾'}, {0x2EEC, U'齐'},
    {0x2EEE, U'齿'}, {0x2EF0, U'龙'}, {0x2EF3, U'龟'},
};

// Kangxi radicals decompose (NFKC) to their ideograph, one code point each.
char32_t kangxi_ideograph(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || nfkc == nullptr) return c;
  icu::UnicodeString decomposition;
  if (!nfkc->getDecomposition(static_cast<UChar32>(c), decomposition)) return c;
  if (decomposition.countChar32() != 1) return c;
  return static_cast<char32_t>(decomposition.char32At(0));
}

}  // namespace

char32_t ideograph_for_radical(char32_t c) {
  if (c >= 0x2F00 && c <= 0x2FD5) return kangxi_ideograph(c);
  if (c < 0x2E80 || c > 0x2EF3) return c;
  const auto* found = std::lower_bound(
      std::begin(k_supplement), std::end(k_supplement), c,
      [](const std::pair<char32_t, char32_t>& entry, char32_t key) { return entry.first < key; });
  return found != std::end(k_supplement) && found->first == c ? found->second : c;
}

}  // namespace nianbao::norm
