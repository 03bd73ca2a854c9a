#include "io/impedance_records.hpp"

#include <cmath>
#include <complex>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

Measurement slice(const Measurement& m, std::size_t begin, std::size_t end) {
  Measurement out;
  out.meta = m.meta;
  out.columns.reserve(m.columns.size());
  for (const Column& c : m.columns) {
    Column s;
    s.quantity = c.quantity;
    s.name = c.name;
    s.unit = c.unit;
    s.source_name = c.source_name;
    s.values.assign(c.values.begin() + static_cast<std::ptrdiff_t>(begin),
                    c.values.begin() + static_cast<std::ptrdiff_t>(end));
    out.columns.push_back(std::move(s));
  }
  return out;
}

}  // namespace

bool is_impedance_record(const Measurement& m) {
  return m.has(Quantity::frequency) && ((m.has(Quantity::z_real) && m.has(Quantity::z_imag)) ||
                                        (m.has(Quantity::z_modulus) && m.has(Quantity::z_phase)));
}

std::vector<Measurement> split_impedance_sweeps(Measurement m, std::size_t first_index) {
  std::vector<Measurement> out;
  const std::size_t n = m.size();
  if (n == 0) return out;
  const Column* f = m.find(Quantity::frequency);
  if (!f) {
    m.meta.index_in_file = first_index;
    out.push_back(std::move(m));
    return out;
  }
  const Column* cycle = m.find(Quantity::cycle);
  std::vector<std::size_t> starts{0};
  int direction = 0;
  for (std::size_t i = 1; i < n; ++i) {
    const double a = f->values[i - 1], b = f->values[i];
    const int step = b > a ? 1 : (b < a ? -1 : 0);
    const bool new_cycle = cycle && cycle->values[i] != cycle->values[i - 1];
    if (new_cycle || (direction != 0 && step != 0 && step != direction)) {
      starts.push_back(i);
      direction = 0;
    } else if (step != 0) {
      direction = step;
    }
  }
  if (starts.size() == 1) {
    m.meta.index_in_file = first_index;
    out.push_back(std::move(m));
    return out;
  }
  starts.push_back(n);
  for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
    out.push_back(slice(m, starts[k], starts[k + 1]));
    out.back().meta.index_in_file = first_index + k;
  }
  return out;
}

std::vector<Measurement> records_of(Measurement m) {
  if (m.meta.technique == Technique::impedance && m.size() > 0)
    return split_impedance_sweeps(std::move(m));
  std::vector<Measurement> out;
  out.push_back(std::move(m));
  return out;
}

Spectrum spectrum_from_record(const Measurement& m, const std::string& file) {
  const std::string where = m.meta.index_in_file > 0
                                ? "record " + std::to_string(m.meta.index_in_file + 1) + ": "
                                : std::string();
  if (!is_impedance_record(m))
    throw ParseError(file, 0, 0,
                     where +
                         "expected impedance columns (frequency with Z' and Z'' or |Z| and "
                         "phase); this record holds " +
                         std::string(to_string(m.meta.technique)));
  Spectrum s;
  s.meta = m.meta;
  s.meta.technique = Technique::impedance;
  const Column& f = *m.find(Quantity::frequency);
  s.frequency_hz = f.values;
  s.impedance_ohm.resize(m.size());
  const Column* re = m.find(Quantity::z_real);
  const Column* im = m.find(Quantity::z_imag);
  if (re && im) {
    for (std::size_t i = 0; i < m.size(); ++i) s.impedance_ohm[i] = {re->values[i], im->values[i]};
  } else {
    const Column& mod = *m.find(Quantity::z_modulus);
    const Column& ph = *m.find(Quantity::z_phase);
    for (std::size_t i = 0; i < m.size(); ++i)
      s.impedance_ohm[i] = std::polar(mod.values[i], ph.values[i] * constants::pi / 180.0);
  }
  try {
    validate(s, 3);
  } catch (const InvalidArgument& e) {
    // validate() names the spectrum by its label; the file is named by the
    // ParseError.
    std::string what = e.what();
    const std::string label = s.label() + ": ";
    if (what.compare(0, label.size(), label) == 0) what.erase(0, label.size());
    throw ParseError(file, 0, 0,
                     where +
                         "expected a spectrum of at least 3 points with "
                         "positive, strictly monotonic frequencies: " +
                         what);
  }
  return s;
}

}  // namespace solyte::io::detail
