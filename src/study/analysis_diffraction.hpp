// Task function for the diffraction entries of a study (analysis_diffraction.cpp): peak search
// and profile fits of a powder pattern, indexing against a given cell and space group with a
// refined lattice parameter, and crystallite size and strain (METHODS §9).
#pragma once

#include "study/task.hpp"

namespace solyte::study::detail {

/// [[sample.diffraction]]: rows "diffraction_peaks"; scalars a_A (…), lines_assigned,
/// lines_unassigned, wh_size_nm, wh_strain, scherrer_size_nm.
Json run_diffraction(const TaskInput& in);

}  // namespace solyte::study::detail
