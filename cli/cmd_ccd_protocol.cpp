// solyte ccd-protocol — a critical-current-density schedule for a symmetric cell: current
// steps, sweep times for a constant charge per sweep, and the C-rate of each step
// (docs/methods.md §11).
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "curve_input.hpp"
#include "output.hpp"
#include "solyte/echem/ccd_protocol.hpp"
#include "solyte/error.hpp"
#include "solyte/units.hpp"

namespace solyte::cli {

namespace {

struct ProtocolCliOptions {
  std::string capacity, loading;
  std::vector<std::string> c_rates, j;
  std::string ramp, charge_per_sweep, rest, area;
  int sweeps = 2;
  GlobalOptions out;
};

// "C/2" for simple fractions of 1C, else "0.3C".
std::string c_rate_text(double c) {
  char buf[32];
  const double inv = 1 / c;
  if (c < 1 && std::abs(inv - std::round(inv)) < 1e-9)
    std::snprintf(buf, sizeof buf, "C/%.0f", inv);
  else
    std::snprintf(buf, sizeof buf, "%gC", c);
  return buf;
}

void run(const ProtocolCliOptions& o) {
  const Format format = parse_format(o.out.format);
  echem::CcdProtocolOptions p;
  p.specific_capacity_c_per_kg = parse_specific_capacity_c_per_kg(o.capacity);
  p.loading_kg_per_m2 = parse_areal_mass_kg_per_m2(o.loading);
  const int given = !o.c_rates.empty() + !o.j.empty() + !o.ramp.empty();
  if (given > 1) throw InvalidArgument("give the steps once: --c-rates, --j or --ramp");
  for (const auto& c : o.c_rates) p.c_rates.push_back(parse_c_rate(c));
  for (const auto& j : o.j)
    p.current_densities_a_per_m2.push_back(parse_current_density_a_per_m2(j));
  if (!o.ramp.empty()) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t k = 0; k <= o.ramp.size(); ++k)
      if (k == o.ramp.size() || o.ramp[k] == ':') {
        parts.push_back(o.ramp.substr(start, k - start));
        start = k + 1;
      }
    if (parts.size() != 3)
      throw InvalidArgument("--ramp must be FROM:TO:STEP, e.g. 0.02mA/cm2:0.3mA/cm2:0.02mA/cm2");
    p.current_densities_a_per_m2 = echem::ramp(parse_current_density_a_per_m2(parts[0]),
                                               parse_current_density_a_per_m2(parts[1]),
                                               parse_current_density_a_per_m2(parts[2]));
  }
  if (given == 0) p.c_rates = {0.1, 0.2, 0.5, 1, 2};
  if (!o.charge_per_sweep.empty())
    p.charge_per_sweep_c_per_m2 = parse_areal_capacity_c_per_m2(o.charge_per_sweep);
  p.sweeps_per_step = o.sweeps;
  if (!o.rest.empty()) p.rest_s = parse_duration_s(o.rest);
  if (!o.area.empty()) p.area_m2 = parse_area_m2(o.area);
  const auto r = echem::design_ccd_protocol(p);

