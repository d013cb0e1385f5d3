#include "normalizers/labels.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/usetiter.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

#include "normalizers/text.hpp"

namespace nianbao::norm {
namespace {

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  out.reserve(static_cast<std::size_t>(u.length()));
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool is_ascii_only(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// One transliterator per thread: ICU transliterators are not safe to share while transforming,
// and creating one costs far more than using it.
icu::Transliterator* traditional_to_simplified() {
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  return instance.get();
}

// The characters the Traditional→Simplified transform really changes (its declared source set
// is far larger). Text without any of them is left alone, which keeps label matching cheap on
// the usual Simplified input. Built once per process from the transform itself.
const icu::UnicodeSet* traditional_characters() {
  static const icu::UnicodeSet* set = [] {
    auto* changing = new icu::UnicodeSet();
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_SUCCESS(status) && t) {
      icu::UnicodeSet source;
      t->getSourceSet(source);
      icu::UnicodeSetIterator it(source);
      while (it.next()) {
        if (it.isString()) continue;
        icu::UnicodeString one(it.getCodepoint());
        t->transliterate(one);
        if (one != icu::UnicodeString(it.getCodepoint())) changing->add(it.getCodepoint());
      }
    }
    changing->freeze();
    return changing;
  }();
  return set;
}

bool is_removable(UChar32 c) {
  if (u_isUWhiteSpace(c) || c == 0x3000 || c == 0xA0 || c == 0xFEFF || c == 0x200B) return true;
  switch (c) {
    case '"':
    case '\'':
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x300C:  // 「
    case 0x300D:  // 」
    case 0x300E:  // 『
    case 0x300F:  // 』
      return true;
    default:
      return false;
  }
}

bool is_pinyin_letter(UChar32 c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  // Latin letters with tone marks (ā á ǎ à …, ü) and combining tone marks.
  if (c >= 0x00C0 && c <= 0x024F) return true;
  return u_charType(c) == U_NON_SPACING_MARK;
}

// Drops "(xiàng)"-style pinyin glosses that some Traditional mirrors insert after characters.
icu::UnicodeString drop_pinyin_glosses(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  for (int32_t i = 0; i < in.length();) {
    const UChar32 c = in.char32At(i);
    if (c == '(') {
      int32_t j = i + 1;
      int letters = 0;
      while (j < in.length() && is_pinyin_letter(in.char32At(j))) {
        j += U16_LENGTH(in.char32At(j));
        ++letters;
      }
      if (letters > 0 && j < in.length() && in.char32At(j) == ')') {
        i = j + 1;
        continue;
      }
    }
    out.append(c);
    i += U16_LENGTH(c);
  }
  return out;
}

// ---- Per-character facts, learnt from ICU itself ----------------------------------------------
// The ICU steps of normalize_for_match (NFKC, Traditional→Simplified) cost tens of thousands of
// instructions per label, yet on most labels they do no more than fold full-width punctuation.
// What they do is decided here per character from ICU's own data, and the fast paths below take
// a text only when that gives the ICU result exactly; every other text takes the ICU path.
//
// NFKC character by character: when every character has a normalisation boundary before it
// (ICU: "regardless of context", so it never combines with what precedes it), NFKC of a text
// is NFKC of each character in turn.

enum CharFact : std::uint8_t {
  k_fact_known = 1,          // the entry has been filled in
  k_fact_nfkc_simple = 2,    // boundary before it, and NFKC makes it one code point (`nfkc`)
  k_fact_traditional = 4,    // Traditional→Simplified changes it (traditional_characters)
  k_fact_removable = 8,      // is_removable
  k_fact_pinyin_letter = 16  // is_pinyin_letter
};

struct CharInfo {
  UChar32 nfkc;  // NFKC of the character alone, when k_fact_nfkc_simple
  std::uint8_t facts;
};

CharInfo compute_char_info(UChar32 c) {
  CharInfo info{c, k_fact_known};
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_SUCCESS(status) && nfkc->hasBoundaryBefore(c)) {
    const icu::UnicodeString alone = nfkc->normalize(icu::UnicodeString(c), status);
    if (U_SUCCESS(status) && alone.countChar32() == 1) {
      info.nfkc = alone.char32At(0);
      info.facts |= k_fact_nfkc_simple;
    }
  }
  const icu::UnicodeSet* traditional = traditional_characters();
  if (traditional != nullptr && traditional->contains(c)) info.facts |= k_fact_traditional;
  if (is_removable(c)) info.facts |= k_fact_removable;
  if (is_pinyin_letter(c)) info.facts |= k_fact_pinyin_letter;
  return info;
}

// Filled in on first sight of each BMP character (a few ICU calls), shared by all threads; an
// entry packs the NFKC code point (21 bits) and the facts, so one load reads both, and a
// racing thread can only store the same value. 0: not seen yet.
std::array<std::atomic<std::uint32_t>, 0x10000> g_bmp_char_info{};

CharInfo unpack_char_info(std::uint32_t packed) {
  return CharInfo{static_cast<UChar32>(packed & 0x1FFFFF), static_cast<std::uint8_t>(packed >> 24)};
}

[[gnu::noinline]] CharInfo learn_char_info(UChar32 c) {
  const CharInfo info = compute_char_info(c);
  if (c <= 0xFFFF) {
    const std::uint32_t packed =
        static_cast<std::uint32_t>(info.nfkc) | (std::uint32_t{info.facts} << 24);
    g_bmp_char_info[static_cast<std::size_t>(c)].store(packed, std::memory_order_relaxed);
  }
  return info;
}

inline CharInfo char_info(UChar32 c) {
  if (c <= 0xFFFF) {
    const std::uint32_t packed =
        g_bmp_char_info[static_cast<std::size_t>(c)].load(std::memory_order_relaxed);
    if (packed != 0) return unpack_char_info(packed);
  }
  return learn_char_info(c);  // first sight, or beyond the BMP (rare: not kept)
}

bool has_fact(UChar32 c, CharFact fact) { return (char_info(c).facts & fact) != 0; }

// The next code point of UTF-8 as ICU reads it (U8_NEXT): negative at an ill-formed sequence,
// which ICU reads as U+FFFD; the fast paths leave such text to ICU.
UChar32 next_code_point(std::string_view s, int32_t& i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

// Well-formed code points as UTF-8.
std::string encode_utf8(std::u32string_view text) {
  std::string out(text.size() * 4, '\0');
  char* p = out.data();
  for (const char32_t c : text) {
    if (c < 0x80) {
      *p++ = static_cast<char>(c);
    } else if (c < 0x800) {
      *p++ = static_cast<char>(0xC0 | (c >> 6));
      *p++ = static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      *p++ = static_cast<char>(0xE0 | (c >> 12));
      *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *p++ = static_cast<char>(0x80 | (c & 0x3F));
    } else {
      *p++ = static_cast<char>(0xF0 | (c >> 18));
      *p++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *p++ = static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  out.resize(static_cast<std::size_t>(p - out.data()));
  return out;
}

// Code points of a pinyin gloss "(xiàng)" starting at `open` (a '('), or 0: as
// drop_pinyin_glosses reads them.
std::size_t pinyin_gloss_length(std::u32string_view s, std::size_t open) {
  std::size_t i = open + 1;
  while (i < s.size() && has_fact(static_cast<UChar32>(s[i]), k_fact_pinyin_letter)) ++i;
  const bool closed = i > open + 1 && i < s.size() && s[i] == U')';
  return closed ? i + 1 - open : 0;
}

// Whether UTF-8 `text` holds a pinyin gloss "(xiàng)" at byte `open` (a '('), as
// drop_pinyin_glosses reads them. Ill-formed UTF-8 ends the gloss (ICU reads U+FFFD, no letter).
bool starts_pinyin_gloss(std::string_view text, int32_t open) {
  int32_t i = open + 1;
  int letters = 0;
  while (i < static_cast<int32_t>(text.size())) {
    const UChar32 c = next_code_point(text, i);
    if (c == ')') return letters > 0;
    if (c < 0 || !has_fact(c, k_fact_pinyin_letter)) return false;
    ++letters;
  }
  return false;
}

// The first steps of normalize_for_match, where they are exact without ICU: `raw` decoded,
// then (unless ASCII-only, which the ICU path leaves alone too) NFKC character by character.
// False, leaving the text to ICU, for ill-formed UTF-8, a character NFKC treats otherwise, or a
// character Traditional→Simplified changes (the ICU path transliterates only text holding one;
// dropping glosses only removes characters, so looking before it is the same or stricter).
bool nfkc_without_icu(std::string_view raw, bool ascii_only, std::u32string& out) {
  out.clear();
  out.reserve(raw.size());
  for (int32_t i = 0; i < static_cast<int32_t>(raw.size());) {
    const UChar32 c = next_code_point(raw, i);
    if (c < 0) return false;
    if (ascii_only) {
      out.push_back(static_cast<char32_t>(c));
      continue;
    }
    const CharInfo info = char_info(c);
    if ((info.facts & k_fact_nfkc_simple) == 0) return false;
    const std::uint8_t facts = info.nfkc == c ? info.facts : char_info(info.nfkc).facts;
    if ((facts & k_fact_traditional) != 0) return false;
    out.push_back(static_cast<char32_t>(info.nfkc));
  }
  return true;
}

bool is_trailing_punctuation(char32_t c) {
  return c == U':' || c == U'|' || c == U'\u3002' /* 。 */ || c == U';';
}

// The ICU path's last steps, in place: pinyin glosses dropped (`drop_glosses`), removable
// characters dropped, trailing punctuation cut.
void drop_glosses_and_removables(std::u32string& text, bool drop_glosses) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (drop_glosses && text[i] == U'(') {
      if (const std::size_t gloss = pinyin_gloss_length(text, i)) {
        i += gloss;
        continue;
      }
    }
    if (!has_fact(static_cast<UChar32>(text[i]), k_fact_removable)) text[kept++] = text[i];
    ++i;
  }
  while (kept > 0 && is_trailing_punctuation(text[kept - 1])) --kept;
  text.resize(kept);
}

// normalize_for_match as code points when that needs no ICU call; false otherwise.
bool normalized_without_icu(std::string_view raw, std::u32string& out) {
  const bool ascii_only = is_ascii_only(raw);
  if (!nfkc_without_icu(raw, ascii_only, out)) return false;
  drop_glosses_and_removables(out, /*drop_glosses=*/!ascii_only);
  return true;
}

bool is_chinese_digit(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

// Length (in code points) of a leading enumerator such as 一、 (一) 1. 1、 (1) ①, or 0.
std::size_t enumerator_length(const std::u32string& s, std::u32string& enumerator) {
  std::size_t i = 0;
  auto take_while = [&](auto pred) {
    std::size_t start = i;
    while (i < s.size() && pred(s[i])) ++i;
    return i - start;
  };
  auto is_ascii_digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  if (!s.empty() && s[0] >= 0x2460 && s[0] <= 0x2473) {  // ① … ⑳
    enumerator = s.substr(0, 1);
    return 1;
  }
  if (!s.empty() && s[0] == U'(') {
    i = 1;
    if (take_while(is_chinese_digit) > 0 || take_while(is_ascii_digit) > 0) {
      if (i < s.size() && s[i] == U')') {
        enumerator = s.substr(0, i + 1);
        return i + 1;
      }
    }
    return 0;
  }
  i = 0;
  if (take_while(is_chinese_digit) > 0) {
    if (i < s.size() && (s[i] == U'、' || s[i] == U'.' || s[i] == U',')) {
      enumerator = s.substr(0, i);
      return i + 1;
    }
    return 0;
  }
  i = 0;
  if (take_while(is_ascii_digit) > 0 && i <= 2) {
    if (i < s.size() && (s[i] == U'.' || s[i] == U'、') &&
        !(i + 1 < s.size() && is_ascii_digit(s[i + 1]))) {
      enumerator = s.substr(0, i);
      return i + 1;
    }
  }
  return 0;
}

// Decodes UTF-8 that is known to be valid (normalised text) without going through ICU; edit
// distances run on every label of a report against every template label, so this is hot.
std::u32string decode_valid_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    char32_t cp = b0;
    std::size_t len = 1;
    if (b0 >= 0xF0) {
      cp = b0 & 0x07u, len = 4;
    } else if (b0 >= 0xE0) {
      cp = b0 & 0x0Fu, len = 3;
    } else if (b0 >= 0xC0) {
      cp = b0 & 0x1Fu, len = 2;
    }
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    out.push_back(cp);
    i += len;
  }
  return out;
}

int levenshtein(const std::u32string& a, const std::u32string& b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int substitution = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitution});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// A normalised label as its enumerator ("(一)", "1.") and the body after it.
Label split_enumerator(const std::u32string& normalized) {
  std::u32string enumerator;
  const std::size_t n = enumerator_length(normalized, enumerator);
  Label label;
  label.enumerator = encode_utf8(enumerator);
  label.body = encode_utf8(std::u32string_view(normalized).substr(n));
  return label;
}

}  // namespace

