#pragma once
// Little-endian reads from a stream held in memory, every one bounds-checked: the Word binary
// format is offsets into streams, and a hostile file can point anywhere.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace nianbao::readers::doc {

// A stream's bytes with checked reads. An out-of-range read gives nullopt (or 0 from the
// *_or_zero forms, for fields whose absence means "none").
class Bytes {
 public:
  Bytes() = default;
  explicit Bytes(std::string_view data) : data_(data) {}

  std::size_t size() const { return data_.size(); }
  std::string_view view() const { return data_; }

  bool has(std::size_t offset, std::size_t count) const {
    return offset <= data_.size() && count <= data_.size() - offset;
  }
  std::optional<std::string_view> slice(std::size_t offset, std::size_t count) const {
    if (!has(offset, count)) return std::nullopt;
    return data_.substr(offset, count);
  }
  std::optional<std::uint8_t> u8(std::size_t offset) const {
    if (!has(offset, 1)) return std::nullopt;
    return static_cast<std::uint8_t>(data_[offset]);
  }
  std::optional<std::uint16_t> u16(std::size_t offset) const {
    if (!has(offset, 2)) return std::nullopt;
    return static_cast<std::uint16_t>(byte(offset) | byte(offset + 1) << 8);
  }
  std::optional<std::uint32_t> u32(std::size_t offset) const {
    if (!has(offset, 4)) return std::nullopt;
    return static_cast<std::uint32_t>(byte(offset)) |
           static_cast<std::uint32_t>(byte(offset + 1)) << 8 |
           static_cast<std::uint32_t>(byte(offset + 2)) << 16 |
           static_cast<std::uint32_t>(byte(offset + 3)) << 24;
  }
  std::uint8_t u8_or_zero(std::size_t offset) const { return u8(offset).value_or(0); }
  std::uint16_t u16_or_zero(std::size_t offset) const { return u16(offset).value_or(0); }
  std::uint32_t u32_or_zero(std::size_t offset) const { return u32(offset).value_or(0); }
  std::int16_t i16_or_zero(std::size_t offset) const {
    return static_cast<std::int16_t>(u16_or_zero(offset));
  }

 private:
  unsigned byte(std::size_t offset) const { return static_cast<unsigned char>(data_[offset]); }
  std::string_view data_;
};

}  // namespace nianbao::readers::doc
