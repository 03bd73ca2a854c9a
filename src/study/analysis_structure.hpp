// Task functions for the study-level structure entries (analysis_structure.cpp) and the
// comparisons between samples (analysis_comparison.cpp).
#pragma once

#include "study/task.hpp"

namespace solyte::study::detail {

/// [[packing]]: anion packing of one lattice (METHODS §5, Table 1): row "packing".
Json run_packing(const TaskInput& in);
/// [[entropy]]: configurational entropy of a site model (METHODS §4): row "site_entropy".
Json run_entropy(const TaskInput& in);
/// [[ema]]: effective-medium estimates of a phase mixture (METHODS §6): rows "effective_medium".
Json run_ema(const TaskInput& in);

/// [[comparison]] kind = "migration-entropy": ΔS/k_B = ln σ0(a) − ln σ0(b) (METHODS §4)
/// from the Arrhenius results of samples a and b (dependencies 0 and 1).
Json run_migration_entropy(const TaskInput& in);
/// [[comparison]] kind = "milling-series": σ(25 °C) against a sample property (default
/// milling_min) over the samples with an Arrhenius result; the optimum (METHODS §13).
Json run_property_series(const TaskInput& in);

}  // namespace solyte::study::detail
