// Many spectra, one circuit: independent fits on all cores, then, for a temperature series, a pass
// in temperature order that refits each spectrum from its neighbour's optimum.
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <numeric>
#include <optional>
#include <thread>

#include "solyte/eis/circuit_fit.hpp"
#include "solyte/error.hpp"

namespace solyte::eis {

namespace {

// Runs job(i) for i in [0, n) on `threads` threads. Which thread runs which index does not matter:
// each job writes only its own slot, so the results are those of one thread.
template <class Job>
void parallel_for(std::size_t n, unsigned threads, const Job& job) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) job(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
}

bool improves(const CircuitFitResult& candidate, const CircuitFitResult& current) {
  if (candidate.report.usable() != current.report.usable()) return candidate.report.usable();
  return candidate.report.chi2 < current.report.chi2;
}

}  // namespace

BatchFitResult fit_circuit_batch(std::span<const Spectrum> spectra, const Circuit& c,
                                 const BatchFitOptions& o) {
  const std::size_t n = spectra.size();
  if (n == 0) throw InvalidArgument("fit_circuit_batch: no spectra");
  unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));

  std::vector<std::optional<CircuitFitResult>> own(n);
  std::vector<std::exception_ptr> errors(n);
  std::mutex report;
  std::size_t done = 0;
  parallel_for(n, threads, [&](std::size_t i) {
    try {
      own[i] = fit_circuit(spectra[i], c, o.fit);
    } catch (...) {
      errors[i] = std::current_exception();
    }
    if (o.progress) {
      const std::lock_guard<std::mutex> lock(report);
      o.progress(++done);
    }
  });
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);

  BatchFitResult out;
  for (auto& f : own) out.fits.push_back(std::move(*f));
  out.order.resize(n);
  std::iota(out.order.begin(), out.order.end(), 0);
  if (!o.series) return out;

  const bool all_have_t = std::all_of(spectra.begin(), spectra.end(), [](const Spectrum& s) {
    return s.meta.temperature_k.has_value();
  });
  if (all_have_t)
    std::stable_sort(out.order.begin(), out.order.end(), [&](std::size_t a, std::size_t b) {
      return *spectra[a].meta.temperature_k < *spectra[b].meta.temperature_k;
    });
  else
    out.message =
        "not every spectrum has a temperature; the series is fitted "
        "in input order";
  // The chain is sequential by nature; each link is a short run from a close start.
  CircuitFitOptions chained = o.fit;
  chained.guess.clear();
  for (std::size_t k = 1; k < n; ++k) {
    const std::size_t i = out.order[k], prev = out.order[k - 1];
    chained.start = out.fits[prev].values();
    auto r = fit_circuit(spectra[i], c, chained);
    if (improves(r, out.fits[i])) out.fits[i] = std::move(r);
  }
  return out;
}

}  // namespace solyte::eis
