#pragma once
// Comparing a record with a golden file (../shared/spec/GOLDEN.md): every listed figure must
// be right, and nothing the golden does not list may be emitted. The project's goldens may also
// say what a document that cannot be read must give, which GOLDEN.md has no word for:
//   "expect": {"status": "failed", "diagnostics": ["pdf_no_text_layer"]}
// (the record's status, and codes that must be among its diagnostics).

#include <filesystem>
#include <string>
#include <vector>

#include "extractor/model/record.hpp"

namespace nianbao::testing {

struct GoldenComparison {
  int expected = 0;                 // figures the golden lists
  int right = 0;                    // of those, emitted with the right value or status
  std::vector<std::string> wrong;   // emitted with another value, or not listed at all
  std::vector<std::string> missed;  // listed but not emitted
  std::vector<std::string> meta;  // report fields, or the expected status/diagnostics, that differ
  bool outcome_expected = false;  // the golden states the record's outcome ("expect")
};

// Every *.golden.json below `dir`, sorted.
std::vector<std::filesystem::path> golden_files(const std::filesystem::path& dir);

// The input document a golden file describes (its name without ".golden.json").
std::filesystem::path document_of(const std::filesystem::path& golden);

GoldenComparison compare_with_golden(const model::Record& record,
                                     const std::filesystem::path& golden);

std::string describe(const GoldenComparison& c);

// The share of the golden's figures emitted right (1 for a golden that lists none).
double recall(const GoldenComparison& c);

}  // namespace nianbao::testing
