#include "extractor/bulk/worker_pool.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <new>
#include <stdexcept>

namespace nianbao::bulk {
namespace {

// An answer larger than this is taken for garbage (a record is some hundred KB; the largest
// input is 256 MiB, and no record of it comes near this).
constexpr std::size_t k_max_answer = std::size_t{4} << 30;
constexpr std::size_t k_read_chunk = 1 << 16;

std::string system_error(const char* what) {
  return std::string(what) + ": " + std::strerror(errno);
}

// Blocking reads in the worker. False at end of file or on an error (the parent is gone).
bool read_exact(int fd, char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = read(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool read_frame(int fd, std::string& body) {
  char header[k_frame_header_size];
  if (!read_exact(fd, header, sizeof header)) return false;
  const std::size_t size = frame_body_size(std::string_view(header, sizeof header));
  body.resize(size);
  return read_exact(fd, body.data(), size);
}

// Sends all of `data`, waiting for room when the socket is full (the parent's end is
// non-blocking). MSG_NOSIGNAL: a peer that died gives EPIPE here, not a SIGPIPE that would kill
// the sender.
bool send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n > 0) {
      data.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd p{fd, POLLOUT, 0};
      if (poll(&p, 1, -1) < 0 && errno != EINTR) return false;
      continue;
    }
    return false;
  }
  return true;
}

std::size_t address_space_now() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0;
  statm >> pages;
  return pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

// The limit counts from what the worker holds when it starts (libraries, the parent's heap it
// shares until written), so --memory-limit is what reading one input may take.
void apply_memory_limit(std::size_t memory_mb) {
  if (memory_mb == 0 || !memory_limit_supported()) return;
  const rlim_t limit = static_cast<rlim_t>(address_space_now() + (memory_mb << 20));
  const rlimit rl{limit, limit};
  setrlimit(RLIMIT_AS, &rl);
}

// A worker that cannot get memory under its limit exits with this status at once, from the
// new-handler: building a record there would need memory too, and mimalloc (built as C) aborts
// when `new` fails without a handler. The parent makes the input_memory_limit record.
constexpr int k_exit_memory_limit = 86;

[[noreturn]] void exit_over_memory_limit() { _exit(k_exit_memory_limit); }

// Set in a worker process that runs under a memory limit (never in the parent).
bool g_memory_limited_worker = false;

std::string describe_exit(int status) {
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* name = strsignal(sig);
    return "signal " + std::to_string(sig) + (name != nullptr ? std::string(", ") + name : "");
  }
  if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
  return "status " + std::to_string(status);
}

}  // namespace

void exit_if_worker_over_memory_limit() {
  if (g_memory_limited_worker) exit_over_memory_limit();
}

bool memory_limit_supported() {
#if defined(__SANITIZE_ADDRESS__)
  return false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return false;
#else
  return true;
#endif
#else
  return true;
#endif
}

WorkerPool::WorkerPool(unsigned workers, WorkerLimits limits, Work work, Fail fail)
    : limits_(limits),
      work_(std::move(work)),
      fail_(std::move(fail)),
      slots_(std::max(1u, workers)) {}

WorkerPool::~WorkerPool() {
  for (Slot& slot : slots_) stop(slot);
}

bool WorkerPool::has_idle() const {
  return std::any_of(slots_.begin(), slots_.end(), [](const Slot& s) { return !s.busy; });
}

bool WorkerPool::busy() const {
  return std::any_of(slots_.begin(), slots_.end(), [](const Slot& s) { return s.busy; });
}

void WorkerPool::spawn(Slot& slot) {
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
    throw std::runtime_error(system_error("cannot start a worker process: socketpair"));
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    const std::string why = system_error("cannot start a worker process: fork");
    close(pair[0]);
    close(pair[1]);
    throw std::runtime_error(why);
  }
  if (pid == 0) {
    close(pair[0]);
    // The other workers' sockets: a worker holding one would keep the parent from seeing
    // end-of-file when that worker dies.
    for (const Slot& other : slots_)
      if (other.fd >= 0) close(other.fd);
    // A worker dies with the parent (a run killed with SIGKILL leaves no worker behind).
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(0);
    worker_main(pair[1]);
  }
  close(pair[1]);
  fcntl(pair[0], F_SETFL, fcntl(pair[0], F_GETFL) | O_NONBLOCK);
  slot.pid = pid;
  slot.fd = pair[0];
  slot.inbox.clear();
}

void WorkerPool::worker_main(int fd) {
  // Ctrl-C reaches the whole process group: the parent finishes what is under way, so the
  // workers must not die of it. Nothing here returns or runs exit handlers: the worker shares
  // the parent's stdio buffers and database handles, which only the parent may flush or close.
  std::signal(SIGINT, SIG_IGN);
  std::signal(SIGTERM, SIG_DFL);
  apply_memory_limit(limits_.memory_mb);
  if (limits_.memory_mb > 0) {
    g_memory_limited_worker = true;
    std::set_new_handler(exit_over_memory_limit);
  }
  std::string body;
  while (read_frame(fd, body)) {
    std::optional<Input> in = decode_input(body);
    if (!in) _exit(3);
    body.clear();
    body.shrink_to_fit();
    const Outcome out = work_(*in);
    const std::string answer = encode_outcome(out);
    if (!send_all(fd, frame_header(answer.size())) || !send_all(fd, answer)) _exit(0);
  }
  _exit(0);
}

