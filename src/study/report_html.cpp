// The study report: one self-contained HTML page (figures inline as SVG, no external files)
// with the "paper vs this run" table, the conductivity figures and tables, the relaxation
// fits and the structure tables; every figure also as SVG and PNG under figures/.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "solyte/constants.hpp"
#include "solyte/io/file_bytes.hpp"
#include "solyte/version.hpp"
#include "study/figures.hpp"
#include "study/report.hpp"

namespace solyte::study::detail {

namespace {

std::string esc(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

std::string num(const Json& v, int digits = 4) {
  if (v.is_null()) return "–";
  if (v.is_string()) return esc(v.get<std::string>());
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_number_integer() || v.is_number_unsigned()) return std::to_string(v.get<long long>());
  const double x = v.get<double>();
  if (!std::isfinite(x)) return "–";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*g", digits, x);
  return buf;
}

std::string num(double x, int digits = 4) { return num(Json(x), digits); }

std::vector<double> doubles(const Json& a) {
  std::vector<double> v;
  if (!a.is_array()) return v;
  for (const auto& x : a) v.push_back(x.is_number() ? x.get<double>() : std::nan(""));
  return v;
}

std::string base64(std::string_view in) {
  static constexpr char k[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < in.size(); i += 3) {
    const unsigned a = static_cast<unsigned char>(in[i]);
    const unsigned b = i + 1 < in.size() ? static_cast<unsigned char>(in[i + 1]) : 0;
    const unsigned c = i + 2 < in.size() ? static_cast<unsigned char>(in[i + 2]) : 0;
    const unsigned v = (a << 16) | (b << 8) | c;
    out += k[(v >> 18) & 63];
    out += k[(v >> 12) & 63];
    out += i + 1 < in.size() ? k[(v >> 6) & 63] : '=';
    out += i + 2 < in.size() ? k[v & 63] : '=';
  }
  return out;
}

struct Page {
  std::string html;
  std::vector<std::pair<Figure, std::string>> figures;  // with its SVG text
  std::string dir;
  int figure_count = 0;

