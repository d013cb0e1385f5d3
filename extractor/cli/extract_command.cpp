// `nianbao extract INPUT...`: one record per input, in input order, on N threads; as JSON,
// NDJSON or the flat form, and/or into a SQLite or PostgreSQL database.
#include <malloc.h>
#include <unistd.h>

#include <atomic>
#include <boost/program_options.hpp>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#if defined(NIANBAO_WITH_MIMALLOC)
#include <mimalloc.h>
#endif

#include "extractor/bulk/bulk_run.hpp"
#include "extractor/bulk/worker_pool.hpp"
#include "extractor/cli/commands.hpp"
#include "extractor/output/flat.hpp"
#include "extractor/store/store.hpp"

namespace po = boost::program_options;

namespace nianbao::cli {
namespace {

constexpr const char* k_extract_usage = "Usage: nianbao extract [options] INPUT...\n";
constexpr const char* k_extract_help =
    "Reads each INPUT and writes one JSON record per report (schema nianbao.report/1), in\n"
    "input order. An INPUT is a file (plain text, .docx, .doc/.wps, HTML, PDF, or a scan as\n"
    "PNG/JPEG/TIFF, chosen by content), a directory (read recursively, in sorted order), a zip or "
    "tar archive (its\n"
    "members are read in place: archive.zip!/dir/report.docx), or - for a list of paths on\n"
    "stdin, one a line.\n"
    "One file gives a pretty JSON record; several give NDJSON. With --db and no -o, --ndjson\n"
    "or --flat, records go only to the database. A summary (inputs, ok, partial, failed) goes\n"
    "to stderr. Exit status: 0 every input read, 1 some input failed (its record says why),\n"
    "2 usage error or the output/database could not be written, 130 interrupted (Ctrl-C:\n"
    "what was under way is finished and committed; run the command again to finish).\n"
    "Inputs are read in worker processes: an input that crashes its reader, runs over\n"
    "--timeout or over --memory-limit gets a failed record and the run goes on. One plain\n"
    "file is read in the nianbao process itself, unless a limit is given.\n\n";

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string output;
  std::string flat;
  std::string db;
  unsigned jobs = 0;
  std::size_t batch = 500;
  unsigned timeout = 60;
  std::size_t memory_limit = 2048;
  bool limits_given = false;  // --timeout or --memory-limit on the command line
  bool in_process = false;
  bool pretty = false;
  bool ndjson = false;
  bool quiet = false;
};

po::options_description visible_options(ExtractOptions& o) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")("output,o", po::value<std::string>(&o.output),
                                                    "write records to this file")(
      "pretty", po::bool_switch(&o.pretty), "pretty-print even for several inputs")(
      "ndjson", po::bool_switch(&o.ndjson), "one record a line even for one input")(
      "flat", po::value<std::string>(&o.flat)->implicit_value("ndjson")->value_name("ndjson|csv"),
      "one row per figure (with path, agency, year, template), as NDJSON or CSV")(
      "db", po::value<std::string>(&o.db)->value_name("TARGET"),
      "load the records into a database: a SQLite file, or postgresql://…")(
      "jobs,j", po::value<unsigned>(&o.jobs)->value_name("N"),
      "worker processes (default: all cores)")(
      "include", po::value<std::vector<std::string>>(&o.include)->composing()->value_name("GLOB"),
      "in directories and archives, read only files matching GLOB (repeatable)")(
      "exclude", po::value<std::vector<std::string>>(&o.exclude)->composing()->value_name("GLOB"),
      "skip files and directories matching GLOB (repeatable)")(
      "batch", po::value<std::size_t>(&o.batch)->value_name("N"),
      "reports per database transaction (default 500)")(
      "timeout", po::value<unsigned>(&o.timeout)->value_name("SECONDS"),
      "time limit per input (default 60; 0: none); an input over it is a failed record")(
      "memory-limit", po::value<std::size_t>(&o.memory_limit)->value_name("MB"),
      "memory limit per input (default 2048; 0: none)")(
      "in-process", po::bool_switch(&o.in_process),
      "read inputs on threads of this process, not in worker processes (no limits; a crash "
      "in a reader stops the run)")("quiet,q", po::bool_switch(&o.quiet),
                                    "no progress bar and no summary");
  return visible;
}

// One plain file gives the classic pretty record; anything that may hold many gives NDJSON.
bool single_report(const ExtractOptions& o) {
  if (o.inputs.size() != 1 || o.inputs[0] == "-") return false;
  std::error_code ec;
  if (std::filesystem::is_directory(o.inputs[0], ec)) return false;
  return !std::filesystem::is_regular_file(o.inputs[0], ec) ||
         bulk::sniff_file_kind(o.inputs[0]) == bulk::FileKind::report;
}

bool choose_form(const ExtractOptions& o, bulk::RecordForm& form) {
  if (!o.flat.empty()) {
    if (o.flat != "ndjson" && o.flat != "csv") return false;
    form = o.flat == "csv" ? bulk::RecordForm::flat_csv : bulk::RecordForm::flat_ndjson;
    return true;
  }
  if (!o.db.empty() && o.output.empty() && !o.ndjson && !o.pretty) {
    form = bulk::RecordForm::none;
  } else if (o.pretty || (!o.ndjson && single_report(o))) {
    form = bulk::RecordForm::pretty;
  } else {
    form = bulk::RecordForm::ndjson;
  }
  return true;
}

