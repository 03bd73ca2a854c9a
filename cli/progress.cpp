#include "progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace solyte::cli {

Progress::Progress(std::string label, std::size_t total, bool quiet)
    : label_(std::move(label)), total_(total), active_(!quiet && total > 1 && ::isatty(2)) {}

Progress::~Progress() {
  if (active_ && last_percent_ >= 0) std::fprintf(stderr, "\r\033[K");
}

void Progress::step(std::size_t done) {
  if (!active_) return;
  const int percent = static_cast<int>(100.0 * static_cast<double>(done) / total_);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  const int width = 30;
  const int filled = percent * width / 100;
  std::fprintf(stderr, "\r%s [%.*s%*s] %3d%% (%zu/%zu)", label_.c_str(), filled,
               "##############################", width - filled, "", percent, done, total_);
  std::fflush(stderr);
}

}  // namespace solyte::cli
