#pragma once
// A hardened pull parser over one XML part: either the nodes of a part already scanned by
// scan_xml (the fast path, see xml_scan.hpp), or libxml2's xmlTextReader, which streams a
// large or unusual part node by node and never holds it as a DOM. No network, no entity
// substitution, no DTD loading, and any DOCTYPE at all is refused: WordprocessingML never
// carries one, so its presence means an XXE or billion-laughs attempt.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace nianbao::readers::docx {

class PartStream;
struct ScannedXml;

enum class XmlError {
  none,
  malformed,  // docx_xml_error
  doctype,    // docx_xml_dtd
  too_deep,   // docx_too_deep
  source,     // the underlying PartStream failed (zip bomb, corrupt data)
};

enum class XmlEvent { start, end, text, done };

class XmlStream {
 public:
  // Pulls from a decompressing part (which must outlive the stream).
  XmlStream(PartStream& source, int max_depth);
  // Replays the nodes scan_xml found in `text` (both must outlive the stream); it never fails.
  XmlStream(std::string_view text, const ScannedXml& scanned);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // The next event. An empty element gives start then end. After done, error() says whether
  // the part ended normally.
  XmlEvent next();
  // Skips the rest of the element whose start was just returned (its end is not reported).
  void skip_element();

  // For start and end events.
  std::string_view local_name() const { return local_name_; }
  // True for the WordprocessingML main namespace (transitional or strict).
  bool in_word_namespace() const { return word_ns_; }
  std::string_view namespace_uri() const { return ns_uri_; }
  // For start events: an attribute in the WordprocessingML namespace (or without namespace)
  // by local name; empty when absent.
  std::string attribute(const char* local) const;
  bool has_attribute(const char* local) const;
  // For text events.
  std::string_view text() const { return text_; }

  XmlError error() const { return error_; }
  const std::string& error_message() const { return message_; }

 private:
  struct Impl;
  void fail(XmlError error, std::string message);
  void fail_from_reader();
  bool read_node();
  XmlEvent next_scanned();
  std::optional<std::string_view> scanned_attribute(std::string_view local) const;
  std::unique_ptr<Impl> impl_;  // the libxml2 reader; null on the fast path
  int max_depth_ = 0;
  // The fast path: the scanned nodes, the next one to report and the one reported last.
  const ScannedXml* scanned_ = nullptr;
  std::string_view scanned_text_;
  std::size_t cursor_ = 0;
  std::size_t current_ = 0;
  // Views into libxml2's interned names and the current node's value: valid until next().
  std::string_view local_name_;
  std::string_view ns_uri_;
  std::string_view text_;
  bool word_ns_ = false;
  bool pending_end_ = false;  // an empty element's synthesised end event is due
  XmlError error_ = XmlError::none;
  std::string message_;
};

// The WordprocessingML namespaces: transitional (what Word and WPS write) and strict.
inline constexpr std::string_view k_word_ns =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr std::string_view k_word_strict_ns =
    "http://purl.oclc.org/ooxml/wordprocessingml/main";
inline constexpr std::string_view k_markup_compat_ns =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";

}  // namespace nianbao::readers::docx