Label normalize_label_uncached(std::string_view raw);

namespace detail {

bool has_traditional_or_glosses_icu(std::string_view text) {
  if (is_ascii_only(text)) return false;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (u.indexOf(static_cast<UChar>('(')) >= 0 && drop_pinyin_glosses(u) != u) return true;
  const icu::UnicodeSet* traditional = traditional_characters();
  return traditional != nullptr && traditional->containsSome(u);
}

std::string normalize_for_match_icu(std::string_view raw) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  UErrorCode status = U_ZERO_ERROR;
  if (!is_ascii_only(raw)) {
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_SUCCESS(status)) {
      icu::UnicodeString normalized = nfkc->normalize(u, status);
      if (U_SUCCESS(status)) u = normalized;
    }
    if (u.indexOf(static_cast<UChar>('(')) >= 0) u = drop_pinyin_glosses(u);
    const icu::UnicodeSet* traditional = traditional_characters();
    if (traditional != nullptr && traditional->containsSome(u)) {
      if (icu::Transliterator* t = traditional_to_simplified()) t->transliterate(u);
    }
  }
  icu::UnicodeString out;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    if (!is_removable(c)) out.append(c);
    i += U16_LENGTH(c);
  }
  while (out.length() > 0) {
    const UChar last = out.charAt(out.length() - 1);
    if (last == ':' || last == '|' || last == 0x3002 /* 。 */ || last == ';') {
      out.truncate(out.length() - 1);
    } else {
      break;
    }
  }
  return to_utf8(out);
}