int usage_error(const std::string& message, const po::options_description& visible) {
  std::cerr << "nianbao extract: " << message << "\n" << k_extract_usage << visible;
  return 2;
}

// Ctrl-C (or SIGTERM) stops listing inputs; what is under way is finished, written and
// committed, so the database holds whole reports and the next run carries on.
std::atomic<bool> g_stop{false};
extern "C" void request_stop(int /*signal*/) { g_stop = true; }

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f != nullptr) std::fclose(f);
  }
};

// A worker frees its report's memory (some hundred KB) and asks for as much again for the next
// one. glibc gives the top of a thread's heap back to the kernel as soon as a little is free
// there, so every report paid for its pages again in page faults (2,000 text reports: 38,000
// faults, half the run's system time). Up to a few MiB freed per heap is kept for the next one.
void keep_freed_memory_for_reuse() {
#if defined(__GLIBC__)
  constexpr int k_trim_threshold = 8 << 20;
  constexpr int k_top_pad = 1 << 20;
  mallopt(M_TRIM_THRESHOLD, k_trim_threshold);
  mallopt(M_TOP_PAD, k_top_pad);
#endif
}

// mimalloc aborts when `new` fails (its C build never calls the C++ new-handler); a worker over
// its memory limit must instead end so that its input gets input_memory_limit.
void report_allocator_failures_to_workers() {
#if defined(NIANBAO_WITH_MIMALLOC)
  mi_register_error(
      [](int error, void* /*arg*/) {
        if (error == ENOMEM) bulk::exit_if_worker_over_memory_limit();
      },
      nullptr);
#endif
}

int run(const ExtractOptions& o, bulk::RecordForm form) {
  keep_freed_memory_for_reuse();
  report_allocator_failures_to_workers();
  std::unique_ptr<std::FILE, FileCloser> file;
  if (!o.output.empty() && form != bulk::RecordForm::none) {
    file.reset(std::fopen(o.output.c_str(), "wb"));
    if (!file) {
      std::cerr << "nianbao extract: cannot create " << o.output << ": " << std::strerror(errno)
                << "\n";
      return 2;
    }
  }
  bulk::RunOptions run;
  run.inputs = o.inputs;
  run.filter = bulk::PathFilter(o.include, o.exclude);
  run.jobs = o.jobs != 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  run.form = form;
  run.out = file ? file.get() : stdout;
  run.out_name = file ? o.output : "standard output";
  // One plain file is read here, simply; anything that may hold many inputs in worker
  // processes, so one bad input cannot stop the rest.
  run.isolation =
      single_report(o) && !o.limits_given ? bulk::Isolation::threads : bulk::Isolation::processes;
  run.timeout_seconds = o.timeout;
  run.memory_limit_mb = o.memory_limit;
  run.stdin_list = &std::cin;
  run.progress = !o.quiet && isatty(STDERR_FILENO) ? stderr : nullptr;
  run.batch_reports = o.batch;
  run.stop = &g_stop;
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  try {
    std::unique_ptr<store::Store> db;
    if (!o.db.empty()) db = store::open_store(o.db);
    run.store = db.get();
    if (form == bulk::RecordForm::flat_csv)
      std::fputs(output::flat_header(output::FlatFormat::csv).c_str(), run.out);
    const bulk::RunResult result = bulk::run_bulk(run);
    if (!o.quiet) std::cerr << "nianbao: " << result.summary.line(result.seconds) << "\n";
    if (result.interrupted) {
      std::cerr << "nianbao: interrupted; run the same command again to finish\n";
      return 130;
    }
    return result.summary.failed > 0 ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "nianbao extract: " << e.what() << "\n";
    return 2;
  }
}

// `--flat` takes an optional form; Boost would take the next argument (an input) for it, so a
// bare `--flat` before an input is spelled out as `--flat=ndjson` first.
std::vector<std::string> spell_out_flat(int argc, const char* const* argv) {
  std::vector<std::string> args(argv, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool form_follows =
        i + 1 < args.size() && (args[i + 1] == "ndjson" || args[i + 1] == "csv");
    if (args[i] == "--flat" && !form_follows) args[i] = "--flat=ndjson";
  }
  return args;
}

}  // namespace

int run_extract_command(int argc, const char* const* argv) {
  ExtractOptions options;
  po::options_description visible = visible_options(options);
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(&options.inputs));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    const std::vector<std::string> args = spell_out_flat(argc, argv);
    po::store(po::command_line_parser(std::vector<std::string>(args.begin() + 1, args.end()))
                  .options(all)
                  .positional(positional)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(e.what(), visible);
  }
  if (vm.count("help")) {
    std::cout << k_extract_usage << k_extract_help << visible;
    return 0;
  }
  if (options.inputs.empty()) return usage_error("no input", visible);
  options.limits_given = vm.count("timeout") > 0 || vm.count("memory-limit") > 0;
  if (options.in_process && options.limits_given)
    return usage_error("--in-process reads without --timeout or --memory-limit", visible);
  if (options.pretty && options.ndjson)
    return usage_error("--pretty and --ndjson exclude each other", visible);
  if (!options.flat.empty() && (options.pretty || options.ndjson))
    return usage_error("--flat excludes --pretty and --ndjson", visible);
  bulk::RecordForm form = bulk::RecordForm::ndjson;
  if (!choose_form(options, form)) return usage_error("--flat takes ndjson or csv", visible);
  return run(options, form);
}

}  // namespace nianbao::cli
