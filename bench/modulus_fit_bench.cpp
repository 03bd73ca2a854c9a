// KWW modulus fit of a 90-point spectrum (issue target: ≤ 5 ms on one core). The spectrum is
// the paper's milled case (β = 0.60, τ = 3.94 ms) with a blocking electrode and 0.3 % noise,
// 10 mHz – 10 MHz at 10 points per decade (91 points), made once before timing.
#include <benchmark/benchmark.h>

#include "solyte/relax/modulus_fit.hpp"
#include "solyte/sim/relaxation_spectrum.hpp"

namespace {

void BM_KwwModulusFit90(benchmark::State& state) {
  const auto g = solyte::PelletGeometry::from_diameter(10e-3, 0.5e-3);
  solyte::sim::RelaxingBulk b{.model = solyte::relax::RelaxationModel::kww, .m_inf = 0.08,
                              .tau_s = 3.94e-3, .shape = {.beta = 0.60}, .electrode_q = 2e-6};
  const auto s = solyte::sim::simulate_relaxation(
      b, g, solyte::sim::log_frequencies(1e-2, 1e7, 10), {.relative = 0.003, .seed = 3});
  double beta = 0;
  for (auto _ : state) {
    const auto r = solyte::relax::fit_modulus(s, g);
    beta = r.shape.beta;
    benchmark::DoNotOptimize(beta);
  }
  state.counters["beta"] = beta;
  state.counters["points"] = static_cast<double>(s.size());
}
BENCHMARK(BM_KwwModulusFit90)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
