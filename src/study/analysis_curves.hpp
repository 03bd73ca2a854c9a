// Task functions for the curve entries of a study (analysis_curves.cpp): slow-scan CV,
// symmetric-cell cycling, DSC, and IR/Raman/NMR band analysis (METHODS §10–12), and the
// B–H bond-length comparison between two samples' spectra.
#pragma once

#include "study/task.hpp"

namespace solyte::study::detail {

/// [[sample.cv]]: edge potential(s), peaks and charge ratio; rows "cv_edges", "cv_peaks".
Json run_cv(const TaskInput& in);
/// [[sample.ccd]]: steps, events and the two CCDs; rows "ccd_steps", "ccd_events".
Json run_ccd(const TaskInput& in);
/// [[sample.dsc]]: events per segment; rows "dsc_events".
Json run_dsc(const TaskInput& in);
/// [[sample.infrared]], [[sample.raman]], [[sample.nmr]]: baseline, peak fit, band ratios;
/// rows "bands", "band_ratios".
Json run_bands(const TaskInput& in);
/// [[comparison]] kind = "bond-length": B–H bond lengths from the ν(B–H) band centres of
/// samples a and b (dependencies 0 and 1) and the elongation of a relative to b.
Json run_bond_length(const TaskInput& in);

}  // namespace solyte::study::detail
