// The scanner against the facts the golden files list (../shared/corpus, where present): over a
// document's text it must find exactly those figures, in order, with the same value, unit and
// qualifier.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "golden.hpp"
#include "normalizers/scanner.hpp"
#include "test_paths.hpp"

namespace nianbao::norm {
namespace {

struct ExpectedFact {
  std::string value;  // the number exactly as the golden file writes it
  std::string unit;
  std::string qualifier;
};

// Collects facts[].value/unit/qualifier through nlohmann's SAX interface, which hands over
// integers as integers and fractions with their own text, so no expected value ever passes
// through a double.
class FactsCollector : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::vector<ExpectedFact> facts;

  bool null() override { return scalar("", true); }
  bool boolean(bool) override { return scalar("", false); }
  // Integers arrive as integers (exact); a fraction arrives with its own text as well.
  bool number_integer(number_integer_t v) override { return scalar(std::to_string(v), false); }
  bool number_unsigned(number_unsigned_t v) override { return scalar(std::to_string(v), false); }
  bool number_float(number_float_t, const string_t& s) override { return scalar(s, false); }
  bool string(string_t& s) override { return scalar(s, false); }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    ++depth_;
    if (in_facts_ && depth_ == facts_depth_ + 1) facts.emplace_back();
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    if (depth_ == 1 && key_ == "facts") {
      in_facts_ = true;
      facts_depth_ = depth_;
    }
    ++array_depth_;
    return true;
  }
  bool end_array() override {
    --array_depth_;
    if (in_facts_ && depth_ == facts_depth_) in_facts_ = false;
    return true;
  }
  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool scalar(const std::string& text, bool is_null) {
    if (!in_facts_ || depth_ != facts_depth_ + 1 || facts.empty()) return true;
    if (key_ == "value") facts.back().value = is_null ? "null" : text;
    if (key_ == "unit") facts.back().unit = text;
    if (key_ == "qualifier") facts.back().qualifier = text;
    return true;
  }

  int depth_ = 0;
  int array_depth_ = 0;
  bool in_facts_ = false;
  int facts_depth_ = 0;
  std::string key_;
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string describe(const ExpectedFact& f) { return f.value + f.unit + "/" + f.qualifier; }

std::string describe(const Figure& f) {
  const std::string value = f.value ? f.value->to_string() : "range";
  return value + f.unit + "/" + to_string(f.qualifier);
}

TEST(GoldenFacts, ScannerFindsExactlyTheListedFacts) {
  NIANBAO_REQUIRE_SHARED_CORPUS(corpus);
  int documents = 0;
  for (const auto& golden : testing::golden_files(corpus)) {
    const std::filesystem::path document = testing::document_of(golden);
    if (document.extension() != ".txt") continue;  // facts are checked on plain text only
    FactsCollector collector;
    std::ifstream in(golden, std::ios::binary);
    ASSERT_TRUE(nlohmann::json::sax_parse(in, &collector)) << golden;
    if (collector.facts.empty()) continue;
    ++documents;
    std::vector<std::string> expected;
    for (const ExpectedFact& f : collector.facts) expected.push_back(describe(f));
    std::vector<std::string> found;
    for (const Figure& f : scan_figures(read_file(document))) found.push_back(describe(f));
    EXPECT_EQ(found, expected) << document;
  }
  EXPECT_GT(documents, 0) << "no golden file with facts under " << corpus;
}

}  // namespace
}  // namespace nianbao::norm
