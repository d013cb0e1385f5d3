// Whole path for plain-text reports: bytes in memory → record → JSON, as the bulk mode runs it
// per input (reading the file from disk is left out; tools/ measures that end to end).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extractor/output/record_json.hpp"
#include "extractor/pipeline/extract.hpp"

namespace {

std::string read_corpus_file(const char* relative) {
  std::ifstream in(std::filesystem::path(NIANBAO_SOURCE_DIR) / "corpus" / relative,
                   std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void whole_path(benchmark::State& state, const char* relative) {
  const std::string bytes = read_corpus_file(relative);
  if (bytes.empty()) {
    state.SkipWithError("corpus file missing");
    return;
  }
  std::string json;
  for (auto _ : state) {
    const nianbao::model::Record record = nianbao::pipeline::extract_bytes(bytes, relative);
    json.clear();
    nianbao::output::append_record_json(record, json, false);
    benchmark::DoNotOptimize(json.data());
  }
  state.counters["reports/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(bytes.size()));
}

BENCHMARK_CAPTURE(whole_path, seed_2019_word_copy, "text/2019-seed-wanyuan-jingxin.txt")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(whole_path, report_2021_pipe_rows, "text/2023-water-bureau-piperows.txt")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(whole_path, report_2021_pdftotext_layout,
                  "pdftext/2022-district-market-bureau.pdftotext-layout.txt")
    ->Unit(benchmark::kMicrosecond);

}  // namespace
