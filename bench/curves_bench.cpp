// Speed of the curve analyses on synthetic records of realistic size (sim/): a three-Voigt
// fit with a linear background (601 points), the ALS and SNIP baselines (2201 points), the
// stability-window analysis of a 50 µV/s CV (5001 points, three edge methods), the CCD
// analysis of a cycling record of ≈ 77 000 rows (the size of the real Li | Li record), and
// the DSC analysis of a heating/cooling scan (481 points). Figures: docs/performance.md.
#include <benchmark/benchmark.h>

#include "solyte/echem/critical_current.hpp"
#include "solyte/echem/cyclic_voltammetry.hpp"
#include "solyte/peaks/baseline.hpp"
#include "solyte/peaks/fit.hpp"
#include "solyte/sim/band_spectrum.hpp"
#include "solyte/sim/cyclic_voltammetry.hpp"
#include "solyte/sim/dsc_scan.hpp"
#include "solyte/sim/symmetric_cell.hpp"
#include "solyte/thermal/dsc.hpp"

using namespace solyte;

namespace {

sim::BandSpectrum triplet() {
  sim::BandSpectrum s;
  s.bands = {
      {.shape = peaks::Shape::voigt, .center = 2480, .area = 300, .fwhm = 14, .lorentz_fwhm = 8},
      {.shape = peaks::Shape::voigt, .center = 2525, .area = 900, .fwhm = 14, .lorentz_fwhm = 8},
      {.shape = peaks::Shape::voigt, .center = 2565, .area = 450, .fwhm = 14, .lorentz_fwhm = 8}};
  s.baseline = {5, 1.5};
  s.noise_sigma = 0.3;
  return s;
}

void BM_FitThreeVoigts601(benchmark::State& state) {
  const auto s = triplet();
  const auto m = sim::simulate_band_spectrum(s, sim::linear_grid(2380, 2680, 601));
  const auto& x = m.require(Quantity::wavenumber).values;
  const auto& y = m.require(Quantity::intensity).values;
  std::vector<peaks::PeakStart> starts;
  for (auto b : s.bands) {
    b.center += 3;
    b.area *= 0.8;
    b.fwhm *= 1.2;
    starts.push_back({.peak = b});
  }
  for (auto _ : state) {
    auto r = peaks::fit_peaks(x, y, starts, {.background_degree = 1});
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_FitThreeVoigts601)->Unit(benchmark::kMillisecond);

void BM_Baseline2201(benchmark::State& state) {
  const auto m = sim::simulate_band_spectrum(triplet(), sim::linear_grid(2200, 3300, 2201));
  const auto& x = m.require(Quantity::wavenumber).values;
  const auto& y = m.require(Quantity::intensity).values;
  const auto method = static_cast<peaks::BaselineMethod>(state.range(0));
  for (auto _ : state) {
    auto b = peaks::baseline(
        x, y, {.method = method, .snip_half_width = 60, .als_lambda = 1e7, .als_p = 0.002});
    benchmark::DoNotOptimize(b);
  }
  state.SetLabel(std::string(peaks::to_string(method)));
}
BENCHMARK(BM_Baseline2201)
    ->Arg(static_cast<int>(peaks::BaselineMethod::als))
    ->Arg(static_cast<int>(peaks::BaselineMethod::snip))
    ->Unit(benchmark::kMillisecond);

void BM_CvStabilityWindow(benchmark::State& state) {
  sim::CvExperiment x;
  x.oxidation = {.e_half_v = 4.22, .width_v = 0.04, .limiting_current_a = 2e-6};
  x.peaks = {{.e_v = 3.3, .fwhm_v = 0.1, .charge_c = 4.3e-4}};
  x.noise_a = 2e-9;
  const auto m = sim::simulate_cv(x);
  echem::CvOptions o;
  o.methods = {echem::EdgeMethod::tangent, echem::EdgeMethod::threshold,
               echem::EdgeMethod::deviation};
  for (auto _ : state) {
    auto a = echem::analyse_cv(m, o);
    benchmark::DoNotOptimize(a);
  }
}
BENCHMARK(BM_CvStabilityWindow)->Unit(benchmark::kMillisecond);

void BM_CcdLargeRecord(benchmark::State& state) {
  // 45 one-hour sweeps sampled every 2.1 s: 77 000 rows, as the real Li | Li export.
  std::vector<double> j(1, 4.0);
  const auto p = echem::design_ccd_protocol({.current_densities_a_per_m2 = j,
                                             .charge_per_sweep_c_per_m2 = 4.0 * 3600,
                                             .sweeps_per_step = 45});
  sim::SymmetricCell c;
  c.area_m2 = 1e-4;
  c.sample_interval_s = 2.1;
  c.noise_v = 1e-3;
  const auto m = sim::simulate_symmetric_cycling(p, c);
  state.counters["rows"] = static_cast<double>(m.size());
  for (auto _ : state) {
    auto r = echem::analyse_ccd(m, {.area_m2 = c.area_m2});
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_CcdLargeRecord)->Unit(benchmark::kMillisecond);

void BM_DscHeatCool(benchmark::State& state) {
  sim::DscScan s;
  s.segments = {
      {.from_k = 300, .to_k = 420, .transitions = {{.onset_k = 356.15, .enthalpy_j_per_g = 30}}},
      {.from_k = 420, .to_k = 300, .transitions = {{.onset_k = 340, .enthalpy_j_per_g = -25}}}};
  s.noise_w_per_g = 2e-3;
  const auto m = sim::simulate_dsc(s);
  for (auto _ : state) {
    auto a = thermal::analyse_dsc(m, {});
    benchmark::DoNotOptimize(a);
  }
}
BENCHMARK(BM_DscHeatCool)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
