#pragma once
// The documents a benchmark reads, loaded once before timing: each with a short name for the
// benchmark's label, its path and its bytes.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extractor/output/record_json.hpp"
#include "extractor/pipeline/extract.hpp"

namespace nianbao::bench {

struct Input {
  std::string name;
  std::filesystem::path path;
  std::string bytes;
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline Input input_of(const std::filesystem::path& path) {
  return {path.stem().string(), path, slurp(path)};
}

// The whole path, timed: the file read from disk, extracted and written as a JSON record.
inline void time_file_to_json(benchmark::State& state, const Input& input) {
  std::string json;
  for (auto _ : state) {
    const model::Record record = pipeline::extract_file(input.path.string());
    json.clear();
    output::append_record_json(record, json, false);
    benchmark::DoNotOptimize(json.data());
  }
}

}  // namespace nianbao::bench
