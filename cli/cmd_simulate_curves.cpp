// solyte simulate cv|cycling|dsc|spectrum — synthetic curves from the forward models of sim/
// (slow-scan CV, symmetric-cell cycling through a CCD schedule, DSC scans, IR/Raman/NMR band
// spectra), written as CSV files the readers accept. Every file says in its header that it is
// synthetic, from which parameters, and what the analyses should recover.
#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "output.hpp"
#include "solyte/echem/ccd_protocol.hpp"
#include "solyte/error.hpp"
#include "solyte/sim/band_spectrum.hpp"
#include "solyte/sim/cyclic_voltammetry.hpp"
#include "solyte/sim/dsc_scan.hpp"
#include "solyte/sim/symmetric_cell.hpp"
#include "solyte/units.hpp"
#include "solyte/version.hpp"

namespace solyte::cli {

namespace {

std::string g(double v, int digits = 10) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string p; std::getline(ss, p, sep);) out.push_back(p);
  return out;
}

std::string banner(const std::string& what) {
  return "# SYNTHETIC " + what + " (not a measurement), written by solyte " +
         std::string(version()) + " simulate\n";
}

// The record's columns as CSV under `header`, one line per row.
std::string csv(const Measurement& m, const std::string& header) {
  std::string out = header + "\n";
  for (std::size_t i = 0; i < m.size(); ++i) {
    for (std::size_t c = 0; c < m.columns.size(); ++c)
      out += (c ? "," : "") + g(m.columns[c].values[i], 12);
    out += "\n";
  }
  return out;
}

// "50uV/s" → V/s.
double scan_rate(const std::string& text) {
  if (text.size() < 3 || text.substr(text.size() - 2) != "/s")
    throw InvalidArgument("--scan-rate '" + text + "' must be a potential per second, e.g. 50uV/s");
  const double v = parse_potential_v(text.substr(0, text.size() - 2));
  if (!(v > 0)) throw InvalidArgument("--scan-rate must be positive");
  return v;
}

struct CvSim {
  std::string out, e_half = "4.22V", width = "40mV", i_lim = "2uA", pre_peak = "3.3V",
                   pre_width = "0.1V";
  double pre_charge = 4.3e-4, return_fraction = 0, capacitance = 4e-4;
  std::string start = "2.5V", upper = "5V", lower = "2.5V", rate = "50uV/s", step = "1mV",
              area = "0.785cm2";
  std::string noise = "0A";
  int cycles = 1;
  std::uint64_t seed = 1;
};

void run_cv(const CvSim& o) {
  sim::CvExperiment x;
  x.oxidation = {.e_half_v = parse_potential_v(o.e_half),
                 .width_v = parse_potential_v(o.width),
                 .limiting_current_a = parse_current_a(o.i_lim)};
  if (o.pre_charge > 0)
    x.peaks = {{.e_v = parse_potential_v(o.pre_peak),
                .fwhm_v = parse_potential_v(o.pre_width),
                .charge_c = o.pre_charge,
                .return_fraction = o.return_fraction}};
  x.e_start_v = parse_potential_v(o.start);
  x.e_upper_v = parse_potential_v(o.upper);
  x.e_lower_v = parse_potential_v(o.lower);
  x.scan_rate_v_per_s = scan_rate(o.rate);
  x.step_v = parse_potential_v(o.step);
  x.area_m2 = parse_area_m2(o.area);
  x.capacitance_f = o.capacitance;
  x.cycles = o.cycles;
  x.noise_a = std::abs(parse_current_a(o.noise));
  x.seed = o.seed;
  const auto m = sim::simulate_cv(x);
  const auto& w = x.oxidation;
  std::string text = banner("slow-scan cyclic voltammogram");
  text += "# oxidation wave i_lim/(1+exp(-(E-E_half)/b)): E_half_V=" + g(w.e_half_v) +
          " b_V=" + g(w.width_v) + " i_lim_A=" + g(w.limiting_current_a) +
          " (tangent edge E_half-2b = " + g(w.e_half_v - 2 * w.width_v) + " V)\n";
  if (!x.peaks.empty())
    text += "# pre-peak: E_V=" + g(x.peaks[0].e_v) + " fwhm_V=" + g(x.peaks[0].fwhm_v) +
            " charge_C=" + g(x.peaks[0].charge_c) +
            " return_fraction=" + g(x.peaks[0].return_fraction) + " (first cycle only)\n";
  text += "# scan: " + g(x.e_start_v) + " -> " + g(x.e_upper_v) + " -> " + g(x.e_lower_v) + " V, " +
          std::to_string(x.cycles) + " cycle(s), " + g(x.scan_rate_v_per_s * 1e3) +
          " mV/s; area_cm2=" + g(x.area_m2 * 1e4) + " C_F=" + g(x.capacitance_f) +
          " noise_A=" + g(x.noise_a) + " seed=" + std::to_string(x.seed) + "\n";
  write_output(o.out, text + csv(m, "time/s,Ewe/V,I/A,cycle number"));
}

