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
  JsonWriter& key(std::string_view name) {
    pending_key_ = name;
    has_pending_key_ = true;
    return *this;
  }
  JsonWriter& string(std::string_view value);
  JsonWriter& number_text(std::string_view digits);  // an exact decimal as text, e.g. "123500"
  JsonWriter& integer(long long value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();

  // Convenience: key + string, or key + null when the string is empty.
  JsonWriter& field(std::string_view name, std::string_view value);
  JsonWriter& field_or_null(std::string_view name, std::string_view value);

 private:
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
  // key() only remembers its name: the key goes out with its value. The name must stay alive
  // until the value is written (callers pass literals or strings they hold).
  std::string_view pending_key_;
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
