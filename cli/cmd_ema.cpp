// solyte ema — conductivity of a multi-phase sample: Wiener bounds, Maxwell-Garnett,
// Bruggeman, Lichtenecker (METHODS.md §6).
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "output.hpp"
#include "solyte/error.hpp"
#include "solyte/transport/effective_medium.hpp"
#include "solyte/units.hpp"

namespace solyte::cli {

namespace {

struct EmaOptions {
  std::vector<std::string> phases;
  std::string method = "all";
  bool weight_fractions = false;
  std::vector<std::string> densities;
  GlobalOptions out;
};

struct PhaseSpec {
  std::string name;
  double fraction = 0;
  double sigma_s_per_m = 0;
};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// A fraction: "0.92" or "92%".
double parse_fraction(std::string text, const std::string& what) {
  text = trim(text);
  double scale = 1;
  if (!text.empty() && text.back() == '%') {
    text.pop_back();
    scale = 0.01;
  }
  return parse_number(trim(text), what) * scale;
}

// [NAME:]FRACTION:CONDUCTIVITY, e.g. 0.92:4mS/cm or bcc:92%:4mS/cm.
PhaseSpec parse_phase(const std::string& text, std::size_t index) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto colon = text.find(':', start);
    parts.push_back(text.substr(start, colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (parts.size() != 2 && parts.size() != 3)
    throw InvalidArgument("--phase '" + text +
                          "': expected FRACTION:CONDUCTIVITY or NAME:FRACTION:CONDUCTIVITY, e.g. "
                          "0.92:4mS/cm");
  PhaseSpec p;
  const std::size_t k = parts.size() - 2;
  p.name = k ? trim(parts[0]) : "phase " + std::to_string(index + 1);
  p.fraction = parse_fraction(parts[k], "the fraction of phase '" + text + "'");
  p.sigma_s_per_m = parse_conductivity_s_per_m(trim(parts[k + 1]));
  return p;
}

// g/cm³ from "1.126", "1.126g/cm3", "1126 kg/m3".
double parse_density(std::string text) {
  text = trim(text);
  struct U {
    std::string_view unit;
    double to_g_per_cm3;
  };
  for (U u : {U{"g/cm3", 1.0}, U{"g/cm^3", 1.0}, U{"g/cm\xC2\xB3", 1.0}, U{"g/mL", 1.0},
              U{"kg/m3", 1e-3}, U{"kg/m^3", 1e-3}, U{"kg/m\xC2\xB3", 1e-3}})
    if (text.size() > u.unit.size() &&
        text.compare(text.size() - u.unit.size(), u.unit.size(), u.unit) == 0) {
      const double v = parse_number(trim(text.substr(0, text.size() - u.unit.size())), "density");
      return v * u.to_g_per_cm3;
    }
  return parse_number(text, "density (g/cm3)");
}

bool wanted(const std::string& method, const std::string& name) {
  if (method == "all") return true;
  if (method == "mg") return name == "maxwell-garnett";
  if (method == "bruggeman") return name == "bruggeman-3d";
  if (method == "bruggeman2d") return name == "bruggeman-2d";
  return method == name;
}

void run(const EmaOptions& o) {
  const Format format = parse_format(o.out.format);
  if (o.phases.empty()) throw InvalidArgument("give the phases with --phase FRACTION:SIGMA");
  std::vector<PhaseSpec> specs;
  for (std::size_t i = 0; i < o.phases.size(); ++i) specs.push_back(parse_phase(o.phases[i], i));

  std::vector<double> volume(specs.size());
  std::vector<double> weight;
  if (o.weight_fractions) {
    if (o.densities.size() != specs.size())
      throw InvalidArgument("--weight-fractions needs one --density (g/cm3) per phase: " +
                            std::to_string(specs.size()) + " phases, " +
                            std::to_string(o.densities.size()) + " densities");
    std::vector<double> rho;
    for (const auto& d : o.densities) rho.push_back(parse_density(d));
    for (const auto& s : specs) weight.push_back(s.fraction);
    volume = transport::volume_fractions_from_weight_fractions(weight, rho);
  } else {
    if (!o.densities.empty())
      throw InvalidArgument("--density is used only with --weight-fractions");
    for (std::size_t i = 0; i < specs.size(); ++i) volume[i] = specs[i].fraction;
  }
  std::vector<transport::MediumPhase> phases;
  for (std::size_t i = 0; i < specs.size(); ++i)
    phases.push_back({.volume_fraction = volume[i], .sigma_s_per_m = specs[i].sigma_s_per_m});
  const auto estimates = transport::effective_medium_estimates(phases);

  Table pt;
  pt.title = "Phases";
  pt.headers = {"phase", "weight_fraction", "volume_fraction", "sigma_S_per_cm", "sigma_mS_per_cm"};
  pt.digits = 6;
  for (std::size_t i = 0; i < specs.size(); ++i)
    pt.add_row({specs[i].name, o.weight_fractions ? Cell{weight[i]} : Cell{}, volume[i],
                specs[i].sigma_s_per_m * 0.01, specs[i].sigma_s_per_m * 10});
  Table et;
  et.title = "Effective conductivity";
  et.headers = {"method", "host", "sigma_S_per_cm", "sigma_mS_per_cm", "note"};
  et.digits = 6;
  for (const auto& e : estimates) {
    if (!wanted(o.method, e.method)) continue;
    et.add_row({e.method, e.host ? Cell{specs[*e.host].name} : Cell{}, e.sigma_s_per_m * 0.01,
                e.sigma_s_per_m * 10, e.note});
  }
  nlohmann::json doc;
  doc["phases"] = to_json(pt);
  doc["estimates"] = to_json(et);
  const std::string footer =
      "parallel/series: Wiener bounds; maxwell-garnett: host continuous, others isolated "
      "spheres; bruggeman: symmetric random mixture (percolation at 1/3 in 3-D, 1/2 in 2-D); "
      "lichtenecker: sum phi ln sigma (docs/methods.md §6).\n";
  write_output(o.out.output, render(format, {pt, et}, doc, footer));
}

}  // namespace

void register_ema(CLI::App& app) {
  auto o = std::make_shared<EmaOptions>();
  auto* cmd = app.add_subcommand(
      "ema", "Conductivity of a mixture of phases: Wiener bounds and effective-medium estimates");
  cmd->add_option("--phase,-p", o->phases,
                  "[NAME:]FRACTION:CONDUCTIVITY, once per phase, e.g. 0.92:4mS/cm or "
                  "bcc:92%:4mS/cm; fractions by volume unless --weight-fractions")
      ->delimiter(',')
      ->required();
  cmd->add_option("--method,-m", o->method, "Which estimates to print")
      ->check(CLI::IsMember(
          {"all", "parallel", "series", "mg", "bruggeman", "bruggeman2d", "lichtenecker"}))
      ->capture_default_str();
  cmd->add_flag("--weight-fractions,-w", o->weight_fractions,
                "The fractions are by weight (e.g. from Rietveld); convert with --density");
  cmd->add_option("--density", o->densities,
                  "Phase densities for --weight-fractions, g/cm3 (bare) or with g/cm3, kg/m3")
      ->delimiter(',');
  add_output_options(cmd, o->out);
  cmd->footer(
      "Methods: parallel (Wiener upper bound), series (Wiener lower bound), mg (Maxwell-Garnett "
      "with each phase as host in turn), bruggeman (symmetric, 3-D), bruggeman2d, lichtenecker "
      "(logarithmic). Fractions must sum to 1.\n"
      "Output: the phases (phase, weight_fraction, volume_fraction, sigma_S_per_cm, "
      "sigma_mS_per_cm) and one row per estimate (method, host, sigma_S_per_cm, "
      "sigma_mS_per_cm, note).\n"
      "Examples:\n"
      "  solyte ema --phase 0.92:4mS/cm --phase 0.08:4e-4mS/cm\n"
      "  solyte ema --phase bcc:0.92:4mS/cm --phase ortho:0.08:4e-4mS/cm --method bruggeman\n"
      "  solyte ema --phase 0.92:4mS/cm --phase 0.08:4e-4mS/cm --weight-fractions "
      "--density 1.126,1.25 -f json");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
