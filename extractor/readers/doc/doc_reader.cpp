// The .doc reader: the compound file (libgsf), the FIB, the piece table and the formatting
// index, then the main document's story (with its text boxes) into the docx reader's raw body,
// and from there the same layout-frame, split-table and grid passes as docx.
//
// Diagnostic codes (errors make the document unreadable):
//   doc_cfb_invalid        the compound file's header, FAT or directory is damaged
//   doc_not_word           a compound file without a WordDocument stream (Excel, PowerPoint…)
//   format_wps_unsupported a .wps that is not in the Word binary format (Microsoft Works, old
//                          Kingsoft WPS)
//   doc_stream_unreadable  a stream the document needs is missing, or its sector chain loops or
//                          leaves the file
//   doc_fib_invalid        the File Information Block is cut short or its counts do not fit
//   doc_version_unsupported a Word 6.0/95 or older file (nFib below Word 97's)
//   doc_encrypted          password-protected (fEncrypted) or obfuscated (fObfuscated)
//   doc_piece_table_invalid the piece table does not parse, or names text past the stream
//   doc_formatting_invalid a bin table or formatting page (FKP) lies outside its stream or
//                          does not parse
//   doc_too_large          a stream, the text or the number of paragraphs, cells and rows is
//                          beyond any report
//   doc_container_damaged  (warning) libgsf reported damage in the container but the document
//                          was read
//   doc_text_box_unanchored (info) a text box whose shape has no anchor; read after the body
// The table passes shared with docx report as doc_table_joined, doc_layout_frame,
// doc_grid_sliver, doc_vmerge_orphan and doc_table_too_large.

#include "extractor/readers/doc/doc_reader.hpp"

#include <memory>
#include <set>
#include <string>

#include "extractor/readers/doc/bytes.hpp"
#include "extractor/readers/doc/cfb.hpp"
#include "extractor/readers/doc/fib.hpp"
#include "extractor/readers/doc/formatting.hpp"
#include "extractor/readers/doc/lists.hpp"
#include "extractor/readers/doc/piece_table.hpp"
#include "extractor/readers/doc/story_reader.hpp"
#include "extractor/readers/doc/summary_info.hpp"
#include "extractor/readers/doc/text_boxes.hpp"
#include "extractor/readers/docx/docx_package.hpp"
#include "extractor/readers/docx/layout_frames.hpp"
#include "extractor/readers/docx/table_builder.hpp"
#include "extractor/readers/docx/values.hpp"

