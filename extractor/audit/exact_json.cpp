#include "extractor/audit/exact_json.hpp"

#include <nlohmann/json.hpp>

#include "extractor/output/json_writer.hpp"

namespace nianbao::audit {
namespace {

using nlohmann::json;

// Builds a JsonValue tree from SAX events. A stack of open containers holds the values being
// filled; `pending_key` is the member name the next value belongs to.
class TreeBuilder final : public nlohmann::json_sax<json> {
 public:
  bool null() override { return add(JsonValue{}); }
  bool boolean(bool value) override {
    JsonValue v;
    v.kind = JsonValue::Kind::boolean;
    v.flag = value;
    return add(std::move(v));
  }
  bool number_integer(number_integer_t value) override { return add_number(std::to_string(value)); }
  bool number_unsigned(number_unsigned_t value) override {
    return add_number(std::to_string(value));
  }
  // The double is ignored on purpose: the text is the exact number.
  bool number_float(number_float_t /*value*/, const string_t& text) override {
    return add_number(text);
  }
  bool string(string_t& value) override {
    JsonValue v;
    v.kind = JsonValue::Kind::string;
    v.text = std::move(value);
    return add(std::move(v));
  }
  bool binary(binary_t& /*value*/) override { return false; }
  bool start_object(std::size_t /*size*/) override { return open(JsonValue::Kind::object); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t /*size*/) override { return open(JsonValue::Kind::array); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    keys_.back() = std::move(name);
    return true;
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& ex) override {
    error_ = ex.what();
    return false;
  }

  std::optional<JsonValue> take() { return std::move(root_); }
  const std::string& error() const { return error_; }

 private:
  bool add_number(std::string text) {
    JsonValue v;
    v.kind = JsonValue::Kind::number;
    v.text = std::move(text);
    return add(std::move(v));
  }
  bool open(JsonValue::Kind kind) {
    // Deeply nested input is refused rather than risking the stack later on.
    if (open_.size() >= 64) return false;
    JsonValue v;
    v.kind = kind;
    open_.push_back(std::move(v));
    keys_.emplace_back();
    return true;
  }
  bool close() {
    JsonValue done = std::move(open_.back());
    open_.pop_back();
    keys_.pop_back();
    return add(std::move(done));
  }
  bool add(JsonValue v) {
    if (open_.empty()) {
      root_ = std::move(v);
      return true;
    }
    JsonValue& parent = open_.back();
    if (parent.kind == JsonValue::Kind::array)
      parent.items.push_back(std::move(v));
    else
      parent.members.insert_or_assign(keys_.back(), std::move(v));
    return true;
  }

  std::vector<JsonValue> open_;
  std::vector<std::string> keys_;
  std::optional<JsonValue> root_;
  std::string error_;
};

}  // namespace

void write_json(output::JsonWriter& w, const JsonValue& v) {
  switch (v.kind) {
    case JsonValue::Kind::null:
      w.null();
      break;
    case JsonValue::Kind::boolean:
      w.boolean(v.flag);
      break;
    case JsonValue::Kind::number:
      w.number_text(v.text);
      break;
    case JsonValue::Kind::string:
      w.string(v.text);
      break;
    case JsonValue::Kind::array:
      w.begin_array();
      for (const JsonValue& item : v.items) write_json(w, item);
      w.end_array();
      break;
    case JsonValue::Kind::object:
      w.begin_object();
      for (const auto& [name, member] : v.members) {
        w.key(name);
        write_json(w, member);
      }
      w.end_object();
      break;
  }
}

const JsonValue* JsonValue::get(std::string_view name) const {
  if (kind != Kind::object) return nullptr;
  const auto it = members.find(name);
  return it == members.end() ? nullptr : &it->second;
}

std::string JsonValue::string_at(std::string_view name) const {
  const JsonValue* v = get(name);
  return v != nullptr && v->kind == Kind::string ? v->text : std::string();
}

std::optional<norm::Decimal> JsonValue::decimal_at(std::string_view name) const {
  const JsonValue* v = get(name);
  return v == nullptr ? std::nullopt : v->as_decimal();
}

std::optional<norm::Decimal> JsonValue::as_decimal() const {
  // Decimal::parse refuses exponents: a record written by nianbao never has one, and anything
  // else is better left unassessed than rounded.
  if (kind != Kind::number) return std::nullopt;
  return norm::Decimal::parse(text);
}

std::string JsonValue::dump() const {
  std::string out;
  output::JsonWriter w(out);
  write_json(w, *this);
  return out;
}

std::optional<JsonValue> parse_exact_json(std::string_view text, std::string& error) {
  TreeBuilder builder;
  bool ok = false;
  try {
    ok = json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const std::exception& ex) {  // the SAX parser may still throw on some inputs
    error = ex.what();
    return std::nullopt;
  }
  if (!ok) {
    error = builder.error().empty() ? "not valid JSON" : builder.error();
    return std::nullopt;
  }
  return builder.take();
}

}  // namespace nianbao::audit
