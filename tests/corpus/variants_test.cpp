// The project's text reports, passed through the damage that copying does to real reports
// (VARIATIONS A–E): repeated lines removed, empty cells dropped, CRLF line ends, page numbers
// between rows, full-width digits, ideographic spaces. Where the damage loses information figures
// may go missing; none may be wrong or invented, and damage that loses nothing loses no figure.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/pipeline/extract.hpp"
#include "golden.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

using Lines = std::vector<std::string>;

Lines lines_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  Lines lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string joined(const Lines& lines, const char* end = "\n") {
  std::string out;
  for (const std::string& l : lines) out += l + end;
  return out;
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Some page copies keep a line only the first time it occurs (Xiongxian 2019).
std::string without_repeated_lines(const Lines& lines) {
  std::set<std::string> seen;
  Lines out;
  for (const std::string& l : lines)
    if (trimmed(l).empty() || seen.insert(trimmed(l)).second) out.push_back(l);
  return joined(out);
}

// Empty cells and merge padding vanish without a trace (VARIATIONS A.1).
std::string without_empty_cells(const Lines& lines) {
  Lines out;
  for (const std::string& l : lines) {
    const std::string t = trimmed(l);
    if (!t.empty() && t.find_first_not_of("|\t ") == std::string::npos) continue;
    out.push_back(l);
  }
  return joined(out);
}

std::string with_page_numbers(const Lines& lines) {
  Lines out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out.push_back(lines[i]);
    if (i % 40 == 39) out.push_back("-" + std::to_string(i / 40 + 1) + "-");
  }
  return joined(out);
}

std::string replaced(const std::string& text, const std::string& from, const std::string& to) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t hit; (hit = text.find(from, at)) != std::string::npos; at = hit + from.size())
    out += text.substr(at, hit - at) + to;
  return out + text.substr(at);
}

std::string with_full_width_digits(const Lines& lines) {
  static const char* const k_wide[] = {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"};
  std::string out;
  for (char c : joined(lines)) {
    if (c >= '0' && c <= '9') {
      out += k_wide[c - '0'];
    } else {
      out.push_back(c);
    }
  }
  return out;
}

struct Variant {
  const char* name;
  std::function<std::string(const Lines&)> make;
  bool keeps_every_cell;  // the damage loses no information: every figure must still be read
};

const std::vector<Variant>& variants() {
  static const std::vector<Variant> all = {
      {"repeated lines removed", without_repeated_lines, false},
      {"empty cells dropped", without_empty_cells, false},
      {"CRLF", [](const Lines& l) { return joined(l, "\r\n"); }, true},
      {"page numbers", with_page_numbers, true},
      {"full-width digits", with_full_width_digits, true},
      {"ideographic spaces", [](const Lines& l) { return replaced(joined(l), " ", "\u3000"); },
       true},
  };
  return all;
}

TEST(Variants, DamagedCopiesGiveNoWrongFigure) {
  const auto goldens = golden_files(project_corpus() / "text");
  ASSERT_GE(goldens.size(), 5u);
  for (const auto& golden : goldens) {
    const Lines lines = lines_of(document_of(golden));
    for (const Variant& v : variants()) {
      const model::Record r = pipeline::extract_bytes(v.make(lines), "variant.txt");
      const GoldenComparison c = compare_with_golden(r, golden);
      EXPECT_TRUE(c.wrong.empty()) << golden.filename() << ", " << v.name << ": " << describe(c);
      if (v.keeps_every_cell) {
        EXPECT_EQ(c.right, c.expected)
            << golden.filename() << ", " << v.name << ": " << describe(c);
      }
    }
  }
}

}  // namespace
}  // namespace nianbao::testing