struct CyclingSim {
  std::string out, capacity = "120mAh/g", loading = "2mg/cm2", charge = "0.024mAh/cm2",
                   area = "0.785cm2";
  std::vector<std::string> j{"0.02mA/cm2", "0.05mA/cm2", "0.08mA/cm2", "0.12mA/cm2",
                             "0.16mA/cm2", "0.2mA/cm2",  "0.25mA/cm2", "0.3mA/cm2"};
  double asr = 500, polarisation = 50;
  std::string tau = "60s", interval = "10s", noise = "0V";
  std::string penetration = "4:2:0.6:0.5", short_circuit = "8:2:0.3";
  bool no_events = false;
  std::uint64_t seed = 1;
};

void run_cycling(const CyclingSim& o) {
  echem::CcdProtocolOptions p;
  p.specific_capacity_c_per_kg = parse_specific_capacity_c_per_kg(o.capacity);
  p.loading_kg_per_m2 = parse_areal_mass_kg_per_m2(o.loading);
  for (const auto& s : o.j)
    p.current_densities_a_per_m2.push_back(parse_current_density_a_per_m2(s));
  p.charge_per_sweep_c_per_m2 = parse_areal_capacity_c_per_m2(o.charge);
  const auto protocol = echem::design_ccd_protocol(p);
  sim::SymmetricCell c;
  c.area_m2 = parse_area_m2(o.area);
  c.asr_ohm_m2 = o.asr * 1e-4;
  c.polarisation_asr_ohm_m2 = o.polarisation * 1e-4;
  c.tau_s = parse_duration_s(o.tau);
  c.sample_interval_s = parse_duration_s(o.interval);
  c.noise_v = std::abs(parse_potential_v(o.noise));
  c.seed = o.seed;
  std::string events;
  if (!o.no_events) {
    auto number = [](const std::string& s, const char* what) { return parse_number(s, what); };
    if (!o.penetration.empty()) {
      const auto f = split(o.penetration, ':');
      if (f.size() != 4)
        throw InvalidArgument("--penetration must be STEP:SWEEP:FRACTION:ASR_FACTOR");
      c.events.push_back({.step = static_cast<int>(number(f[0], "the step")) - 1,
                          .sweep = static_cast<int>(number(f[1], "the sweep")) - 1,
                          .fraction = number(f[2], "the fraction"),
                          .asr_factor = number(f[3], "the ASR factor")});
    }
    if (!o.short_circuit.empty()) {
      const auto f = split(o.short_circuit, ':');
      if (f.size() != 3) throw InvalidArgument("--short must be STEP:SWEEP:FRACTION");
      c.events.push_back({.step = static_cast<int>(number(f[0], "the step")) - 1,
                          .sweep = static_cast<int>(number(f[1], "the sweep")) - 1,
                          .fraction = number(f[2], "the fraction"),
                          .short_circuit = true});
    }
  }
  const auto m = sim::simulate_symmetric_cycling(protocol, c);
  std::string text = banner("symmetric-cell cycling through a CCD schedule");
  text += "# steps_mA_per_cm2=";
  for (std::size_t k = 0; k < protocol.steps.size(); ++k)
    text += (k ? "," : "") + g(protocol.steps[k].current_density_a_per_m2 * 0.1);
  text += " charge_per_sweep_mAh_per_cm2=" + g(protocol.charge_per_sweep_c_per_m2 / 3.6e4) +
          " area_cm2=" + g(c.area_m2 * 1e4) + "\n# cell: ASR_ohm_cm2=" + g(o.asr) +
          " polarisation_ASR_ohm_cm2=" + g(o.polarisation) + " tau_s=" + g(c.tau_s) +
          " noise_V=" + g(c.noise_v) + " seed=" + std::to_string(c.seed) + "\n";
  for (const auto& e : c.events) {
    const double j =
        protocol.steps.at(static_cast<std::size_t>(e.step)).current_density_a_per_m2 * 0.1;
    text += "# event: " + std::string(e.short_circuit ? "short" : "penetration") + " in step " +
            std::to_string(e.step + 1) + " (" + g(j) + " mA/cm2), sweep " +
            std::to_string(e.sweep + 1) + " at " + g(100 * e.fraction) + " %" +
            (e.short_circuit ? std::string() : ", ASR x " + g(e.asr_factor)) + "\n";
  }
  write_output(o.out, text + csv(m, "time/s,Ewe/V,I/A,Ns,cycle number"));
}

