// σ_DC extraction throughput. Target (issue: foundation): 10,000 spectra of 60 points in
// under 1 s on one core. The spectra are synthetic pellets (bulk R‖CPE + blocking CPE, 1 %
// noise) spanning seven decades of conductivity, made once before timing.
#include <benchmark/benchmark.h>

#include <cmath>

#include "solyte/eis/dc_conductivity.hpp"
#include "solyte/sim/pellet_impedance.hpp"

namespace {

std::vector<solyte::Spectrum> make_spectra(std::size_t count) {
  solyte::sim::PelletCell cell;
  cell.geometry = solyte::PelletGeometry::from_diameter(10e-3, 0.5e-3);
  cell.bulk_alpha = 0.9;
  cell.electrode_q = 5e-5;
  // 60 points: 10 mHz – 10 MHz at 6.67 points per decade → use 9 decades, 60 points.
  std::vector<double> f(60);
  for (std::size_t i = 0; i < f.size(); ++i)
    f[i] = 1e7 * std::pow(10.0, -9.0 * static_cast<double>(i) / 59.0);
  std::vector<solyte::Spectrum> out;
  out.reserve(count);
  for (std::size_t k = 0; k < count; ++k) {
    const double sigma = 1e-7 * std::pow(10.0, 7.0 * static_cast<double>(k % 100) / 99.0);
    out.push_back(solyte::sim::simulate_pellet(cell, sigma, f, {.relative = 0.01, .seed = k + 1}));
  }
  return out;
}

void BM_DcConductivity10k(benchmark::State& state) {
  static const auto spectra = make_spectra(10000);
  const auto g = solyte::PelletGeometry::from_diameter(10e-3, 0.5e-3);
  std::size_t found = 0;
  for (auto _ : state) {
    for (const auto& s : spectra) {
      auto r = solyte::eis::dc_conductivity(s, g);
      found += r.sigma_s_per_m.has_value();
      benchmark::DoNotOptimize(r);
    }
  }
  state.counters["spectra"] = benchmark::Counter(
      static_cast<double>(spectra.size()) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
  state.counters["with_plateau"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_DcConductivity10k)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_DcConductivitySingle(benchmark::State& state) {
  static const auto spectra = make_spectra(100);
  const auto g = solyte::PelletGeometry::from_diameter(10e-3, 0.5e-3);
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = solyte::eis::dc_conductivity(spectra[i++ % spectra.size()], g);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_DcConductivitySingle)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
