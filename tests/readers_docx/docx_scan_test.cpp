// The fast XML scanner against libxml2: whatever scan_xml accepts, libxml2's reader must accept
// too and report the same elements, namespaces, attributes and text (the reader then only ever
// sees what the scanner refused, so its diagnostics are unchanged). Checked on every XML part of
// the corpora, on hand-written edge cases, and on thousands of random mutations.

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "docx_fixture.hpp"
#include "extractor/readers/docx/body_parser.hpp"
#include "extractor/readers/docx/docx_package.hpp"
#include "extractor/readers/docx/numbering.hpp"
#include "extractor/readers/docx/xml_scan.hpp"
#include "extractor/readers/docx/xml_stream.hpp"
#include "test_paths.hpp"

namespace nianbao::testing::docx {
namespace {

using readers::docx::XmlEvent;
using readers::docx::XmlStream;

constexpr int k_depth = 192;

// Everything a consumer can observe, one line per event; adjacent text is joined (consumers
// only ever append it). Elements named "skipme" are skipped, to compare skip_element too.
std::string transcript(XmlStream& xml) {
  static const char* const k_attributes[] = {
      "val",     "type", "w",      "char", "fldCharType", "numId", "ilvl",
      "styleId", "Type", "Target", "id",   "x",           "space", "abstractNumId"};
  std::string out;
  std::string text;
  const auto flush = [&] {
    if (!text.empty()) out += "T[" + text + "]\n";
    text.clear();
  };
  for (XmlEvent ev = xml.next(); ev != XmlEvent::done; ev = xml.next()) {
    if (ev == XmlEvent::text) {
      text += xml.text();
      continue;
    }
    flush();
    out += ev == XmlEvent::start ? "S " : "E ";
    out += std::string(xml.namespace_uri()) + (xml.in_word_namespace() ? " (w) " : " ") +
           std::string(xml.local_name());
    if (ev == XmlEvent::start) {
      for (const char* a : k_attributes) {
        if (xml.has_attribute(a)) out += std::string(" ") + a + "=[" + xml.attribute(a) + "]";
      }
      if (xml.local_name() == "skipme") xml.skip_element();
    }
    out += "\n";
  }
  flush();
  return out;
}

// The libxml2 reader's transcript, or nullopt when it fails.
std::optional<std::string> via_libxml(const std::string& xml_text) {
  const std::string zip = make_zip({{"part.xml", xml_text}});
  readers::docx::PackageFailure failure;
  auto package = readers::docx::Package::open(zip, {}, failure);
  if (!package) return std::nullopt;
  auto part = package->open_part("part.xml", failure);
  if (!part) return std::nullopt;
  XmlStream xml(*part, k_depth);
  std::string out = transcript(xml);
  if (xml.error() != readers::docx::XmlError::none) return std::nullopt;
  return out;
}

// The scanner's transcript, or nullopt when it refuses the part.
std::optional<std::string> via_scan(std::string xml_text) {
  readers::docx::ScannedXml scanned;
  if (!readers::docx::scan_xml(xml_text, k_depth, scanned)) return std::nullopt;
  XmlStream xml(xml_text, scanned);
  return transcript(xml);
}

// The property: an accepted part reads the same through libxml2.
void expect_agreement(const std::string& xml_text, bool must_accept) {
  const std::optional<std::string> scanned = via_scan(xml_text);
  if (must_accept) {
    EXPECT_TRUE(scanned.has_value()) << xml_text;
  }
  if (!scanned) return;
  const std::optional<std::string> reference = via_libxml(xml_text);
  ASSERT_TRUE(reference.has_value()) << "accepted what libxml2 refuses:\n" << xml_text;
  EXPECT_EQ(*scanned, *reference) << xml_text;
}

std::string wrap(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document xmlns:w=\"" +
         std::string(k_w_ns) +
         "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
         body + "</w:document>";
}

std::vector<std::string> xml_parts_of(const std::filesystem::path& docx) {
  const std::string bytes = read_bytes(docx);
  readers::docx::PackageFailure failure;
  auto package = readers::docx::Package::open(bytes, {}, failure);
  std::vector<std::string> parts;
  if (!package) return parts;
  for (const char* name : {"word/document.xml", "word/styles.xml", "word/numbering.xml",
                           "docProps/core.xml", "_rels/.rels"}) {
    std::string text;
    if (package->read_part(name, text).error == readers::docx::PackageError::none) {
      parts.push_back(text);
    }
  }
  return parts;
}

std::vector<std::filesystem::path> corpus_documents() {
  std::vector<std::filesystem::path> out;
  std::vector<std::filesystem::path> dirs{project_corpus()};
  if (auto shared = shared_corpus()) dirs.push_back(*shared / "full");
  for (const auto& dir : dirs) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (entry.path().extension() == ".docx") out.push_back(entry.path());
    }
  }
  return out;
}

