#include "study/schema.hpp"

#include <string>

#include "solyte/study/study.hpp"

namespace solyte::study::detail {

const std::vector<TableDef>& result_tables() {
  static const std::vector<TableDef> tables = {
      {"samples", "one row per sample of the manifest",
       {{"name", "TEXT", "sample name"},
        {"properties", "TEXT", "the sample's properties as JSON (milling_min, diameter, …)"},
        {"milling_min", "REAL", "milling time in minutes, when given"}}},
      {"measurements", "every measurement file the study read",
       {{"kind", "TEXT", "impedance, modulus, …"},
        {"file", "TEXT", "path of the file"},
        {"fingerprint", "TEXT", "hash of the file's content"},
        {"bytes", "INTEGER", "file size"}}},
      {"scalars", "every named result (what the paper table looks up)",
       {{"key", "TEXT", "<task prefix>/<name>, e.g. milled-45min/arrhenius/ea_low_meV"},
        {"value", "REAL", "the number"},
        {"unit", "TEXT", "its unit"},
        {"method", "TEXT", "how it was obtained"}}},
      {"notes", "what an analysis noticed (missing temperatures, fits that did not converge)",
       {{"note", "TEXT", "the note"}}},
      {"spectra", "impedance spectra read",
       {{"file", "TEXT", ""}, {"index", "INTEGER", "spectrum in the file, 0-based"},
        {"format", "TEXT", "reader"}, {"run", "TEXT", "heating, cooling or unknown"},
        {"temperature_k", "REAL", "K"}, {"temperature_source", "TEXT", "file, option, file-name"},
        {"n_points", "INTEGER", ""}, {"f_min_hz", "REAL", "Hz"}, {"f_max_hz", "REAL", "Hz"},
        {"area_m2", "REAL", "electrode area, m²"}, {"thickness_m", "REAL", "pellet thickness, m"}}},
      {"conductivities", "σ_DC of every spectrum from the σ' plateau (METHODS §2)",
       {{"file", "TEXT", ""}, {"index", "INTEGER", ""}, {"run", "TEXT", ""},
        {"temperature_k", "REAL", "K"}, {"sigma_s_per_cm", "REAL", "S/cm; NULL without plateau"},
        {"sigma_err_s_per_cm", "REAL", "standard error, S/cm"},
        {"plateau_low_hz", "REAL", "Hz"}, {"plateau_high_hz", "REAL", "Hz"},
        {"quality", "TEXT", "good, narrow, sloped, none"},
        {"sigma_arc_s_per_cm", "REAL", "cross-check from the arc intercept, S/cm"},
        {"message", "TEXT", "verdict in words"}}},
      {"arrhenius_regimes", "Arrhenius regimes per sample and run (METHODS §3)",
       {{"run", "TEXT", "heating, cooling or all"}, {"regime", "INTEGER", "0 = lowest temperature"},
        {"t_min_k", "REAL", "K"}, {"t_max_k", "REAL", "K"}, {"n_points", "INTEGER", ""},
        {"ea_ev", "REAL", "activation energy, eV"}, {"ea_err_ev", "REAL", "eV"},
        {"ln_sigma0", "REAL", "σ0 in S·K/cm (sigmaT) or S/cm (sigma)"},
        {"ln_sigma0_err", "REAL", ""}, {"r_squared", "REAL", ""},
        {"form", "TEXT", "sigmaT or sigma"}}},
      {"transitions", "jumps and crossovers between regimes (METHODS §3)",
       {{"run", "TEXT", ""}, {"kind", "TEXT", "jump or crossover"},
        {"temperature_k", "REAL", "K"}, {"t_below_k", "REAL", "K"}, {"t_above_k", "REAL", "K"},
        {"jump_decades", "REAL", "log10 σ above − below"}, {"jump_err_decades", "REAL", ""}}},
      {"hysteresis", "transition on heating against cooling",
       {{"t_heating_k", "REAL", "K"}, {"t_cooling_k", "REAL", "K"},
        {"hysteresis_k", "REAL", "K"}}},
      {"modulus_fits", "electric-modulus relaxation fits (METHODS §7)",
       {{"file", "TEXT", ""}, {"index", "INTEGER", ""}, {"temperature_k", "REAL", "K"},
        {"model", "TEXT", "kww, debye, cole-cole, cole-davidson, hn"},
        {"beta", "REAL", "KWW β"}, {"beta_err", "REAL", ""}, {"alpha", "REAL", ""},
        {"gamma", "REAL", ""}, {"tau_s", "REAL", "s"}, {"tau_err_s", "REAL", "s"},
        {"mean_tau_s", "REAL", "⟨τ⟩, s"}, {"m_inf", "REAL", "M∞"},
        {"peak_frequency_hz", "REAL", "Hz"}, {"sigma_dc_s_per_cm", "REAL", "ε0/(M∞⟨τ⟩), S/cm"},
        {"status", "TEXT", "converged, max-iterations, failed"}, {"reduced_chi2", "REAL", ""},
        {"message", "TEXT", ""}}},
      {"packing", "anion packing, the paper's Table 1 (METHODS §5)",
       {{"label", "TEXT", ""}, {"lattice", "TEXT", "fcc, bcc, hcp, sc"}, {"formula", "TEXT", ""},
        {"molar_mass_g_per_mol", "REAL", ""}, {"a_angstrom", "REAL", "Å"},
        {"c_angstrom", "REAL", "Å"}, {"z", "REAL", ""}, {"volume_a3", "REAL", "Å³"},
        {"volume_per_formula_a3", "REAL", "Å³"}, {"density_g_per_cm3", "REAL", "g/cm³"},
        {"anion_radius_a", "REAL", "Å"}, {"anion_volume_a3", "REAL", "Å³"},
        {"free_volume_per_formula_a3", "REAL", "Å³"}, {"packing_fraction", "REAL", ""},
        {"note", "TEXT", ""}}},
      {"site_entropy", "configurational entropy of a site model (METHODS §4)",
       {{"label", "TEXT", ""}, {"site", "TEXT", "e.g. 24h"}, {"multiplicity", "REAL", ""},
        {"occupancy", "REAL", ""}, {"s_set_kb", "REAL", "k_B per cell"},
        {"s_per_cell_kb", "REAL", "k_B"}, {"s_per_cation_kb", "REAL", "k_B"},
        {"cations_per_cell", "REAL", ""}}},
      {"effective_medium", "two-phase conductivity estimates (METHODS §6)",
       {{"label", "TEXT", ""}, {"method", "TEXT", ""}, {"sigma_s_per_cm", "REAL", "S/cm"},
        {"note", "TEXT", ""}}},
      {"migration_entropy", "ΔS/k_B = ln σ0(a) − ln σ0(b) (METHODS §4)",
       {{"label", "TEXT", ""}, {"sample_a", "TEXT", ""}, {"sample_b", "TEXT", ""},
        {"regime", "TEXT", "low or high"}, {"run_a", "TEXT", ""}, {"run_b", "TEXT", ""},
        {"ln_sigma0_a", "REAL", ""}, {"ln_sigma0_b", "REAL", ""}, {"ea_a_ev", "REAL", "eV"},
        {"ea_b_ev", "REAL", "eV"}, {"delta_s_kb", "REAL", "k_B"}, {"delta_s_kb_err", "REAL", ""},
        {"delta_s_j_per_mol_k", "REAL", "J/(mol·K)"}}},
      {"property_series", "σ(25 °C) against a sample property such as milling time (METHODS §13)",
       {{"property", "TEXT", "e.g. milling_min"}, {"value", "REAL", "the property"},
        {"sigma_25C_s_per_cm", "REAL", "S/cm"}}},
      {"diffraction_peaks", "fitted lines of powder patterns, indexed when a cell is given (METHODS §9)",
       {{"two_theta_deg", "REAL", "Kα1 position, degrees 2θ"}, {"two_theta_err_deg", "REAL", ""},
        {"d_angstrom", "REAL", "d-spacing, Å"}, {"fwhm_deg", "REAL", "degrees 2θ"},
        {"eta", "REAL", "pseudo-Voigt mixing"}, {"area", "REAL", "intensity × degrees"},
        {"area_err", "REAL", ""}, {"integral_breadth_deg", "REAL", "degrees 2θ"},
        {"hkl", "TEXT", "assigned reflection(s); NULL when unassigned or not indexed"},
        {"two_theta_calc_deg", "REAL", "position of the assigned reflection"}}},
      {"bands", "fitted peaks of IR, Raman and NMR spectra (METHODS §10)",
       {{"peak", "INTEGER", "1-based"}, {"shape", "TEXT", ""}, {"center", "REAL", "in unit"},
        {"center_err", "REAL", ""}, {"area", "REAL", "intensity × unit"}, {"area_err", "REAL", ""},
        {"fwhm", "REAL", "in unit"}, {"unit", "TEXT", "1/cm or ppm"}}},
      {"band_ratios", "band-area ratios (METHODS §10)",
       {{"numerator_from", "REAL", ""}, {"numerator_to", "REAL", ""},
        {"denominator_from", "REAL", ""}, {"denominator_to", "REAL", ""},
        {"source", "TEXT", "integral or fit"}, {"numerator_area", "REAL", ""},
        {"denominator_area", "REAL", ""}, {"ratio", "REAL", ""}, {"ratio_err", "REAL", ""},
        {"unit", "TEXT", "1/cm or ppm"}}},
      {"bond_lengths", "B–H bond lengths from band positions of two samples (METHODS §10)",
       {{"sample_a", "TEXT", ""}, {"sample_b", "TEXT", ""}, {"center_a_per_cm", "REAL", "1/cm"},
        {"center_b_per_cm", "REAL", "1/cm"}, {"r_a_angstrom", "REAL", "Å"},
        {"r_b_angstrom", "REAL", "Å"}, {"elongation_percent", "REAL", "(r_a − r_b)/r_b, %"}}},
      {"cv_edges", "edge potentials of slow-scan CVs (METHODS §11)",
       {{"cycle", "INTEGER", ""}, {"method", "TEXT", "tangent, threshold, deviation"},
        {"edge_v", "REAL", "V; NULL when the criterion is never met"},
        {"baseline_from_v", "REAL", "V"}, {"baseline_to_v", "REAL", "V"},
        {"baseline_auto", "INTEGER", "1: window chosen automatically"},
        {"steepest_v", "REAL", "potential of the steepest rise, V"},
        {"criterion_a", "REAL", "threshold current or k·σ, A"}, {"message", "TEXT", ""}}},
      {"cv_peaks", "anodic and cathodic peaks of the CV cycles",
       {{"cycle", "INTEGER", ""}, {"direction", "TEXT", "anodic or cathodic"},
        {"potential_v", "REAL", "V"}, {"current_a", "REAL", "A"}, {"prominence_a", "REAL", "A"}}},
      {"ccd_steps", "current-density steps of symmetric-cell cycling (METHODS §11)",
       {{"step", "INTEGER", "1-based"}, {"sweeps", "INTEGER", ""},
        {"current_density_ma_per_cm2", "REAL", "mA/cm²"}, {"overpotential_v", "REAL", "V"},
        {"asr_ohm_cm2", "REAL", "Ω·cm²"}, {"peak_abs_v", "REAL", "V"},
        {"event", "INTEGER", "1: a penetration or short in the step"}}},
      {"ccd_events", "penetration and short-circuit events",
       {{"kind", "TEXT", "penetration or short-circuit"}, {"time_s", "REAL", "s"},
        {"sweep", "INTEGER", "1-based"}, {"step", "INTEGER", "1-based"},
        {"current_density_ma_per_cm2", "REAL", "mA/cm²"}, {"v_before", "REAL", "V"},
        {"v_after", "REAL", "V"}, {"drop", "REAL", "1 − after/before"}}},
      {"dsc_events", "thermal events of DSC scans (METHODS §12)",
       {{"segment", "INTEGER", "1-based"}, {"scan", "TEXT", "heating, cooling, isothermal"},
        {"direction", "TEXT", "endothermic or exothermic"}, {"onset_k", "REAL", "K"},
        {"peak_k", "REAL", "K"}, {"end_k", "REAL", "K"}, {"enthalpy_j_per_g", "REAL", "J/g, signed"},
        {"peak_excess_w_per_g", "REAL", "W/g"}, {"message", "TEXT", ""}}},
      {"paper_comparison", "the run against published values",
       {{"quantity", "TEXT", ""}, {"result", "TEXT", "scalar key"}, {"paper", "REAL", ""},
        {"run", "REAL", "NULL when not produced"}, {"unit", "TEXT", ""},
        {"tolerance", "REAL", ""}, {"relative", "INTEGER", "1: tolerance is a fraction"},
        {"within", "INTEGER", "1 when within tolerance"}, {"source", "TEXT", ""},
        {"note", "TEXT", ""}}},
  };
  return tables;
}

const TableDef* find_table(std::string_view name) {
  for (const auto& t : result_tables())
    if (t.name == name) return &t;
  return nullptr;
}

}  // namespace solyte::study::detail

namespace solyte::study {

std::string results_schema_markdown() {
  std::string md;
  for (const auto& t : detail::result_tables()) {
    md += "### `" + std::string(t.name) + "`\n\n" + std::string(t.doc) + ".\n\n";
    md += "| column | type | meaning |\n|---|---|---|\n";
    md += "| task | TEXT | the analysis that wrote the row |\n| sample | TEXT | its sample (empty for study-level rows) |\n";
    for (const auto& c : t.columns)
      md += "| " + std::string(c.name) + " | " + std::string(c.type) + " | " + std::string(c.doc) + " |\n";
    md += "\n";
  }
  return md;
}

}  // namespace solyte::study
