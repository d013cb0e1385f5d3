// The .docx reader: package checks, then the optional parts that shape the text (styles and
// numbering for list labels, core properties for the title), then one pass over the main
// document part, then table grids. Each XML part is inflated whole and scanned (xml_scan.hpp)
// when it is small and plain; otherwise, and whenever anything is wrong with it, libxml2 streams
// it (xml_stream.hpp), which is where every XML diagnostic comes from.
//
// Diagnostic codes (all errors make the document unreadable unless noted):
//   docx_legacy_doc     an OLE2 binary .doc; it must be converted (LibreOffice) first
//   docx_encrypted      a password-protected package (Office encryption or ZIP encryption)
//   docx_not_zip        the bytes are not a ZIP archive at all
//   docx_truncated      a ZIP without its end: cut short or damaged
//   docx_zip_bomb       too many entries, too large or too highly compressed parts
//   docx_zip_corrupt    a part fails to decompress (bad data, CRC mismatch)
//   docx_not_word       a ZIP without a WordprocessingML main document
//   docx_xml_error      the main document is not well-formed XML
//   docx_xml_dtd        an XML part declares a DOCTYPE or entities (XXE, billion laughs)
//   docx_too_deep       an XML part nests elements beyond the depth limit
//   docx_too_large      the main document has more paragraphs, rows and cells than any report
//   docx_alt_chunk      (warning) w:altChunk content (an embedded HTML/MHT/RTF page) is not read
//   docx_part_unreadable (warning) styles, numbering or core properties could not be read;
//                       list labels or the title may be missing
//   docx_table_joined   (info) a table split at a page or section break was joined
//   docx_layout_frame   (info) a one-column table framing body text was read as body text
//   docx_grid_sliver    (info) a near-zero-width grid column that starts no cell was removed
//   docx_column_deleted (info) a column deleted with tracked changes (w:cellDel) was dropped
//   docx_vmerge_orphan  (warning) a w:vMerge continue cell with nothing above to continue
//   docx_table_too_large (warning) a table beyond the grid size limit was cut

#include "extractor/readers/docx/docx_reader.hpp"

#include <memory>
#include <string>

#include "extractor/readers/docx/body_parser.hpp"
#include "extractor/readers/docx/docx_package.hpp"
#include "extractor/readers/docx/layout_frames.hpp"
#include "extractor/readers/docx/numbering.hpp"
#include "extractor/readers/docx/table_builder.hpp"
#include "extractor/readers/docx/xml_scan.hpp"
#include "extractor/readers/docx/xml_stream.hpp"