TEST(DocxScan, EveryCorpusPartIsScannedAndReadsAsWithLibxml) {
  const auto documents = corpus_documents();
  ASSERT_FALSE(documents.empty());
  for (const auto& path : documents) {
    SCOPED_TRACE(path.string());
    for (const std::string& part : xml_parts_of(path)) expect_agreement(part, true);
  }
}

TEST(DocxScan, EdgeCasesAgreeWithLibxml) {
  const std::vector<std::string> accepted{
      wrap("<w:p><w:r><w:t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</w:t></w:r></w:p>"),
      wrap("<w:t>&#20013;&#x6587;&#X41;</w:t>"),  // &#X is malformed: must be refused or agree
      wrap("<w:t>&#x1F600;&#65;&#x9;&#10;&#13;</w:t>"),
      wrap("<w:t xml:space=\"preserve\">  lead and trail  </w:t>"),
      wrap("<w:t><![CDATA[<b>not a tag</b> & ]]></w:t>"),
      wrap("<!-- a comment --><w:p/><!---->"),
      wrap("<w:numFmt w:val=\"a\tb\nc  d\"/><w:lvlText w:val=\"%1&#9;&#10;x\"/>"),
      wrap("<w:x val='single' w:val=\"word\"/>"),
      wrap("<w:x w:val=\"t\" s:val=\"s\" val=\"n\" xmlns:s=\"" +
           std::string(readers::docx::k_word_strict_ns) + "\"/>"),
      wrap("<w:x s:val=\"s\" val=\"n\" xmlns:s=\"" + std::string(readers::docx::k_word_strict_ns) +
           "\"/>"),
      wrap("<w:x val=\"n\"/><w:x w:val=\"\"/><w:x/>"),
      wrap("<p xmlns=\"" + std::string(k_w_ns) + "\"><r><t>default ns</t></r></p>"),
      wrap("<p xmlns=\"urn:other:ns\"><q xmlns=\"\"><t>no ns</t></q></p>"),
      wrap("<w:p xmlns:w=\"urn:rebound:w\"><w:t>rebound</w:t></w:p><w:t>back</w:t>"),
      wrap("<w:p  w:rsidR = \"00A1\"\n\tw:rsidRDefault='00B2' ><w:r ><w:t >x</w:t ></w:r></w:p >"),
      wrap("<w:skipme><w:p><w:t>hidden</w:t></w:p></w:skipme><w:skipme/><w:t>after</w:t>"),
      wrap("<w:t>中文 ✓ 𝄞 \xC2\x85 ]] ] > </w:t>"),
      "\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8'?><a><b/></a>\n<!-- tail -->\n",
      "<a xmlns:w=\"" + std::string(k_w_ns) + "\"><w:b w:val=\"1\"/></a>",
      "<?xml version=\"1.0\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
      "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://x/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>",
  };
  for (const std::string& xml : accepted) expect_agreement(xml, false);
  for (std::size_t i = 0; i < accepted.size(); ++i) {
    if (i == 1) continue;
    EXPECT_TRUE(via_scan(accepted[i]).has_value()) << accepted[i];
  }
}

TEST(DocxScan, RefusesWhatItLeavesToLibxml) {
  const std::vector<std::string> refused{
      "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>",
      wrap("<w:t>&nbsp;</w:t>"),
      wrap("<w:t>&#0;</w:t>"),
      wrap("<w:t>&#xD800;</w:t>"),
      wrap("<w:t>a & b</w:t>"),
      wrap("<w:t>line\r\nbreak</w:t>"),
      wrap("<w:t>bad \xC3 utf8</w:t>"),
      wrap("<w:t>overlong \xC0\xAF</w:t>"),
      wrap("<w:t>nul \x01</w:t>"),
      wrap("<w:t>a ]]> b</w:t>"),
      wrap("<w:p></w:q>"),
      wrap("<w:p>"),
      wrap("<x:p/>"),
      wrap("<w:p w:val=\"1\" w:val=\"2\"/>"),
      wrap("<w:p a=\"1\" a=\"2\"/>"),
      wrap("<w:p a=\"1\"b=\"2\"/>"),
      wrap("<w:p a=\"<\"/>"),
      wrap("<w:p a=1/>"),
      wrap("<?pi data?>"),
      wrap("<!-- a -- b -->"),
      wrap("<!-- <!DOCTYPE x> -->"),
      wrap("<w:t><![CDATA[<!ENTITY x>]]></w:t>"),
      wrap("<w:p xmlns:q=\"\"/>"),
      wrap("<w:p xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>"),
      wrap("<w:p xmlns:a=\"urn:x\" xmlns:a=\"urn:y\"/>"),
      wrap("<w:p xmlns:a=\"urn:x\" xmlns:b=\"urn:x\" a:v=\"1\" b:v=\"2\"/>"),
      wrap("<w:t>&#x110000;</w:t>"),
      wrap("<w:t>\xEF\xBF\xBE</w:t>"),
      wrap("<w:p>") + "trailing",
      wrap("") + "<second/>",
      "<?xml version=\"1.1\"?><a/>",
      "<?xml version=\"1.0\" encoding=\"GB2312\"?><a/>",
      " <?xml version=\"1.0\"?><a/>",
      "",
      "<a>",
      std::string("<a>\0</a>", 8),
  };
  for (const std::string& xml : refused) {
    EXPECT_FALSE(via_scan(xml).has_value()) << xml;
  }
}

