// Task functions for impedance entries of a study (analysis_impedance.cpp).
#pragma once

#include "study/task.hpp"

namespace solyte::study::detail {

/// σ_DC of every spectrum of one impedance entry: rows "spectra", "conductivities".
Json run_conductivity(const TaskInput& in);
/// Arrhenius regimes, transitions and hysteresis of a sample from its conductivity tasks.
Json run_arrhenius(const TaskInput& in);
/// Electric-modulus relaxation fit of the spectra of a modulus entry (or the one nearest to
/// its `temperature` option): rows "modulus_fits", scalars beta, tau_ms, peak_Hz.
Json run_modulus(const TaskInput& in);

}  // namespace solyte::study::detail
