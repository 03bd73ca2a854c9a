// An empty record of the curve simulators: technique set, and marked as synthetic in its
// format and source so that no report mistakes it for a measurement.
#pragma once

#include "solyte/core/measurement.hpp"

namespace solyte::sim::detail {

inline Measurement synthetic_record(Technique technique) {
  Measurement m;
  m.meta.technique = technique;
  m.meta.format = "synthetic";
  m.meta.source_file = "synthetic";
  return m;
}

}  // namespace solyte::sim::detail
