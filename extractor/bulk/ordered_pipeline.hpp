#pragma once
// A producer, N workers and one consumer: inputs are produced in order, worked on in parallel,
// and handed to the consumer in the order they were produced. At most `window` inputs are
// between production and consumption at any time (queued, being worked on, or finished and
// waiting for an earlier one), so memory stays bounded whatever the number of inputs, and the
// output order does not depend on thread timing.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace nianbao::bulk {

template <class In, class Out>
class OrderedPipeline {
 public:
  // push(in) blocks while the window is full; it returns false when the run is stopping, and the
  // producer should then return.
  using Push = std::function<bool(In&&)>;
  using Produce = std::function<void(const Push& push)>;
  // Runs on a worker thread; must not throw (catch and turn failures into an Out).
  using Work = std::function<Out(In&)>;
  // Runs on the calling thread, in input order; returning false stops the run early.
  using Consume = std::function<bool(Out&)>;

  OrderedPipeline(unsigned workers, std::size_t window)
      : workers_(workers == 0 ? 1 : workers),
        window_(window < 1 ? 1 : window),
        batch_(std::max<std::size_t>(1, window_ / 4)) {}

  // Returns when every produced input was consumed, or after the consumer stopped the run.
  // An exception thrown by the producer or the consumer is rethrown here after all threads
  // have stopped.
  void run(const Produce& produce, const Work& work, const Consume& consume) {
    std::thread producer([&] { produce_all(produce); });
    std::vector<std::thread> pool;
    pool.reserve(workers_);
    for (unsigned i = 0; i < workers_; ++i) pool.emplace_back([&] { work_loop(work); });
    try {
      consume_in_order(consume);
    } catch (...) {
      set_error(std::current_exception());
    }
    producer.join();
    for (std::thread& t : pool) t.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void produce_all(const Produce& produce) {
    try {
      produce([this](In&& in) { return push(std::move(in)); });
    } catch (...) {
      set_error(std::current_exception());
    }
    std::lock_guard lock(mutex_);
    produced_all_ = true;
    work_ready_.notify_all();
    result_ready_.notify_all();
  }

  bool push(In&& in) {
    std::unique_lock lock(mutex_);
    space_free_.wait(lock, [&] { return stop_ || next_in_ - consumed_ < window_; });
    if (stop_) return false;
    jobs_.emplace_back(next_in_++, std::move(in));
    work_ready_.notify_one();
    return true;
  }

  void work_loop(const Work& work) {
    for (;;) {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [&] { return stop_ || produced_all_ || !jobs_.empty(); });
      if (stop_ || jobs_.empty()) return;
      auto [seq, in] = std::move(jobs_.front());
      jobs_.pop_front();
      ++busy_;
      lock.unlock();
      Out out = work(in);
      lock.lock();
      --busy_;
      done_.emplace(seq, std::move(out));
      if (consumer_should_wake()) result_ready_.notify_one();
    }
  }

  // Finished results in input order from the next one due, counted up to `batch_`.
  std::size_t ready_run() const {
    std::size_t run = 0;
    for (auto it = done_.find(next_out_); it != done_.end() && it->first == next_out_ + run; ++it)
      if (++run == batch_) break;
    return run;
  }

  // The consumer is woken for a batch of results rather than for each one: every wake-up is a
  // pair of context switches, and with small inputs they cost as much as the work. It is woken
  // for fewer when nothing else is coming soon: at the end of the inputs, or when no input is
  // queued or being worked on (a slow trickle of inputs still goes out as each one finishes).
  bool consumer_should_wake() const {
    const std::size_t run = ready_run();
    if (run == 0) return false;
    return run >= batch_ || produced_all_ || (jobs_.empty() && busy_ == 0);
  }

  void consume_in_order(const Consume& consume) {
    std::vector<Out> batch;
    for (;;) {
      std::unique_lock lock(mutex_);
      result_ready_.wait(lock, [&] {
        return stop_ || consumer_should_wake() || (produced_all_ && next_out_ == next_in_);
      });
      if (stop_) return;
      for (auto it = done_.find(next_out_); it != done_.end() && it->first == next_out_;) {
        batch.push_back(std::move(it->second));
        it = done_.erase(it);
        ++next_out_;
      }
      if (batch.empty()) return;  // everything produced was consumed
      lock.unlock();
      for (Out& out : batch) {
        if (!consume(out)) {
          request_stop();
          return;
        }
      }
      // Only now is the batch out of the window: its results were held until consumed.
      lock.lock();
      consumed_ += batch.size();
      space_free_.notify_one();
      lock.unlock();
      batch.clear();
    }
  }

  void set_error(std::exception_ptr e) {
    {
      std::lock_guard lock(mutex_);
      if (!error_) error_ = std::move(e);
    }
    request_stop();
  }

  void request_stop() {
    std::lock_guard lock(mutex_);
    stop_ = true;
    work_ready_.notify_all();
    space_free_.notify_all();
    result_ready_.notify_all();
  }

  const unsigned workers_;
  const std::size_t window_;
  const std::size_t batch_;  // results handed to the consumer per wake-up, when they keep coming
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable space_free_;
  std::condition_variable result_ready_;
  std::deque<std::pair<std::size_t, In>> jobs_;
  std::map<std::size_t, Out> done_;
  std::size_t next_in_ = 0;
  std::size_t next_out_ = 0;
  std::size_t busy_ = 0;      // inputs being worked on
  std::size_t consumed_ = 0;  // inputs handed to the consumer and done with
  bool produced_all_ = false;
  bool stop_ = false;
  std::exception_ptr error_;
};

}  // namespace nianbao::bulk
