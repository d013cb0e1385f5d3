#include "extractor/bulk/fault_hook.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <utility>
#include <vector>

namespace nianbao::bulk {
namespace {

struct Fault {
  std::string kind;  // crash, hang, oom
  std::string substring;
};

std::vector<Fault> faults_from_environment() {
  std::vector<Fault> faults;
  const char* spec = std::getenv("NIANBAO_FAULT");
  if (spec == nullptr) return faults;
  std::string_view rest(spec);
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const std::size_t colon = item.find(':');
    if (colon == std::string_view::npos || colon + 1 == item.size()) continue;
    faults.push_back({std::string(item.substr(0, colon)), std::string(item.substr(colon + 1))});
  }
  return faults;
}

[[noreturn]] void crash() {
  // The default action, not a sanitizer's handler: the worker dies of the signal itself, as it
  // would of a wild pointer in a library built without sanitizers.
  std::signal(SIGSEGV, SIG_DFL);
  std::raise(SIGSEGV);
  std::abort();
}

[[noreturn]] void hang() {
  for (;;) pause();
}

[[noreturn]] void exhaust_memory() {
  constexpr std::size_t k_chunk = 64u << 20;
  std::vector<std::unique_ptr<char[]>> held;
  for (;;) {
    held.emplace_back(new char[k_chunk]);
    std::memset(held.back().get(), 1, k_chunk);  // touched, so the pages are really taken
  }
}

}  // namespace

void inject_fault(const std::string& path, bool memory_limited) {
  static const std::vector<Fault> faults = faults_from_environment();
  for (const Fault& f : faults) {
    if (path.find(f.substring) == std::string::npos) continue;
    if (f.kind == "crash") crash();
    if (f.kind == "hang") hang();
    if (f.kind == "oom") {
      if (memory_limited) exhaust_memory();
      // No limit to run into: fail as `new` fails, through the new-handler a worker under a
      // limit has (an AddressSanitizer build), or with bad_alloc.
      if (std::new_handler handler = std::get_new_handler()) handler();
      throw std::bad_alloc();
    }
  }
}

}  // namespace nianbao::bulk
