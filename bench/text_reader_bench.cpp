// Text-reader throughput (issue target: at least 100 MB/s). Each benchmark reads a table of a
// few MB made in memory before timing, through the public front doors, so the figure includes
// decoding, line splitting, format detection, delimiter choice and number parsing:
//   - an impedance CSV (freq/Hz, Re(Z)/Ohm, -Im(Z)/Ohm) through read_spectra_from_bytes;
//   - a tab-separated galvanostatic table (time/s, Ewe/V, <I>/mA, cycle number) through
//     read_measurements_from_bytes (the generic named-column reader);
//   - a two-column powder pattern (.xy: 2θ, counts) through read_measurements_from_bytes.
// Google Benchmark's bytes_per_second counter is the MB/s figure of docs/performance.md.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "solyte/io/read_measurements.hpp"
#include "solyte/io/read_spectra.hpp"

namespace {

constexpr std::size_t kRows = 100000;

std::string impedance_csv() {
  std::string s = "freq/Hz,Re(Z)/Ohm,-Im(Z)/Ohm\n";
  char buf[96];
  for (std::size_t i = 0; i < kRows; ++i) {
    // 12 decades from 10 MHz down; a bulk arc R = 1 kΩ, C = 1 nF in series with 10 Ω.
    const double f = 1e7 * std::pow(10.0, -12.0 * static_cast<double>(i) / kRows);
    const double w = 2 * 3.141592653589793 * f * 1e3 * 1e-9;
    const double re = 10 + 1e3 / (1 + w * w), mim = 1e3 * w / (1 + w * w);
    std::snprintf(buf, sizeof buf, "%.6e,%.6e,%.6e\n", f, re, mim);
    s += buf;
  }
  return s;
}

std::string galvanostatic_table() {
  std::string s = "time/s\tEwe/V\t<I>/mA\tcycle number\n";
  char buf[96];
  for (std::size_t i = 0; i < kRows; ++i) {
    const double t = 0.5 * static_cast<double>(i);
    const double e = 3.7 + 0.3 * std::sin(t / 600.0);
    std::snprintf(buf, sizeof buf, "%.4f\t%.6f\t%.4f\t%zu\n", t, e, (i / 7200) % 2 ? -0.4 : 0.4,
                  i / 14400);
    s += buf;
  }
  return s;
}

std::string pattern_xy() {
  std::string s;
  char buf[64];
  for (std::size_t i = 0; i < 2 * kRows; ++i) {
    const double tth = 5.0 + 0.0005 * static_cast<double>(i);
    const double counts = 200 + 5000 * std::exp(-std::pow((tth - 30.0) / 0.05, 2));
    std::snprintf(buf, sizeof buf, "%.6f %.1f\n", tth, std::round(counts));
    s += buf;
  }
  return s;
}

// Times `read` on `bytes` and reports MB/s (bytes_per_second), the size and the points read.
template <class Read>
void run(benchmark::State& state, const std::string& bytes, Read read) {
  std::size_t points = 0;
  for (auto _ : state) {
    points = read(bytes);
    benchmark::DoNotOptimize(points);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(bytes.size()));
  state.counters["MB"] = static_cast<double>(bytes.size()) / 1e6;
  state.counters["points"] = static_cast<double>(points);
}

std::size_t first_record_size(const std::string& bytes, const char* name) {
  return solyte::io::read_measurements_from_bytes(bytes, name).front().size();
}

void BM_ImpedanceCsv(benchmark::State& state) {
  static const std::string bytes = impedance_csv();
  run(state, bytes, [](const std::string& b) {
    return solyte::io::read_spectra_from_bytes(b, "bench.csv").front().size();
  });
}
BENCHMARK(BM_ImpedanceCsv)->Unit(benchmark::kMillisecond);

void BM_GenericTable(benchmark::State& state) {
  static const std::string bytes = galvanostatic_table();
  run(state, bytes, [](const std::string& b) { return first_record_size(b, "bench.txt"); });
}
BENCHMARK(BM_GenericTable)->Unit(benchmark::kMillisecond);

void BM_PatternXy(benchmark::State& state) {
  static const std::string bytes = pattern_xy();
  run(state, bytes, [](const std::string& b) { return first_record_size(b, "bench.xy"); });
}
BENCHMARK(BM_PatternXy)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
