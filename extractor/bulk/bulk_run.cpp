#include "extractor/bulk/bulk_run.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <new>
#include <optional>
#include <stdexcept>
#include <thread>

#include "extractor/bulk/fault_hook.hpp"
#include "extractor/bulk/ordered_pipeline.hpp"
#include "extractor/bulk/worker_pool.hpp"
#include "extractor/output/flat.hpp"
#include "extractor/output/record_json.hpp"
#include "extractor/pipeline/extract.hpp"
#include "extractor/readers/sha256.hpp"

namespace nianbao::bulk {
namespace {

// Inputs between listing and writing, per worker: enough to keep every worker busy while one
// slow input holds up the in-order writer, few enough that memory does not grow with N.
constexpr std::size_t k_window_per_worker = 8;
constexpr auto k_flush_every = std::chrono::seconds(1);

std::optional<std::string> read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

void render(const model::Record& record, RecordForm form, std::string& out) {
  switch (form) {
    case RecordForm::none:
      return;
    case RecordForm::ndjson:
    case RecordForm::pretty:
      output::append_record_json(record, out, form == RecordForm::pretty);
      out.push_back('\n');
      return;
    case RecordForm::flat_ndjson:
      return output::append_flat_rows(record, output::FlatFormat::ndjson, out);
    case RecordForm::flat_csv:
      return output::append_flat_rows(record, output::FlatFormat::csv, out);
  }
}

class Worker {
 public:
  Worker(const RunOptions& options, const store::Ingest* ingest)
      : options_(options), ingest_(ingest) {}

  Outcome operator()(Input& in) const { return work(in, false); }

  // The same, in a worker process: where the tests' fault hook may strike, and where a memory
  // limit holds.
  Outcome in_worker_process(Input& in) const { return work(in, true); }

  // The record of an input that could not be worked on (unreachable, or its worker failed).
  Outcome failed(const std::string& path, const char* code, const std::string& why) const {
    Outcome out;
    out.path = path;
    finish(unreachable_record({Input::Kind::failed, path, {}, code, why}), out);
    return out;
  }

 private:
  bool memory_limited(bool isolated) const {
    return isolated && options_.memory_limit_mb > 0 && memory_limit_supported();
  }

  Outcome work(Input& in, bool isolated) const {
    Outcome out;
    out.path = in.path;
    try {
      if (isolated) inject_fault(in.path, memory_limited(isolated));
      std::optional<model::Record> record = extract(in, out);
      if (!record) return out;  // unchanged in the store
      finish(std::move(*record), out);
    } catch (const std::bad_alloc&) {
      // In a worker under a memory limit, this is the limit (the pipeline never throws); on
      // threads it is the machine's memory, which is an internal error.
      out = isolated && options_.memory_limit_mb > 0
                ? failed(in.path, "input_memory_limit",
                         "reading this input needed more than the " +
                             std::to_string(options_.memory_limit_mb) +
                             " MB of memory --memory-limit allows")
                : failed(in.path, "internal_error", "out of memory");
    } catch (const std::exception& e) {
      out = failed(in.path, "internal_error", e.what());
    }
    return out;
  }

  void finish(model::Record record, Outcome& out) const {
    out.status = record.status;
    out.text.clear();
    render(record, options_.form, out.text);
    if (options_.store != nullptr) out.report = store::prepare_report(record);
  }

  // With a database and no record output, an input whose content the database already holds
  // at the same path is not extracted again: that is what makes a resumed run fast.
  bool may_skip(const std::string& path) const {
    return ingest_ != nullptr && options_.form == RecordForm::none &&
           ingest_->initial_paths().count(path) > 0;
  }

