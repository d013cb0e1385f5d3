#pragma once
// What a bulk run reports on stderr: the end-of-run summary (inputs = ok + partial + failed,
// always) and, on a terminal, a progress bar with files done, rate and time left.

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

#include "extractor/model/record.hpp"

namespace nianbao::bulk {

struct Summary {
  std::size_t inputs = 0;
  std::size_t ok = 0;
  std::size_t partial = 0;
  std::size_t failed = 0;
  std::size_t unchanged = 0;  // of those, already in the database with the same content

  void count(model::RecordStatus status);
  bool adds_up() const { return inputs == ok + partial + failed; }
  // "10000 inputs: 9990 ok, 8 partial, 2 failed (12.3 s, 813 inputs/s)"
  std::string line(double seconds) const;
};

class Progress {
 public:
  // Draws only when `enabled` (stderr is a terminal and the user did not ask for quiet).
  Progress(std::FILE* stream, bool enabled);
  // `total` is 0 while the inputs are still being listed.
  void update(std::size_t done, std::size_t total);
  void finish();

 private:
  std::FILE* stream_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

// "1:05:03" / "4:07" for a number of seconds.
std::string format_duration(double seconds);

}  // namespace nianbao::bulk
