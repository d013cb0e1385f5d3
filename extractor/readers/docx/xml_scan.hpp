#pragma once
// A fast path for the common case: one whole, small, plain UTF-8 XML part scanned in a single
// pass into a flat list of start, end and text nodes, several times cheaper than libxml2's
// xmlTextReader. It accepts only a strict subset of XML, the part WordprocessingML producers
// write (ASCII names, declared prefixes, the predefined entities and character references,
// comments, CDATA), and it refuses everything else: anything malformed, unusual or near a
// limit (a DOCTYPE, a processing instruction, a carriage return in content, non-UTF-8, deep
// nesting, huge parts). A refused part is read again by the libxml2 path (XmlStream over a
// PartStream), so every diagnostic, limit and partial result stays exactly what it was; the
// scanner only has to be right about what it accepts, and what it accepts libxml2 accepts too,
// with the same nodes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::readers::docx {

enum class ScanKind : std::uint8_t { start, end, text };

// Namespace 0 is "no namespace"; the scanner interns every other URI it binds.
struct ScanNode {
  std::uint32_t offset = 0;  // start, end: the local name; text: the (decoded) text
  std::uint32_t length = 0;
  std::uint32_t end = 0;         // start: index of its end node, for skipping the element
  std::uint32_t first_attr = 0;  // start: its attributes in ScannedXml::attributes
  std::uint16_t attr_count = 0;
  std::uint8_t ns = 0;
  ScanKind kind = ScanKind::text;
};

// Only attributes without a namespace or in a WordprocessingML namespace are kept: those are
// the ones XmlStream::attribute can return.
struct ScanAttribute {
  std::uint32_t name_offset = 0;  // local name
  std::uint32_t name_length = 0;
  std::uint32_t value_offset = 0;  // decoded value
  std::uint32_t value_length = 0;
  std::uint8_t ns = 0;
};

struct ScannedXml {
  std::vector<ScanNode> nodes;
  std::vector<ScanAttribute> attributes;
  std::vector<std::string_view> namespaces;  // by ns index; [0] is ""
  std::vector<std::uint8_t> word_namespace;  // by ns index: 1 for transitional or strict main
};

// Parts larger than this are streamed by libxml2 instead, which keeps memory small.
inline constexpr std::size_t k_max_scanned_part = 8u << 20;

// Scans `text`, decoding entities in place (so views in `out` point into `text`). Returns
// false when the part is outside the accepted subset or nests `max_depth` elements or more;
// then `out` is meaningless and the part must be read by the libxml2 path.
bool scan_xml(std::string& text, int max_depth, ScannedXml& out);

}  // namespace nianbao::readers::docx
