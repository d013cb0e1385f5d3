#pragma once
// A bulk run: every input (see inputs.hpp) through the extraction pipeline on N threads, the
// records written in input order as JSON, NDJSON or the flat form, and/or loaded into a store.

#include <atomic>
#include <cstdio>
#include <istream>
#include <string>
#include <vector>

#include "extractor/bulk/inputs.hpp"
#include "extractor/bulk/summary.hpp"
#include "extractor/store/store.hpp"

namespace nianbao::bulk {

enum class RecordForm { none, ndjson, pretty, flat_ndjson, flat_csv };

// Where inputs are read: on threads of this process, or in worker processes (worker_pool.hpp)
// that a crash, a hang or a memory blow-up on one input cannot take down with the run.
enum class Isolation { threads, processes };

struct RunOptions {
  std::vector<std::string> inputs;
  PathFilter filter;
  unsigned jobs = 1;
  RecordForm form = RecordForm::ndjson;
  std::FILE* out = nullptr;                  // where records go (unused for RecordForm::none)
  std::string out_name = "standard output";  // for messages about `out`
  store::Store* store = nullptr;             // the database, if any
  std::istream* stdin_list = nullptr;        // paths for "-"
  std::FILE* progress = nullptr;             // progress bar stream, or nullptr for none
  std::size_t batch_reports = 500;           // reports per database transaction
  // Set (e.g. by a SIGINT handler) to stop listing inputs: what was listed is finished and
  // committed, and the run returns with `interrupted`.
  const std::atomic<bool>* stop = nullptr;
  Isolation isolation = Isolation::threads;
  // Limits per input, with Isolation::processes only (0: none). An input over the time limit
  // gets a failed record (input_timeout), one over the memory limit too (input_memory_limit),
  // one whose worker crashed also (reader_crashed); the run goes on.
  unsigned timeout_seconds = 60;
  std::size_t memory_limit_mb = 2048;
};

struct RunResult {
  Summary summary;
  double seconds = 0;
  std::size_t reports_written = 0;  // new content written to the store
  bool interrupted = false;
};

// Throws std::runtime_error when the output or the database fails (what was committed to the
// database before stays, whole).
RunResult run_bulk(const RunOptions& options);

// The record for an input that could not be reached (Input::Kind::failed).
model::Record unreachable_record(const Input& input);

}  // namespace nianbao::bulk