struct DscSim {
  std::string out, from = "20C", to = "150C", rate = "10K/min", exo = "down", noise = "0";
  std::vector<std::string> heating{"83C:30"}, cooling;
  bool cool = false;
  double cp = 1.2, interval = 3;
  std::uint64_t seed = 1;
};

sim::DscTransition transition(const std::string& spec) {
  const auto f = split(spec, ':');
  if (f.size() < 2 || f.size() > 4)
    throw InvalidArgument("a transition is T:DH_J_PER_G[:SLOPE_W_PER_G_K[:TAIL_K]], e.g. 83C:30");
  sim::DscTransition t;
  t.onset_k = parse_temperature_k(f[0]);
  t.enthalpy_j_per_g = parse_number(f[1], "the enthalpy in J/g");
  if (f.size() > 2) t.leading_slope_w_per_g_k = parse_number(f[2], "the leading slope in W/(g K)");
  if (f.size() > 3) t.tail_k = parse_number(f[3], "the tail in K");
  return t;
}

void run_dsc(const DscSim& o) {
  sim::DscScan s;
  const double a = parse_temperature_k(o.from), b = parse_temperature_k(o.to);
  const double rate = parse_rate_k_per_s(o.rate);
  sim::DscSegmentSpec heat{.from_k = a, .to_k = b, .rate_k_per_s = rate};
  for (const auto& t : o.heating) heat.transitions.push_back(transition(t));
  s.segments.push_back(heat);
  if (o.cool || !o.cooling.empty()) {
    sim::DscSegmentSpec cool{.from_k = b, .to_k = a, .rate_k_per_s = rate};
    for (const auto& t : o.cooling) cool.transitions.push_back(transition(t));
    s.segments.push_back(cool);
  }
  s.heat_capacity_j_per_g_k = o.cp;
  s.exo_up = o.exo == "up";
  s.noise_w_per_g = parse_number(o.noise, "--noise (W/g)");
  s.sample_interval_s = o.interval;
  s.seed = o.seed;
  const auto m = sim::simulate_dsc(s);
  std::string text = banner("DSC scan");
  text += "# exo: " + o.exo + "; cp_J_per_gK=" + g(o.cp) + " rate_K_per_min=" + g(rate * 60) +
          " noise_W_per_g=" + g(s.noise_w_per_g) + " seed=" + std::to_string(s.seed) + "\n";
  for (std::size_t k = 0; k < s.segments.size(); ++k)
    for (const auto& t : s.segments[k].transitions) {
      const double up = sim::transition_peak_height(t, rate) / t.leading_slope_w_per_g_k;
      const double dir = k == 0 ? 1 : -1;
      text += std::string("# transition on ") + (k == 0 ? "heating" : "cooling") +
              ": onset_C=" + g(kelvin_to_celsius(t.onset_k)) +
              " peak_C=" + g(kelvin_to_celsius(t.onset_k + dir * up)) +
              " dH_J_per_g=" + g(t.enthalpy_j_per_g) +
              " slope_W_per_gK=" + g(t.leading_slope_w_per_g_k) + " tail_K=" + g(t.tail_k) + "\n";
    }
  write_output(o.out, text + csv(m, "time/s,Temp./K,DSC/(mW/mg)"));
}

struct SpectrumSim {
  std::string out, kind = "ir";
  std::vector<std::string> bands;
  std::optional<double> from, to;
  std::size_t points = 0;
  std::vector<double> baseline;
  std::optional<double> noise;
  std::uint64_t seed = 1;
};

