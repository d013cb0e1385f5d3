#pragma once
// An exact decimal number: an integer mantissa and a base-10 scale (value = mantissa / 10^scale).
// Every figure value travels as a Decimal; no binary floating point is ever on a value's path.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nianbao::norm {

// A 128-bit mantissa keeps 16.4亿 × 10^k and long sums exact. Spelled through __extension__
// because ISO C++ has no 128-bit integer and the build runs with -Wpedantic -Werror.
__extension__ typedef __int128 Int128;

class Decimal {
 public:
  Decimal() = default;  // zero
  static Decimal from_int(std::int64_t value);
  // Parses plain ASCII notation: optional sign, digits, optional '.' and digits ("-12.350",
  // "+43", "1950", ".5" is rejected). Returns nullopt on anything else or on overflow.
  static std::optional<Decimal> parse(std::string_view ascii);
  // mantissa / 10^scale; nullopt when scale is outside 0..37 or |mantissa| >= 10^37.
  static std::optional<Decimal> from_parts(Int128 mantissa, int scale);

  // Digits as kept: "12.350" stays "12.350"; an integer has no point; no exponent ever.
  std::string to_string() const;

  // value × 10^n, exact (万 = 4, 亿 = 8). Trailing fractional zeros that the scaling turns into
  // integer digits are dropped from the scale: "12.35" scaled by 4 is "123500", not "123500.00".
  std::optional<Decimal> scaled_by_pow10(int n) const;

  std::optional<Decimal> checked_add(const Decimal& other) const;
  std::optional<Decimal> checked_sub(const Decimal& other) const;
  std::optional<Decimal> checked_mul(const Decimal& other) const;

  Decimal negated() const;
  // The same value with trailing fractional zeros dropped: "12.350" → "12.35", "5.00" → "5".
  Decimal trimmed() const;

  bool is_integer() const;  // no non-zero fractional digits
  bool is_negative() const { return mantissa_ < 0; }
  bool is_zero() const { return mantissa_ == 0; }
  int scale() const { return scale_; }
  Int128 mantissa() const { return mantissa_; }

  // Numeric comparison: 1.50 == 1.5.
  friend bool operator==(const Decimal& a, const Decimal& b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

 private:
  Decimal(Int128 mantissa, int scale) : mantissa_(mantissa), scale_(scale) {}
  Int128 mantissa_ = 0;
  int scale_ = 0;
};

}  // namespace nianbao::norm
