#pragma once
// A small streaming JSON writer. Numbers are written from their exact decimal text, never
// through a binary float, which is why the project writes its own instead of using a DOM.

#include <string>
#include <string_view>
#include <vector>

namespace nianbao::output {

class JsonWriter {
 public:
  // indent = 0 writes everything on one line (NDJSON); > 0 pretty-prints with that many spaces.
  explicit JsonWriter(std::string& out, int indent = 0) : out_(out), indent_(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view value);
  JsonWriter& number_text(std::string_view digits);  // an exact decimal as text, e.g. "123500"
  JsonWriter& integer(long long value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();

  // Convenience: key + string, or key + null when the string is empty.
  JsonWriter& field(std::string_view name, std::string_view value);
  JsonWriter& field_or_null(std::string_view name, std::string_view value);

 private:
  // Inline: every value passes here.
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!stack_.empty()) {
      if (!stack_.back().empty) out_.push_back(',');
      stack_.back().empty = false;
      newline();
    }
  }
  void newline() {
    if (indent_ > 0) indent_line();
  }
  void indent_line();
  // `"text"` (escaped) followed by `tail`.
  void quoted(std::string_view text, std::string_view tail);
  // What follows a key: ':' (and a space when pretty-printing).
  std::string_view key_separator() const;
  struct Level {
    bool is_object;
    bool empty;
  };
  std::string& out_;
  int indent_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

// Appends `value` to `out` as a JSON string body (without quotes), escaping what JSON requires.
// Invalid UTF-8 bytes are replaced by U+FFFD so the output is always valid JSON.
void append_json_escaped(std::string& out, std::string_view value);

}  // namespace nianbao::output
