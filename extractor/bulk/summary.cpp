#include "extractor/bulk/summary.hpp"

#include <cmath>

namespace nianbao::bulk {
namespace {

constexpr auto k_redraw_every = std::chrono::milliseconds(100);
constexpr int k_bar_width = 28;

// Rates and durations are for display only (never a value of a report), so double is fine.
double seconds_between(std::chrono::steady_clock::time_point a,
                       std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

std::string bar(std::size_t done, std::size_t total) {
  const std::size_t filled = total == 0 ? 0 : done * k_bar_width / total;
  std::string out = "[";
  for (std::size_t i = 0; i < static_cast<std::size_t>(k_bar_width); ++i)
    out += i < filled ? "#" : "-";
  return out + "]";
}

}  // namespace

void Summary::count(model::RecordStatus status) {
  ++inputs;
  switch (status) {
    case model::RecordStatus::ok:
      ++ok;
      break;
    case model::RecordStatus::partial:
      ++partial;
      break;
    case model::RecordStatus::failed:
      ++failed;
      break;
  }
}

std::string Summary::line(double seconds) const {
  std::string out = std::to_string(inputs) + (inputs == 1 ? " input: " : " inputs: ") +
                    std::to_string(ok) + " ok, " + std::to_string(partial) + " partial, " +
                    std::to_string(failed) + " failed";
  if (unchanged > 0) out += " (" + std::to_string(unchanged) + " unchanged in the database)";
  const long long rate = seconds > 0 ? std::llround(static_cast<double>(inputs) / seconds) : 0;
  char timing[64];
  std::snprintf(timing, sizeof timing, " in %.1f s, %lld inputs/s", seconds, rate);
  return out + timing;
}

Progress::Progress(std::FILE* stream, bool enabled)
    : stream_(stream),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_(start_ - k_redraw_every) {}

void Progress::update(std::size_t done, std::size_t total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < k_redraw_every) return;
  last_ = now;
  const double elapsed = seconds_between(start_, now);
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  std::string text = "\r\x1b[K";
  if (total >= done && total > 0) {  // an estimate may fall short (archives count as one)
    const double left = rate > 0 ? static_cast<double>(total - std::min(done, total)) / rate : 0;
    text += bar(done, total) + " " + std::to_string(done) + "/" + std::to_string(total) +
            " files  " + std::to_string(std::llround(rate)) + "/s  ETA " + format_duration(left);
  } else {
    text += std::to_string(done) + " files  " + std::to_string(std::llround(rate)) + "/s";
  }
  std::fputs(text.c_str(), stream_);
  std::fflush(stream_);
  drawn_ = true;
}

void Progress::finish() {
  if (!drawn_) return;
  std::fputs("\r\x1b[K", stream_);
  std::fflush(stream_);
}

std::string format_duration(double seconds) {
  const long long total = seconds > 0 ? std::llround(seconds) : 0;
  const long long h = total / 3600;
  const long long m = (total / 60) % 60;
  const long long s = total % 60;
  char out[32];
  if (h > 0) {
    std::snprintf(out, sizeof out, "%lld:%02lld:%02lld", h, m, s);
  } else {
    std::snprintf(out, sizeof out, "%lld:%02lld", m, s);
  }
  return out;
}

}  // namespace nianbao::bulk