Label normalize_label_icu(std::string_view raw) {
  return split_enumerator(to_u32(normalize_for_match_icu(raw)));
}

}  // namespace detail

bool has_traditional_or_glosses(std::string_view text) {
  if (is_ascii_only(text)) return false;
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    const int32_t at = i;
    const UChar32 c = next_code_point(text, i);
    if (c < 0) return detail::has_traditional_or_glosses_icu(text);
    if (has_fact(c, k_fact_traditional)) return true;
    if (c == '(' && starts_pinyin_gloss(text, at)) return true;
  }
  return false;
}

std::string simplified_reading(std::string_view text) {
  if (is_ascii_only(text)) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (u.indexOf(static_cast<UChar>('(')) >= 0) u = drop_pinyin_glosses(u);
  if (icu::Transliterator* t = traditional_to_simplified()) t->transliterate(u);
  return to_utf8(u);
}

std::string normalize_for_match(std::string_view raw) {
  std::u32string normalized;
  if (normalized_without_icu(raw, normalized)) return encode_utf8(normalized);
  return detail::normalize_for_match_icu(raw);
}

Label normalize_label(std::string_view raw) {
  // Labels recur in every report of a bulk run; normalising costs ICU work each time.
  // Looked up by view (no key string built for a hit, which is nearly every lookup).
  thread_local std::unordered_map<std::string, Label, StringViewHash, std::equal_to<>> memo;
  constexpr std::size_t k_memo_limit = 1 << 12;
  if (auto it = memo.find(raw); it != memo.end()) return it->second;
  if (memo.size() >= k_memo_limit) memo.clear();
  Label label = normalize_label_uncached(raw);
  memo.emplace(std::string(raw), label);
  return label;
}

