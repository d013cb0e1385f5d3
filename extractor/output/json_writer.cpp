#include "extractor/output/json_writer.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "normalizers/text.hpp"

namespace nianbao::output {
namespace {

// Bytes that go to the output as they are: printable ASCII other than '"' and '\\'.
constexpr bool is_plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

// is_plain as a table: one load a byte in the loop over short strings (keys, ids, statuses).
constexpr std::array<bool, 256> k_plain_bytes = [] {
  std::array<bool, 256> table{};
  for (std::size_t c = 0; c < table.size(); ++c) table[c] = is_plain(static_cast<unsigned char>(c));
  return table;
}();

// Whether the bytes of a word (8 or 4 bytes) are all plain, tested at once: most of a record
// is ASCII (keys, ids, numbers), and this is the writer's inner loop. Subtracting 1 (or 0x20)
// from every byte sets a byte's high bit where the byte was 0 (or below 0x20) and its own high
// bit was clear; borrows between bytes only start at such a byte, so "is there any" is
// answered exactly.
template <typename Word>
bool word_is_plain(const char* p) {
  Word x = 0;
  std::memcpy(&x, p, sizeof x);
  constexpr Word ones = static_cast<Word>(0x0101010101010101u);
  constexpr Word highs = static_cast<Word>(0x8080808080808080u);
  const auto has_zero_byte = [](Word v) { return static_cast<Word>((v - ones) & ~v & highs); };
  const auto below_space = static_cast<Word>((x - ones * 0x20u) & ~x & highs);
  const auto quote_or_backslash =
      static_cast<Word>(has_zero_byte(static_cast<Word>(x ^ (ones * Word{'"'}))) |
                        has_zero_byte(static_cast<Word>(x ^ (ones * Word{'\\'}))));
  return ((x & highs) | below_space | quote_or_backslash) == 0;
}

bool eight_plain_bytes(const char* p) { return word_is_plain<std::uint64_t>(p); }

// Copies `text` to `to` and says whether every byte of it is plain. Whole words are tested
// and copied; the last partial word is done as a whole word ending at the text's end (it
// overlaps bytes already done, which changes neither answer nor copy).
template <typename Word>
bool copy_words_if_plain(std::string_view text, char* to) {
  constexpr std::size_t n = sizeof(Word);
  bool plain = true;
  std::size_t i = 0;
  for (; i + n <= text.size(); i += n) {
    plain = word_is_plain<Word>(text.data() + i) && plain;
    std::memcpy(to + i, text.data() + i, n);
  }
  if (i < text.size()) {
    const std::size_t last = text.size() - n;
    plain = word_is_plain<Word>(text.data() + last) && plain;
    std::memcpy(to + last, text.data() + last, n);
  }
  return plain;
}

bool copy_if_plain(std::string_view text, char* to) {
  if (text.size() >= 8) return copy_words_if_plain<std::uint64_t>(text, to);
  if (text.size() >= 4) return copy_words_if_plain<std::uint32_t>(text, to);
  bool plain = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    plain = k_plain_bytes[static_cast<unsigned char>(text[i])] && plain;
    to[i] = text[i];
  }
  return plain;
}

// End of the run from `i` that needs no escaping: printable ASCII and well-formed UTF-8.
std::size_t plain_run_end(std::string_view value, std::size_t i) {
  while (i + 8 <= value.size() && eight_plain_bytes(value.data() + i)) i += 8;
  while (i < value.size()) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (k_plain_bytes[c]) {
      ++i;
    } else if (c >= 0x80) {
      const std::size_t len = norm::valid_sequence_length(value, i);
      if (len == 0) break;
      i += len;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

void append_json_escaped(std::string& out, std::string_view value) {
  for (std::size_t i = 0; i < value.size();) {
    // Copy the longest run that needs no escaping (printable ASCII and valid UTF-8) in one go.
    const std::size_t run = plain_run_end(value, i);
    if (run > i) {
      out.append(value.substr(i, run - i));
      i = run;
      continue;
    }
    const char c = value[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      const std::size_t len = norm::valid_sequence_length(value, i);
      if (len == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(value.substr(i, len));
        i += len;
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (u < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", u);
          out += buf;
        } else {
          out.push_back(c);
        }
    }
    ++i;
  }
}

void JsonWriter::flush() {
  out_.append(buffer_, buffered_);
  buffered_ = 0;
}

void JsonWriter::put(std::string_view text) {
  if (text.size() > k_buffer_size - buffered_) {
    flush();
    if (text.size() > k_buffer_size) {
      out_.append(text);
      return;
    }
  }
  std::memcpy(buffer_ + buffered_, text.data(), text.size());
  buffered_ += text.size();
}

void JsonWriter::put_quoted(std::string_view text) {
  // Most texts (keys, ids, statuses, raw cell texts) need no escaping: they are copied while
  // they are checked, and only an escape sends the text the slow way.
  if (text.size() + 2 > k_buffer_size - buffered_) flush();
  if (text.size() + 2 <= k_buffer_size - buffered_ &&
      copy_if_plain(text, buffer_ + buffered_ + 1)) {
    buffer_[buffered_] = '"';
    buffer_[buffered_ + 1 + text.size()] = '"';
    buffered_ += text.size() + 2;
    return;
  }
  put('"');
  flush();
  append_json_escaped(out_, text);
  put('"');
}

void JsonWriter::assert_plain([[maybe_unused]] std::string_view name) {
  assert(std::all_of(name.begin(), name.end(),
                     [](char c) { return k_plain_bytes[static_cast<unsigned char>(c)]; }));
}

void JsonWriter::put_integer(long long value) {
  constexpr std::size_t k_digits = 24;
  if (k_buffer_size - buffered_ < k_digits) flush();
  char* const at = buffer_ + buffered_;
  buffered_ += static_cast<std::size_t>(std::to_chars(at, at + k_digits, value).ptr - at);
}

void JsonWriter::write_indent() {
  put('\n');
  for (std::size_t i = 0; i < stack_.size() * static_cast<std::size_t>(indent_); ++i) put(' ');
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  put_quoted(name);
  put(':');
  after_key();
  return *this;
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  put('{');
  stack_.push_back({true, true});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty && indent_ > 0) write_indent();
  put('}');
  close_value();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  put('[');
  stack_.push_back({false, true});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty && indent_ > 0) write_indent();
  put(']');
  close_value();
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view value) {
  before_value();
  put_quoted(value);
  close_value();
  return *this;
}

JsonWriter& JsonWriter::number_text(std::string_view digits) {
  before_value();
  put(digits);
  close_value();
  return *this;
}

JsonWriter& JsonWriter::integer(long long value) {
  before_value();
  put_integer(value);
  close_value();
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  before_value();
  put(value ? std::string_view("true") : std::string_view("false"));
  close_value();
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  put(std::string_view("null"));
  close_value();
  return *this;
}

}  // namespace nianbao::output
