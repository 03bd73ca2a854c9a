#include "fit_report_json.hpp"

#include <cmath>

namespace solyte::cli {

namespace {
nlohmann::json number_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }
}  // namespace

nlohmann::json fit_report_json(const fit::FitReport& r) {
  nlohmann::json j;
  j["parameters"] = nlohmann::json::array();
  for (const auto& p : r.parameters)
    j["parameters"].push_back({{"name", p.name},
                               {"value", p.value},
                               {"stderr", number_or_null(p.stderr)},
                               {"rel_err", number_or_null(p.rel_err)},
                               {"unit", p.unit},
                               {"fixed", p.fixed},
                               {"at_bound", p.at_bound}});
  auto matrix = [](const std::vector<std::vector<double>>& m) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& row : m) {
      nlohmann::json jr = nlohmann::json::array();
      for (double v : row) jr.push_back(number_or_null(v));
      out.push_back(std::move(jr));
    }
    return out;
  };
  j["covariance"] = matrix(r.covariance);
  j["correlation"] = matrix(r.correlation);
  j["chi2"] = r.chi2;
  j["reduced_chi2"] = number_or_null(r.reduced_chi2);
  j["aic"] = r.aic;
  j["bic"] = r.bic;
  j["iterations"] = r.iterations;
  j["status"] = fit::to_string(r.status);
  j["message"] = r.message;
  return j;
}

}  // namespace solyte::cli
