#pragma once
// A JSON value tree whose numbers keep their exact text. Records are read back through
// nlohmann's SAX interface, which hands over each number's source text (or an exact 64-bit
// integer), so a value such as 830.14 never passes through a double on its way into the audit.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalizers/decimal.hpp"

namespace nianbao {
namespace output {
class JsonWriter;
}  // namespace output
}  // namespace nianbao

namespace nianbao::audit {

struct JsonValue {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool flag = false;
  std::string text;  // a string's content, or a number's exact decimal text
  std::vector<JsonValue> items;
  std::map<std::string, JsonValue, std::less<>> members;

  // The member `name` of an object; nullptr when absent or when this is not an object.
  const JsonValue* get(std::string_view name) const;
  // Convenience accessors that answer "" / nullopt for a missing or differently typed value.
  std::string string_at(std::string_view name) const;
  std::optional<norm::Decimal> decimal_at(std::string_view name) const;
  std::optional<norm::Decimal> as_decimal() const;
  // The value written back as compact JSON (numbers as their exact text).
  std::string dump() const;
};

// Writes `value` with `w` (numbers as their exact text).
void write_json(output::JsonWriter& w, const JsonValue& value);

// Parses one JSON text. Returns nullopt (and the parser's message in `error`) when it is not
// valid JSON; never throws.
std::optional<JsonValue> parse_exact_json(std::string_view text, std::string& error);

}  // namespace nianbao::audit
