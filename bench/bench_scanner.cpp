// The figure scanner over report prose: characters and figures per second. Reads a real report
// from ../shared/corpus when it is there, otherwise scans built-in prose of the same kind; and,
// for scale, the time the project's readers take to read that report from disk.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extractor/readers/reader.hpp"
#include "normalizers/cell_value.hpp"
#include "normalizers/scanner.hpp"

namespace {

constexpr const char* k_sample_prose =
    "2022年，某县自然资源局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》。"
    "（一）主动公开。全年通过县政府门户网站主动公开政府信息1,326条，其中国土空间规划类信息48条、"
    "土地征收类信息215条、不动产登记服务类信息97条，其他工作动态类信息856条。通过政务新媒体发布"
    "信息312条，组织政策解读7次。（二）依申请公开。2022年共收到政府信息公开申请560件，上年结转"
    "19件；全年办结559件，其中予以公开100件、部分公开40件，结转下年度继续办理20件。一年来共受理"
    "群众来访咨询三百余人次，收费约1.2万元，同比增长百分之三十，采购总金额96171.6万元。"
    "依据国办发〔2019〕60号和国令第711号第二十条，联系电话：0827-5262085，邮编636600。\n";

std::filesystem::path shared_report(const char* extension) {
  return std::filesystem::path(NIANBAO_SOURCE_DIR).parent_path() / "shared" / "corpus" / "full" /
         (std::string("2019-seed-wanyuan-jingxin") + extension);
}

std::string load_prose() {
  std::ifstream in(shared_report(".txt"), std::ios::binary);
  if (in) {
    std::ostringstream text;
    text << in.rdbuf();
    if (!text.str().empty()) return text.str();
  }
  std::string text;
  for (int k = 0; k < 8; ++k) text += k_sample_prose;  // about the size of a short report
  return text;
}

std::int64_t code_points(const std::string& utf8) {
  std::int64_t count = 0;
  for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
  return count;
}

void BM_ScanReport(benchmark::State& state) {
  const std::string prose = load_prose();
  const std::int64_t characters = code_points(prose);
  std::int64_t figures = 0;
  for (auto _ : state) {
    const auto found = nianbao::norm::scan_figures(prose);
    figures += static_cast<std::int64_t>(found.size());
    benchmark::DoNotOptimize(found.data());
  }
  const auto iterations = static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(prose.size()));
  state.counters["chars/s"] =
      benchmark::Counter(static_cast<double>(characters) * iterations, benchmark::Counter::kIsRate);
  state.counters["figures/s"] =
      benchmark::Counter(static_cast<double>(figures), benchmark::Counter::kIsRate);
  state.counters["figures/report"] = static_cast<double>(figures) / iterations;
  state.counters["chars/report"] = static_cast<double>(characters);
}
BENCHMARK(BM_ScanReport);

void BM_ParseCell(benchmark::State& state) {
  const char* cells[] = {"0", "12", "/", "", "251000元", "12.35", "-1942", "１２", "三", "—"};
  std::int64_t parsed = 0;
  for (auto _ : state) {
    for (const char* cell : cells) {
      benchmark::DoNotOptimize(nianbao::norm::parse_cell(cell, "万元"));
      ++parsed;
    }
  }
  state.counters["cells/s"] =
      benchmark::Counter(static_cast<double>(parsed), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseCell);

// For scale: what reading the same report costs the project's readers (file, charset, model).
void read_report(benchmark::State& state, const char* extension) {
  const std::filesystem::path path = shared_report(extension);
  if (!std::filesystem::exists(path)) {
    state.SkipWithError("../shared/corpus is absent");
    return;
  }
  for (auto _ : state) {
    auto document = nianbao::readers::read_file(path.string());
    benchmark::DoNotOptimize(&document);
  }
}

void BM_ReadReportText(benchmark::State& state) { read_report(state, ".txt"); }
void BM_ReadReportDocx(benchmark::State& state) { read_report(state, ".docx"); }
BENCHMARK(BM_ReadReportText);
BENCHMARK(BM_ReadReportDocx);

}  // namespace
