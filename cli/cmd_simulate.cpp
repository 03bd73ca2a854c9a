// solyte simulate — synthetic measurements from the forward models of sim/ (an equivalent
// circuit, or a pellet over a temperature series), written as files the readers accept. Every
// file says in its header that it is synthetic and from which parameters.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "circuit_options.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/io/write_csv.hpp"
#include "solyte/study/virtual_lab.hpp"
#include "solyte/sim/circuit_elements.hpp"
#include "solyte/sim/pellet_impedance.hpp"
#include "solyte/units.hpp"
#include "solyte/version.hpp"

namespace solyte::cli {

namespace {

struct SeriesOptions {
  std::string out_dir;
  std::string prefix = "synthetic";
  std::string temperatures = "-100C:180C:10";
  std::vector<double> ea_ev{0.671, 0.205};
  std::vector<std::string> crossovers{"25C"};
  std::vector<std::string> jumps;   // "83C:2" = +2 decades above 83 °C
  std::string sigma_ref = "4mS/cm";
  std::string t_ref = "25C";
  std::string form = "sigmaT";
  std::string diameter = "10mm", thickness = "0.5mm";
  double eps_r = 20, bulk_alpha = 0.9;
  double gb_ratio = 0, gb_capacitance = 1e-9, gb_alpha = 0.85;
  double electrode_q = 5e-5, electrode_alpha = 0.9;
  std::string fmin = "10mHz", fmax = "70MHz";
  int per_decade = 10;
  double noise = 0.005;
  std::uint64_t seed = 1;
  bool quiet = false;
};

std::string fmt_g(double v, int digits = 10) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

// "-100C:180C:10" (start:stop:step, step in kelvin = °C) or "25C,40C,298.15K".
std::vector<double> parse_temperatures(const std::string& spec) {
  std::vector<double> out;
  if (spec.find(':') != std::string::npos) {
    std::vector<std::string> parts;
    std::stringstream ss(spec);
    for (std::string p; std::getline(ss, p, ':');) parts.push_back(p);
    if (parts.size() != 3)
      throw InvalidArgument("--temperatures range must be START:STOP:STEP, e.g. -100C:180C:10");
    const double a = parse_temperature_k(parts[0]), b = parse_temperature_k(parts[1]);
    const double step = parse_number(parts[2], "the temperature step (K)");
    if (!(step > 0)) throw InvalidArgument("--temperatures step must be positive");
    const double dir = b >= a ? 1.0 : -1.0;
    const long n = std::lround(std::floor(std::abs(b - a) / step + 1e-9));
    for (long i = 0; i <= n; ++i) out.push_back(a + dir * step * static_cast<double>(i));
    return out;
  }
  std::stringstream ss(spec);
  for (std::string p; std::getline(ss, p, ',');) out.push_back(parse_temperature_k(p));
  if (out.empty()) throw InvalidArgument("--temperatures is empty");
  return out;
}

std::string temperature_tag(double t_k) {
  const double c = kelvin_to_celsius(t_k);
  const double rounded = std::round(c * 100) / 100;
  std::string num = fmt_g(std::abs(rounded), 6);
  return std::string(rounded < 0 ? "-" : "+") + num + "C";
}

void run_series(const SeriesOptions& o) {
  sim::ConductivityLaw law;
  law.form = o.form == "sigma" ? transport::ArrheniusForm::sigma : transport::ArrheniusForm::sigma_t;
  law.sigma_ref_s_per_m = parse_conductivity_s_per_m(o.sigma_ref);
  law.t_ref_k = parse_temperature_k(o.t_ref);
  law.ea_ev = o.ea_ev;
  for (const auto& c : o.crossovers) law.crossover_k.push_back(parse_temperature_k(c));
  for (const auto& j : o.jumps) {
    const auto colon = j.rfind(':');
    if (colon == std::string::npos)
      throw InvalidArgument("--jump must be TEMPERATURE:DECADES, e.g. 83C:2");
    law.jumps.push_back({parse_temperature_k(j.substr(0, colon)),
                         parse_number(j.substr(colon + 1), "jump size in decades")});
  }
  if (law.ea_ev.size() != law.crossover_k.size() + 1)
    throw InvalidArgument("give one more --ea than --crossover (" +
                          std::to_string(law.ea_ev.size()) + " activation energies, " +
                          std::to_string(law.crossover_k.size()) + " crossovers)");

  sim::PelletCell cell;
  cell.geometry = PelletGeometry::from_diameter(parse_length_m(o.diameter), parse_length_m(o.thickness));
  cell.bulk_permittivity = o.eps_r;
  cell.bulk_alpha = o.bulk_alpha;
  if (o.gb_ratio > 0) cell.gb_resistance_ratio = o.gb_ratio;
  cell.gb_capacitance_f = o.gb_capacitance;
  cell.gb_alpha = o.gb_alpha;
  if (o.electrode_q > 0) cell.electrode_q = o.electrode_q;
  cell.electrode_alpha = o.electrode_alpha;
  const auto temps = parse_temperatures(o.temperatures);
  const auto freqs = sim::log_frequencies(parse_frequency_hz(o.fmin), parse_frequency_hz(o.fmax),
                                          o.per_decade);
  const auto spectra = sim::simulate_temperature_series(cell, law, temps, freqs,
                                                        {.relative = o.noise, .seed = o.seed});

  std::ostringstream params;
  params << "law: form=" << o.form << " Ea_eV=";
  for (std::size_t i = 0; i < law.ea_ev.size(); ++i) params << (i ? "," : "") << law.ea_ev[i];
  params << " crossover_K=";
  for (std::size_t i = 0; i < law.crossover_k.size(); ++i)
    params << (i ? "," : "") << law.crossover_k[i];
  for (const auto& j : law.jumps) params << " jump=" << j.temperature_k << "K:" << j.decades << "dec";
  params << " sigma_ref=" << law.sigma_ref_s_per_m * 0.01 << "S/cm@" << law.t_ref_k << "K\n"
         << "# cell: diameter_mm=" << cell.geometry.diameter_m() * 1e3
         << " thickness_mm=" << cell.geometry.thickness_m * 1e3 << " eps_r=" << o.eps_r
         << " bulk_alpha=" << o.bulk_alpha << " gb_ratio=" << o.gb_ratio
         << " gb_C_F=" << o.gb_capacitance << " gb_alpha=" << o.gb_alpha
         << " electrode_Q=" << o.electrode_q << " electrode_alpha=" << o.electrode_alpha << "\n"
         << "# noise: relative=" << o.noise << " seed=" << o.seed;

  namespace fs = std::filesystem;
  fs::create_directories(o.out_dir);
  Table truth;
  truth.headers = {"file", "T_K", "sigma_bulk_S_per_cm"};
  truth.digits = 10;
  for (std::size_t i = 0; i < spectra.size(); ++i) {
    const auto& s = spectra[i];
    char index[24];
    std::snprintf(index, sizeof index, "%03zu", i + 1);
    const std::string name = o.prefix + "_" + index + "_" + temperature_tag(temps[i]) + ".csv";
    const double sigma = law.sigma_s_per_m(temps[i]);
    const std::string text = io::spectrum_csv(
        s, {"SYNTHETIC impedance spectrum (not a measurement), written by solyte " +
                std::string(solyte::version()) + " simulate series",
            "temperature_K: " + fmt_g(temps[i]), "sigma_bulk_S_per_cm: " + fmt_g(sigma * 0.01),
            params.str()});
    write_output((fs::path(o.out_dir) / name).string(), text);
    truth.add_row({name, temps[i], sigma * 0.01});
  }
  write_output((fs::path(o.out_dir) / "parameters" / (o.prefix + "_truth.csv")).string(),
               "# SYNTHETIC series: the bulk conductivity each spectrum was made with\n# " +
                   params.str() + "\n" + render_delimited(truth, ','));
  if (!o.quiet)
    std::fprintf(stderr, "wrote %zu synthetic spectra to %s (true conductivities in parameters/)\n", spectra.size(),
                 o.out_dir.c_str());
}

struct CircuitOptions {
  std::string circuit;
  std::vector<std::string> params;
  std::string fmin = "10mHz", fmax = "1MHz";
  int per_decade = 10;
  double noise = 0;
  std::uint64_t seed = 1;
  std::string output;
};

// One spectrum of an equivalent circuit (the circuit language of `solyte fit`).
void run_circuit(const CircuitOptions& o) {
  if (o.circuit.empty())
    throw InvalidArgument("simulate: give --circuit (with --params) or a subcommand (series)");
  const auto c = eis::Circuit::parse(o.circuit);
  const auto p = parameter_vector(c, o.params);
  const auto freqs = sim::log_frequencies(parse_frequency_hz(o.fmin), parse_frequency_hz(o.fmax),
                                          o.per_decade);
  const auto s = sim::simulate_circuit(c, p, freqs, {.relative = o.noise, .seed = o.seed});
  std::string params = "parameters:";
  for (std::size_t i = 0; i < p.size(); ++i)
    params += " " + c.parameters()[i].name + "=" + fmt_g(p[i], 12);
  const std::string text = io::spectrum_csv(
      s, {"SYNTHETIC impedance spectrum (not a measurement), written by solyte " +
              std::string(solyte::version()) + " simulate --circuit",
          "circuit: " + c.to_string(), params,
          "noise: relative=" + fmt_g(o.noise) + " seed=" + std::to_string(o.seed)});
  write_output(o.output, text);
}

}  // namespace

void register_simulate(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "simulate", "Write synthetic measurements from the forward models: one spectrum of a "
                  "circuit (--circuit), or a pellet's temperature series (series)");
  cmd->require_subcommand(0, 1);
  auto c = std::make_shared<CircuitOptions>();
  cmd->add_option("--circuit,-c", c->circuit, "Circuit, e.g. 'R0-p(R1,CPE1)' (as for solyte fit)");
  cmd->add_option("--params,-p", c->params,
                  "Its parameters, NAME=VALUE in SI units or all values in circuit order")
      ->delimiter(',');
  cmd->add_option("--fmin", c->fmin, "Lowest frequency")->capture_default_str();
  cmd->add_option("--fmax", c->fmax, "Highest frequency")->capture_default_str();
  cmd->add_option("--per-decade", c->per_decade, "Points per decade")->capture_default_str();
  cmd->add_option("--noise", c->noise, "Gaussian noise relative to |Z|")->capture_default_str();
  cmd->add_option("--seed", c->seed, "Noise seed")->capture_default_str();
  cmd->add_option("--output,-o", c->output, "Spectrum file to write (CSV; standard output if none)");
  cmd->footer(
      "Examples:\n"
      "  solyte simulate --circuit 'R0-p(R1,CPE1)' --params R0=20,R1=1e4,CPE1_Q=3e-9,"
      "CPE1_alpha=0.85 -o spectrum.csv\n"
      "  solyte simulate -c 'R-(R)(P)-P' -p 20,40,2e-9,1,1e-6,0.8 --fmin 1kHz --fmax 10MHz "
      "--noise 0.01\n"
      "  solyte simulate series -o ncb/");
  cmd->callback([cmd, c] {
    if (cmd->get_subcommands().empty()) run_circuit(*c);
  });
  auto o = std::make_shared<SeriesOptions>();
  auto* series = cmd->add_subcommand(
      "series", "Impedance spectra of a pellet over a temperature series (sigma(T) from "
                "Arrhenius regimes and jumps; bulk R||CPE, optional grain boundary, blocking "
                "electrode)");
  series->add_option("--output,-o", o->out_dir, "Folder for the spectra (created)")->required();
  series->add_option("--prefix", o->prefix, "File name prefix")->capture_default_str();
  series->add_option("--temperatures", o->temperatures,
                     "START:STOP:STEP or a list, e.g. --temperatures=-100C:180C:10")
      ->capture_default_str();
  series->add_option("--ea", o->ea_ev, "Activation energies in eV, low to high temperature")
      ->delimiter(',')
      ->capture_default_str();
  series->add_option("--crossover", o->crossovers, "Temperatures where the regime changes")
      ->delimiter(',')
      ->capture_default_str();
  series->add_option("--jump", o->jumps, "TEMPERATURE:DECADES, sigma x 10^DECADES above it")
      ->delimiter(',');
  series->add_option("--sigma-ref", o->sigma_ref, "Conductivity at --t-ref")->capture_default_str();
  series->add_option("--t-ref", o->t_ref, "Anchor temperature")->capture_default_str();
  series->add_option("--form", o->form, "sigmaT or sigma")
      ->check(CLI::IsMember({"sigmaT", "sigma"}))
      ->capture_default_str();
  series->add_option("--diameter", o->diameter, "Pellet diameter")->capture_default_str();
  series->add_option("--thickness", o->thickness, "Pellet thickness")->capture_default_str();
  series->add_option("--eps", o->eps_r, "Bulk relative permittivity")->capture_default_str();
  series->add_option("--bulk-alpha", o->bulk_alpha, "Bulk CPE exponent (1 = ideal C)")
      ->capture_default_str();
  series->add_option("--gb-ratio", o->gb_ratio, "R_gb/R_b (0 = no grain boundary)")
      ->capture_default_str();
  series->add_option("--gb-capacitance", o->gb_capacitance, "Grain-boundary capacitance, F")
      ->capture_default_str();
  series->add_option("--electrode-q", o->electrode_q,
                     "Blocking electrode CPE Q in F s^(a-1) (0 = none)")
      ->capture_default_str();
  series->add_option("--electrode-alpha", o->electrode_alpha, "Electrode CPE exponent")
      ->capture_default_str();
  series->add_option("--fmin", o->fmin, "Lowest frequency")->capture_default_str();
  series->add_option("--fmax", o->fmax, "Highest frequency")->capture_default_str();
  series->add_option("--per-decade", o->per_decade, "Points per decade")->capture_default_str();
  series->add_option("--noise", o->noise, "Gaussian noise relative to |Z|")->capture_default_str();
  series->add_option("--seed", o->seed, "Noise seed")->capture_default_str();
  series->add_flag("--quiet,-q", o->quiet, "Say nothing on standard error");
  series->footer(
      "Defaults describe the milled NaCB11H12 of the reference study: 4 mS/cm at 25 C, "
      "Ea = 671 meV below and 205 meV above 25 C, 10 mm x 0.5 mm pellet, 10 mHz-70 MHz.\n"
      "Examples:\n"
      "  solyte simulate series -o ncb/ --prefix ncb_milled\n"
      "  solyte simulate series -o pristine/ --ea 0.629,0.3 --crossover 83C --jump 83C:2 "
      "--sigma-ref 1e-6S/cm\n"
      "  solyte conductivity ncb/*.csv -d 10mm -L 0.5mm --temperature-from-name");
  series->callback([o] { run_series(*o); });

