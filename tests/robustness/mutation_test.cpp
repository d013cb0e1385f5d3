// Bad input never crashes and always gives one record: the seed report cut, overwritten and
// shuffled in many ways (run under ASan and UBSan with the rest of the suite).
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "extractor/output/record_json.hpp"
#include "extractor/pipeline/extract.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

std::string seed_bytes() {
  std::ifstream in(project_corpus() / "text" / "2019-seed-wanyuan-jingxin.txt", std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string mutate(const std::string& original, std::mt19937& rng) {
  std::string s = original;
  std::uniform_int_distribution<int> kind(0, 4);
  std::uniform_int_distribution<std::size_t> at(0, s.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  switch (kind(rng)) {
    case 0:  // cut anywhere, also inside a UTF-8 sequence
      s.resize(at(rng));
      break;
    case 1:  // overwrite bytes with noise
      for (int k = 0; k < 20; ++k) s[at(rng)] = static_cast<char>(byte(rng));
      break;
    case 2: {  // delete a stretch of lines
      const std::size_t from = at(rng);
      s.erase(from, std::min<std::size_t>(s.size() - from, 300));
      break;
    }
    case 3: {  // duplicate a stretch (repeated table rows)
      const std::size_t from = at(rng);
      s.insert(from, s.substr(from, 400));
      break;
    }
    default:  // turn newlines into pipes or tabs
      for (char& c : s)
        if (c == '\n' && byte(rng) < 60) c = byte(rng) < 128 ? '|' : '\t';
  }
  return s;
}

TEST(Robustness, MutatedReportsGiveOneValidRecordEach) {
  const std::string seed = seed_bytes();
  ASSERT_FALSE(seed.empty());
  std::mt19937 rng(20191231);
  for (int i = 0; i < 120; ++i) {
    const std::string input = mutate(seed, rng);
    const model::Record record = pipeline::extract_bytes(input, "mutated.txt");
    std::string json;
    output::append_record_json(record, json, false);
    ASSERT_FALSE(json.empty());
    // Every figure that was placed keeps a value that its raw text gives.
    for (const model::Figure& f : record.figures) {
      if (f.status == norm::CellStatus::value) {
        ASSERT_TRUE(f.value.has_value()) << f.id;
      }
    }
  }
}

TEST(Robustness, PathologicalShapes) {
  const std::string cases[] = {
      std::string(200000, '|'),
      std::string(100000, '\t'),
      std::string(50000, '0') + "\n",
      "一、\n二、\n三、\n四、\n五、\n六、\n七、\n八、\n九、\n十、\n",
      std::string(3000, '\n'),
      "规章" + std::string(10000, ' ') + "1 2 3",
      "\xEF\xBB\xBF",
      "\xFF\xFE",
      "\xFE\xFF\x00",
  };
  for (const std::string& input : cases) {
    const model::Record record = pipeline::extract_bytes(input, "odd.txt");
    EXPECT_NE(record.source.sha256, "");
  }
}

}  // namespace
}  // namespace nianbao::testing
