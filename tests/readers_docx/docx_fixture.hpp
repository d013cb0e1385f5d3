#pragma once
// Builds small .docx packages in memory (libzip) so that each test states the exact
// WordprocessingML it feeds the reader, and helpers to look at the resulting model.

#include <gtest/gtest.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "extractor/model/document.hpp"
#include "extractor/readers/docx/docx_reader.hpp"

namespace nianbao::testing::docx {

using Parts = std::vector<std::pair<std::string, std::string>>;

inline constexpr const char* k_w_ns =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// A ZIP archive holding `parts` (deflated), as bytes.
inline std::string make_zip(const Parts& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) throw std::runtime_error("zip_source_buffer_create");
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open_from_source");
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (s == nullptr || zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) {
      throw std::runtime_error("zip_file_add " + name);
    }
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close");
  std::string out;
  if (zip_source_open(buffer) != 0) throw std::runtime_error("zip_source_open");
  char chunk[4096];
  for (;;) {
    const zip_int64_t n = zip_source_read(buffer, chunk, sizeof chunk);
    if (n <= 0) break;
    out.append(chunk, static_cast<std::size_t>(n));
  }
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

// document.xml around a body fragment.
inline std::string document_xml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>") +
         "<w:document xmlns:w=\"" + k_w_ns +
         "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
         " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
         " xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:body>" +
         body + "</w:body></w:document>";
}

inline std::string numbering_xml(const std::string& content) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering xmlns:w=\"") + k_w_ns +
         "\">" + content + "</w:numbering>";
}

inline std::string styles_xml(const std::string& content) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"") + k_w_ns +
         "\">" + content + "</w:styles>";
}

// A package with the body fragment and optional extra parts (e.g. word/numbering.xml).
inline std::string make_docx(const std::string& body, Parts extra = {}) {
  Parts parts{{"[Content_Types].xml",
               "<?xml version=\"1.0\"?><Types "
               "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
              {"word/document.xml", document_xml(body)}};
  for (auto& p : extra) parts.push_back(std::move(p));
  return make_zip(parts);
}

inline model::Document read(const std::string& bytes) {
  model::Document doc;
  readers::read_docx(bytes, doc);
  return doc;
}

// A body's document, which must be readable.
inline model::Document read_body(const std::string& body) {
  model::Document doc = read(make_docx(body));
  EXPECT_TRUE(doc.readable);
  return doc;
}

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline model::Document read_path(const std::filesystem::path& path) {
  return read(read_bytes(path));
}

// The text of every paragraph block, in order.
inline std::vector<std::string> paragraph_texts(const model::Document& doc) {
  std::vector<std::string> out;
  for (const auto& b : doc.blocks) {
    if (b.kind == model::Block::Kind::paragraph) out.push_back(b.paragraph.text);
  }
  return out;
}

// The top-level tables in reading order.
inline std::vector<const model::Table*> body_tables(const model::Document& doc) {
  std::vector<const model::Table*> out;
  for (const auto& b : doc.blocks) {
    if (b.kind == model::Block::Kind::table)
      out.push_back(&doc.tables.at(static_cast<std::size_t>(b.table)));
  }
  return out;
}

// The text at a grid position ("<hole>" where no cell covers it).
inline std::string at(const model::Table& t, int row, int col) {
  const auto grid = t.expand_to_grid();
  const model::Cell* c = grid.at(static_cast<std::size_t>(row)).at(static_cast<std::size_t>(col));
  return c == nullptr ? "<hole>" : c->text;
}

// The cell whose top-left corner is at (row, col), or nullptr.
inline const model::Cell* cell_at(const model::Table& t, int row, int col) {
  for (const auto& c : t.cells) {
    if (c.row == row && c.col == col) return &c;
  }
  return nullptr;
}

inline bool has_code(const model::Document& doc, const std::string& code) {
  for (const auto& d : doc.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

// Word markup shorthands.
inline std::string r(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}
inline std::string p(const std::string& runs, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + runs + "</w:p>";
}
inline std::string tc(const std::string& text, const std::string& tcpr = "") {
  return "<w:tc>" + (tcpr.empty() ? "" : "<w:tcPr>" + tcpr + "</w:tcPr>") + p(r(text)) + "</w:tc>";
}
inline std::string tr(const std::string& cells, const std::string& trpr = "") {
  return "<w:tr>" + (trpr.empty() ? "" : "<w:trPr>" + trpr + "</w:trPr>") + cells + "</w:tr>";
}
inline std::string tbl(int cols, const std::string& rows, int width = 1000) {
  std::string grid;
  for (int i = 0; i < cols; ++i) grid += "<w:gridCol w:w=\"" + std::to_string(width) + "\"/>";
  return "<w:tbl><w:tblPr/><w:tblGrid>" + grid + "</w:tblGrid>" + rows + "</w:tbl>";
}
inline std::string span(int n) { return "<w:gridSpan w:val=\"" + std::to_string(n) + "\"/>"; }
inline const char* k_restart = "<w:vMerge w:val=\"restart\"/>";
inline const char* k_continue = "<w:vMerge/>";

}  // namespace nianbao::testing::docx
