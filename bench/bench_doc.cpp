// .doc throughput: documents per second for reading alone (compound file → document model),
// for the container alone (libgsf opening it and copying out the streams), and for the whole
// path (file → JSON record), on the project's own corpus/doc documents.
//
//   build-release/bench/bench_doc --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "bench/bench_inputs.hpp"
#include "extractor/model/document.hpp"
#include "extractor/output/record_json.hpp"
#include "extractor/pipeline/extract.hpp"
#include "extractor/readers/doc/cfb.hpp"
#include "extractor/readers/doc/doc_reader.hpp"

namespace {

namespace fs = std::filesystem;

using nianbao::bench::Input;

std::vector<Input> load_inputs() {
  const fs::path corpus = fs::path(NIANBAO_SOURCE_DIR) / "corpus" / "doc";
  std::vector<Input> inputs;
  for (const char* name : {"2022-county-numbered-split.doc", "2022-town-nested-textbox.doc",
                           "2020-town-blanks.doc", "2016-lingbi-civil-affairs-statistics.doc"}) {
    const fs::path p = corpus / name;
    if (fs::exists(p)) inputs.push_back(nianbao::bench::input_of(p));
  }
  return inputs;
}

const std::vector<Input>& inputs() {
  static const std::vector<Input> loaded = load_inputs();
  return loaded;
}

void set_counters(benchmark::State& state, const Input& input) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(input.bytes.size()));
  state.counters["docs_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.SetLabel(input.name);
}

// Reading alone: container, FIB, piece table, formatting pages, story, table grids.
void BM_DocRead(benchmark::State& state) {
  const Input& input = inputs().at(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    nianbao::model::Document doc;
    nianbao::readers::read_doc(input.bytes, input.path.string(), doc);
    benchmark::DoNotOptimize(doc.tables.data());
  }
  set_counters(state, input);
}

// The container alone: libgsf opens the compound file and the three streams are copied out.
void BM_DocContainer(benchmark::State& state) {
  namespace doc = nianbao::readers::doc;
  const Input& input = inputs().at(static_cast<std::size_t>(state.range(0)));
  std::string stream;
  for (auto _ : state) {
    std::string why;
    const std::unique_ptr<doc::CompoundFile> file = doc::CompoundFile::open(input.bytes, why);
    if (!file) {
      state.SkipWithError("not a compound file");
      return;
    }
    for (const char* name : {"WordDocument", "1Table", "Data"}) {
      file->read(name, 64u << 20, stream);
      benchmark::DoNotOptimize(stream.data());
    }
  }
  set_counters(state, input);
}

// The whole path: the file read from disk, extracted and written as a JSON record.
void BM_DocFileToJson(benchmark::State& state) {
  const Input& input = inputs().at(static_cast<std::size_t>(state.range(0)));
  nianbao::bench::time_file_to_json(state, input);
  set_counters(state, input);
}

void each_input(benchmark::internal::Benchmark* b) {
  for (std::size_t i = 0; i < inputs().size(); ++i) b->Arg(static_cast<std::int64_t>(i));
}

BENCHMARK(BM_DocRead)->Apply(each_input)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DocContainer)->Apply(each_input)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DocFileToJson)->Apply(each_input)->Unit(benchmark::kMicrosecond);

}  // namespace
