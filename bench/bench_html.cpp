// HTML pages per second for every page of corpus/html: reading alone (decode, parse, find the
// body, build grids), each page on its own and the whole set, and the whole path (reading,
// sections, figures, checks, metadata, record) over the whole set.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/pipeline/extract.hpp"
#include "extractor/readers/html/html_reader.hpp"

namespace {

namespace fs = std::filesystem;

struct Page {
  std::string name;
  std::string bytes;
};

const std::vector<Page>& corpus_pages() {
  static const std::vector<Page> pages = [] {
    std::vector<Page> out;
    const fs::path dir = fs::path(NIANBAO_SOURCE_DIR) / "corpus" / "html";
    if (!fs::is_directory(dir)) return out;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".html") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      out.push_back({entry.path().filename().string(), bytes.str()});
    }
    std::sort(out.begin(), out.end(), [](const Page& a, const Page& b) { return a.name < b.name; });
    return out;
  }();
  return pages;
}

void read_one(benchmark::State& state, const Page& page) {
  for (auto _ : state) {
    nianbao::model::Document doc;
    nianbao::readers::read_html(page.bytes, doc);
    benchmark::DoNotOptimize(doc.blocks.data());
  }
  state.SetItemsProcessed(state.iterations());  // items = pages
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(page.bytes.size()));
}

void BM_ReadHtmlCorpus(benchmark::State& state) {
  const auto& pages = corpus_pages();
  if (pages.empty()) {
    state.SkipWithError("corpus/html has no pages");
    return;
  }
  std::int64_t bytes = 0;
  for (auto _ : state) {
    for (const Page& page : pages) {
      nianbao::model::Document doc;
      nianbao::readers::read_html(page.bytes, doc);
      benchmark::DoNotOptimize(doc.blocks.data());
      bytes += static_cast<std::int64_t>(page.bytes.size());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pages.size()));
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ReadHtmlCorpus)->Unit(benchmark::kMillisecond);

void BM_ExtractHtmlCorpus(benchmark::State& state) {
  const auto& pages = corpus_pages();
  if (pages.empty()) {
    state.SkipWithError("corpus/html has no pages");
    return;
  }
  std::int64_t bytes = 0;
  for (auto _ : state) {
    for (const Page& page : pages) {
      const nianbao::model::Record record = nianbao::pipeline::extract_bytes(page.bytes, page.name);
      benchmark::DoNotOptimize(record.figures.data());
      bytes += static_cast<std::int64_t>(page.bytes.size());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pages.size()));
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ExtractHtmlCorpus)->Unit(benchmark::kMillisecond);

// One benchmark per page, registered at start-up so each page's rate shows on its own line.
const bool registered = [] {
  for (const Page& page : corpus_pages()) {
    benchmark::RegisterBenchmark(("BM_ReadHtml/" + page.name).c_str(),
                                 [&page](benchmark::State& state) { read_one(state, page); })
        ->Unit(benchmark::kMillisecond);
  }
  return true;
}();

}  // namespace
