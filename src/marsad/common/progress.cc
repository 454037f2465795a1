#include "marsad/common/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace marsad {

bool ProgressBar::StderrIsInteractive() {
  const char* ci = std::getenv("CI");
  if (ci != nullptr && *ci != '\0') return false;
  return isatty(STDERR_FILENO) == 1;
}

ProgressBar::ProgressBar(std::string label, int64_t total, bool enabled, bool bytes)
    : label_(std::move(label)), total_(total), enabled_(enabled), bytes_(bytes) {
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::Tick(int64_t n) {
  done_ += n;
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw(false);
}

void ProgressBar::Finish() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (finished_) return;
  finished_ = true;
  Draw(true);
  std::fputc('\n', stderr);
}

void ProgressBar::Draw(bool final) {
  int64_t done = done_.load();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  constexpr int kWidth = 30;
  int filled = total_ > 0 ? static_cast<int>(kWidth * std::min<int64_t>(done, total_) / total_) : 0;
  std::string bar(filled, '#');
  bar.append(kWidth - filled, '.');
  if (bytes_) {
    // Decoded text can be a little larger than the files (UTF-16 is smaller,
    // Windows-1256 grows): never show more than the total.
    done = std::min(done, total_);
    double rate = secs > 0 ? done / 1e6 / secs : 0;
    std::fprintf(stderr, "\r%s [%s] %.1f/%.1f MB  %.1f MB/s  %.1fs%s", label_.c_str(), bar.c_str(), done / 1e6,
                 total_ / 1e6, rate, secs, final ? "" : "  ");
  } else {
    std::fprintf(stderr, "\r%s [%s] %lld/%lld  %.1fs%s", label_.c_str(), bar.c_str(),
                 static_cast<long long>(done), static_cast<long long>(total_), secs, final ? "" : "  ");
  }
  std::fflush(stderr);
}

}  // namespace marsad