namespace nianbao::readers {

namespace {

using doc::Bytes;
using doc::StreamStatus;

// The largest stream read: a report's WordDocument is well under 1 MiB, a long one with
// pictures a few MiB.
constexpr std::size_t k_max_stream_bytes = 64u << 20;
constexpr std::size_t k_max_summary_bytes = 1u << 20;

void fail(model::Document& doc, const char* code, std::string message) {
  doc.readable = false;
  doc.blocks.clear();
  doc.tables.clear();
  doc.hints = {};
  doc.diagnostics.push_back({code, model::Severity::error, std::move(message), {}});
}

void note(model::Document& doc, model::Severity severity, const char* code, std::string message) {
  doc.diagnostics.push_back({code, severity, std::move(message), {}});
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// Microsoft Works keeps its text in "CONTENTS" (Works 4 and later) or "MN0" (Works 4's word
// processor); old Kingsoft WPS files are not compound files at all.
bool is_works_file(const doc::CompoundFile& file) {
  return file.has("CONTENTS") || file.has("MN0");
}

// Reads a stream the document needs; false (with the failure reported) when it cannot be had.
bool read_stream(const doc::CompoundFile& file, const std::string& name, std::string& out,
                 model::Document& doc) {
  switch (file.read(name, k_max_stream_bytes, out)) {
    case StreamStatus::ok:
      return true;
    case StreamStatus::missing:
      fail(doc, "doc_stream_unreadable", "the " + name + " stream is missing");
      return false;
    case StreamStatus::too_large:
      fail(doc, "doc_too_large",
           "the " + name + " stream is larger than " + std::to_string(k_max_stream_bytes >> 20) +
               " MiB");
      return false;
    case StreamStatus::unreadable:
      break;
  }
  fail(doc, "doc_stream_unreadable",
       "the " + name +
           " stream cannot be read: its sector chain is broken (it loops, ends early "
           "or points outside the file)");
  return false;
}

bool check_fib(const doc::Fib& fib, doc::FibError error, model::Document& doc) {
  switch (error) {
    case doc::FibError::none:
      break;
    case doc::FibError::too_short:
    case doc::FibError::malformed:
      fail(doc, "doc_fib_invalid", "the File Information Block is cut short or does not parse");
      return false;
    case doc::FibError::not_word:
      fail(doc, "doc_not_word", "the WordDocument stream does not start with a Word FIB");
      return false;
    case doc::FibError::old_version:
      fail(doc, "doc_version_unsupported",
           "a Word 6.0/95 or older document (nFib " + std::to_string(fib.n_fib) +
               "); open and save it as Word 97–2003 or .docx with LibreOffice first, e.g. "
               "`libreoffice --headless --convert-to docx FILE.doc`");
      return false;
  }
  if (fib.encrypted || fib.obfuscated) {
    fail(doc, "doc_encrypted",
         "the document is password-protected; it can only be read after the password is removed");
    return false;
  }
  return true;
}

bool check_pieces(const doc::PieceTable& pieces, doc::PieceError error, const doc::Fib& fib,
                  model::Document& doc) {
  switch (error) {
    case doc::PieceError::none:
      break;
    case doc::PieceError::too_large:
      fail(doc, "doc_too_large",
           "the piece table holds more than " + std::to_string(doc::k_max_characters) +
               " characters");
      return false;
    case doc::PieceError::past_end:
      fail(doc, "doc_piece_table_invalid",
           "the piece table names text beyond the end of its stream");
      return false;
    case doc::PieceError::malformed:
      fail(doc, "doc_piece_table_invalid", "the piece table (Clx) does not parse");
      return false;
  }
  if (pieces.cp_limit() < fib.ccp_text) {
    fail(doc, "doc_piece_table_invalid",
         "the piece table holds " + std::to_string(pieces.cp_limit()) + " characters, the FIB " +
             std::to_string(fib.ccp_text));
    return false;
  }
  return true;
}

// CPs just after each section mark (PlcfSed's CPs, the first one, 0, aside).
std::set<std::uint32_t> section_ends(const doc::Fib& fib, const Bytes& table) {
  std::set<std::uint32_t> ends;
  constexpr std::size_t k_sed_size = 12;
  const doc::FcLcb where = fib.plcf_sed;
  if (where.lcb < 4 || (where.lcb - 4) % (4 + k_sed_size) != 0 || !table.has(where.fc, where.lcb))
    return ends;
  const std::size_t n = (where.lcb - 4) / (4 + k_sed_size);
  for (std::size_t i = 1; i <= n; ++i) ends.insert(table.u32_or_zero(where.fc + i * 4));
  return ends;
}

// The passes shared with docx name their diagnostics docx_*; from a .doc they are doc_*.
void rename_shared_codes(model::Diagnostics& diagnostics, std::size_t from) {
  for (std::size_t i = from; i < diagnostics.size(); ++i) {
    std::string& code = diagnostics[i].code;
    if (code.rfind("docx_", 0) == 0) code.erase(3, 1);
  }
}

bool has_visible_text(const std::vector<docx::RawBlock>& blocks) {
  for (const docx::RawBlock& block : blocks) {
    if (block.is_table || !docx::is_blank_text(block.paragraph.text)) return true;
  }
  return false;
}

struct Streams {
  std::string word_document;
  std::string table;
  std::string data;
};

// The body of the main document, its text boxes at their anchors.
void read_body(const doc::StoryContext& context, const doc::Fib& fib, const Bytes& table,
               model::Document& doc) {
  docx::RawBody& body = context.body;
  doc::TextBoxes boxes = doc::read_text_boxes(context, fib, table);
  doc::read_story(context, 0, fib.ccp_text, &boxes.anchored, body.blocks);
  if (has_visible_text(boxes.unanchored)) {
    note(doc, model::Severity::info, "doc_text_box_unanchored",
         "a text box whose shape has no anchor in the main text is read after the body");
    for (docx::RawBlock& block : boxes.unanchored) body.blocks.push_back(std::move(block));
  }
  for (const docx::RawBlock& block : body.blocks) {
    if (block.is_table) body.tables[static_cast<std::size_t>(block.table)].top_level = true;
  }
}

void read_word_document(const doc::CompoundFile& file, Streams& s, model::Document& doc) {
  if (!read_stream(file, "WordDocument", s.word_document, doc)) return;
  const Bytes word_document(s.word_document);
  doc::FibError fib_error = doc::FibError::none;
  const doc::Fib fib = doc::parse_fib(word_document, fib_error);
  if (!check_fib(fib, fib_error, doc)) return;
  if (!read_stream(file, fib.table_stream(), s.table, doc)) return;
  if (file.has("Data") && !read_stream(file, "Data", s.data, doc)) return;
  const Bytes table(s.table);
  doc::PieceError piece_error = doc::PieceError::none;
  const doc::PieceTable pieces =
      doc::parse_piece_table(table, fib.clx, word_document.size(), piece_error);
  if (!check_pieces(pieces, piece_error, fib, doc)) return;
  const doc::Formatting formatting(word_document, table, Bytes(s.data), fib, pieces);
  if (formatting.error() != doc::FormattingError::none) {
    fail(doc, "doc_formatting_invalid", formatting.error_message());
    return;
  }
  const std::uint64_t story_end = fib.textbox_story_start() + fib.ccp_txbx;
  const auto needed = static_cast<std::uint32_t>(
      std::min<std::uint64_t>(pieces.cp_limit(), std::max<std::uint64_t>(fib.ccp_text, story_end)));
  const std::vector<doc::Char> text = doc::decode_text(pieces, word_document, needed);
  const std::set<std::uint32_t> sections = section_ends(fib, table);
  docx::RawBody body;
  docx::Numbering numbering;
  doc::read_lists(fib, table, numbering);
  const doc::StoryContext context{text, formatting, sections, body, &numbering};
  read_body(context, fib, table, doc);
  if (body.too_large) {
    fail(doc, "doc_too_large",
         "the document has more than " + std::to_string(doc::k_max_story_items) +
             " paragraphs, cells and rows; not a report");
    return;
  }
  const std::size_t first_shared = doc.diagnostics.size();
  docx::unwrap_layout_frames(body, doc.diagnostics);
  docx::join_split_tables(body, doc.diagnostics);
  docx::build_document(body, doc);
  rename_shared_codes(doc.diagnostics, first_shared);
  std::string summary;
  if (file.read("\005SummaryInformation", k_max_summary_bytes, summary) == StreamStatus::ok) {
    doc.hints.title = doc::summary_title(summary);
  }
}

}  // namespace

bool has_wps_extension(std::string_view path) {
  const std::string name = lower(path);
  return name.size() >= 4 && name.compare(name.size() - 4, 4, ".wps") == 0;
}

void read_doc(std::string_view bytes, std::string_view path, model::Document& doc) {
  const doc::GlibMessages messages;
  std::string why;
  const std::unique_ptr<doc::CompoundFile> file = doc::CompoundFile::open(bytes, why);
  if (!file) {
    fail(doc, "doc_cfb_invalid", "the compound file cannot be opened: " + why);
    return;
  }
  if (!file->has("WordDocument")) {
    if (is_works_file(*file) || has_wps_extension(path)) {
      fail(doc, "format_wps_unsupported",
           "a .wps that is not in the Word binary format (Microsoft Works, or an old Kingsoft "
           "WPS file); open and save it as .doc or .docx first");
    } else if (docx::ole2_names(bytes, "WordDocument")) {
      // libgsf leaves out a directory entry whose size or start does not fit the file.
      fail(doc, "doc_stream_unreadable",
           "the directory names a WordDocument stream that cannot be read (its size or first "
           "sector does not fit the file)");
    } else {
      fail(doc, "doc_not_word",
           "a compound file without a WordDocument stream (an Excel, PowerPoint or other file)");
    }
    return;
  }
  Streams streams;
  read_word_document(*file, streams, doc);
  if (doc.readable && messages.count() > 0) {
    note(doc, model::Severity::warning, "doc_container_damaged",
         "the compound file is damaged in places (" + messages.first() +
             "); the text that could be read was read");
  }
}

}  // namespace nianbao::readers
