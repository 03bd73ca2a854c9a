// A progress bar on stderr for long batches, shown only when stderr is a terminal.
#pragma once

#include <cstddef>
#include <string>

namespace solyte::cli {

class Progress {
 public:
  Progress(std::string label, std::size_t total, bool quiet);
  ~Progress();
  void step(std::size_t done);

 private:
  std::string label_;
  std::size_t total_;
  bool active_;
  int last_percent_ = -1;
};

}  // namespace solyte::cli