  Table t;
  char title[200];
  std::snprintf(
      title, sizeof title,
      "CCD schedule: areal capacity %.4g mAh/cm2, 1C = %.4g mA/cm2, %.4g mAh/cm2 per sweep",
      r.areal_capacity_c_per_m2 / 3.6 / 1e4, r.one_c_a_per_m2 * 0.1,
      r.charge_per_sweep_c_per_m2 / 3.6 / 1e4);
  t.title = title;
  t.headers = {"step",         "j_mA_per_cm2", "C_rate",  "I_mA",
               "sweep_time_h", "sweeps",       "start_h", "duration_h"};
  t.digits = 6;
  nlohmann::json doc;
  doc["method"] = {{"areal_capacity", "specific capacity x loading"},
                   {"one_c", "areal capacity / 1 h"},
                   {"sweep_time", "charge per sweep / j"},
                   {"source", "Murgia et al., ACS Appl. Mater. Interfaces 2022, Fig. 5"}};
  doc["specific_capacity_c_per_kg"] = p.specific_capacity_c_per_kg;
  doc["loading_kg_per_m2"] = p.loading_kg_per_m2;
  doc["areal_capacity_c_per_m2"] = r.areal_capacity_c_per_m2;
  doc["one_c_a_per_m2"] = r.one_c_a_per_m2;
  doc["charge_per_sweep_c_per_m2"] = r.charge_per_sweep_c_per_m2;
  doc["sweeps_per_step"] = r.sweeps_per_step;
  doc["rest_s"] = r.rest_s;
  doc["area_m2"] = number_or_null(p.area_m2);
  doc["total_time_s"] = r.total_time_s;
  auto& js = doc["steps"] = nlohmann::json::array();
  for (const auto& s : r.steps) {
    const std::optional<double> ma =
        s.current_a ? std::optional<double>(*s.current_a * 1e3) : std::nullopt;
    t.add_row({static_cast<long long>(s.index), s.current_density_a_per_m2 * 0.1,
               c_rate_text(s.c_rate), opt_cell(ma), s.sweep_time_s / 3600,
               static_cast<long long>(s.sweeps), s.start_s / 3600, s.duration_s / 3600});
    js.push_back({{"step", s.index},
                  {"current_density_a_per_m2", s.current_density_a_per_m2},
                  {"c_rate", s.c_rate},
                  {"current_a", number_or_null(s.current_a)},
                  {"sweep_time_s", s.sweep_time_s},
                  {"sweeps", s.sweeps},
                  {"start_s", s.start_s},
                  {"duration_s", s.duration_s}});
  }
  char total[64];
  std::snprintf(total, sizeof total, "total: %.4g h\n", r.total_time_s / 3600);
  write_output(o.out.output, render(format, {t}, doc, total));
}

}  // namespace

void register_ccd_protocol(CLI::App& app) {
  auto o = std::make_shared<ProtocolCliOptions>();
  auto* cmd = app.add_subcommand(
      "ccd-protocol",
      "Design a critical-current-density schedule and print the C-rate of each step");
  cmd->add_option("--capacity", o->capacity,
                  "Specific capacity of the reference electrode, e.g. 120mAh/g")
      ->required();
  cmd->add_option("--loading", o->loading, "Its loading, e.g. 2mg/cm2")->required();
  cmd->add_option("--c-rates", o->c_rates,
                  "Steps as C-rates, e.g. C/10,C/5,C/2,1C (default C/10,C/5,C/2,1C,2C)")
      ->delimiter(',');
  cmd->add_option("--j", o->j, "Steps as current densities, e.g. 0.05mA/cm2,0.1mA/cm2")
      ->delimiter(',');
  cmd->add_option("--ramp", o->ramp, "Steps FROM:TO:STEP, e.g. 0.02mA/cm2:0.3mA/cm2:0.02mA/cm2");
  cmd->add_option("--charge-per-sweep", o->charge_per_sweep,
                  "Charge moved in every sweep, e.g. 0.1mAh/cm2 (default: the areal capacity)");
  cmd->add_option("--sweeps", o->sweeps, "Sweeps per step (plating + stripping = 2)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--rest", o->rest, "Rest after every sweep, e.g. 10min");
  cmd->add_option("--area", o->area, "Electrode area, to print currents in mA");
  add_output_options(cmd, o->out);
  cmd->footer(
      "Areal capacity = specific capacity x loading; 1C = areal capacity / 1 h; sweep time = "
      "charge per sweep / j (docs/methods.md 11).\n"
      "Examples:\n"
      "  solyte ccd-protocol --capacity 120mAh/g --loading 2mg/cm2\n"
      "  solyte ccd-protocol --capacity 120mAh/g --loading 2mg/cm2 --ramp "
      "0.02mA/cm2:0.3mA/cm2:0.02mA/cm2 --charge-per-sweep 0.024mAh/cm2 --area 0.785cm2");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