  void figure(Figure f) {
    const std::string prefix = "f" + std::to_string(++figure_count) + "-";
    std::string svg = render_svg(f, dir, prefix);
    std::string body = svg;
    if (f.raster_in_report) {  // a PNG keeps pages with dozens of panels small
      const std::string tmp = dir + "/.figure-inline.png";
      render_png(f, tmp);
      body = "<img alt=\"" + esc(f.caption) + "\" src=\"data:image/png;base64," +
             base64(io::read_file_bytes(tmp)) + "\">";
      std::filesystem::remove(tmp);
    }
    html += "<figure id=\"fig-" + esc(f.name) + "\" data-figure=\"" + esc(f.name) + "\">" + body +
            "<figcaption>" + esc(f.caption) + "</figcaption></figure>\n";
    figures.emplace_back(std::move(f), std::move(svg));
  }
};

// A table from rows of objects: `columns` = (key, header, digits).
struct Col {
  std::string key, header;
  int digits = 4;
  double scale = 1.0;
  double offset = 0.0;   ///< shown = value·scale + offset (K → °C: offset −273.15)
};

void table(Page& p, const std::vector<const Json*>& rows, const std::vector<Col>& cols,
           const std::string& caption) {
  if (rows.empty()) return;
  p.html += "<table><caption>" + esc(caption) + "</caption><thead><tr>";
  for (const auto& c : cols) p.html += "<th>" + esc(c.header) + "</th>";
  p.html += "</tr></thead><tbody>\n";
  for (const Json* r : rows) {
    p.html += "<tr>";
    for (const auto& c : cols) {
      Json v = r->value(c.key, Json());
      if (v.is_number() && (c.scale != 1.0 || c.offset != 0.0))
        v = v.get<double>() * c.scale + c.offset;
      p.html += "<td>" + num(v, c.digits) + "</td>";
    }
    p.html += "</tr>\n";
  }
  p.html += "</tbody></table>\n";
}

std::vector<const Json*> rows_of(const ReportInput& in, const std::string& table_name,
                                 const std::string& sample = {}) {
  std::vector<const Json*> out;
  for (std::size_t i = 0; i < in.tasks->size(); ++i) {
    const auto& t = (*in.tasks)[i];
    if (!sample.empty() && t.sample != sample) continue;
    const Json& r = (*in.results)[i];
    if (!r.contains("rows") || !r["rows"].contains(table_name)) continue;
    for (const auto& row : r["rows"][table_name]) out.push_back(&row);
  }
  return out;
}

// σ of a regime line at T: σT = σ0 e^{−Ea/kT} (σ0 in S·K/cm) or σ = σ0 e^{−Ea/kT}.
double regime_sigma(const Json& g, double t_k, bool sigma_t) {
  const double ln = g["ln_sigma0"].get<double>() - g["ea_ev"].get<double>() /
                                                       (constants::boltzmann_ev_per_k * t_k);
  return sigma_t ? std::exp(ln) / t_k : std::exp(ln);
}

void arrhenius_section(Page& p, const ReportInput& in) {
  Figure f{.name = "arrhenius",
           .caption = "DC conductivity against inverse temperature: points from the σ' plateau, "
                      "lines the Arrhenius regimes (circles heating, squares cooling).",
           .width = 900, .height = 480};
  Panel panel{.title = "Arrhenius plot", .x_label = "1000/T [1/K]", .y_label = "σ [S/cm]",
              .log_y = true, .legend_outside = true};
  int colour = 0;
  for (std::size_t i = 0; i < in.tasks->size(); ++i) {
    const auto& t = (*in.tasks)[i];
    if (t.analysis != "arrhenius") continue;
    const Json& plots = (*in.results)[i]["plots"]["arrhenius"];
    if (!plots.is_object()) continue;
    for (const auto& [run, d] : plots.items()) {
      PlotSeries pts{.label = t.sample + (run == "all" ? "" : " (" + run + ")"),
                     .color = colour, .line = false, .points = true,
                     .symbol = run == "cooling" ? "#(841)" : "#(840)"};
      for (const auto& xy : d["points"]) {
        pts.x.push_back(1000.0 / xy[0].get<double>());
        pts.y.push_back(xy[1].get<double>());
      }
      panel.series.push_back(pts);
      const bool sigma_t = d["form"] != "sigma";
      for (const auto& g : d["regimes"]) {
        PlotSeries line{.color = colour, .width = 1.2};
        const double t0 = g["t_min_k"].get<double>(), t1 = g["t_max_k"].get<double>();
        for (int k = 0; k <= 20; ++k) {
          const double tk = t0 + (t1 - t0) * k / 20.0;
          line.x.push_back(1000.0 / tk);
          line.y.push_back(regime_sigma(g, tk, sigma_t));
        }
        panel.series.push_back(line);
      }
    }
    ++colour;
  }
  if (panel.series.empty()) return;
  f.panels.push_back(panel);
  p.html += "<h2 id=\"conductivity\">Conductivity</h2>\n";
  p.figure(f);
  table(p, rows_of(in, "arrhenius_regimes"),
        {{"sample", "sample"}, {"run", "run"}, {"t_min_k", "T min [°C]", 4, 1, -273.15}, {"t_max_k", "T max [°C]", 4, 1, -273.15},
         {"n_points", "points"}, {"ea_ev", "Ea [meV]", 4, 1000}, {"ea_err_ev", "± [meV]", 2, 1000},
         {"ln_sigma0", "ln σ0"}, {"ln_sigma0_err", "±", 2}, {"r_squared", "R²", 5}},
        "Arrhenius regimes (σ0 in S·K/cm for the σT form)");
  table(p, rows_of(in, "transitions"),
        {{"sample", "sample"}, {"run", "run"}, {"kind", "kind"},
         {"temperature_k", "T [K]", 5}, {"t_below_k", "between [K]", 5}, {"t_above_k", "and [K]", 5},
         {"jump_decades", "jump [decades]", 3}},
        "Transitions between regimes");
  table(p, rows_of(in, "hysteresis"),
        {{"sample", "sample"}, {"t_heating_k", "on heating [K]", 5},
         {"t_cooling_k", "on cooling [K]", 5}, {"hysteresis_k", "hysteresis [K]", 3}},
        "Heating against cooling");
}

void property_series_section(Page& p, const ReportInput& in) {
  for (std::size_t i = 0; i < in.tasks->size(); ++i) {
    const auto& t = (*in.tasks)[i];
    if (t.analysis != "milling-series" && t.analysis != "property-series") continue;
    const Json& rows = (*in.results)[i]["rows"]["property_series"];
    if (!rows.is_array() || rows.empty()) continue;
    const std::string prop = rows[0]["property"].get<std::string>();
    PlotSeries s{.label = "σ(25 °C)", .color = 0, .line = true, .points = true};
    for (const auto& r : rows) {
      s.x.push_back(r["value"].get<double>());
      s.y.push_back(r["sigma_25C_s_per_cm"].get<double>());
    }
    Figure f{.name = "property-series-" + std::to_string(i),
             .caption = "Room-temperature conductivity against " + prop + "."};
    f.panels.push_back({.title = "σ(25 °C) against " + prop, .x_label = prop,
                        .y_label = "σ(25 °C) [S/cm]", .log_y = true, .series = {s}, .legend = false});
    p.figure(f);
    std::vector<const Json*> r;
    for (const auto& x : rows) r.push_back(&x);
    table(p, r, {{"sample", "sample"}, {"value", prop}, {"sigma_25C_s_per_cm", "σ(25 °C) [S/cm]"}},
          "σ(25 °C) over the series");
  }
}

void impedance_section(Page& p, const ReportInput& in) {
  bool header = false;
  for (std::size_t i = 0; i < in.tasks->size(); ++i) {
    const auto& t = (*in.tasks)[i];
    if (t.analysis != "conductivity") continue;
    const Json& spectra = (*in.results)[i]["plots"]["spectra"];
    if (!spectra.is_array() || spectra.empty()) continue;
    if (!header) {
      p.html += "<h2 id=\"spectra\">Impedance spectra</h2>\n";
      header = true;
    }
    const std::string stem = t.id.substr(0, t.id.find('#')) + "-" + t.id.substr(t.id.find('#') + 1);
    std::string safe;
    for (char c : stem) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') ? c : '-';
    double tmin = 1e300, tmax = -1e300;
    for (const auto& s : spectra)
      if (!s["temperature_k"].is_null()) {
        tmin = std::min(tmin, s["temperature_k"].get<double>());
        tmax = std::max(tmax, s["temperature_k"].get<double>());
      }
    auto shade = [&](const Json& s) {
      if (s["temperature_k"].is_null() || tmax <= tmin) return gradient(0.5);
      return gradient((s["temperature_k"].get<double>() - tmin) / (tmax - tmin));
    };
    auto tlabel = [](const Json& s) {
      if (s["temperature_k"].is_null()) return s["label"].get<std::string>();
      return num(s["temperature_k"].get<double>() - 273.15, 4) + " °C";
    };
    // σ'(f) of every temperature with its plateau, and |Z|(f) (Bode).
    Panel sig{.title = "σ'(f), plateaus thick", .x_label = "f [Hz]", .y_label = "σ' [S/cm]",
              .log_x = true, .log_y = true, .legend = false};
    Panel bode{.title = "Bode: |Z|(f)", .x_label = "f [Hz]", .y_label = "|Z| [Ω]",
               .log_x = true, .log_y = true, .legend = false};
    Panel phase{.title = "Bode: −phase(f)", .x_label = "f [Hz]", .y_label = "−θ [°]",
                .log_x = true, .legend = false};
    Figure grid{.name = safe + "-nyquist",
                .caption = t.sample + ": Nyquist plot at every temperature (" + t.id + ")."};
    for (const auto& s : spectra) {
      const auto f = doubles(s["f_hz"]), zr = doubles(s["z_real_ohm"]), zi = doubles(s["z_imag_ohm"]),
                 sg = doubles(s["sigma_real_s_per_cm"]);
      const int c = shade(s);
      sig.series.push_back({.x = f, .y = sg, .color = c, .width = 1.0});
      if (s["plateau"].is_array()) {
        PlotSeries band{.color = c, .width = 4.0};
        const double lo = s["plateau"][0].get<double>(), hi = s["plateau"][1].get<double>();
        for (std::size_t k = 0; k < f.size(); ++k)
          if (f[k] >= lo && f[k] <= hi) {
            band.x.push_back(f[k]);
            band.y.push_back(sg[k]);
          }
        sig.series.push_back(band);
      }
      std::vector<double> mod, ph, nz;
      for (std::size_t k = 0; k < f.size(); ++k) {
        mod.push_back(std::hypot(zr[k], zi[k]));
        ph.push_back(-std::atan2(zi[k], zr[k]) * 180.0 / constants::pi);
        nz.push_back(-zi[k]);
      }
      bode.series.push_back({.x = f, .y = mod, .color = c, .width = 1.0});
      phase.series.push_back({.x = f, .y = ph, .color = c, .width = 1.0});
      grid.panels.push_back({.title = tlabel(s), .x_label = "Z' [Ω]", .y_label = "−Z'' [Ω]",
                             .equal_aspect = true,
                             .series = {{.x = zr, .y = nz, .color = c, .line = true, .points = true,
                                         .width = 1.0}},
                             .legend = false});
    }
    p.html += "<h3>" + esc(t.sample) + " — " + esc(t.id) + "</h3>\n";
    Figure overview{.name = safe + "-sigma-bode",
                    .caption = t.sample + ": σ'(f) with the plateau of each temperature drawn "
                               "thick, and the Bode plots; blue = cold, red = hot (" +
                               num(tmin - 273.15, 4) + " … " + num(tmax - 273.15, 4) + " °C).",
                    .panels = {sig, bode, phase}, .columns = 3, .width = 960, .height = 320};
    p.figure(overview);
    grid.columns = 4;
    grid.raster_in_report = true;
    grid.width = 960;
    grid.height = 220 * static_cast<int>((grid.panels.size() + 3) / 4);
    p.html += "<details><summary>Nyquist plots of all " + std::to_string(spectra.size()) +
              " spectra</summary>\n";
    p.figure(grid);
    p.html += "</details>\n";
    std::vector<const Json*> rows;
    for (const auto& r : (*in.results)[i]["rows"]["conductivities"]) rows.push_back(&r);
    p.html += "<details><summary>Conductivities</summary>\n";
    table(p, rows,
          {{"file", "file"}, {"run", "run"}, {"temperature_k", "T [K]", 5},
           {"sigma_s_per_cm", "σ_DC [S/cm]"}, {"sigma_err_s_per_cm", "± [S/cm]", 2},
           {"plateau_low_hz", "plateau from [Hz]", 3}, {"plateau_high_hz", "to [Hz]", 3},
           {"quality", "quality"}},
          "σ_DC from the σ' plateau");
    p.html += "</details>\n";
  }
}

void modulus_section(Page& p, const ReportInput& in) {
  bool header = false;
  for (std::size_t i = 0; i < in.tasks->size(); ++i) {
    const auto& t = (*in.tasks)[i];
    if (t.analysis != "modulus") continue;
    const Json& plots = (*in.results)[i]["plots"]["modulus"];
    if (!plots.is_array() || plots.empty()) continue;
    if (!header) {
      p.html += "<h2 id=\"relaxation\">Electric modulus</h2>\n";
      header = true;
    }
    Figure f{.name = t.sample + "-modulus-" + std::to_string(i),
             .caption = t.sample + ": M''(f) and the fitted relaxation function."};
    for (const auto& d : plots) {
      Panel pan{.title = t.sample + (d["temperature_k"].is_null() ? std::string()
                                     : ", " + num(d["temperature_k"].get<double>() - 273.15, 4) + " °C"),
                .x_label = "f [Hz]", .y_label = "M''", .log_x = true};
      pan.series.push_back({.x = doubles(d["f_hz"]), .y = doubles(d["m2"]), .label = "data",
                            .color = 0, .line = false, .points = true});
      pan.series.push_back({.x = doubles(d["fit_f_hz"]), .y = doubles(d["fit_m2"]),
                            .label = d["model"].get<std::string>() + " fit, β = " + num(d["beta"], 3),
                            .color = 1});
      f.panels.push_back(pan);
    }
    p.figure(f);
  }
  table(p, rows_of(in, "modulus_fits"),
        {{"sample", "sample"}, {"temperature_k", "T [K]", 5}, {"model", "model"},
         {"beta", "β", 3}, {"beta_err", "±", 2}, {"tau_s", "τ [s]"}, {"peak_frequency_hz", "M'' peak [Hz]"},
         {"sigma_dc_s_per_cm", "ε0/(M∞⟨τ⟩) [S/cm]"}, {"status", "status"}},
        "Electric-modulus fits");
}

// Every task of `analysis` with its plot `key`, in task order.
template <class F>
void each_plot(const ReportInput& in, std::initializer_list<std::string_view> analyses,
               const std::string& key, F&& f) {
  for (std::size_t i = 0; i < in.tasks->size(); ++i) {
    const auto& t = (*in.tasks)[i];
    if (std::find(analyses.begin(), analyses.end(), t.analysis) == analyses.end()) continue;
    const Json& r = (*in.results)[i];
    if (!r.contains("plots") || !r["plots"].contains(key)) continue;
    f(t, r["plots"][key], r, i);
  }
}

std::string stem_of(const Task& t) {
  std::string safe;
  for (char c : t.id) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') ? c : '-';
  return safe;
}

std::vector<const Json*> rows_of_task(const Json& r, const std::string& table) {
  std::vector<const Json*> out;
  if (r.contains("rows") && r["rows"].contains(table))
    for (const auto& row : r["rows"][table]) out.push_back(&row);
  return out;
}

void diffraction_section(Page& p, const ReportInput& in) {
  bool header = false;
  each_plot(in, {"diffraction"}, "pattern", [&](const Task& t, const Json& d, const Json& r, std::size_t) {
    if (!header) {
      p.html += "<h2 id=\"diffraction\">Diffraction</h2>\n";
      header = true;
    }
    Panel pan{.title = t.sample + ": powder pattern", .x_label = "2θ [°]", .y_label = "intensity",
              .legend = false};
    pan.series.push_back({.x = doubles(d["two_theta_deg"]), .y = doubles(d["intensity"]), .color = 0,
                          .width = 1.0});
    for (double x : doubles(d["calculated"])) pan.bands.push_back({x, x, 1});
    p.figure({.name = stem_of(t), .caption = t.sample + ": the pattern with the positions of the indexed " +
                                             d["phase"].get<std::string>() + " reflections (dashed).",
              .panels = {pan}, .width = 900, .height = 360});
    table(p, rows_of_task(r, "diffraction_peaks"),
          {{"two_theta_deg", "2θ [°]", 6}, {"d_angstrom", "d [Å]", 5}, {"fwhm_deg", "FWHM [°]", 3},
           {"eta", "η", 2}, {"area", "area", 4}, {"hkl", "hkl"}, {"two_theta_calc_deg", "2θ calc [°]", 6}},
          t.sample + ": fitted lines");
  });
}

void bands_section(Page& p, const ReportInput& in) {
  bool header = false;
  each_plot(in, {"infrared", "raman", "nmr"}, "bands", [&](const Task& t, const Json& d, const Json& r, std::size_t) {
    if (!header) {
      p.html += "<h2 id=\"spectroscopy\">IR, Raman and NMR bands</h2>\n";
      header = true;
    }
    const bool ppm = d["unit"] == "ppm";
    Panel pan{.title = t.sample + ": " + t.analysis, .x_label = ppm ? "δ [ppm]" : "ν [1/cm]",
              .y_label = "intensity"};
    const auto x = doubles(d["x"]);
    pan.series.push_back({.x = x, .y = doubles(d["y"]), .label = "data", .color = 0, .width = 1.0});
    pan.series.push_back({.x = x, .y = doubles(d["baseline"]), .label = "baseline", .color = 7, .width = 1.0});
    if (d["fit"].is_array())
      pan.series.push_back({.x = x, .y = doubles(d["fit"]), .label = "fit", .color = 1, .width = 1.2});
    if (ppm && !x.empty()) {
      const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
      pan.x_range = std::pair{*hi, *lo};  // NMR: shift decreasing to the right
    }
    p.figure({.name = stem_of(t), .caption = t.sample + ": " + t.analysis + " spectrum, baseline and fitted peaks.",
              .panels = {pan}, .width = 760, .height = 360});
    table(p, rows_of_task(r, "band_ratios"),
          {{"numerator_from", "numerator from"}, {"numerator_to", "to"}, {"denominator_from", "denominator from"},
           {"denominator_to", "to"}, {"source", "areas"}, {"ratio", "ratio", 4}, {"ratio_err", "±", 2}},
          t.sample + ": band ratios");
    table(p, rows_of_task(r, "bands"),
          {{"peak", "peak"}, {"center", "centre", 6}, {"center_err", "±", 2}, {"area", "area", 4},
           {"area_err", "±", 2}, {"fwhm", "FWHM", 3}},
          t.sample + ": fitted peaks");
  });
  table(p, rows_of(in, "bond_lengths"),
        {{"sample_a", "a"}, {"sample_b", "b"}, {"center_a_per_cm", "ν(B–H) a [1/cm]", 6},
         {"center_b_per_cm", "ν(B–H) b [1/cm]", 6}, {"r_a_angstrom", "r a [Å]", 6},
         {"r_b_angstrom", "r b [Å]", 6}, {"elongation_percent", "elongation [%]", 3}},
        "B–H bond lengths from the band positions");
}

void electrochemistry_section(Page& p, const ReportInput& in) {
  bool header = false;
  auto head = [&] {
    if (!header) p.html += "<h2 id=\"electrochemistry\">Electrochemistry</h2>\n";
    header = true;
  };
  each_plot(in, {"cv"}, "cv", [&](const Task& t, const Json& d, const Json& r, std::size_t) {
    head();
    Panel pan{.title = t.sample + ": CV, cycle " + std::to_string(d["cycle"].get<int>()),
              .x_label = "E [V]", .y_label = "j [" + d["current_unit"].get<std::string>() + "]",
              .legend = false};
    pan.series.push_back({.x = doubles(d["potential_v"]), .y = doubles(d["current"]), .color = 0, .width = 1.0});
    std::string edges;
    for (const auto& e : d["edges"]) {
      pan.bands.push_back({e["edge_v"].get<double>(), e["edge_v"].get<double>(), 1});
      edges += (edges.empty() ? "" : ", ") + e["method"].get<std::string>() + " " + num(e["edge_v"], 4) + " V";
    }
    p.figure({.name = stem_of(t), .caption = t.sample + ": slow-scan CV with the edge potential (" + edges + ").",
              .panels = {pan}, .width = 760, .height = 360});
    table(p, rows_of_task(r, "cv_edges"),
          {{"cycle", "cycle"}, {"method", "method"}, {"edge_v", "E_e [V]", 4}, {"baseline_from_v", "baseline from [V]", 4},
           {"baseline_to_v", "to [V]", 4}, {"steepest_v", "steepest rise [V]", 4}},
          t.sample + ": edge potentials");
  });
  each_plot(in, {"ccd"}, "ccd", [&](const Task& t, const Json& d, const Json& r, std::size_t) {
    head();
    auto hours = doubles(d["time_s"]);
    for (double& x : hours) x /= 3600.0;
    Panel pan{.title = t.sample + ": symmetric-cell cycling", .x_label = "t [h]", .y_label = "V [V]",
              .legend = false};
    pan.series.push_back({.x = hours, .y = doubles(d["voltage_v"]), .color = 0, .width = 0.8});
    for (const auto& e : d["events"])
      pan.bands.push_back({e["time_s"].get<double>() / 3600.0, e["time_s"].get<double>() / 3600.0,
                           e["kind"] == "penetration" ? 3 : 1});
    p.figure({.name = stem_of(t), .caption = t.sample + ": voltage of the symmetric cell with the detected "
                                             "penetration (orange) and short (red) events.",
              .panels = {pan}, .width = 900, .height = 340});
    table(p, rows_of_task(r, "ccd_steps"),
          {{"step", "step"}, {"current_density_ma_per_cm2", "j [mA/cm²]", 4}, {"overpotential_v", "η [V]", 4},
           {"asr_ohm_cm2", "ASR [Ω·cm²]", 4}, {"event", "event"}},
          t.sample + ": steps");
    table(p, rows_of_task(r, "ccd_events"),
          {{"kind", "event"}, {"time_s", "t [s]", 6}, {"current_density_ma_per_cm2", "j [mA/cm²]", 4},
           {"v_before", "|V| before [V]", 4}, {"v_after", "after [V]", 4}},
          t.sample + ": events");
  });
}

void dsc_section(Page& p, const ReportInput& in) {
  bool header = false;
  each_plot(in, {"dsc"}, "dsc", [&](const Task& t, const Json& d, const Json& r, std::size_t) {
    if (!header) p.html += "<h2 id=\"thermal\">Thermal analysis</h2>\n";
    header = true;
    Panel pan{.title = t.sample + ": DSC", .x_label = "T [°C]",
              .y_label = "heat flow [" + d["unit"].get<std::string>() + "] (" +
                         (d["exo_up"].get<bool>() ? "exo up" : "exo down") + ")"};
    int k = 0;
    for (const auto& sgm : d["segments"]) {
      if (!sgm.contains("heat_flow")) continue;
      pan.series.push_back({.x = doubles(sgm["temperature_c"]), .y = doubles(sgm["heat_flow"]),
                            .label = sgm["scan"].get<std::string>(), .color = k++, .width = 1.0});
    }
    for (const auto& e : d["events"]) pan.bands.push_back({e["peak_c"].get<double>(), e["peak_c"].get<double>(), 1});
    p.figure({.name = stem_of(t), .caption = t.sample + ": DSC scan with the peaks of the detected events.",
              .panels = {pan}, .width = 760, .height = 360});
    table(p, rows_of_task(r, "dsc_events"),
          {{"scan", "scan"}, {"direction", "direction"}, {"onset_k", "onset [°C]", 4, 1, -273.15},
           {"peak_k", "peak [°C]", 4, 1, -273.15}, {"end_k", "end [°C]", 4, 1, -273.15},
           {"enthalpy_j_per_g", "ΔH [J/g]", 4}},
          t.sample + ": DSC events");
  });
}

void structure_section(Page& p, const ReportInput& in) {
  const auto packing = rows_of(in, "packing");
  const auto entropy = rows_of(in, "site_entropy");
  const auto ema = rows_of(in, "effective_medium");
  const auto mig = rows_of(in, "migration_entropy");
  if (packing.empty() && entropy.empty() && ema.empty() && mig.empty()) return;
  p.html += "<h2 id=\"structure\">Structure and entropy</h2>\n";
  table(p, packing,
        {{"label", "packing"}, {"a_angstrom", "a [Å]", 5}, {"z", "Z", 3}, {"volume_a3", "V [Å³]", 6},
         {"volume_per_formula_a3", "V/Z [Å³]", 5}, {"density_g_per_cm3", "ρ [g/cm³]", 5},
         {"anion_radius_a", "R⁻ [Å]", 5}, {"anion_volume_a3", "V⁻ [Å³]", 5},
         {"free_volume_per_formula_a3", "V_Na/Z [Å³]", 4}},
        "Anion packing (the paper's Table 1, unrounded)");
  table(p, entropy,
        {{"label", "model"}, {"site", "site"}, {"multiplicity", "m"}, {"occupancy", "c", 5},
         {"s_set_kb", "S_set [k_B/cell]", 5}, {"s_per_cation_kb", "S [k_B/cation]", 5}},
        "Configurational entropy");
  table(p, ema, {{"label", "mixture"}, {"method", "method"}, {"sigma_s_per_cm", "σ [S/cm]", 5}},
        "Effective-medium conductivity");
  table(p, mig,
        {{"sample_a", "a"}, {"sample_b", "b"}, {"regime", "regime"}, {"ln_sigma0_a", "ln σ0(a)", 5},
         {"ln_sigma0_b", "ln σ0(b)", 5}, {"delta_s_kb", "ΔS [k_B]", 4}, {"delta_s_kb_err", "±", 2},
         {"delta_s_j_per_mol_k", "ΔS [J/(mol K)]", 4}},
        "Migration entropy from the Arrhenius prefactors");
}

void paper_section(Page& p, const ReportInput& in) {
  if (in.paper->empty()) return;
  std::size_t ok = 0;
  for (const auto& c : *in.paper) ok += c.within ? 1 : 0;
  p.html += "<h2 id=\"paper\">Paper vs this run</h2>\n<p>" + std::to_string(ok) + " of " +
            std::to_string(in.paper->size()) + " values within their stated tolerance.</p>\n";
  p.html += "<table class=\"paper\"><thead><tr><th>quantity</th><th>paper</th><th>this run</th>"
            "<th>unit</th><th>tolerance</th><th></th><th>source</th><th>how</th></tr></thead><tbody>\n";
  for (const auto& c : *in.paper) {
    p.html += std::string("<tr class=\"") + (c.within ? "ok" : "off") + "\"><td>" + esc(c.quantity) +
              "</td><td>" + num(c.paper, 5) + "</td><td>" + (c.run ? num(*c.run, 5) : "–") +
              "</td><td>" + esc(c.unit) + "</td><td>" +
              (c.relative ? num(c.tolerance * 100, 3) + " %" : "± " + num(c.tolerance, 3)) +
              "</td><td>" + (c.within ? "✓" : "✗") + "</td><td>" + esc(c.source) + "</td><td>" +
              esc(c.note) + "</td></tr>\n";
  }
  p.html += "</tbody></table>\n";
}

void notes_section(Page& p, const ReportInput& in) {
  std::string items;
  for (std::size_t i = 0; i < in.tasks->size(); ++i) {
    const Json& r = (*in.results)[i];
    if (!r.contains("notes")) continue;
    for (const auto& n : r["notes"])
      items += "<li><b>" + esc((*in.tasks)[i].id) + "</b>: " + esc(n.get<std::string>()) + "</li>\n";
  }
  if (!items.empty()) p.html += "<h2 id=\"notes\">Notes</h2>\n<ul class=\"notes\">\n" + items + "</ul>\n";
}

constexpr const char* kStyle = R"(<style>
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 1000px; color: #1e1e1e; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
.meta { color: #555; font-size: 0.9em; }
figure { margin: 1em 0; } figure svg, figure img { width: 100%; height: auto; } figcaption { font-size: 0.9em; color: #444; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.88em; } caption { text-align: left; font-weight: 600; padding: 0.3em 0; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.6em; text-align: right; } th:first-child, td:first-child { text-align: left; }
tr.ok td:nth-child(6) { color: #1a7f37; } tr.off td:nth-child(6) { color: #cf222e; font-weight: 700; }
details { margin: 0.5em 0; } summary { cursor: pointer; color: #0b5cad; }
nav a { margin-right: 1em; }
</style>)";

// Counts the figures that rendered, for the headless-browser test and for the reader.
constexpr const char* kCheck = R"(<script>
window.addEventListener('load', function () {
  var figs = document.querySelectorAll('figure[data-figure]');
  var drawn = 0;
  figs.forEach(function (f) {
    var s = f.querySelector('svg'), i = f.querySelector('img');
    if ((s && s.getBBox().width > 0) || (i && i.complete && i.naturalWidth > 0)) drawn++;
  });
  document.body.setAttribute('data-figures-expected', String(figs.length));
  document.body.setAttribute('data-figures-drawn', String(drawn));
});
</script>)";

}  // namespace

std::vector<std::string> write_report(const std::string& dir, const ReportInput& in, bool figures) {
  namespace fs = std::filesystem;
  Page p;
  p.dir = dir;
  const std::string title = in.manifest->title.empty() ? "solyte study" : in.manifest->title;
  p.html += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) +
            "</title>\n" + kStyle + "\n</head><body>\n<h1>" + esc(title) + "</h1>\n<p class=\"meta\">";
  if (!in.manifest->reference.empty()) p.html += esc(in.manifest->reference) + "<br>";
  p.html += "Manifest " + esc(in.manifest->path) + " · " + std::to_string(in.manifest->samples.size()) +
            " samples · " + std::to_string(in.tasks->size()) + " analyses · solyte " + version() +
            " · " + esc(in.generated) + "</p>\n";
  p.html += "<nav><a href=\"#paper\">Paper vs run</a><a href=\"#conductivity\">Conductivity</a>"
            "<a href=\"#relaxation\">Relaxation</a><a href=\"#structure\">Structure</a>"
            "<a href=\"#diffraction\">Diffraction</a><a href=\"#spectroscopy\">Bands</a>"
            "<a href=\"#electrochemistry\">Electrochemistry</a><a href=\"#thermal\">DSC</a>"
            "<a href=\"#spectra\">Impedance spectra</a><a href=\"#notes\">Notes</a></nav>\n";
  paper_section(p, in);
  arrhenius_section(p, in);
  property_series_section(p, in);
  modulus_section(p, in);
  structure_section(p, in);
  diffraction_section(p, in);
  bands_section(p, in);
  electrochemistry_section(p, in);
  dsc_section(p, in);
  impedance_section(p, in);
  notes_section(p, in);
  p.html += std::string(kCheck) + "\n</body></html>\n";

  std::vector<std::string> written;
  {
    std::ofstream f(fs::path(dir) / "report.html", std::ios::binary);
    f << p.html;
    if (!f) throw std::system_error(errno, std::generic_category(), "cannot write report.html");
  }
  written.push_back("report.html");
  if (figures && !p.figures.empty()) {
    fs::create_directories(fs::path(dir) / "figures");
    for (const auto& [fig, svg] : p.figures) {
      std::ofstream f(fs::path(dir) / "figures" / (fig.name + ".svg"), std::ios::binary);
      f << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" << svg;
      render_png(fig, (fs::path(dir) / "figures" / (fig.name + ".png")).string());
      written.push_back("figures/" + fig.name + ".svg");
      written.push_back("figures/" + fig.name + ".png");
    }
  }
  return written;
}

}  // namespace solyte::study::detail
