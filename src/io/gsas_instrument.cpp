// GSAS instrument parameter files (GSAS manual, "Instrument parameter file"): 80-column
// records "INS  nKEY   data", bank n in columns 4–6, the key in columns 7–12, data from
// column 13. ICONS holds, in fixed fields, λ1 (F10), λ2 (F10), zero (F10, centidegrees), a
// blank F10, POLA (F10), IPOLA (I5) and KRATIO (F10).
#include "solyte/io/gsas_instrument.hpp"

#include <cmath>

#include "core/number_parse.hpp"
#include "io/text_decode.hpp"
#include "io/text_table.hpp"
#include "solyte/error.hpp"
#include "solyte/io/file_bytes.hpp"

namespace solyte::io {

namespace {

std::optional<double> fixed(std::string_view line, std::size_t start, std::size_t width) {
  if (start >= line.size()) return std::nullopt;
  double v = 0;
  const std::string_view f = line.substr(start, width);
  if (detail::is_blank(f) || !detail::parse_field(f, false, v) || !std::isfinite(v))
    return std::nullopt;
  return v;
}

GsasInstrument& bank_of(std::vector<GsasInstrument>& banks, int n) {
  for (auto& b : banks)
    if (b.bank == n) return b;
  banks.push_back({});
  banks.back().bank = n;
  return banks.back();
}

}  // namespace

bool is_gsas_instrument(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 2048);
  if (head.substr(0, 10) == "INS   BANK" || head.find("\nINS   BANK") != std::string_view::npos)
    return true;
  return head.find("ICONS") != std::string_view::npos &&
         head.find("\nINS ") != std::string_view::npos;
}

std::vector<GsasInstrument> read_gsas_instrument_from_bytes(std::string_view bytes,
                                                            const std::string& name) {
  const auto decoded = detail::decode_text(bytes);
  if (detail::looks_binary(decoded.text))
    throw ParseError(name, 0, 0, "binary content; expected a GSAS instrument parameter file");
  const auto lines = detail::split_lines(decoded.text);
  std::vector<GsasInstrument> banks;
  std::string type;
  for (const auto& line : lines) {
    std::string_view t = line.text;
    while (!t.empty() && (t.back() == '\r' || t.back() == ' ')) t.remove_suffix(1);
    if (t.substr(0, 3) != "INS" || t.size() < 7) continue;
    const std::string key(solyte::detail::trim(t.substr(6, 6)));
    const std::string data = t.size() > 12 ? std::string(solyte::detail::trim(t.substr(12))) : "";
    const std::string_view bank_field = solyte::detail::trim(t.substr(3, 3));
    if (bank_field.empty()) {  // file-wide records
      if (key == "HTYPE") type = data;
      continue;
    }
    double n = 0;
    if (!detail::parse_field(bank_field, false, n) || n < 1 || n > 99 || n != std::floor(n))
      throw ParseError(
          name, line.number, 4,
          "expected a bank number in columns 4–6, found " + detail::quote_for_message(bank_field));
    GsasInstrument& b = bank_of(banks, static_cast<int>(n));
    b.records.emplace_back(key, data);
    if (key != "ICONS") continue;
    const auto l1 = fixed(t, 12, 10);
    if (!l1 || *l1 <= 0)
      throw ParseError(name, line.number, 13, "expected the wavelength λ1 (Å) in columns 13–22");
    b.wavelength_angstrom = *l1;
    if (const auto l2 = fixed(t, 22, 10); l2 && *l2 > 0) {
      b.wavelength2_angstrom = *l2;
      if (const auto r = fixed(t, 67, 10); r && *r >= 0 && *r <= 1) b.kalpha2_ratio = *r;
    }
    if (const auto z = fixed(t, 32, 10)) b.zero_deg = *z / 100.0;
    if (const auto p = fixed(t, 52, 10)) b.polarization = *p;
  }
  if (banks.empty())
    throw ParseError(name, 0, 0,
                     "expected 'INS  n ICONS' records of a GSAS instrument parameter file");
  for (auto& b : banks) {
    b.type = type;
    if (!b.wavelength_angstrom)
      throw ParseError(name, 0, 0,
                       "bank " + std::to_string(b.bank) + " has no ICONS record (wavelength)");
  }
  return banks;
}

std::vector<GsasInstrument> read_gsas_instrument(const std::string& path) {
  return read_gsas_instrument_from_bytes(read_file_bytes(path), path);
}

void apply_instrument(Measurement& pattern, const GsasInstrument& instrument) {
  if (!pattern.has(Quantity::two_theta))
    throw InvalidArgument(pattern.label() +
                          ": not a 2θ pattern; an instrument file gives its "
                          "wavelength only to diffraction records");
  auto& meta = pattern.meta;
  if (meta.wavelength_angstrom) {
    if (instrument.wavelength_angstrom &&
        std::abs(*meta.wavelength_angstrom - *instrument.wavelength_angstrom) > 1e-5)
      meta.warnings.push_back("the file gives λ = " + std::to_string(*meta.wavelength_angstrom) +
                              " Å; the instrument file's " +
                              std::to_string(*instrument.wavelength_angstrom) + " Å was not used");
    return;
  }
  meta.wavelength_angstrom = instrument.wavelength_angstrom;
  meta.wavelength2_angstrom = instrument.wavelength2_angstrom;
  meta.kalpha2_ratio = instrument.kalpha2_ratio;
  meta.header.emplace_back("instrument_zero", std::to_string(instrument.zero_deg) + " deg");
}

}  // namespace solyte::io