  struct StudyOptions {
    std::string out_dir;
    std::vector<double> milling{0, 15, 30, 45, 60, 120, 240, 360};
    double noise = 0.003;
    std::uint64_t seed = 1;
    bool quiet = false;
  };
  auto so = std::make_shared<StudyOptions>();
  auto* st = cmd->add_subcommand(
      "study", "A complete synthetic study of milled NaCB11H12 (the virtual lab): samples milled "
               "0-360 min with impedance series, and the manifest that analyses them");
  st->add_option("--output,-o", so->out_dir, "Folder for the study (created)")->required();
  st->add_option("--milling", so->milling, "Milling times in minutes (must include 0 and 45)")
      ->delimiter(',')
      ->capture_default_str();
  st->add_option("--noise", so->noise, "Gaussian noise relative to |Z|")->capture_default_str();
  st->add_option("--seed", so->seed, "Noise seed")->capture_default_str();
  st->add_flag("--quiet,-q", so->quiet, "Say nothing on standard error");
  st->footer(
      "Writes study.toml, PARAMETERS.md (the model and every parameter), parameters/truth.csv and "
      "one folder per sample. Every file says in its header that it is synthetic.\n"
      "Examples:\n"
      "  solyte simulate study -o ncb/\n"
      "  solyte study ncb/study.toml -o out/ncb");
  st->callback([so] {
    const auto lab = study::write_virtual_study(
        so->out_dir, {.milling_min = so->milling, .impedance_noise = so->noise, .seed = so->seed});
    if (!so->quiet)
      std::fprintf(stderr, "wrote a synthetic study of %zu files to %s (analyse it with: solyte study %s)\n",
                   lab.files.size(), so->out_dir.c_str(), lab.manifest.c_str());
  });
}

}  // namespace solyte::cli
