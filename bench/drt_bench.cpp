// DRT of one spectrum. Target (issue 5): 60 points in ≤ 10 ms on one core, including the
// choice of λ. The spectrum: R∞ = 10 Ω + ZARC(100 Ω, 1 ms, α = 0.9) + ZARC(200 Ω, 0.1 s,
// α = 0.8), 60 points log-spaced over 1 MHz – 10 mHz, 0.5 % noise; τ grid 10 per decade
// over 10 decades (101 basis functions).
#include <benchmark/benchmark.h>

#include <cmath>

#include "solyte/relax/drt.hpp"
#include "solyte/sim/circuit_elements.hpp"

namespace {

solyte::Spectrum spectrum60() {
  std::vector<double> f(60);
  for (std::size_t i = 0; i < f.size(); ++i)
    f[i] = 1e6 * std::pow(10.0, -8.0 * static_cast<double>(i) / 59.0);
  const double q1 = solyte::sim::zarc_q_from_tau(100, 1e-3, 0.9);
  const double q2 = solyte::sim::zarc_q_from_tau(200, 1e-1, 0.8);
  return solyte::sim::make_spectrum(f,
                                    [&](double w) {
                                      return 10.0 + solyte::sim::zarc_impedance(100, q1, 0.9, w) +
                                             solyte::sim::zarc_impedance(200, q2, 0.8, w);
                                    },
                                    {.relative = 0.005, .seed = 1});
}

void run(benchmark::State& state, const solyte::relax::DrtOptions& options) {
  static const auto s = spectrum60();
  std::size_t peaks = 0;
  for (auto _ : state) {
    auto r = solyte::relax::drt(s, options);
    peaks = r.peaks.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["peaks"] = static_cast<double>(peaks);
}

void BM_Drt60Gcv(benchmark::State& state) { run(state, {}); }
BENCHMARK(BM_Drt60Gcv)->Unit(benchmark::kMillisecond);

void BM_Drt60GcvInductance(benchmark::State& state) { run(state, {.inductance = true}); }
BENCHMARK(BM_Drt60GcvInductance)->Unit(benchmark::kMillisecond);

void BM_Drt60LCurve(benchmark::State& state) {
  run(state, {.lambda_method = solyte::relax::LambdaMethod::lcurve});
}
BENCHMARK(BM_Drt60LCurve)->Unit(benchmark::kMillisecond);

void BM_Drt60FixedLambda(benchmark::State& state) {
  run(state, {.lambda_method = solyte::relax::LambdaMethod::fixed, .lambda = 1e-4});
}
BENCHMARK(BM_Drt60FixedLambda)->Unit(benchmark::kMillisecond);

// GCV on the constrained estimator: one NNLS per λ tried.
void BM_Drt60GcvNonnegative(benchmark::State& state) {
  run(state, {.lambda_estimator = solyte::relax::LambdaEstimator::nonnegative});
}
BENCHMARK(BM_Drt60GcvNonnegative)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
