// Docx throughput: documents per second for reading alone (bytes → document model) and for the
// whole path (file → JSON record), on realistic reports. The shared corpus's real reports are
// used when ../shared/corpus is present, the project's own corpus/docx documents always.
//
//   build/bench/bench_docx --benchmark_counters_tabular=true

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
#include "extractor/readers/docx/docx_package.hpp"
#include "extractor/readers/docx/docx_reader.hpp"
#include "extractor/readers/docx/xml_scan.hpp"

namespace {

namespace fs = std::filesystem;

using nianbao::bench::Input;

std::vector<Input> load_inputs() {
  const fs::path source = NIANBAO_SOURCE_DIR;
  std::vector<fs::path> paths{
      source.parent_path() / "shared" / "corpus" / "full" / "2019-seed-wanyuan-jingxin.docx",
      source.parent_path() / "shared" / "corpus" / "full" / "2021-synthetic-county.docx",
      source / "corpus" / "docx" / "2022-county-numbered-split.docx",
      source / "corpus" / "docx" / "2022-town-nested-textbox.docx"};
  std::vector<Input> inputs;
  for (const fs::path& p : paths) {
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

// Reading alone: unzip, stream document.xml, build the table grids.
void BM_DocxRead(benchmark::State& state) {
  const Input& input = inputs().at(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    nianbao::model::Document doc;
    nianbao::readers::read_docx(input.bytes, doc);
    benchmark::DoNotOptimize(doc.tables.data());
  }
  set_counters(state, input);
}

// The first step of reading alone: word/document.xml inflated and scanned into its nodes
// (the rest of BM_DocxRead is the body parser, the other parts and the table grids).
void BM_DocxScanDocumentXml(benchmark::State& state) {
  namespace docx = nianbao::readers::docx;
  const Input& input = inputs().at(static_cast<std::size_t>(state.range(0)));
  docx::PackageFailure failure;
  const std::unique_ptr<docx::Package> package = docx::Package::open(input.bytes, {}, failure);
  if (!package) {
    state.SkipWithError("not a package");
    return;
  }
  std::string text;
  docx::ScannedXml scanned;
  for (auto _ : state) {
    if (!package->read_part_within("word/document.xml", docx::k_max_scanned_part, text, failure) ||
        !docx::scan_xml(text, 192, scanned)) {
      state.SkipWithError("document.xml is not scanned");
      return;
    }
    benchmark::DoNotOptimize(scanned.nodes.data());
  }
  set_counters(state, input);
}

// The whole path: the file read from disk, extracted and written as a JSON record.
void BM_DocxFileToJson(benchmark::State& state) {
  const Input& input = inputs().at(static_cast<std::size_t>(state.range(0)));
  nianbao::bench::time_file_to_json(state, input);
  set_counters(state, input);
}

void each_input(benchmark::internal::Benchmark* b) {
  for (std::size_t i = 0; i < inputs().size(); ++i) b->Arg(static_cast<std::int64_t>(i));
}

BENCHMARK(BM_DocxRead)->Apply(each_input)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DocxScanDocumentXml)->Apply(each_input)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DocxFileToJson)->Apply(each_input)->Unit(benchmark::kMicrosecond);

}  // namespace