void WorkerPool::stop(Slot& slot) {
  if (slot.fd >= 0) close(slot.fd);
  if (slot.pid > 0) {
    kill(slot.pid, SIGKILL);
    while (waitpid(slot.pid, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  slot.fd = -1;
  slot.pid = -1;
  slot.inbox.clear();
}

void WorkerPool::dispatch(std::size_t seq, Input&& input) {
  const auto it = std::find_if(slots_.begin(), slots_.end(), [](const Slot& s) { return !s.busy; });
  if (it == slots_.end()) throw std::logic_error("WorkerPool::dispatch: no idle worker");
  Slot& slot = *it;
  const std::string request = encode_input(input);
  // A worker that died while idle (killed from outside) is replaced once before the input is
  // sent; the input is not to blame for it.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (slot.pid < 0) spawn(slot);
    if (send_all(slot.fd, frame_header(request.size())) && send_all(slot.fd, request)) break;
    stop(slot);
    if (attempt == 1) throw std::runtime_error(system_error("cannot reach a worker process"));
  }
  slot.busy = true;
  slot.seq = seq;
  slot.path = input.path;
  slot.deadline = limits_.timeout_seconds == 0 ? std::chrono::steady_clock::time_point::max()
                                               : std::chrono::steady_clock::now() +
                                                     std::chrono::seconds(limits_.timeout_seconds);
}

void WorkerPool::fail(Slot& slot, const char* code, const std::string& why,
                      std::vector<std::pair<std::size_t, Outcome>>& finished) {
  stop(slot);
  finished.emplace_back(slot.seq, fail_(slot.path, code, why));
  slot.busy = false;
}

bool WorkerPool::receive(Slot& slot, std::vector<std::pair<std::size_t, Outcome>>& finished) {
  bool closed = false;
  char chunk[k_read_chunk];
  for (;;) {
    const ssize_t n = read(slot.fd, chunk, sizeof chunk);
    if (n > 0) {
      slot.inbox.append(chunk, static_cast<std::size_t>(n));
      // Once the length is known the answer gets its room at once, not by doublings.
      if (slot.inbox.size() >= k_frame_header_size) {
        const std::size_t size = frame_body_size(slot.inbox);
        if (size <= k_max_answer && slot.inbox.capacity() < k_frame_header_size + size)
          slot.inbox.reserve(k_frame_header_size + size);
      }
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    closed = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
    break;
  }
  if (slot.inbox.size() >= k_frame_header_size) {
    const std::size_t size = frame_body_size(slot.inbox);
    if (size > k_max_answer) {
      fail(slot, "reader_crashed", "the worker process sent a damaged answer", finished);
      return true;
    }
    if (slot.inbox.size() >= k_frame_header_size + size) {
      std::optional<Outcome> out =
          decode_outcome(std::string_view(slot.inbox).substr(k_frame_header_size, size));
      if (!out || slot.inbox.size() != k_frame_header_size + size) {
        fail(slot, "reader_crashed", "the worker process sent a damaged answer", finished);
        return true;
      }
      finished.emplace_back(slot.seq, std::move(*out));
      slot.busy = false;
      slot.inbox.clear();
      return true;
    }
  }
  if (!closed) return false;
  int status = 0;
  while (waitpid(slot.pid, &status, 0) < 0 && errno == EINTR) {
  }
  slot.pid = -1;  // reaped: stop() must not signal a pid that may be reused
  if (limits_.memory_mb > 0 && WIFEXITED(status) && WEXITSTATUS(status) == k_exit_memory_limit) {
    fail(slot, "input_memory_limit",
         "reading this input needed more than the " + std::to_string(limits_.memory_mb) +
             " MB of memory --memory-limit allows; its worker process was stopped",
         finished);
    return true;
  }
  fail(slot, "reader_crashed",
       "the worker process reading this input died (" + describe_exit(status) +
           ") before it gave a record",
       finished);
  return true;
}

int WorkerPool::poll_timeout_ms() const {
  auto earliest = std::chrono::steady_clock::time_point::max();
  for (const Slot& s : slots_)
    if (s.busy) earliest = std::min(earliest, s.deadline);
  if (earliest == std::chrono::steady_clock::time_point::max()) return -1;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      earliest - std::chrono::steady_clock::now());
  return static_cast<int>(std::clamp<long long>(left.count() + 1, 0, 60'000));
}

std::vector<std::pair<std::size_t, Outcome>> WorkerPool::wait() {
  std::vector<std::pair<std::size_t, Outcome>> finished;
  while (finished.empty() && busy()) {
    std::vector<pollfd> fds;
    std::vector<Slot*> polled;
    for (Slot& s : slots_) {
      if (!s.busy) continue;
      fds.push_back({s.fd, POLLIN, 0});
      polled.push_back(&s);
    }
    if (poll(fds.data(), fds.size(), poll_timeout_ms()) < 0 && errno != EINTR)
      throw std::runtime_error(system_error("cannot wait for the worker processes: poll"));
    for (std::size_t i = 0; i < fds.size(); ++i)
      if (fds[i].revents != 0) receive(*polled[i], finished);
    const auto now = std::chrono::steady_clock::now();
    for (Slot& s : slots_) {
      if (!s.busy || now < s.deadline) continue;
      fail(s, "input_timeout",
           "reading this input took longer than " + std::to_string(limits_.timeout_seconds) +
               " s (--timeout); its worker process was stopped",
           finished);
    }
  }
  return finished;
}

}  // namespace nianbao::bulk
