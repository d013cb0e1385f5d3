// PDF throughput on the project's own corpus/pdf files: what MuPDF costs alone (open, every
// page's glyphs and ruling collected), the whole reader (bytes → document model: lines,
// furniture, grids, paragraphs), and the whole path (file → JSON record), each file on its own
// and the whole set.
//
//   build-release/bench/bench_pdf --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/bench_inputs.hpp"
#include "extractor/model/document.hpp"
#include "extractor/output/record_json.hpp"
#include "extractor/pipeline/extract.hpp"
#include "extractor/readers/pdf/pdf_reader.hpp"
#include "extractor/readers/pdf/pdf_source.hpp"

namespace {

namespace fs = std::filesystem;

using nianbao::bench::Input;

// Every PDF of corpus/pdf, sorted by name, so that the argument numbers stay the same.
std::vector<Input> load_inputs() {
  const fs::path corpus = fs::path(NIANBAO_SOURCE_DIR) / "corpus" / "pdf";
  std::vector<Input> inputs;
  if (!fs::is_directory(corpus)) return inputs;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.path().extension() != ".pdf") continue;
    inputs.push_back(nianbao::bench::input_of(entry.path()));
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const Input& a, const Input& b) { return a.name < b.name; });
  return inputs;
}

const std::vector<Input>& inputs() {
  static const std::vector<Input> loaded = load_inputs();
  return loaded;
}

void set_counters(benchmark::State& state, std::int64_t docs_per_iteration, std::int64_t bytes,
                  const std::string& label) {
  const auto iterations = static_cast<std::int64_t>(state.iterations());
  state.SetItemsProcessed(iterations * docs_per_iteration);
  state.SetBytesProcessed(iterations * bytes);
  state.counters["docs_per_s"] = benchmark::Counter(
      static_cast<double>(iterations * docs_per_iteration), benchmark::Counter::kIsRate);
  state.SetLabel(label);
}

// MuPDF alone: the document opened, every page's characters with their boxes and its drawn
// lines collected (pdf_source.cpp), nothing of the geometry that follows.
void BM_PdfSource(benchmark::State& state) {
  const Input& input = inputs().at(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const nianbao::readers::pdf::Source source = nianbao::readers::pdf::load_pdf(input.bytes);
    benchmark::DoNotOptimize(source.pages.data());
  }
  set_counters(state, 1, static_cast<std::int64_t>(input.bytes.size()), input.name);
}

// The whole reader: bytes → document model (paragraphs in reading order, table grids).
void BM_PdfRead(benchmark::State& state) {
  const Input& input = inputs().at(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    nianbao::model::Document doc;
    nianbao::readers::read_pdf(input.bytes, doc);
    benchmark::DoNotOptimize(doc.tables.data());
  }
  set_counters(state, 1, static_cast<std::int64_t>(input.bytes.size()), input.name);
}

// The whole path: the file read from disk, extracted and written as a JSON record.
void BM_PdfFileToJson(benchmark::State& state) {
  const Input& input = inputs().at(static_cast<std::size_t>(state.range(0)));
  nianbao::bench::time_file_to_json(state, input);
  set_counters(state, 1, static_cast<std::int64_t>(input.bytes.size()), input.name);
}

// The whole path over every file of corpus/pdf in turn (the scanned one included), as a bulk
// run meets them.
void BM_PdfCorpusToJson(benchmark::State& state) {
  if (inputs().empty()) {
    state.SkipWithError("corpus/pdf has no PDFs");
    return;
  }
  std::int64_t bytes = 0;
  for (const Input& input : inputs()) bytes += static_cast<std::int64_t>(input.bytes.size());
  std::string json;
  for (auto _ : state) {
    for (const Input& input : inputs()) {
      const nianbao::model::Record record = nianbao::pipeline::extract_file(input.path.string());
      json.clear();
      nianbao::output::append_record_json(record, json, false);
      benchmark::DoNotOptimize(json.data());
    }
  }
  set_counters(state, static_cast<std::int64_t>(inputs().size()), bytes,
               std::to_string(inputs().size()) + " files");
}

void each_input(benchmark::internal::Benchmark* b) {
  for (std::size_t i = 0; i < inputs().size(); ++i) b->Arg(static_cast<std::int64_t>(i));
}

BENCHMARK(BM_PdfSource)->Apply(each_input)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdfRead)->Apply(each_input)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdfFileToJson)->Apply(each_input)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdfCorpusToJson)->Unit(benchmark::kMillisecond);

}  // namespace