void run_spectrum(const SpectrumSim& o) {
  sim::BandSpectrum s;
  const bool nmr = o.kind == "nmr";
  s.technique = nmr ? Technique::nmr : (o.kind == "raman" ? Technique::raman : Technique::infrared);
  s.x_quantity = nmr ? Quantity::chemical_shift : Quantity::wavenumber;
  std::vector<std::string> bands = o.bands;
  if (bands.empty())
    bands = nmr ? std::vector<std::string>{"5.2:9:4:3", "-11.4:100:4:3"}
                : std::vector<std::string>{"2480:300:14:8", "2525:900:14:8", "2565:450:14:8",
                                           "3050:330:10:6"};
  for (const auto& b : bands) {
    const auto f = split(b, ':');
    if (f.size() != 4) throw InvalidArgument("--band must be CENTER:AREA:GAUSS_FWHM:LORENTZ_FWHM");
    s.bands.push_back({.shape = peaks::Shape::voigt,
                       .center = parse_number(f[0], "the band centre"),
                       .area = parse_number(f[1], "the band area"),
                       .fwhm = parse_number(f[2], "the Gaussian FWHM"),
                       .lorentz_fwhm = parse_number(f[3], "the Lorentzian FWHM")});
  }
  s.baseline = !o.baseline.empty()
                   ? o.baseline
                   : (nmr ? std::vector<double>{0.2} : std::vector<double>{4, 1.2, 0.8});
  s.noise_sigma = o.noise.value_or(nmr ? 0.1 : 0.3);
  s.seed = o.seed;
  const double from = o.from.value_or(nmr ? 60 : 2200), to = o.to.value_or(nmr ? -80 : 3300);
  const std::size_t n = o.points > 0 ? o.points : (nmr ? 1401 : 2201);
  const auto m = sim::simulate_band_spectrum(s, sim::linear_grid(from, to, n));
  std::string text =
      banner(std::string(nmr ? "NMR" : (o.kind == "raman" ? "Raman" : "IR")) + " spectrum");
  for (const auto& b : s.bands)
    text += "# band (Voigt): center=" + g(b.center) + " area=" + g(b.area) +
            " gauss_fwhm=" + g(b.fwhm) + " lorentz_fwhm=" + g(b.lorentz_fwhm) + "\n";
  text += "# baseline polynomial in u = (x - x_mid)/half span:";
  for (double c : s.baseline) text += " " + g(c);
  text += "; noise_sigma=" + g(s.noise_sigma) + " seed=" + std::to_string(s.seed) + "\n";
  write_output(o.out,
               text + csv(m, nmr ? "chemical shift/ppm,intensity" : "wavenumber/cm-1,intensity"));
}

}  // namespace