  std::optional<model::Record> extract(Input& in, Outcome& out) const {
    if (in.kind == Input::Kind::failed) return unreachable_record(in);
    if (in.kind == Input::Kind::file && !may_skip(in.path)) return pipeline::extract_file(in.path);
    if (in.kind == Input::Kind::file) {
      std::optional<std::string> bytes = read_whole(in.path);
      if (!bytes) return pipeline::extract_file(in.path);  // it says why it cannot be read
      in.bytes = std::move(*bytes);
    }
    if (may_skip(in.path)) {
      const std::string sha = readers::sha256_hex(in.bytes);
      if (ingest_->initial_paths().at(in.path) == sha) {
        out.unchanged_key = sha;
        return std::nullopt;
      }
    }
    return pipeline::extract_bytes(in.bytes, in.path);
  }

  const RunOptions& options_;
  const store::Ingest* ingest_;
};

[[noreturn]] void throw_output_error(const RunOptions& options) {
  const int error = errno;
  throw std::runtime_error("cannot write the records to " + options.out_name + ": " +
                           (error != 0 ? std::strerror(error) : "output failed"));
}

class Writer {
 public:
  Writer(const RunOptions& options, store::Ingest* ingest, Progress& progress,
         const std::atomic<std::size_t>& listed, const std::atomic<bool>& listing_done,
         const std::atomic<std::size_t>& estimate)
      : options_(options),
        ingest_(ingest),
        progress_(progress),
        listed_(listed),
        listing_done_(listing_done),
        estimate_(estimate),
        last_flush_(std::chrono::steady_clock::now()) {}

  bool operator()(Outcome& out) {
    if (!out.text.empty() && options_.out != nullptr) {
      if (std::fwrite(out.text.data(), 1, out.text.size(), options_.out) != out.text.size())
        throw_output_error(options_);
    }
    summary_.count(status_of(out));
    if (ingest_ != nullptr) store(out);
    progress_.update(summary_.inputs, listing_done_ ? listed_.load() : estimate_.load());
    return true;
  }

  Summary& summary() { return summary_; }

 private:
  model::RecordStatus status_of(const Outcome& out) {
    if (out.unchanged_key.empty()) return out.status;
    ++summary_.unchanged;
    const std::string status = ingest_->stored_status(out.unchanged_key);
    if (status == "ok") return model::RecordStatus::ok;
    if (status == "partial") return model::RecordStatus::partial;
    return model::RecordStatus::failed;
  }

  void store(Outcome& out) {
    if (out.report) ingest_->add(std::move(*out.report));
    const auto now = std::chrono::steady_clock::now();
    // A slow trickle of inputs still reaches the database every second.
    if (now - last_flush_ >= k_flush_every) {
      ingest_->flush();
      last_flush_ = now;
    }
  }