Label normalize_label_uncached(std::string_view raw) {
  std::u32string s;
  if (!normalized_without_icu(raw, s)) s = decode_valid_utf8(detail::normalize_for_match_icu(raw));
  return split_enumerator(s);
}

// The text before one trailing parenthesised note, as a view into `normalized`.
// A note whose closing parenthesis was lost (a label wrapped onto the next line by pdftotext,
// "(二)部分公开(区分处理的,只计这一情") is cut at its opening parenthesis as well.
std::string_view parenthetical_core(std::string_view normalized) {
  if (normalized.empty()) return normalized;
  if (normalized.back() != ')') {
    const std::size_t open = normalized.rfind('(');
    if (open == std::string_view::npos || open == 0 ||
        normalized.find(')', open) != std::string_view::npos)
      return normalized;
    return normalized.substr(0, open);
  }
  int depth = 0;
  for (std::size_t i = normalized.size(); i-- > 0;) {
    if (normalized[i] == ')') ++depth;
    if (normalized[i] == '(' && --depth == 0) return i == 0 ? normalized : normalized.substr(0, i);
  }
  return normalized;
}

std::string strip_parenthetical_tail(std::string_view normalized) {
  return std::string(parenthetical_core(normalized));
}

int edit_distance(std::string_view a_utf8, std::string_view b_utf8) {
  return levenshtein(to_u32(a_utf8), to_u32(b_utf8));
}

