#pragma once
// A small streaming JSON writer. Numbers are written from their exact decimal text, never
// through a binary float, which is why the project writes its own instead of using a DOM.

#include <cstddef>
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
  JsonWriter& key(std::string_view name) { return remember_key(name, false); }
  // A key written as a string literal is the program's own name for a field, plain ASCII that
  // needs no escaping (checked when it is written in debug builds), so it is not checked again
  // for every record: keys are half of what a record writes.
  template <std::size_t N>
  JsonWriter& key(const char (&name)[N]) {
    return remember_key(std::string_view(name, N - 1), true);
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
  JsonWriter& remember_key(std::string_view name, bool plain) {
    pending_key_ = name;
    pending_key_is_plain_ = plain;
    has_pending_key_ = true;
    return *this;
  }
  static JsonWriter& or_null(JsonWriter& w, std::string_view value) {
    return value.empty() ? w.null() : w.string(value);
  }
  // What goes before a value: the separator, the line break when pretty-printing, and the
  // pending key with its ':'.
  void open_value();
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
  void put_quoted(std::string_view text);     // `"text"`, escaped
  void put_plain_key(std::string_view name);  // `"name":` for a name known to be plain
  void put_integer(long long value);
  void flush();

  struct Level {
    bool is_object;
    bool empty;
  };
  std::string& out_;
  int indent_;
  std::vector<Level> stack_;
  // key() only remembers its name: the key goes out with its value. The name must stay alive
  // until the value is written (callers pass literals or strings they hold).
  std::string_view pending_key_;
  bool pending_key_is_plain_ = false;
  bool has_pending_key_ = false;
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