TEST(DocxScan, DepthAtTheLimitIsLeftToLibxml) {
  std::string deep;
  for (int i = 0; i < k_depth; ++i) deep += "<w:p>";
  for (int i = 0; i < k_depth; ++i) deep += "</w:p>";
  EXPECT_FALSE(via_scan(wrap(deep)).has_value());
  std::string shallow;
  for (int i = 0; i < k_depth - 2; ++i) shallow += "<w:p>";
  for (int i = 0; i < k_depth - 2; ++i) shallow += "</w:p>";
  expect_agreement(wrap(shallow), true);
}

// Random small edits of a part full of the constructs the scanner handles: whenever the result
// is accepted, it must read exactly as with libxml2.
TEST(DocxScan, MutationsNeverMakeItAcceptWhatLibxmlReadsDifferently) {
  const std::string seed = wrap(
      "<w:body><w:p w:rsidR=\"00A1\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/>"
      "</w:numPr></w:pPr><w:r><w:rPr><w:vanish w:val='0'/></w:rPr><w:t xml:space=\"preserve\">"
      "一、 a&amp;b &#x4E00;</w:t><w:tab/><w:sym w:char=\"F02B\"/></w:r><!-- c -->"
      "<w:r><w:t><![CDATA[x<y]]></w:t></w:r></w:p><w:skipme><w:t>s</w:t></w:skipme>"
      "<v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\" v:id=\"1\" id=\"2\"/></w:body>");
  ASSERT_TRUE(via_scan(seed).has_value());
  const std::string alphabet = std::string("<>&;:\"'/=!?[]-#x \t\r\n\xC3\xA9\xFFw", 24) + '\0';
  std::mt19937 rng(20261126);
  int accepted = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = seed;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 4) {
        case 0:
          text.erase(at, 1 + rng() % 3);
          break;
        case 1:
          text.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
        case 2:
          text[at] = alphabet[rng() % alphabet.size()];
          break;
        default: {
          const std::size_t from = rng() % text.size();
          text.insert(at, text.substr(from, 1 + rng() % 12));
          break;
        }
      }
    }
    if (!via_scan(text)) continue;
    ++accepted;
    expect_agreement(text, false);
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(accepted, 100);  // the property was exercised
}

TEST(DocxScan, ElementBudgetStopsTheBodyParserOnTheFastPath) {
  const std::string bytes =
      read_bytes(project_corpus() / "docx" / "2022-county-numbered-split.docx");
  readers::docx::PackageFailure failure;
  auto package = readers::docx::Package::open(bytes, {}, failure);
  ASSERT_NE(package, nullptr);
  std::string text;
  ASSERT_TRUE(package->read_part_within("word/document.xml", readers::docx::k_max_scanned_part,
                                        text, failure));
  readers::docx::ScannedXml scanned;
  ASSERT_TRUE(readers::docx::scan_xml(text, k_depth, scanned));
  XmlStream xml(text, scanned);
  readers::docx::Numbering numbering;
  readers::docx::RawBody body;
  readers::docx::parse_body(xml, numbering, body, 50);
  EXPECT_TRUE(body.too_large);
  EXPECT_LE(body.blocks.size(), 50u);
}

TEST(DocxScan, PartsBeyondTheLimitAreNotReadWhole) {
  const std::string big = wrap(std::string(4096, ' '));
  const std::string zip = make_zip({{"part.xml", big}});
  readers::docx::PackageFailure failure;
  auto package = readers::docx::Package::open(zip, {}, failure);
  ASSERT_NE(package, nullptr);
  std::string text;
  EXPECT_FALSE(package->read_part_within("part.xml", 1000, text, failure));
  EXPECT_EQ(failure.error, readers::docx::PackageError::none);
  EXPECT_TRUE(package->read_part_within("part.xml", big.size(), text, failure));
  EXPECT_EQ(text, big);
  EXPECT_FALSE(package->read_part_within("absent.xml", 1000, text, failure));
  EXPECT_EQ(failure.error, readers::docx::PackageError::missing_part);
}

}  // namespace
}  // namespace nianbao::testing::docx
