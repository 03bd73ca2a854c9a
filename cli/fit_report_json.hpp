// A fit report as JSON, the same in every command that fits: parameters (name, value,
// stderr, relative error, unit, fixed, at bound), covariance, correlation, χ², AIC/BIC, status
// and message.
#pragma once

#include <nlohmann/json.hpp>

#include "solyte/fit/least_squares.hpp"

namespace solyte::cli {

nlohmann::json fit_report_json(const fit::FitReport& r);

}  // namespace solyte::cli