void register_simulate_curves(CLI::App& simulate) {
  {
    auto o = std::make_shared<CvSim>();
    auto* c = simulate.add_subcommand(
        "cv", "Slow-scan CV: double layer, an irreversible oxidation wave and a pre-peak");
    c->add_option("--output,-o", o->out, "CSV file to write")->required();
    c->add_option("--e-half", o->e_half, "Half-wave potential of the oxidation")
        ->capture_default_str();
    c->add_option("--width", o->width, "Wave width b")->capture_default_str();
    c->add_option("--i-lim", o->i_lim, "Limiting current of the wave")->capture_default_str();
    c->add_option("--pre-peak", o->pre_peak, "Potential of the pre-peak")->capture_default_str();
    c->add_option("--pre-width", o->pre_width, "Its FWHM")->capture_default_str();
    c->add_option("--pre-charge", o->pre_charge, "Its charge in C (0: none)")
        ->capture_default_str();
    c->add_option("--return-fraction", o->return_fraction,
                  "Charge of its cathodic return / its charge")
        ->capture_default_str();
    c->add_option("--start", o->start, "Start potential")->capture_default_str();
    c->add_option("--upper", o->upper, "Upper vertex")->capture_default_str();
    c->add_option("--lower", o->lower, "Lower vertex")->capture_default_str();
    c->add_option("--scan-rate", o->rate, "Scan rate, e.g. 50uV/s")->capture_default_str();
    c->add_option("--step", o->step, "Potential step")->capture_default_str();
    c->add_option("--area", o->area, "Electrode area")->capture_default_str();
    c->add_option("--capacitance", o->capacitance, "Double-layer capacitance, F")
        ->capture_default_str();
    c->add_option("--cycles", o->cycles, "Number of cycles")->capture_default_str();
    c->add_option("--noise", o->noise, "Gaussian noise on the current, e.g. 2nA")
        ->capture_default_str();
    c->add_option("--seed", o->seed, "Noise seed")->capture_default_str();
    c->footer(
        "Defaults: the paper's cell, E_e = 4.14 V (tangent), pre-peak at 3.3 V, 50 "
        "uV/s.\nExample:\n"
        "  solyte simulate cv -o cv.csv --noise 2nA");
    c->callback([o] { run_cv(*o); });
  }
  {
    auto o = std::make_shared<CyclingSim>();
    auto* c = simulate.add_subcommand(
        "cycling",
        "Symmetric-cell cycling through a CCD schedule with penetration and short events");
    c->add_option("--output,-o", o->out, "CSV file to write")->required();
    c->add_option("--j", o->j, "Current-density steps")->delimiter(',')->capture_default_str();
    c->add_option("--capacity", o->capacity, "Specific capacity of the reference electrode")
        ->capture_default_str();
    c->add_option("--loading", o->loading, "Its loading")->capture_default_str();
    c->add_option("--charge-per-sweep", o->charge, "Charge per sweep")->capture_default_str();
    c->add_option("--area", o->area, "Electrode area")->capture_default_str();
    c->add_option("--asr", o->asr, "Area-specific resistance, ohm cm2")->capture_default_str();
    c->add_option("--polarisation", o->polarisation, "Polarisation ASR built up with tau, ohm cm2")
        ->capture_default_str();
    c->add_option("--tau", o->tau, "Polarisation time constant")->capture_default_str();
    c->add_option("--interval", o->interval, "Sample interval")->capture_default_str();
    c->add_option("--penetration", o->penetration, "STEP:SWEEP:FRACTION:ASR_FACTOR (1-based)")
        ->capture_default_str();
    c->add_option("--short", o->short_circuit, "STEP:SWEEP:FRACTION (1-based)")
        ->capture_default_str();
    c->add_flag("--no-events", o->no_events, "A healthy cell");
    c->add_option("--noise", o->noise, "Gaussian noise on V, e.g. 1mV")->capture_default_str();
    c->add_option("--seed", o->seed, "Noise seed")->capture_default_str();
    c->footer(
        "Defaults: the paper's outcome, penetration at 0.12 mA/cm2 and short at 0.3 "
        "mA/cm2.\nExample:\n"
        "  solyte simulate cycling -o cycling.csv --noise 1mV");
    c->callback([o] { run_cycling(*o); });
  }
  {
    auto o = std::make_shared<DscSim>();
    auto* c = simulate.add_subcommand(
        "dsc", "DSC scan: heating (and cooling) with first-order transitions");
    c->add_option("--output,-o", o->out, "CSV file to write")->required();
    c->add_option("--from", o->from, "Start temperature")->capture_default_str();
    c->add_option("--to", o->to, "End temperature of the heating")->capture_default_str();
    c->add_option("--rate", o->rate, "Rate")->capture_default_str();
    c->add_option("--transition", o->heating,
                  "On heating: T:DH_J_PER_G[:SLOPE[:TAIL_K]] (repeatable)")
        ->capture_default_str();
    c->add_flag("--cool", o->cool, "Add the cooling segment back to --from");
    c->add_option("--cool-transition", o->cooling, "On cooling: T:DH (negative: exothermic)");
    c->add_option("--cp", o->cp, "Specific heat, J/(g K)")->capture_default_str();
    c->add_option("--exo", o->exo, "Sign convention written: up or down")
        ->check(CLI::IsMember({"up", "down"}))
        ->capture_default_str();
    c->add_option("--noise", o->noise, "Gaussian noise, W/g")->capture_default_str();
    c->add_option("--interval", o->interval, "Sample interval, s")->capture_default_str();
    c->add_option("--seed", o->seed, "Noise seed")->capture_default_str();
    c->footer(
        "Default: pristine NaCB11H12's order-disorder transition, onset 83 C, 30 J/g.\nExample:\n"
        "  solyte simulate dsc -o scan.csv --cool --cool-transition 70C:-25 --noise 1e-3");
    c->callback([o] { run_dsc(*o); });
  }
  {
    auto o = std::make_shared<SpectrumSim>();
    auto* c =
        simulate.add_subcommand("spectrum", "IR, Raman or NMR spectrum with known Voigt bands");
    c->add_option("--output,-o", o->out, "CSV file to write")->required();
    c->add_option("--kind", o->kind, "ir, raman or nmr")
        ->check(CLI::IsMember({"ir", "raman", "nmr"}))
        ->capture_default_str();
    c->add_option("--band", o->bands, "CENTER:AREA:GAUSS_FWHM:LORENTZ_FWHM (repeatable)");
    c->add_option("--from", o->from, "First x");
    c->add_option("--to", o->to, "Last x");
    c->add_option("--points", o->points, "Number of points");
    c->add_option("--baseline", o->baseline, "Polynomial coefficients in u")->delimiter(',');
    c->add_option("--noise", o->noise, "Gaussian noise (y units)");
    c->add_option("--seed", o->seed, "Noise seed")->capture_default_str();
    c->footer(
        "Defaults: IR/Raman, a nu(B-H) multiplet (300, 900, 450 at 2480, 2525, 2565 cm-1) and "
        "nu(C-H) "
        "(330 at 3050 cm-1), ratio 5; NMR, 23Na lines at 5.2 and -11.4 ppm, area ratio 0.09.\n"
        "Example:\n  solyte simulate spectrum --kind nmr -o nmr.csv");
    c->callback([o] { run_spectrum(*o); });
  }
}

}  // namespace solyte::cli
