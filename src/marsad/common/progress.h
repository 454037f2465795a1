// A progress bar on stderr, drawn only when stderr is a TTY (and never under
// CI). Thread-safe: Tick() may be called from worker threads.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace marsad {

class ProgressBar {
 public:
  // `total` counts items, or bytes when `bytes` is true (then shown in MB).
  ProgressBar(std::string label, int64_t total, bool enabled, bool bytes = false);
  ~ProgressBar();
  void Tick(int64_t n = 1);
  void Finish();
  // True when stderr is an interactive terminal and CI is not set.
  static bool StderrIsInteractive();

 private:
  void Draw(bool final);
  std::string label_;
  int64_t total_;
  bool enabled_;
  bool bytes_;
  std::atomic<int64_t> done_{0};
  std::mutex mu_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool finished_ = false;
};

}  // namespace marsad
