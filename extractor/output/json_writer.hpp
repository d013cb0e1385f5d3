#pragma once
// A small streaming JSON writer. Numbers are written from their exact decimal text, never
// through a binary float, which is why the project writes its own instead of using a DOM.

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::output {

class JsonWriter {
 public:
  // indent = 0 writes everything on one line (NDJSON); > 0 pretty-prints with that many spaces.
  explicit JsonWriter(std::string& out, int indent = 0) : out_(out), indent_(indent) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter() { flush(); }

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  // A key written as a string literal is the program's own name for a field, plain ASCII that
  // needs no escaping (asserted in debug builds), so it is copied without a check and with a
  // size known when compiling: keys are half of what a record writes.
  template <std::size_t N>
  JsonWriter& key(const char (&name)[N]) {
    constexpr std::size_t size = N - 1;  // without the terminating NUL
    before_value();
    assert_plain({name, size});
    if (k_buffer_size - buffered_ < size + 3) flush();
    char* const at = buffer_ + buffered_;
    at[0] = '"';
    std::memcpy(at + 1, name, size);
    at[size + 1] = '"';
    at[size + 2] = ':';
    buffered_ += size + 3;
    after_key();
    return *this;
  }
  JsonWriter& string(std::string_view value);
  JsonWriter& number_text(std::string_view digits);  // an exact decimal as text, e.g. "123500"
  JsonWriter& integer(long long value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();

  // Convenience: key + string, or key + null when the string is empty.
  JsonWriter& field(std::string_view name, std::string_view value) {
    return key(name).string(value);
  }
  JsonWriter& field_or_null(std::string_view name, std::string_view value) {
    return or_null(key(name), value);
  }
  template <std::size_t N>
  JsonWriter& field(const char (&name)[N], std::string_view value) {
    return key(name).string(value);
  }
  template <std::size_t N>
  JsonWriter& field_or_null(const char (&name)[N], std::string_view value) {
    return or_null(key(name), value);
  }

 private:
  static JsonWriter& or_null(JsonWriter& w, std::string_view value) {
    return value.empty() ? w.null() : w.string(value);
  }
  static void assert_plain(std::string_view name);
  // What goes before a value (or a key): nothing right after a key, else the separator and, when
  // pretty-printing, the line break.
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (stack_.empty()) return;
    if (!stack_.back().empty) put(',');
    stack_.back().empty = false;
    if (indent_ > 0) write_indent();
  }
  void after_key() {
    if (indent_ > 0) put(' ');
    after_key_ = true;
  }
  // A value is complete; at the top level, everything written so far goes to the output.
  void close_value() {
    if (stack_.empty()) flush();
  }
  void write_indent();
  void put(char c) {
    if (buffered_ == k_buffer_size) flush();
    buffer_[buffered_++] = c;
  }
  void put(std::string_view text);
  void put_quoted(std::string_view text);  // `"text"`, escaped
  void put_integer(long long value);
  void flush();

  struct Level {
    bool is_object;
    bool empty;
  };
  std::string& out_;
  int indent_;
  std::vector<Level> stack_;
  bool after_key_ = false;
  // Output is gathered here and appended to `out_` in blocks: a record is thousands of small
  // pieces, and every append to a std::string has a fixed cost. `out_` holds the whole value
  // once the top-level value is complete (and when the writer is destroyed).
  static constexpr std::size_t k_buffer_size = 4096;
  std::size_t buffered_ = 0;
  char buffer_[k_buffer_size];
};

// Appends `value` to `out` as a JSON string body (without quotes), escaping what JSON requires.
// Invalid UTF-8 bytes are replaced by U+FFFD so the output is always valid JSON.
void append_json_escaped(std::string& out, std::string_view value);

}  // namespace nianbao::output
