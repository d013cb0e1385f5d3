#pragma once
// Worker processes for a bulk run: each input is read in a child process (fork), which sends
// its Outcome back over a socket, so a reader that crashes (a signal, an abort in a library),
// loops or eats memory costs that one input, never the run. The parent kills a worker that
// takes longer than the time limit, notices one that died, makes the input's failed record
// (input_timeout, reader_crashed) and starts a fresh worker for the next input.
//
// The parent calls the pool from one thread only; workers are forked from that thread. Each
// worker has one input at a time.

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "extractor/bulk/outcome.hpp"

namespace nianbao::bulk {

struct WorkerLimits {
  unsigned timeout_seconds = 0;  // 0: none
  std::size_t memory_mb = 0;     // address space a worker may add to what it starts with; 0: none
};

// Whether this build can hold a worker to a memory limit: not under AddressSanitizer, whose
// shadow memory is terabytes of reserved address space (RLIMIT_AS would stop it at once).
bool memory_limit_supported();

// For an allocator's out-of-memory hook (mimalloc, which aborts where `new` fails and ignores
// the C++ new-handler): in a worker process under a memory limit it ends the worker as over the
// limit, as the new-handler does; anywhere else it returns.
void exit_if_worker_over_memory_limit();

class WorkerPool {
 public:
  // Runs in the worker process; must not throw for any input.
  using Work = std::function<Outcome(Input&)>;
  // Makes the failed outcome for an input whose worker failed (runs in the parent).
  using Fail =
      std::function<Outcome(const std::string& path, const char* code, const std::string& why)>;

  WorkerPool(unsigned workers, WorkerLimits limits, Work work, Fail fail);
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  // Kills and reaps every worker still running.
  ~WorkerPool();

  bool has_idle() const;
  bool busy() const;
  // Hands `input` to an idle worker (there must be one).
  void dispatch(std::size_t seq, Input&& input);
  // Blocks until at least one dispatched input is finished, and returns those that are, as
  // (seq, outcome). Throws std::runtime_error only when no worker can be started.
  std::vector<std::pair<std::size_t, Outcome>> wait();

 private:
  struct Slot {
    pid_t pid = -1;
    int fd = -1;  // the parent's end of the socket pair
    bool busy = false;
    std::size_t seq = 0;
    std::string path;
    std::chrono::steady_clock::time_point deadline;
    std::string inbox;  // bytes of the answer received so far
  };

  void spawn(Slot& slot);
  [[noreturn]] void worker_main(int fd);
  void stop(Slot& slot);
  // Reads what the worker sent; true when the answer is complete or the worker is gone.
  bool receive(Slot& slot, std::vector<std::pair<std::size_t, Outcome>>& finished);
  void fail(Slot& slot, const char* code, const std::string& why,
            std::vector<std::pair<std::size_t, Outcome>>& finished);
  int poll_timeout_ms() const;

  WorkerLimits limits_;
  Work work_;
  Fail fail_;
  std::vector<Slot> slots_;
};

}  // namespace nianbao::bulk
