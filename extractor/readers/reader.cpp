#include "extractor/readers/reader.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "extractor/readers/doc/doc_reader.hpp"
#include "extractor/readers/docx/docx_reader.hpp"
#include "extractor/readers/html/html_reader.hpp"
#include "extractor/readers/image/image_reader.hpp"
#include "extractor/readers/pdf/pdf_reader.hpp"
#include "extractor/readers/sha256.hpp"
#include "extractor/readers/text/text_reader.hpp"

namespace nianbao::readers {
namespace {

constexpr std::uint64_t k_max_input_bytes = 256ull * 1024 * 1024;

bool starts_with_bytes(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_control_byte(unsigned char c) {
  return c == 0 || (c < 0x09) || (c > 0x0D && c < 0x20 && c != 0x1B);
}

// Whether any of the eight bytes at `p` is below 0x20 (so may be a control byte): the classic
// "has a byte less than n" test, exact in saying whether there is one.
bool may_hold_control_byte(const char* p) {
  std::uint64_t word = 0;
  std::memcpy(&word, p, sizeof word);
  constexpr std::uint64_t k_ones = 0x0101010101010101ull;
  constexpr std::uint64_t k_high_bits = 0x8080808080808080ull;
  return ((word - 0x20 * k_ones) & ~word & k_high_bits) != 0;
}

// A document that is mostly control bytes is not text in any encoding we read.
bool looks_binary(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096);
  if (n == 0) return false;
  std::size_t control = 0;
  // Text has a control-range byte (a line break) only every few dozen bytes: words without
  // one are stepped over whole.
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    if (!may_hold_control_byte(bytes.data() + i)) continue;
    for (std::size_t k = i; k < i + 8; ++k)
      if (is_control_byte(static_cast<unsigned char>(bytes[k]))) ++control;
  }
  for (; i < n; ++i)
    if (is_control_byte(static_cast<unsigned char>(bytes[i]))) ++control;
  // UTF-16 text has many NULs; a BOM says so and the text reader handles it.
  if (starts_with_bytes(bytes, "\xFF\xFE") || starts_with_bytes(bytes, "\xFE\xFF")) return false;
  // Text in any encoding we read has next to no such bytes; random or compressed data has
  // about 9 % (24 of the 256 byte values). A few stray ones in a text stay text.
  constexpr std::size_t k_min_control_bytes = 4;
  return control >= k_min_control_bytes && control * 50 > n;  // more than 2 %
}

char lower_ascii_char(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether `text` at `at` reads `lower_marker` (lower case), ignoring ASCII case.
bool starts_with_ignoring_case(std::string_view text, std::size_t at,
                               std::string_view lower_marker) {
  if (text.size() - at < lower_marker.size()) return false;
  for (std::size_t k = 0; k < lower_marker.size(); ++k)
    if (lower_ascii_char(text[at + k]) != lower_marker[k]) return false;
  return true;
}

// Every marker starts with '<': only the places of that byte are compared (a plain text
// report has few or none), instead of lowering the whole head first.
bool looks_like_html(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 4096);
  for (std::size_t at = head.find('<'); at != std::string_view::npos; at = head.find('<', at + 1)) {
    for (std::string_view marker : {"<!doctype html", "<html", "<head", "<body", "<meta ", "<table",
                                    "<div", "<p>", "<p ", "<br"}) {
      if (starts_with_ignoring_case(head, at, marker)) return true;
    }
  }
  return false;
}

void fail(model::Document& doc, const char* code, std::string message) {
  doc.readable = false;
  doc.diagnostics.push_back({code, model::Severity::error, std::move(message), {}});
}

}  // namespace

const char* to_string(Format format) {
  switch (format) {
    case Format::text:
      return "text";
    case Format::docx:
      return "docx";
    case Format::html:
      return "html";
    case Format::legacy_doc:
      return "doc";
    case Format::pdf:
      return "pdf";
    case Format::image:
      return "image";
    case Format::zip_other:
      return "zip";
    case Format::binary:
      return "binary";
  }
  return "binary";
}

Format detect_format(std::string_view bytes, std::string_view path) {
  if (starts_with_bytes(bytes, "PK\x03\x04") || starts_with_bytes(bytes, "PK\x05\x06")) {
    // A docx names word/document.xml in its central directory; the name is stored verbatim.
    if (bytes.find("word/document.xml") != std::string_view::npos) return Format::docx;
    if (ends_with(lower_ascii(path), ".docx")) return Format::docx;  // let the reader explain
    return Format::zip_other;
  }
  if (starts_with_bytes(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Format::legacy_doc;
  // A PDF's header may follow up to 1 KiB of junk (as Acrobat allows).
  if (bytes.substr(0, 1024 + 5).find("%PDF-") != std::string_view::npos) return Format::pdf;
  if (looks_like_image(bytes)) return Format::image;
  if (looks_binary(bytes)) return Format::binary;
  if (looks_like_html(bytes)) return Format::html;
  const std::string lower = lower_ascii(path);
  if (ends_with(lower, ".html") || ends_with(lower, ".htm")) return Format::html;
  return Format::text;
}

model::Document read_bytes(std::string_view bytes, const std::string& path) {
  model::Document doc;
  doc.source.path = path;
  doc.source.bytes = bytes.size();
  doc.source.sha256 = sha256_hex(bytes);
  const Format format = detect_format(bytes, path);
  doc.source.format = to_string(format);
  if (bytes.empty()) {
    doc.diagnostics.push_back(
        {"input_empty", model::Severity::error, "the input is empty (0 bytes)", {}});
    doc.readable = false;
    return doc;
  }
  switch (format) {
    case Format::text:
      read_text(bytes, doc);
      break;
    case Format::docx:
      read_docx(bytes, doc);
      break;
    case Format::html:
      read_html(bytes, doc);
      break;
    case Format::legacy_doc:
      // A password-protected .docx is an OLE2 container too; converting will not help it.
      if (is_encrypted_office_package(bytes)) {
        fail(doc, "docx_encrypted", "a password-protected Word document cannot be read");
        break;
      }
      read_doc(bytes, path, doc);
      break;
    case Format::pdf:
      read_pdf(bytes, doc);
      break;
    case Format::image:
      read_image(bytes, doc);
      break;
    case Format::zip_other:
      fail(doc, "format_zip_not_word", "a ZIP archive that is not a Word document");
      break;
    case Format::binary:
      if (has_wps_extension(path)) {  // Microsoft Works 2/3 and old Kingsoft WPS files
        fail(doc, "format_wps_unsupported",
             "a .wps that is not in the Word binary format (Microsoft Works, or an old Kingsoft "
             "WPS file); open and save it as .doc or .docx first");
        break;
      }
      fail(doc, "format_binary", "binary data that is not text, docx or HTML");
      break;
  }
  return doc;
}

model::Document read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    model::Document doc;
    doc.source.path = path;
    fail(doc, "input_unreadable", "cannot open the file");
    return doc;
  }
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0 || static_cast<std::uint64_t>(size) > k_max_input_bytes) {
    model::Document doc;
    doc.source.path = path;
    doc.source.bytes = size < 0 ? 0 : static_cast<std::uint64_t>(size);
    fail(doc, size < 0 ? "input_unreadable" : "input_too_large",
         size < 0 ? "cannot read the file" : "the file is larger than 256 MiB");
    return doc;
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), size);
  if (!in) {
    model::Document doc;
    doc.source.path = path;
    fail(doc, "input_unreadable", "reading the file failed");
    return doc;
  }
  return read_bytes(bytes, path);
}

}  // namespace nianbao::readers
