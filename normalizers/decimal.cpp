// TEMPORARY local stand-in (not committed) until the normalizers branch lands.
#include "normalizers/decimal.hpp"
namespace nianbao::norm {
Decimal Decimal::from_int(std::int64_t v) { return Decimal(v, 0); }
std::optional<Decimal> Decimal::parse(std::string_view s) {
  bool neg = false;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    ++i;
  }
  Int128 m = 0;
  int scale = 0;
  bool digits = false;
  bool point = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      m = m * 10 + (s[i] - '0');
      digits = true;
      if (point) ++scale;
    } else if (s[i] == '.' && !point && digits)
      point = true;
    else
      return std::nullopt;
  }
  if (!digits) return std::nullopt;
  return Decimal(neg ? -m : m, scale);
}
std::string Decimal::to_string() const {
  Int128 m = mantissa_ < 0 ? -mantissa_ : mantissa_;
  std::string d;
  do {
    d.insert(d.begin(), static_cast<char>('0' + static_cast<int>(m % 10)));
    m /= 10;
  } while (m > 0);
  while (static_cast<int>(d.size()) <= scale_) d.insert(d.begin(), '0');
  if (scale_ > 0) d.insert(d.end() - scale_, '.');
  return (mantissa_ < 0 ? "-" : "") + d;
}
std::optional<Decimal> Decimal::scaled_by_pow10(int n) const {
  Decimal r = *this;
  while (n > 0 && r.scale_ > 0) {
    --r.scale_;
    --n;
  }
  while (n-- > 0) r.mantissa_ *= 10;
  return r;
}
static Int128 p10(int n) {
  Int128 r = 1;
  while (n-- > 0) r *= 10;
  return r;
}
std::optional<Decimal> Decimal::checked_add(const Decimal& o) const {
  int s = std::max(scale_, o.scale_);
  return Decimal(mantissa_ * p10(s - scale_) + o.mantissa_ * p10(s - o.scale_), s);
}
std::optional<Decimal> Decimal::checked_sub(const Decimal& o) const {
  int s = std::max(scale_, o.scale_);
  return Decimal(mantissa_ * p10(s - scale_) - o.mantissa_ * p10(s - o.scale_), s);
}
std::optional<Decimal> Decimal::checked_mul(const Decimal& o) const {
  return Decimal(mantissa_ * o.mantissa_, scale_ + o.scale_);
}
bool Decimal::is_integer() const { return mantissa_ % p10(scale_) == 0; }
bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }
std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  int s = std::max(a.scale_, b.scale_);
  Int128 x = a.mantissa_ * p10(s - a.scale_), y = b.mantissa_ * p10(s - b.scale_);
  return x < y   ? std::strong_ordering::less
         : x > y ? std::strong_ordering::greater
                 : std::strong_ordering::equal;
}
}  // namespace nianbao::norm
