#pragma once
// A hidden hook for the isolation tests: NIANBAO_FAULT makes a worker process fail on chosen
// inputs as a library bug would, so the tests can show what the parent does about it.
//
//   NIANBAO_FAULT=crash:SUB   the worker dies of SIGSEGV on an input whose path contains SUB
//   NIANBAO_FAULT=hang:SUB    the worker sleeps for ever (until the time limit kills it)
//   NIANBAO_FAULT=oom:SUB     the worker allocates until the memory limit stops it
//
// Several faults are separated by commas. Only worker processes look at it (inject_fault is
// called nowhere else), so `nianbao extract` on a single file in-process never honours it.

#include <string>

namespace nianbao::bulk {

// Does what NIANBAO_FAULT asks for `path`, if anything. `memory_limited`: the worker runs
// under a memory limit; where it does not (no limit, or an AddressSanitizer build), "oom"
// fails as `new` does (the new-handler, else std::bad_alloc) instead of taking all the
// machine's memory.
void inject_fault(const std::string& path, bool memory_limited);

}  // namespace nianbao::bulk