namespace nianbao::readers {

namespace {

using docx::PackageError;
using docx::PackageFailure;
using docx::XmlError;

// WordprocessingML nests a few levels per table, text box and content control; 192 leaves
// room for deeply nested real tables and stays below libxml2's own limit of 256.
constexpr int k_max_xml_depth = 192;

constexpr const char* k_office_document_rel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
constexpr const char* k_office_document_rel_strict =
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

void fail(model::Document& doc, const char* code, std::string message) {
  doc.readable = false;
  doc.blocks.clear();
  doc.tables.clear();
  doc.hints = {};
  doc.diagnostics.push_back({code, model::Severity::error, std::move(message), {}});
}

void warn(model::Document& doc, const char* code, std::string message) {
  doc.diagnostics.push_back({code, model::Severity::warning, std::move(message), {}});
}

const char* package_code(PackageError error) {
  switch (error) {
    case PackageError::not_zip:
      return "docx_not_zip";
    case PackageError::truncated:
      return "docx_truncated";
    case PackageError::encrypted:
      return "docx_encrypted";
    case PackageError::zip_bomb:
      return "docx_zip_bomb";
    case PackageError::missing_part:
      return "docx_not_word";
    case PackageError::corrupt:
    case PackageError::none:
      break;
  }
  return "docx_zip_corrupt";
}

const char* xml_code(XmlError error) {
  switch (error) {
    case XmlError::doctype:
      return "docx_xml_dtd";
    case XmlError::too_deep:
      return "docx_too_deep";
    case XmlError::malformed:
    case XmlError::source:
    case XmlError::none:
      break;
  }
  return "docx_xml_error";
}

// A failure of a part is fatal when it is a safety refusal; a merely broken optional part
// only costs us its information.
bool is_safety_failure(const PackageFailure& failure) {
  return failure.error == PackageError::zip_bomb || failure.error == PackageError::encrypted;
}

// Outcome of reading one XML part: a package failure, an XML failure, or success.
struct PartOutcome {
  PackageFailure package;
  XmlError xml = XmlError::none;
  std::string message;
  bool ok() const { return package.error == PackageError::none && xml == XmlError::none; }
};

// The fast path's buffers, kept per thread from one part and one document to the next: fresh
// buffers of a few hundred kB are mapped and faulted in anew each time, which costs more system
// time than the scan. A buffer that grew beyond k_kept_scratch is released after use, so one
// large document does not keep its memory.
struct ScanScratch {
  std::string text;
  docx::ScannedXml scanned;
};

constexpr std::size_t k_kept_scratch = 4u << 20;

ScanScratch& scan_scratch() {
  thread_local ScanScratch scratch;
  return scratch;
}

struct ReleaseLargeScratch {
  ScanScratch& scratch;
  explicit ReleaseLargeScratch(ScanScratch& kept) : scratch(kept) {}
  ReleaseLargeScratch(const ReleaseLargeScratch&) = delete;
  ReleaseLargeScratch& operator=(const ReleaseLargeScratch&) = delete;
  ~ReleaseLargeScratch() {
    const docx::ScannedXml& s = scratch.scanned;
    const std::size_t held = scratch.text.capacity() + s.nodes.capacity() * sizeof(docx::ScanNode) +
                             s.attributes.capacity() * sizeof(docx::ScanAttribute);
    if (held > k_kept_scratch) scratch = ScanScratch{};
  }
};

// The fast path: the whole part inflated and scanned (see xml_scan.hpp), then replayed through
// `consume`. False, with nothing consumed, when the part must be streamed by libxml2 instead;
// `missing` is set when the part is not in the archive at all.
template <typename Consume>
bool consume_scanned_part(const docx::Package& package, const std::string& name, bool& missing,
                          Consume& consume) {
  ScanScratch& scratch = scan_scratch();
  const ReleaseLargeScratch release{scratch};
  PackageFailure failure;
  if (!package.read_part_within(name, docx::k_max_scanned_part, scratch.text, failure)) {
    missing = failure.error == PackageError::missing_part;
    return false;
  }
  if (!docx::scan_xml(scratch.text, k_max_xml_depth, scratch.scanned)) return false;
  docx::XmlStream xml(scratch.text, scratch.scanned);
  consume(xml);
  return true;
}

// Reads the part `name` through `consume(XmlStream&)`: scanned when it can be, otherwise (and
// for every failure, so that diagnostics and partial results stay those of libxml2) streamed.
template <typename Consume>
PartOutcome read_xml_part(const docx::Package& package, const std::string& name,
                          Consume&& consume) {
  PartOutcome outcome;
  bool missing = false;
  if (consume_scanned_part(package, name, missing, consume)) return outcome;
  if (missing) {
    outcome.package = {PackageError::missing_part, "no part " + name};
    return outcome;
  }
  std::unique_ptr<docx::PartStream> stream = package.open_part(name, outcome.package);
  if (!stream) return outcome;
  docx::XmlStream xml(*stream, k_max_xml_depth);
  consume(xml);
  if (xml.error() == XmlError::source) {
    outcome.package = stream->failure();
  } else if (xml.error() != XmlError::none) {
    outcome.xml = xml.error();
    outcome.message = xml.error_message();
  }
  return outcome;
}

// Reports a failed part on `doc`; returns true when the document cannot be read on.
bool report_part_failure(model::Document& doc, const std::string& name, const PartOutcome& outcome,
                         bool required) {
  if (outcome.ok()) return false;
  if (outcome.package.error == PackageError::missing_part && !required) return false;
  const bool safety = is_safety_failure(outcome.package) || outcome.xml == XmlError::doctype ||
                      outcome.xml == XmlError::too_deep;
  if (required || safety) {
    if (outcome.package.error != PackageError::none) {
      fail(doc, package_code(outcome.package.error), name + ": " + outcome.package.message);
    } else {
      fail(doc, xml_code(outcome.xml), name + ": " + outcome.message);
    }
    return true;
  }
  warn(doc, "docx_part_unreadable",
       name + " could not be read (" +
           (outcome.package.error != PackageError::none ? outcome.package.message
                                                        : outcome.message) +
           "); list labels or the title may be missing");
  return false;
}

// The main document part named by the package relationships, "word/document.xml" by default.
std::string main_part_name(const docx::Package& package) {
  const std::string standard = "word/document.xml";
  if (package.has_part(standard)) return standard;
  std::string target;
  read_xml_part(package, "_rels/.rels", [&target](docx::XmlStream& xml) {
    for (auto ev = xml.next(); ev != docx::XmlEvent::done; ev = xml.next()) {
      if (ev != docx::XmlEvent::start || xml.local_name() != "Relationship") continue;
      const std::string type = xml.attribute("Type");
      if (type == k_office_document_rel || type == k_office_document_rel_strict) {
        target = xml.attribute("Target");
      }
    }
  });
  while (!target.empty() && target.front() == '/') target.erase(0, 1);
  return target;
}

std::string directory_of(const std::string& part) {
  const auto slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string trim(std::string s) {
  const auto not_space = [](unsigned char c) {
    return c != ' ' && c != '\t' && c != '\n' && c != '\r';
  };
  while (!s.empty() && !not_space(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && !not_space(static_cast<unsigned char>(s[start]))) ++start;
  return s.substr(start);
}

// dc:title of docProps/core.xml.
bool read_title(const docx::Package& package, model::Document& doc) {
  std::string title;
  const std::string name = "docProps/core.xml";
  PartOutcome outcome = read_xml_part(package, name, [&title](docx::XmlStream& xml) {
    bool in_title = false;
    for (auto ev = xml.next(); ev != docx::XmlEvent::done; ev = xml.next()) {
      if (ev == docx::XmlEvent::start || ev == docx::XmlEvent::end) {
        in_title = ev == docx::XmlEvent::start && xml.local_name() == "title" &&
                   xml.namespace_uri() == "http://purl.org/dc/elements/1.1/";
      } else if (in_title) {
        title += xml.text();
      }
    }
  });
  if (report_part_failure(doc, name, outcome, false)) return false;
  doc.hints.title = trim(title);
  return true;
}

bool load_numbering(const docx::Package& package, const std::string& dir,
                    docx::Numbering& numbering, model::Document& doc) {
  const std::string styles = dir + "styles.xml";
  PartOutcome outcome = read_xml_part(
      package, styles, [&numbering](docx::XmlStream& xml) { numbering.load_styles(xml); });
  if (report_part_failure(doc, styles, outcome, false)) return false;
  const std::string lists = dir + "numbering.xml";
  outcome =
      read_xml_part(package, lists, [&numbering](docx::XmlStream& xml) { numbering.load(xml); });
  return !report_part_failure(doc, lists, outcome, false);
}

bool fail_on_ole2(std::string_view bytes, model::Document& doc) {
  if (!docx::is_ole2(bytes)) return false;
  if (docx::is_encrypted_ooxml(bytes)) {
    fail(doc, "docx_encrypted",
         "the document is password-protected (an encrypted Office package); it can only be read "
         "after the password is removed");
  } else {
    fail(doc, "docx_legacy_doc",
         "legacy binary Word (.doc) is not read; convert it first, e.g. "
         "`libreoffice --headless --convert-to docx FILE.doc`");
  }
  return true;
}

}  // namespace

void read_docx(std::string_view bytes, model::Document& doc) {
  if (fail_on_ole2(bytes, doc)) return;
  PackageFailure failure;
  std::unique_ptr<docx::Package> package = docx::Package::open(bytes, {}, failure);
  if (!package) {
    fail(doc, package_code(failure.error), failure.message);
    return;
  }
  const std::string main_part = main_part_name(*package);
  if (main_part.empty() || !package->has_part(main_part)) {
    fail(doc, "docx_not_word", "a ZIP archive without a Word main document (word/document.xml)");
    return;
  }
  if (!read_title(*package, doc)) return;
  docx::Numbering numbering;
  if (!load_numbering(*package, directory_of(main_part), numbering, doc)) return;

  docx::RawBody body;
  PartOutcome outcome = read_xml_part(
      *package, main_part, [&](docx::XmlStream& xml) { docx::parse_body(xml, numbering, body); });
  if (report_part_failure(doc, main_part, outcome, true)) return;
  if (body.too_large) {
    fail(doc, "docx_too_large",
         main_part + " has more than " + std::to_string(docx::k_max_body_items) +
             " paragraphs, tables, rows and cells; not a report");
    return;
  }
  if (!body.saw_document_root) {
    fail(doc, "docx_not_word", main_part + " is not a WordprocessingML document (no w:document)");
    return;
  }
  if (body.alt_chunks > 0) {
    // Web systems export "Word" files that wrap an HTML or MHT page in w:altChunk; Word
    // renders the page, this reader does not, so the figures in it are missing.
    warn(doc, "docx_alt_chunk",
         std::to_string(body.alt_chunks) +
             " embedded chunk(s) (w:altChunk: HTML, MHT or RTF imported on opening) are not "
             "read; open and save the file in Word or LibreOffice to inline them");
  }
  // Frames first: a report's tables split at a page break inside a frame are then next to
  // each other in the body, where join_split_tables looks for them.
  docx::unwrap_layout_frames(body, doc.diagnostics);
  docx::join_split_tables(body, doc.diagnostics);
  docx::build_document(body, doc);
}

bool is_encrypted_office_package(std::string_view bytes) { return docx::is_encrypted_ooxml(bytes); }

}  // namespace nianbao::readers
