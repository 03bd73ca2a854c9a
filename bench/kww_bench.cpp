// KWW transform speed. Target (issue 5): one (C, S) pair in ≤ 2 µs, median over the grid of
// ../shared/reference/kww (β ∈ {0.30, 0.50, 0.60, 0.66, 0.80, 1.00}, x = 10^(−4 + j/4),
// j = 0…32), regenerated here so the benchmark needs no file.
//
// BM_KwwGridMedian times every grid point separately (many calls each, steady_clock) and
// reports the median, mean and slowest point as counters; BM_KwwGridSweep is the plain
// Google Benchmark figure for one pass over the 198 points. The per-method benchmarks time
// one point in each region (docs/methods.md §7a).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>
#include <vector>

#include "solyte/relax/kww.hpp"

namespace {

std::vector<std::pair<double, double>> reference_grid() {
  std::vector<std::pair<double, double>> grid;
  for (double beta : {0.30, 0.50, 0.60, 0.66, 0.80, 1.00})
    for (int j = 0; j <= 32; ++j) grid.emplace_back(beta, std::pow(10.0, -4.0 + j / 4.0));
  return grid;
}

void BM_KwwGridMedian(benchmark::State& state) {
  const auto grid = reference_grid();
  std::vector<double> ns(grid.size());
  constexpr int kCalls = 2000;
  for (auto _ : state) {
    for (std::size_t i = 0; i < grid.size(); ++i) {
      const auto [beta, x] = grid[i];
      const auto t0 = std::chrono::steady_clock::now();
      for (int k = 0; k < kCalls; ++k) {
        auto r = solyte::relax::kww_transform(beta, x);
        benchmark::DoNotOptimize(r);
      }
      const auto t1 = std::chrono::steady_clock::now();
      ns[i] = std::chrono::duration<double, std::nano>(t1 - t0).count() / kCalls;
    }
  }
  std::vector<double> sorted = ns;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t n = sorted.size();
  const double median = 0.5 * (sorted[(n - 1) / 2] + sorted[n / 2]);
  double mean = 0;
  for (double v : ns) mean += v;
  state.counters["median_ns"] = median;
  state.counters["mean_ns"] = mean / static_cast<double>(n);
  state.counters["p90_ns"] = sorted[n * 9 / 10];
  state.counters["max_ns"] = sorted.back();
}
BENCHMARK(BM_KwwGridMedian)->Iterations(3)->Unit(benchmark::kMillisecond);

void BM_KwwGridSweep(benchmark::State& state) {
  const auto grid = reference_grid();
  for (auto _ : state)
    for (const auto& [beta, x] : grid) {
      auto r = solyte::relax::kww_transform(beta, x);
      benchmark::DoNotOptimize(r);
    }
  state.counters["pairs"] =
      benchmark::Counter(static_cast<double>(grid.size()) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_KwwGridSweep)->Unit(benchmark::kMicrosecond);

void BM_KwwPoint(benchmark::State& state, double beta, double x) {
  for (auto _ : state) {
    auto r = solyte::relax::kww_transform(beta, x);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK_CAPTURE(BM_KwwPoint, low_x_series_b066_x0p001, 0.66, 1e-3)->Unit(benchmark::kNanosecond);
BENCHMARK_CAPTURE(BM_KwwPoint, high_x_series_b066_x30, 0.66, 30.0)->Unit(benchmark::kNanosecond);
BENCHMARK_CAPTURE(BM_KwwPoint, high_x_series_b066_x2, 0.66, 2.0)->Unit(benchmark::kNanosecond);
BENCHMARK_CAPTURE(BM_KwwPoint, quadrature_b066_x0p3, 0.66, 0.3)->Unit(benchmark::kNanosecond);
BENCHMARK_CAPTURE(BM_KwwPoint, quadrature_b030_x0p0001, 0.30, 1e-4)->Unit(benchmark::kNanosecond);

void BM_KwwModulusPeak(benchmark::State& state) {
  for (auto _ : state) {
    auto p = solyte::relax::kww_modulus_peak(0.6);
    benchmark::DoNotOptimize(p);
  }
}
BENCHMARK(BM_KwwModulusPeak)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
