#include "extractor/readers/docx/xml_scan.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "extractor/readers/docx/xml_stream.hpp"

namespace nianbao::readers::docx {

namespace {

// Names longer than this, more nodes or attributes than these, or more distinct namespaces
// send the part to libxml2: no real part comes near, and the node list stays within a few
// tens of MB whatever the input.
constexpr std::size_t k_max_name = 1000;
constexpr std::size_t k_max_nodes = 1u << 20;
constexpr std::size_t k_max_attributes = 1u << 20;
constexpr std::size_t k_max_namespaces = 200;

constexpr std::string_view k_xml_ns = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view k_xmlns_ns = "http://www.w3.org/2000/xmlns/";

enum CharClass : std::uint8_t {
  k_name_start = 1,  // ASCII letters and '_'
  k_name_char = 2,   // those, digits, '.' and '-'
  k_space = 4,       // the four XML white space characters
  k_uri_char = 8,    // what a namespace URI may hold here (a conservative subset)
  k_plain = 16,      // printable ASCII that character data takes as it is (not & < ])
};

constexpr std::array<std::uint8_t, 256> make_classes() {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    std::uint8_t k = 0;
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (letter || c == '_') k |= k_name_start | k_name_char;
    if (digit || c == '.' || c == '-') k |= k_name_char;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') k |= k_space;
    if (c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != ']') k |= k_plain;
    if (letter || digit || c == '.' || c == '-' || c == '_' || c == ':' || c == '/' || c == '#') {
      k |= k_uri_char;
    }
    classes[static_cast<std::size_t>(c)] = k;
  }
  return classes;
}

constexpr std::array<std::uint8_t, 256> k_classes = make_classes();

bool has_class(char c, CharClass k) { return (k_classes[static_cast<unsigned char>(c)] & k) != 0; }

// Equality of short names without a call to memcmp: most differ in length or first byte.
bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return a[0] == b[0] && (a.size() == 1 || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The length of the well-formed UTF-8 sequence at `p` that encodes an XML Char, 0 when it is
// not one (bad or overlong sequences, surrogates, U+FFFE, U+FFFF). `p[0]` is not ASCII.
std::size_t utf8_char_length(const unsigned char* p, std::size_t available) {
  const unsigned c = p[0];
  if (c < 0xC2) return 0;
  if (c < 0xE0) return available >= 2 && is_continuation(p[1]) ? 2 : 0;
  if (c < 0xF0) {
    if (available < 3 || !is_continuation(p[1]) || !is_continuation(p[2])) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;
    if (c == 0xED && p[1] >= 0xA0) return 0;
    if (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE) return 0;
    return 3;
  }
  if (c < 0xF5) {
    if (available < 4 || !is_continuation(p[1]) || !is_continuation(p[2]) ||
        !is_continuation(p[3])) {
      return 0;
    }
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

bool is_xml_char(std::uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// Writes `cp` as UTF-8 at `out`; returns the bytes written.
std::size_t put_utf8(char* out, std::uint32_t cp) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// The code point of a character reference body ("#65", "#x4E00"); 0 when malformed or not an
// XML Char.
std::uint32_t char_reference(std::string_view body) {
  if (body.size() < 2 || body[0] != '#') return 0;
  const bool hex = body[1] == 'x';
  const std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return 0;
  std::uint32_t value = 0;
  for (char c : digits) {
    std::uint32_t d = 0;
    if (c >= '0' && c <= '9') {
      d = static_cast<std::uint32_t>(c - '0');
    } else if (hex && c >= 'a' && c <= 'f') {
      d = static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (hex && c >= 'A' && c <= 'F') {
      d = static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return 0;
    }
    value = value * (hex ? 16u : 10u) + d;
  }
  return is_xml_char(value) ? value : 0;
}

// The character a predefined entity stands for; 0 for any other name.
char predefined_entity(std::string_view name) {
  if (name == "lt") return '<';
  if (name == "gt") return '>';
  if (name == "amp") return '&';
  if (name == "quot") return '"';
  if (name == "apos") return '\'';
  return 0;
}

struct QName {
  std::string_view prefix;
  std::string_view local;
  std::string_view full;
};

struct RawAttribute {
  QName name;
  std::uint32_t value_offset = 0;
  std::uint32_t value_length = 0;
  bool declaration = false;  // xmlns or xmlns:p
  std::uint8_t ns = 0;       // resolved by add_attributes
};

struct Binding {
  std::string_view prefix;  // "" for the default namespace
  std::uint8_t ns = 0;
};

struct OpenElement {
  std::string_view qname;
  std::size_t node = 0;
  std::size_t bindings = 0;  // bindings_.size() before the element's own declarations
};

// Character data is decoded the same way in content and in attribute values, except that an
// attribute value turns literal white space into spaces (XML 1.0 §3.3.3, CDATA attributes:
// there is no DTD) and may not hold '<'.
enum class DataKind { content, attribute };

class Scanner {
 public:
  Scanner(std::string& text, int max_depth, ScannedXml& out)
      : data_(text.data()), size_(text.size()), max_depth_(max_depth), out_(out) {
    out_.nodes.clear();
    out_.attributes.clear();
    // Typical WordprocessingML has a node per 15-25 bytes and a kept attribute per 50-100.
    out_.nodes.reserve(std::min(text.size() / 16, k_max_nodes));
    out_.attributes.reserve(std::min(text.size() / 64, k_max_attributes));
    out_.namespaces.assign({std::string_view(), k_xml_ns});
    out_.word_namespace.assign({0, 0});
  }

  bool run() {
    if (size_ > k_max_scanned_part) return false;
    if (!scan_prolog()) return false;
    if (!scan_start_tag()) return false;
    while (!open_.empty()) {
      if (!scan_content_item()) return false;
    }
    return scan_misc() && pos_ == size_;
  }

 private:
  bool at(char c) const { return pos_ < size_ && data_[pos_] == c; }

  bool at(std::string_view s) const {
    return size_ - pos_ >= s.size() && std::memcmp(data_ + pos_, s.data(), s.size()) == 0;
  }

  // Scanning loops rely on the NUL that std::string keeps after the text: NUL is in no class
  // and never valid XML, so every loop stops there at the latest without a bounds check.
  bool skip_space() {
    const std::size_t from = pos_;
    while (has_class(data_[pos_], k_space)) ++pos_;
    return pos_ > from;
  }

  std::string_view view(std::size_t begin, std::size_t end) const {
    return {data_ + begin, end - begin};
  }

  // Byte order mark, XML declaration, comments; stops before the root element's '<'.
  bool scan_prolog() {
    if (at("\xEF\xBB\xBF")) pos_ += 3;
    if (at("<?xml") && size_ - pos_ > 5 && has_class(data_[pos_ + 5], k_space)) {
      if (!scan_xml_declaration()) return false;
    }
    if (!scan_misc()) return false;
    return size_ - pos_ >= 2 && data_[pos_] == '<' && has_class(data_[pos_ + 1], k_name_start);
  }

  // <?xml version="1.0" encoding="UTF-8" standalone="yes"?>; any other version or encoding is
  // left to libxml2.
  bool scan_xml_declaration() {
    pos_ += 5;
    skip_space();
    std::string_view value;
    if (!scan_pseudo_attribute("version", value) || value != "1.0") return false;
    bool space = skip_space();
    if (space && at("encoding")) {
      if (!scan_pseudo_attribute("encoding", value) || !is_utf8_label(value)) return false;
      space = skip_space();
    }
    if (space && at("standalone")) {
      if (!scan_pseudo_attribute("standalone", value) || (value != "yes" && value != "no")) {
        return false;
      }
      skip_space();
    }
    if (!at("?>")) return false;
    pos_ += 2;
    return true;
  }

  static bool is_utf8_label(std::string_view value) {
    if (value.size() != 5 || value[3] != '-' || value[4] != '8') return false;
    const auto lower = [](char c) { return static_cast<char>(c | 0x20); };
    return lower(value[0]) == 'u' && lower(value[1]) == 't' && lower(value[2]) == 'f';
  }

  bool scan_pseudo_attribute(std::string_view name, std::string_view& value) {
    if (!at(name)) return false;
    pos_ += name.size();
    skip_space();
    if (!at('=')) return false;
    ++pos_;
    skip_space();
    if (pos_ >= size_ || (data_[pos_] != '"' && data_[pos_] != '\'')) return false;
    const char quote = data_[pos_++];
    const std::size_t begin = pos_;
    while (pos_ < size_ && data_[pos_] != quote) {
      if (!has_class(data_[pos_], k_name_char)) return false;
      ++pos_;
    }
    if (pos_ >= size_) return false;
    value = view(begin, pos_++);
    return true;
  }

  // White space and comments, before or after the root element.
  bool scan_misc() {
    for (;;) {
      skip_space();
      if (!at("<!--")) return true;
      if (!scan_comment()) return false;
    }
  }

  // One piece of the root element's content: markup or character data.
  bool scan_content_item() {
    if (pos_ >= size_) return false;
    if (data_[pos_] != '<') return scan_text();
    if (size_ - pos_ < 2) return false;
    const char next = data_[pos_ + 1];
    if (next == '/') return scan_end_tag();
    if (next == '!') {
      if (at("<!--")) return scan_comment();
      if (at("<![CDATA[")) return scan_cdata();
      return false;  // a DOCTYPE or other declaration: libxml2 and the DTD guard decide
    }
    if (next == '?') return false;  // processing instructions are left to libxml2
    return scan_start_tag();
  }

  // An ASCII name with at most one colon, both parts starting like an NCName.
  bool scan_qname(QName& name) {
    const std::size_t begin = pos_;
    std::size_t colon = 0;
    if (!has_class(data_[pos_], k_name_start)) return false;
    ++pos_;
    while (has_class(data_[pos_], k_name_char)) ++pos_;
    if (data_[pos_] == ':') {
      colon = pos_++;
      if (!has_class(data_[pos_], k_name_start)) return false;
      ++pos_;
      while (has_class(data_[pos_], k_name_char)) ++pos_;
    }
    if (pos_ - begin > k_max_name) return false;
    name.full = view(begin, pos_);
    name.prefix = colon == 0 ? std::string_view() : view(begin, colon);
    name.local = colon == 0 ? name.full : view(colon + 1, pos_);
    return true;
  }

  bool scan_start_tag() {
    ++pos_;  // '<'
    QName name;
    if (!scan_qname(name)) return false;
    raw_attributes_.clear();
    declarations_ = false;
    for (;;) {
      const bool space = skip_space();
      if (pos_ >= size_) return false;
      if (data_[pos_] == '>') {
        ++pos_;
        return open_element(name, false);
      }
      if (data_[pos_] == '/') {
        if (!at("/>")) return false;
        pos_ += 2;
        return open_element(name, true);
      }
      if (!space || !scan_attribute()) return false;
    }
  }

  bool scan_attribute() {
    RawAttribute attribute;
    if (!scan_qname(attribute.name)) return false;
    skip_space();
    if (!at('=')) return false;
    ++pos_;
    skip_space();
    if (pos_ >= size_ || (data_[pos_] != '"' && data_[pos_] != '\'')) return false;
    if (!scan_attribute_value(attribute)) return false;
    attribute.declaration = is_declaration(attribute.name);
    declarations_ = declarations_ || attribute.declaration;
    raw_attributes_.push_back(attribute);
    return true;
  }

  // The quoted value at pos_, decoded in place; pos_ ends after the closing quote. Most values
  // ("0", "auto", "TextBody") are plain ASCII and are only walked once.
  bool scan_attribute_value(RawAttribute& attribute) {
    const char quote = data_[pos_++];
    const std::size_t begin = pos_;
    std::size_t plain_end = pos_;
    while (data_[plain_end] != quote && has_class(data_[plain_end], k_plain)) ++plain_end;
    std::size_t end = plain_end;
    std::size_t rest = 0;  // decoded length of what follows the plain start
    if (data_[plain_end] != quote) {
      const void* close = std::memchr(data_ + plain_end, quote, size_ - plain_end);
      if (close == nullptr) return false;
      end = static_cast<std::size_t>(static_cast<const char*>(close) - data_);
      if (!decode(plain_end, end, DataKind::attribute, rest)) return false;
    }
    attribute.value_offset = static_cast<std::uint32_t>(begin);
    attribute.value_length = static_cast<std::uint32_t>(plain_end - begin + rest);
    pos_ = end + 1;
    return true;
  }

  static bool is_declaration(const QName& name) {
    return same(name.prefix, "xmlns") || same(name.full, "xmlns");
  }

  std::string_view value_of(const RawAttribute& a) const {
    return {data_ + a.value_offset, a.value_length};
  }

  bool open_element(const QName& name, bool empty) {
    if (open_.size() >= static_cast<std::size_t>(max_depth_)) return false;
    if (out_.nodes.size() + 2 > k_max_nodes) return false;
    const std::size_t bindings_before = bindings_.size();
    if (declarations_ && !declare_namespaces(bindings_before)) return false;
    if (same(name.prefix, "xml") || same(name.prefix, "xmlns") || same(name.full, "xmlns")) {
      return false;
    }
    ScanNode node;
    node.kind = ScanKind::start;
    node.offset = static_cast<std::uint32_t>(name.local.data() - data_);
    node.length = static_cast<std::uint32_t>(name.local.size());
    if (!resolve(name.prefix, node.ns) || !add_attributes(node)) return false;
    const std::size_t index = out_.nodes.size();
    out_.nodes.push_back(node);
    if (empty) {
      close_node(index);
      pop_bindings(bindings_before);
      return true;
    }
    open_.push_back({name.full, index, bindings_before});
    return true;
  }

  // xmlns and xmlns:p attributes of the tag being opened, in scope for its own names.
  bool declare_namespaces(std::size_t bindings_before) {
    for (const RawAttribute& a : raw_attributes_) {
      if (!a.declaration) continue;
      const std::string_view prefix = a.name.prefix.empty() ? std::string_view() : a.name.local;
      const std::string_view uri = value_of(a);
      if (prefix == "xml" || prefix == "xmlns") return false;
      if (!prefix.empty() && uri.empty()) return false;  // not allowed in Namespaces 1.0
      for (std::size_t i = bindings_before; i < bindings_.size(); ++i) {
        if (bindings_[i].prefix == prefix) return false;  // declared twice on one element
      }
      std::uint8_t ns = 0;
      if (!uri.empty() && !intern(uri, ns)) return false;
      bindings_.push_back({prefix, ns});
      ++scope_version_;
    }
    return true;
  }

  // A URI made of plain characters with a scheme, so that libxml2 has nothing to say about it.
  bool intern(std::string_view uri, std::uint8_t& ns) {
    if (uri == k_xml_ns || uri == k_xmlns_ns || uri.find(':') == std::string_view::npos) {
      return false;
    }
    for (char c : uri) {
      if (!has_class(c, k_uri_char)) return false;
    }
    for (std::size_t i = 2; i < out_.namespaces.size(); ++i) {
      if (out_.namespaces[i] == uri) {
        ns = static_cast<std::uint8_t>(i);
        return true;
      }
    }
    if (out_.namespaces.size() >= k_max_namespaces) return false;
    ns = static_cast<std::uint8_t>(out_.namespaces.size());
    out_.namespaces.push_back(uri);
    out_.word_namespace.push_back(uri == k_word_ns || uri == k_word_strict_ns ? 1 : 0);
    return true;
  }

  // The namespace of a prefix in scope ("" is the default namespace); false when undeclared.
  // Nearly every name has the same prefix, so the last answer is kept until the scope changes.
  bool resolve(std::string_view prefix, std::uint8_t& ns) {
    if (cache_version_ == scope_version_ && cache_valid_ && same(cache_prefix_, prefix)) {
      ns = cache_ns_;
      return true;
    }
    ns = 0;
    bool found = prefix.empty();  // no default namespace declared: no namespace
    for (std::size_t i = bindings_.size(); i-- > 0;) {
      if (same(bindings_[i].prefix, prefix)) {
        ns = bindings_[i].ns;
        found = true;
        break;
      }
    }
    if (!found) return false;
    cache_valid_ = true;
    cache_version_ = scope_version_;
    cache_prefix_ = prefix;
    cache_ns_ = ns;
    return true;
  }

  void pop_bindings(std::size_t keep) {
    if (bindings_.size() == keep) return;
    bindings_.resize(keep);
    ++scope_version_;
  }

  // Resolves the tag's other attributes, refuses duplicates, and keeps those without a
  // namespace or in the WordprocessingML namespace.
  bool add_attributes(ScanNode& node) {
    node.first_attr = static_cast<std::uint32_t>(out_.attributes.size());
    for (std::size_t i = 0; i < raw_attributes_.size(); ++i) {
      RawAttribute& a = raw_attributes_[i];
      if (a.declaration) continue;
      if (a.name.prefix.empty()) {
        a.ns = 0;
      } else if (same(a.name.prefix, "xml")) {
        a.ns = 1;
      } else if (!resolve(a.name.prefix, a.ns)) {
        return false;
      }
      for (std::size_t j = 0; j < i; ++j) {
        const RawAttribute& other = raw_attributes_[j];
        if (!other.declaration && other.ns == a.ns && same(other.name.local, a.name.local)) {
          return false;
        }
      }
      const std::uint8_t ns = a.ns;
      if (ns != 0 && out_.word_namespace[ns] == 0) continue;
      if (out_.attributes.size() >= k_max_attributes) return false;
      ScanAttribute kept;
      kept.name_offset = static_cast<std::uint32_t>(a.name.local.data() - data_);
      kept.name_length = static_cast<std::uint32_t>(a.name.local.size());
      kept.value_offset = a.value_offset;
      kept.value_length = a.value_length;
      kept.ns = ns;
      out_.attributes.push_back(kept);
    }
    node.attr_count = static_cast<std::uint16_t>(out_.attributes.size() - node.first_attr);
    return out_.attributes.size() - node.first_attr <= 0xFFFF;
  }

  // Adds the end node of the start node at `start`.
  void close_node(std::size_t start) {
    ScanNode end = out_.nodes[start];
    end.kind = ScanKind::end;
    end.attr_count = 0;
    out_.nodes[start].end = static_cast<std::uint32_t>(out_.nodes.size());
    out_.nodes.push_back(end);
  }

  bool scan_end_tag() {
    pos_ += 2;  // "</"
    QName name;
    if (!scan_qname(name)) return false;
    skip_space();
    if (!at('>')) return false;
    ++pos_;
    if (open_.empty() || !same(open_.back().qname, name.full)) return false;
    if (out_.nodes.size() + 1 > k_max_nodes) return false;
    close_node(open_.back().node);
    pop_bindings(open_.back().bindings);
    open_.pop_back();
    return true;
  }

  // "<!-- ... -->": checked, not reported. A comment holding "<!" is left to libxml2 and the
  // DTD guard, which refuses "<!DOCTYPE" and "<!ENTITY" wherever they stand.
  bool scan_comment() {
    const std::size_t begin = pos_ + 4;
    const std::size_t dashes = std::string_view(data_, size_).find("--", begin);
    if (dashes == std::string_view::npos || dashes + 2 >= size_ || data_[dashes + 2] != '>') {
      return false;
    }
    if (!check_raw(begin, dashes, true)) return false;
    pos_ = dashes + 3;
    return true;
  }

  // "<![CDATA[ ... ]]>": its text as it stands.
  bool scan_cdata() {
    const std::size_t begin = pos_ + 9;
    const std::size_t end = std::string_view(data_, size_).find("]]>", begin);
    if (end == std::string_view::npos || !check_raw(begin, end, false)) return false;
    pos_ = end + 3;
    return add_text(begin, end - begin);
  }

  // Unparsed text (comments, CDATA): XML characters only, no "<!"; a carriage return, which
  // libxml2 would turn into a line feed, only where the text is not reported.
  bool check_raw(std::size_t begin, std::size_t end, bool allow_cr) const {
    for (std::size_t i = begin; i < end;) {
      const auto c = static_cast<unsigned char>(data_[i]);
      if (c >= 0x80) {
        const std::size_t n =
            utf8_char_length(reinterpret_cast<const unsigned char*>(data_ + i), end - i);
        if (n == 0) return false;
        i += n;
        continue;
      }
      if (c < 0x20 && c != '\t' && c != '\n' && !(allow_cr && c == '\r')) return false;
      if (c == '<' && i + 1 < end && data_[i + 1] == '!') return false;
      ++i;
    }
    return true;
  }

  bool scan_text() {
    const std::size_t begin = pos_;
    const void* lt = std::memchr(data_ + pos_, '<', size_ - pos_);
    if (lt == nullptr) return false;  // the document ends inside the root element
    const auto end = static_cast<std::size_t>(static_cast<const char*>(lt) - data_);
    std::size_t length = 0;
    if (!decode(begin, end, DataKind::content, length)) return false;
    pos_ = end;
    return add_text(begin, length);
  }

  bool add_text(std::size_t begin, std::size_t length) {
    if (out_.nodes.size() + 1 > k_max_nodes) return false;
    ScanNode node;
    node.kind = ScanKind::text;
    node.offset = static_cast<std::uint32_t>(begin);
    node.length = static_cast<std::uint32_t>(length);
    out_.nodes.push_back(node);
    return true;
  }

  // Checks and decodes [begin, end) in place: references replaced by their characters, and in
  // attribute values white space by spaces. Decoding never lengthens the text, so the write
  // position never passes the read position. `length` is the decoded length.
  bool decode(std::size_t begin, std::size_t end, DataKind kind, std::size_t& length) {
    std::size_t i = begin;
    if (!check_until_reference(i, end, kind)) return false;
    std::size_t out = i;
    while (i < end) {
      const auto c = static_cast<unsigned char>(data_[i]);
      if (c >= 0x80) {
        const std::size_t n =
            utf8_char_length(reinterpret_cast<const unsigned char*>(data_ + i), end - i);
        if (n == 0) return false;
        if (out != i) std::memmove(data_ + out, data_ + i, n);
        out += n;
        i += n;
        continue;
      }
      if (c == '&') {
        if (!decode_reference(i, end, out)) return false;
        continue;
      }
      char kept = static_cast<char>(c);
      if (c < 0x20) {
        if (c != '\t' && c != '\n') return false;  // control characters; '\r' to libxml2
        if (kind == DataKind::attribute) kept = ' ';
      } else if (c == '<') {
        return false;
      } else if (c == ']' && kind == DataKind::content && end - i >= 3 && data_[i + 1] == ']' &&
                 data_[i + 2] == '>') {
        return false;
      }
      data_[out++] = kept;
      ++i;
    }
    length = out - begin;
    return true;
  }

  // The common case, text without references, checked without moving bytes: stops at the first
  // '&' (or `end`), false on anything decode must refuse.
  bool check_until_reference(std::size_t& i, std::size_t end, DataKind kind) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(data_);
    while (i < end) {
      const unsigned char c = bytes[i];
      if ((k_classes[c] & k_plain) != 0) {
        ++i;
      } else if (c >= 0xE1 && c <= 0xEC && end - i >= 3 && is_continuation(bytes[i + 1]) &&
                 is_continuation(bytes[i + 2])) {
        i += 3;  // most CJK characters: three bytes without a special case
      } else if (c >= 0x80) {
        const std::size_t n = utf8_char_length(bytes + i, end - i);
        if (n == 0) return false;
        i += n;
      } else if (c == '\t' || c == '\n') {
        if (kind == DataKind::attribute) data_[i] = ' ';
        ++i;
      } else if (c == ']') {
        if (kind == DataKind::content && end - i >= 3 && bytes[i + 1] == ']' &&
            bytes[i + 2] == '>') {
          return false;
        }
        ++i;
      } else {
        return c == '&';  // '<', control characters, '\r' are refused
      }
    }
    return true;
  }

  // "&name;" or "&#...;" at `i`: written at `out`, both advanced.
  bool decode_reference(std::size_t& i, std::size_t end, std::size_t& out) {
    const std::size_t limit = std::min(end, i + 16);
    std::size_t semicolon = i + 1;
    while (semicolon < limit && data_[semicolon] != ';') ++semicolon;
    if (semicolon >= limit) return false;
    const std::string_view body = view(i + 1, semicolon);
    if (const char c = predefined_entity(body); c != 0) {
      data_[out++] = c;
    } else if (const std::uint32_t cp = char_reference(body); cp != 0) {
      out += put_utf8(data_ + out, cp);
    } else {
      return false;  // an undeclared entity: a fatal error for libxml2
    }
    i = semicolon + 1;
    return true;
  }

  char* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
  int max_depth_;
  ScannedXml& out_;
  std::vector<RawAttribute> raw_attributes_;
  bool declarations_ = false;  // the tag being read declares namespaces
  std::vector<Binding> bindings_;
  std::vector<OpenElement> open_;
  std::uint64_t scope_version_ = 0;
  std::uint64_t cache_version_ = 0;
  bool cache_valid_ = false;
  std::string_view cache_prefix_;
  std::uint8_t cache_ns_ = 0;
};

}  // namespace

bool scan_xml(std::string& text, int max_depth, ScannedXml& out) {
  Scanner scanner(text, max_depth, out);
  return scanner.run();
}

}  // namespace nianbao::readers::docx