int code_point_count(std::string_view utf8) {
  int n = 0;
  for (char c : utf8)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// The shortest first part of a label that counts as that label.
constexpr int k_min_prefix = 8;

// Typos and one-character local edits: allowed only on labels long enough that a single
// edit cannot turn one template label into another (the shortest such pair differs by 2).
bool within_typos(std::string_view doc, std::string_view template_label) {
  const int length = code_point_count(template_label);
  if (length < 6) return false;
  const int budget = length >= 12 ? 2 : 1;
  if (std::abs(code_point_count(doc) - length) > budget) return false;
  return levenshtein(decode_valid_utf8(doc), decode_valid_utf8(template_label)) <= budget;
}

int label_match_score(std::string_view doc_body, std::string_view template_body) {
  if (doc_body.empty() || template_body.empty()) return 0;
  if (doc_body == template_body) return 100;
  const std::string_view doc_core = parenthetical_core(doc_body);
  const std::string_view template_core = parenthetical_core(template_body);
  if (doc_core == template_core) return 90;
  const int length = code_point_count(template_core);
  // A long label wrapped onto the next line by a PDF renderer arrives as its first part.
  const int doc_length = code_point_count(doc_core);
  if (doc_length >= k_min_prefix && 2 * doc_length >= length &&
      template_core.substr(0, doc_core.size()) == doc_core)
    return 60;
  if (within_typos(doc_core, template_core)) return 70;
  // A bracket doubled or lost by OCR ("部分公开((区分处理的…)") hides the parenthesised
  // note from parenthetical_core: the labels are then compared whole.
  if (template_core.size() != template_body.size() && within_typos(doc_body, template_body))
    return 70;
  return 0;
}

}  // namespace nianbao::norm
