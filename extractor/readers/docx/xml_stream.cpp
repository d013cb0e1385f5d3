#include "extractor/readers/docx/xml_stream.hpp"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "extractor/readers/docx/docx_package.hpp"
#include "extractor/readers/docx/xml_scan.hpp"

namespace nianbao::readers::docx {

namespace {

// No NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR/DTDVALID (no external subset), no
// HUGE (libxml2's own size and depth limits stay on), no network, and no error output on
// stderr: errors are collected and reported as diagnostics.
constexpr int k_parse_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

void init_libxml_once() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

// Reads from the part and refuses any DTD before libxml2 sees it: "<!DOCTYPE" or "<!ENTITY"
// never occurs in WordprocessingML, and stopping here means an entity-expansion attack never
// reaches the parser's entity handling at all.
struct GuardedSource {
  PartStream* part = nullptr;
  std::string tail;  // last bytes of the previous chunk, for markers split across chunks
  bool doctype = false;
};

// The markers in UTF-8 and in both UTF-16 byte orders (XML parts may be UTF-16).
const std::vector<std::string>& dtd_markers() {
  static const std::vector<std::string> markers = [] {
    std::vector<std::string> out;
    for (std::string_view ascii : {"<!DOCTYPE", "<!ENTITY"}) {
      out.emplace_back(ascii);
      std::string le;
      std::string be;
      for (char c : ascii) {
        le += c;
        le += '\0';
        be += '\0';
        be += c;
      }
      out.push_back(le);
      out.push_back(be);
    }
    return out;
  }();
  return markers;
}

constexpr std::size_t k_marker_overlap = 32;  // longer than any marker

bool contains_dtd_marker(std::string_view window) {
  for (const std::string& marker : dtd_markers()) {
    if (window.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

int read_from_part(void* context, char* buffer, int len) {
  if (len <= 0) return 0;
  auto* source = static_cast<GuardedSource*>(context);
  const long n = source->part->read(buffer, static_cast<std::size_t>(len));
  if (n <= 0) return n < 0 ? -1 : 0;
  const std::string_view chunk(buffer, static_cast<std::size_t>(n));
  std::string window = source->tail;
  window.append(chunk.substr(0, std::min(chunk.size(), k_marker_overlap)));
  if (contains_dtd_marker(window) || contains_dtd_marker(chunk)) {
    source->doctype = true;
    return -1;
  }
  source->tail = std::string(chunk.substr(chunk.size() - std::min(chunk.size(), k_marker_overlap)));
  return static_cast<int>(n);
}

int close_part(void* /*context*/) { return 0; }  // the caller owns the PartStream

// The first parser error, kept for the diagnostic message.
struct ErrorSink {
  std::string first_error;
};

void collect_error(void* arg, xmlErrorPtr error) {
  auto* sink = static_cast<ErrorSink*>(arg);
  if (error == nullptr || !sink->first_error.empty()) return;
  std::string message = error->message != nullptr ? error->message : "XML error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  sink->first_error = message + " (line " + std::to_string(error->line) + ")";
}

constexpr const char* k_doctype_message =
    "the XML declares a DOCTYPE or entities, which WordprocessingML never uses (refused as a "
    "possible XXE or entity-expansion attack)";

constexpr const char* k_word_ns_z = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* k_word_strict_ns_z = "http://purl.oclc.org/ooxml/wordprocessingml/main";

std::string_view view(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

}  // namespace

struct XmlStream::Impl {
  xmlTextReaderPtr reader = nullptr;
  PartStream* source = nullptr;
  GuardedSource guarded;
  bool positioned = false;  // skip_element already moved onto a node not yet reported
  bool finished = false;
  ErrorSink errors;
  ~Impl() {
    if (reader != nullptr) xmlFreeTextReader(reader);
  }
};

XmlStream::XmlStream(PartStream& source, int max_depth)
    : impl_(std::make_unique<Impl>()), max_depth_(max_depth) {
  init_libxml_once();
  impl_->source = &source;
  impl_->guarded.part = &source;
  impl_->reader = xmlReaderForIO(read_from_part, close_part, &impl_->guarded, nullptr, nullptr,
                                 k_parse_options);
  if (impl_->reader == nullptr) {
    fail(XmlError::malformed, "cannot start the XML reader");
    return;
  }
  xmlTextReaderSetStructuredErrorHandler(impl_->reader, collect_error, &impl_->errors);
}

XmlStream::XmlStream(std::string_view text, const ScannedXml& scanned)
    : scanned_(&scanned), scanned_text_(text) {}

XmlStream::~XmlStream() = default;

// Why the reader stopped: our DTD guard, the decompressing source, or the XML itself.
void XmlStream::fail_from_reader() {
  if (impl_->guarded.doctype) {
    fail(XmlError::doctype, k_doctype_message);
  } else if (impl_->source != nullptr && impl_->source->failure().error != PackageError::none) {
    fail(XmlError::source, impl_->source->failure().message);
  } else {
    fail(XmlError::malformed,
         impl_->errors.first_error.empty() ? "malformed XML" : impl_->errors.first_error);
  }
}

void XmlStream::fail(XmlError error, std::string message) {
  if (error_ == XmlError::none) {
    error_ = error;
    message_ = std::move(message);
  }
  impl_->finished = true;
}

// Moves the reader to the next node; false at the end or on failure.
bool XmlStream::read_node() {
  if (impl_->finished) return false;
  if (impl_->positioned) {
    impl_->positioned = false;
    return true;
  }
  const int status = xmlTextReaderRead(impl_->reader);
  if (status == 1) return true;
  if (status < 0) fail_from_reader();
  impl_->finished = true;
  return false;
}

XmlEvent XmlStream::next_scanned() {
  if (cursor_ >= scanned_->nodes.size()) return XmlEvent::done;
  current_ = cursor_++;
  const ScanNode& node = scanned_->nodes[current_];
  const std::string_view value(scanned_text_.data() + node.offset, node.length);
  if (node.kind == ScanKind::text) {
    text_ = value;
    return XmlEvent::text;
  }
  local_name_ = value;
  ns_uri_ = scanned_->namespaces[node.ns];
  word_ns_ = scanned_->word_namespace[node.ns] != 0;
  return node.kind == ScanKind::start ? XmlEvent::start : XmlEvent::end;
}

XmlEvent XmlStream::next() {
  text_ = {};
  if (scanned_ != nullptr) return next_scanned();
  if (pending_end_) {
    pending_end_ = false;
    return XmlEvent::end;
  }
  while (read_node()) {
    xmlTextReaderPtr r = impl_->reader;
    const int type = xmlTextReaderNodeType(r);
    if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
        type == XML_READER_TYPE_ENTITY) {
      fail(XmlError::doctype, k_doctype_message);
      return XmlEvent::done;
    }
    if (xmlTextReaderDepth(r) > max_depth_) {
      fail(XmlError::too_deep,
           "the XML nests deeper than " + std::to_string(max_depth_) + " elements");
      return XmlEvent::done;
    }
    switch (type) {
      case XML_READER_TYPE_ELEMENT:
      case XML_READER_TYPE_END_ELEMENT: {
        local_name_ = view(xmlTextReaderConstLocalName(r));
        ns_uri_ = view(xmlTextReaderConstNamespaceUri(r));
        word_ns_ = ns_uri_ == k_word_ns || ns_uri_ == k_word_strict_ns;
        if (type == XML_READER_TYPE_END_ELEMENT) return XmlEvent::end;
        pending_end_ = xmlTextReaderIsEmptyElement(r) == 1;
        return XmlEvent::start;
      }
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        text_ = view(xmlTextReaderConstValue(r));
        return XmlEvent::text;
      default:
        break;  // comments, processing instructions, the XML declaration
    }
  }
  return XmlEvent::done;
}

void XmlStream::skip_element() {
  if (scanned_ != nullptr) {
    const ScanNode& node = scanned_->nodes[current_];
    if (node.kind == ScanKind::start) cursor_ = std::size_t{node.end} + 1;
    return;
  }
  if (impl_->finished) return;
  pending_end_ = false;
  const int status = xmlTextReaderNext(impl_->reader);
  if (status == 1) {
    impl_->positioned = true;
    return;
  }
  if (status < 0) fail_from_reader();
  impl_->finished = true;
}

// The attribute as libxml2's reader finds it: in the transitional namespace, else in the
// strict one, else without a namespace.
std::optional<std::string_view> XmlStream::scanned_attribute(std::string_view local) const {
  const ScanNode& node = scanned_->nodes[current_];
  std::optional<std::string_view> found;
  int found_rank = 3;
  for (std::size_t i = node.first_attr; i < std::size_t{node.first_attr} + node.attr_count; ++i) {
    const ScanAttribute& a = scanned_->attributes[i];
    if (scanned_text_.substr(a.name_offset, a.name_length) != local) continue;
    const std::string_view uri = scanned_->namespaces[a.ns];
    const int rank = a.ns == 0 ? 2 : (uri == k_word_ns ? 0 : 1);
    if (rank < found_rank) {
      found_rank = rank;
      found = scanned_text_.substr(a.value_offset, a.value_length);
    }
  }
  return found;
}

std::string XmlStream::attribute(const char* local) const {
  if (scanned_ != nullptr) return std::string(scanned_attribute(local).value_or(""));
  const auto* name = reinterpret_cast<const xmlChar*>(local);
  for (const char* ns : {k_word_ns_z, k_word_strict_ns_z}) {
    xmlChar* value =
        xmlTextReaderGetAttributeNs(impl_->reader, name, reinterpret_cast<const xmlChar*>(ns));
    if (value != nullptr) {
      std::string out(view(value));
      xmlFree(value);
      return out;
    }
  }
  xmlChar* value = xmlTextReaderGetAttribute(impl_->reader, name);
  if (value == nullptr) return {};
  std::string out(view(value));
  xmlFree(value);
  return out;
}

bool XmlStream::has_attribute(const char* local) const {
  if (scanned_ != nullptr) return scanned_attribute(local).has_value();
  const auto* name = reinterpret_cast<const xmlChar*>(local);
  for (const char* ns : {k_word_ns_z, k_word_strict_ns_z}) {
    xmlChar* value =
        xmlTextReaderGetAttributeNs(impl_->reader, name, reinterpret_cast<const xmlChar*>(ns));
    if (value != nullptr) {
      xmlFree(value);
      return true;
    }
  }
  xmlChar* value = xmlTextReaderGetAttribute(impl_->reader, name);
  if (value == nullptr) return false;
  xmlFree(value);
  return true;
}

}  // namespace nianbao::readers::docx