  const RunOptions& options_;
  store::Ingest* ingest_;
  Progress& progress_;
  const std::atomic<std::size_t>& listed_;
  const std::atomic<bool>& listing_done_;
  const std::atomic<std::size_t>& estimate_;
  std::chrono::steady_clock::time_point last_flush_;
  Summary summary_;
};

// Joined however the run ends, so an exception cannot leave a joinable thread behind.
struct JoinedThread {
  std::thread thread;
  JoinedThread() = default;
  JoinedThread(const JoinedThread&) = delete;
  JoinedThread& operator=(const JoinedThread&) = delete;
  ~JoinedThread() {
    if (thread.joinable()) thread.join();
  }
};

}  // namespace

model::Record unreachable_record(const Input& input) {
  model::Record record;
  record.source.path = input.path;
  record.status = model::RecordStatus::failed;
  record.diagnostics.push_back({input.code, model::Severity::error, input.message, {}});
  return record;
}

namespace {

// Everything a run's drivers share: the options, the worker function, the writer and the
// listing's progress.
struct RunParts {
  const RunOptions& options;
  const Worker& worker;
  Writer& writer;
  std::atomic<std::size_t>& listed;
  std::atomic<bool>& listing_done;
};

void list_inputs(const RunOptions& options, const Emit& emit) {
  std::ifstream no_list;
  std::istream& list = options.stdin_list != nullptr ? *options.stdin_list : no_list;
  for_each_input(options.inputs, options.filter, list, emit);
}

void run_on_threads(const RunParts& run, unsigned jobs) {
  OrderedPipeline<Input, Outcome> pipeline(jobs, k_window_per_worker * jobs);
  pipeline.run(
      [&](const OrderedPipeline<Input, Outcome>::Push& push) {
        list_inputs(run.options, [&](Input&& in) {
          if (run.options.stop != nullptr && *run.options.stop) return false;
          ++run.listed;
          return push(std::move(in));
        });
        run.listing_done = true;
      },
      [&](Input& in) { return run.worker(in); }, [&](Outcome& out) { return run.writer(out); });
}

// One thread lists the inputs, hands them to the worker processes and writes their outcomes
// in input order, holding at most a window of them. Workers are forked from this thread while
// no other runs but the progress bar's count of files by name (glibc's fork leaves malloc
// usable in the child; the count holds no other lock a worker takes).
void run_in_processes(const RunParts& run, unsigned jobs) {
  const WorkerLimits limits{run.options.timeout_seconds, run.options.memory_limit_mb};
  WorkerPool pool(
      jobs, limits, [&](Input& in) { return run.worker.in_worker_process(in); },
      [&](const std::string& path, const char* code, const std::string& why) {
        return run.worker.failed(path, code, why);
      });
  const std::size_t window = k_window_per_worker * jobs;
  std::map<std::size_t, Outcome> done;
  std::size_t next_in = 0;
  std::size_t next_out = 0;
  const auto write_ready = [&] {
    for (auto it = done.find(next_out); it != done.end(); it = done.find(next_out)) {
      run.writer(it->second);
      done.erase(it);
      ++next_out;
    }
  };
  const auto collect = [&] {
    for (auto& [seq, out] : pool.wait()) done.emplace(seq, std::move(out));
    write_ready();
  };
  list_inputs(run.options, [&](Input&& in) {
    if (run.options.stop != nullptr && *run.options.stop) return false;
    ++run.listed;
    const std::size_t seq = next_in++;
    if (in.kind == Input::Kind::failed) {  // nothing to read: no worker needed
      done.emplace(seq, run.worker(in));
      write_ready();
      return true;
    }
    while (pool.busy() && (!pool.has_idle() || seq - next_out >= window)) collect();
    pool.dispatch(seq, std::move(in));
    return true;
  });
  run.listing_done = true;
  while (pool.busy()) collect();
  write_ready();
}

}  // namespace

RunResult run_bulk(const RunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::optional<store::Ingest> ingest;
  if (options.store != nullptr) ingest.emplace(*options.store, options.batch_reports);
  store::Ingest* ingest_ptr = ingest ? &*ingest : nullptr;
  Progress progress(options.progress, options.progress != nullptr);
  std::atomic<std::size_t> listed{0};
  std::atomic<bool> listing_done{false};
  const unsigned jobs = options.jobs == 0 ? 1 : options.jobs;
  const Worker worker(options, ingest_ptr);
  // Inputs are listed lazily (as the window lets them in), so the bar's total comes from a
  // cheap count by name on the side, only when there is a bar to draw.
  std::atomic<std::size_t> estimate{0};
  JoinedThread counter;
  if (options.progress != nullptr)
    counter.thread =
        std::thread([&] { estimate = estimate_input_count(options.inputs, options.filter); });
  Writer writer(options, ingest_ptr, progress, listed, listing_done, estimate);
  const RunParts parts{options, worker, writer, listed, listing_done};
  if (options.isolation == Isolation::processes) {
    run_in_processes(parts, jobs);
  } else {
    run_on_threads(parts, jobs);
  }
  if (ingest) ingest->flush();
  progress.finish();
  if (options.out != nullptr && (std::fflush(options.out) != 0 || std::ferror(options.out) != 0))
    throw_output_error(options);
  RunResult result;
  result.summary = writer.summary();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.reports_written = ingest ? ingest->reports_written() : 0;
  result.interrupted = options.stop != nullptr && *options.stop;
  return result;
}

}  // namespace nianbao::bulk
