#include "normalizers/decimal.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <utility>

namespace nianbao::norm {

namespace {

__extension__ typedef unsigned __int128 UInt128;

// Mantissas stay below 10^37 so that one more digit never overflows Int128 (max ≈ 1.7·10^38);
// scales stay within what such a mantissa can express.
constexpr int k_max_digits = 37;
constexpr int k_max_scale = 37;

constexpr Int128 pow10_i128(int n) {
  Int128 result = 1;
  for (int i = 0; i < n; ++i) result *= 10;
  return result;
}

constexpr Int128 k_mantissa_limit = pow10_i128(k_max_digits);

bool fits(Int128 mantissa) { return mantissa < k_mantissa_limit && mantissa > -k_mantissa_limit; }

std::optional<Int128> checked_mul_i128(Int128 a, Int128 b) {
  Int128 out = 0;
  if (__builtin_mul_overflow(a, b, &out) || !fits(out)) return std::nullopt;
  return out;
}

std::optional<Int128> checked_add_i128(Int128 a, Int128 b) {
  Int128 out = 0;
  if (__builtin_add_overflow(a, b, &out) || !fits(out)) return std::nullopt;
  return out;
}

// Brings a mantissa at `scale` up to `target_scale` (target_scale >= scale).
std::optional<Int128> rescale_up(Int128 mantissa, int scale, int target_scale) {
  if (target_scale - scale > k_max_digits) {
    if (mantissa == 0) return Int128{0};
    return std::nullopt;
  }
  return checked_mul_i128(mantissa, pow10_i128(target_scale - scale));
}

std::string unsigned_digits(Int128 mantissa) {
  UInt128 magnitude =
      mantissa < 0 ? static_cast<UInt128>(-(mantissa + 1)) + 1 : static_cast<UInt128>(mantissa);
  // Nearly every figure fits in 64 bits, where division is one instruction rather than a call
  // into the 128-bit runtime for every digit.
  if (magnitude <= std::numeric_limits<std::uint64_t>::max()) {
    char buffer[20];
    const auto end =
        std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::uint64_t>(magnitude)).ptr;
    return std::string(buffer, end);
  }
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  std::reverse(digits.begin(), digits.end());
  return digits;
}

// The usual shape, read in 64 bits: optional sign, digits, optionally '.' and digits, at most 18
// digits in all (so no overflow and no limit can be reached). nullopt for anything else, which
// the general reading then decides.
std::optional<std::pair<Int128, int>> parse_short(std::string_view ascii) {
  constexpr std::size_t k_max_short_digits = 18;
  std::size_t i = 0;
  const bool negative = !ascii.empty() && ascii[0] == '-';
  if (!ascii.empty() && (ascii[0] == '+' || ascii[0] == '-')) ++i;
  std::uint64_t mantissa = 0;
  std::size_t digits = 0;
  std::size_t point = std::string_view::npos;
  for (; i < ascii.size(); ++i) {
    const char c = ascii[i];
    if (c >= '0' && c <= '9') {
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
      if (++digits > k_max_short_digits) return std::nullopt;
    } else if (c == '.' && point == std::string_view::npos && digits > 0) {
      point = digits;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0 || point == digits) return std::nullopt;
  const int scale = point == std::string_view::npos ? 0 : static_cast<int>(digits - point);
  const auto value = static_cast<Int128>(mantissa);
  return std::pair<Int128, int>{negative ? -value : value, scale};
}

}  // namespace

Decimal Decimal::from_int(std::int64_t value) { return Decimal(value, 0); }

std::optional<Decimal> Decimal::from_parts(Int128 mantissa, int scale) {
  if (scale < 0 || scale > k_max_scale || !fits(mantissa)) return std::nullopt;
  return Decimal(mantissa, scale);
}

std::optional<Decimal> Decimal::parse(std::string_view ascii) {
  if (const auto short_form = parse_short(ascii))
    return Decimal(short_form->first, short_form->second);
  std::size_t i = 0;
  bool negative = false;
  if (i < ascii.size() && (ascii[i] == '+' || ascii[i] == '-')) {
    negative = ascii[i] == '-';
    ++i;
  }
  Int128 mantissa = 0;
  int scale = 0;
  std::size_t integer_digits = 0;
  for (; i < ascii.size() && ascii[i] >= '0' && ascii[i] <= '9'; ++i, ++integer_digits) {
    auto next = checked_mul_i128(mantissa, 10);
    if (!next) return std::nullopt;
    mantissa = *next + (ascii[i] - '0');
    if (!fits(mantissa)) return std::nullopt;
  }
  if (integer_digits == 0) return std::nullopt;  // ".5", "+", "" are not numbers
  if (i < ascii.size() && ascii[i] == '.') {
    ++i;
    std::size_t fraction_digits = 0;
    for (; i < ascii.size() && ascii[i] >= '0' && ascii[i] <= '9'; ++i, ++fraction_digits) {
      auto next = checked_mul_i128(mantissa, 10);
      if (!next || scale >= k_max_scale) return std::nullopt;
      mantissa = *next + (ascii[i] - '0');
      if (!fits(mantissa)) return std::nullopt;
      ++scale;
    }
    if (fraction_digits == 0) return std::nullopt;  // "5." is not a complete number
  }
  if (i != ascii.size()) return std::nullopt;
  return Decimal(negative ? -mantissa : mantissa, scale);
}

std::string Decimal::to_string() const {
  std::string digits = unsigned_digits(mantissa_);
  const auto scale = static_cast<std::size_t>(scale_);
  if (scale > 0) {
    if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
    digits.insert(digits.size() - scale, 1, '.');
  }
  if (mantissa_ < 0) digits.insert(0, 1, '-');
  return digits;
}

std::optional<Decimal> Decimal::scaled_by_pow10(int n) const {
  if (n >= 0) {
    if (n <= scale_) return Decimal(mantissa_, scale_ - n);
    auto mantissa = rescale_up(mantissa_, 0, n - scale_);
    if (!mantissa) return std::nullopt;
    return Decimal(*mantissa, 0);
  }
  if (n < -k_max_scale) return std::nullopt;
  return from_parts(mantissa_, scale_ - n);
}

std::optional<Decimal> Decimal::checked_add(const Decimal& other) const {
  const int scale = std::max(scale_, other.scale_);
  auto a = rescale_up(mantissa_, scale_, scale);
  auto b = rescale_up(other.mantissa_, other.scale_, scale);
  if (!a || !b) return std::nullopt;
  auto sum = checked_add_i128(*a, *b);
  if (!sum) return std::nullopt;
  return Decimal(*sum, scale);
}

std::optional<Decimal> Decimal::checked_sub(const Decimal& other) const {
  return checked_add(other.negated());
}

std::optional<Decimal> Decimal::checked_mul(const Decimal& other) const {
  auto product = checked_mul_i128(mantissa_, other.mantissa_);
  if (!product) return std::nullopt;
  return from_parts(*product, scale_ + other.scale_);
}

Decimal Decimal::negated() const { return Decimal(-mantissa_, scale_); }

Decimal Decimal::trimmed() const {
  Int128 mantissa = mantissa_;
  int scale = scale_;
  while (scale > 0 && mantissa % 10 == 0) {
    mantissa /= 10;
    --scale;
  }
  return Decimal(mantissa, scale);
}

bool Decimal::is_integer() const { return trimmed().scale_ == 0; }

bool operator==(const Decimal& a, const Decimal& b) {
  return (a <=> b) == std::strong_ordering::equal;
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const Decimal x = a.trimmed();
  const Decimal y = b.trimmed();
  const int scale = std::max(x.scale_, y.scale_);
  auto xm = rescale_up(x.mantissa_, x.scale_, scale);
  auto ym = rescale_up(y.mantissa_, y.scale_, scale);
  // A mantissa that overflows when aligned is larger in magnitude than any representable one, so
  // its sign alone decides.
  if (!xm) return x.mantissa_ < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
  if (!ym) return y.mantissa_ < 0 ? std::strong_ordering::greater : std::strong_ordering::less;
  return *xm <=> *ym;
}

}  // namespace nianbao::norm
