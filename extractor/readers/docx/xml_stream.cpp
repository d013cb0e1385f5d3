#include "extractor/readers/docx/xml_stream.hpp"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <climits>
#include <mutex>

#include "extractor/readers/docx/docx_package.hpp"

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

int read_from_part(void* context, char* buffer, int len) {
  if (len <= 0) return 0;
  const long n = static_cast<PartStream*>(context)->read(buffer, static_cast<std::size_t>(len));
  return n < 0 ? -1 : static_cast<int>(n);
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

constexpr const char* k_word_ns_z = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* k_word_strict_ns_z = "http://purl.oclc.org/ooxml/wordprocessingml/main";

std::string_view view(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

}  // namespace

struct XmlStream::Impl {
  xmlTextReaderPtr reader = nullptr;
  PartStream* source = nullptr;
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
  impl_->reader =
      xmlReaderForIO(read_from_part, close_part, &source, nullptr, nullptr, k_parse_options);
  if (impl_->reader == nullptr) {
    fail(XmlError::malformed, "cannot start the XML reader");
    return;
  }
  xmlTextReaderSetStructuredErrorHandler(impl_->reader, collect_error, &impl_->errors);
}

XmlStream::XmlStream(std::string_view bytes, int max_depth)
    : impl_(std::make_unique<Impl>()), max_depth_(max_depth) {
  init_libxml_once();
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    fail(XmlError::malformed, "XML part too large");
    return;
  }
  impl_->reader = xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                                     k_parse_options);
  if (impl_->reader == nullptr) {
    fail(XmlError::malformed, "cannot start the XML reader");
    return;
  }
  xmlTextReaderSetStructuredErrorHandler(impl_->reader, collect_error, &impl_->errors);
}

XmlStream::~XmlStream() = default;

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
  if (status < 0) {
    if (impl_->source != nullptr && impl_->source->failure().error != PackageError::none) {
      fail(XmlError::source, impl_->source->failure().message);
    } else {
      fail(XmlError::malformed,
           impl_->errors.first_error.empty() ? "malformed XML" : impl_->errors.first_error);
    }
  }
  impl_->finished = true;
  return false;
}

XmlEvent XmlStream::next() {
  text_.clear();
  if (pending_end_) {
    pending_end_ = false;
    return XmlEvent::end;
  }
  while (read_node()) {
    xmlTextReaderPtr r = impl_->reader;
    const int type = xmlTextReaderNodeType(r);
    if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
        type == XML_READER_TYPE_ENTITY) {
      fail(XmlError::doctype,
           "the XML declares a DOCTYPE or entities, which WordprocessingML never uses "
           "(refused as a possible XXE or entity-expansion attack)");
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
  if (impl_->finished) return;
  pending_end_ = false;
  const int status = xmlTextReaderNext(impl_->reader);
  if (status == 1) {
    impl_->positioned = true;
    return;
  }
  if (status < 0) {
    if (impl_->source != nullptr && impl_->source->failure().error != PackageError::none) {
      fail(XmlError::source, impl_->source->failure().message);
    } else {
      fail(XmlError::malformed,
           impl_->errors.first_error.empty() ? "malformed XML" : impl_->errors.first_error);
    }
  }
  impl_->finished = true;
}

std::string XmlStream::attribute(const char* local) const {
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
