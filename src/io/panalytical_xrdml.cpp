// XRDML (schema www.xrdml.com/XRDMeasurement, versions 1.0–2.x). What is read:
//   xrdMeasurements/sample/{id,name}                         → sample
//   xrdMeasurement/usedWavelength/{kAlpha1,kAlpha2,ratioKAlpha2KAlpha1} (Å)
//   xrdMeasurement/incidentBeamPath/xRayTube/{anodeMaterial,tension,current}
//   xrdMeasurement/scan/dataPoints:
//     positions[@axis="2Theta"] with startPosition/endPosition (points equally spaced, both
//       ends included) or listPositions; commonPosition means 2θ is fixed: not a pattern
//     intensities (older schemas) or counts (newer), @unit "counts" or "cps"
//     commonCountingTime (s)
// Beam attenuation factors, when not all 1, are noted but not applied (the counts are kept as
// the detector gave them).
#include "io/panalytical_xrdml.hpp"

#include <cmath>
#include <cstring>

#include "core/number_parse.hpp"
#include "io/diffraction_record.hpp"
#include "io/text_table.hpp"
#include "io/xml_text.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

std::string text_of(const pugi::xml_node& parent, const char* name) {
  return std::string(solyte::detail::trim(parent.child_value(name)));
}

double number_or(const XmlSource& src, const pugi::xml_node& n, double fallback) {
  const auto v = xml_number(src, n);
  return v ? *v : fallback;
}

}  // namespace

bool is_xrdml(std::string_view bytes) {
  return bytes.substr(0, 4096).find("<xrdMeasurements") != std::string_view::npos;
}

std::vector<Measurement> read_xrdml(std::string_view bytes, const std::string& file) {
  XmlSource src{&file, {}, bytes};
  pugi::xml_document doc;
  load_xml(doc, src);
  const pugi::xml_node root = doc.child("xrdMeasurements");
  if (!root) throw ParseError(file, 0, 0, "expected an <xrdMeasurements> root element");
  const pugi::xml_node sample = root.child("sample");
  std::string sample_name = text_of(sample, "name");
  if (sample_name.empty()) sample_name = text_of(sample, "id");

  std::vector<Measurement> out;
  std::vector<std::string> skipped;
  for (const pugi::xml_node meas : root.children("xrdMeasurement")) {
    const pugi::xml_node wl = meas.child("usedWavelength");
    const double a1 = number_or(src, wl.child("kAlpha1"), 0);
    const double a2 = number_or(src, wl.child("kAlpha2"), 0);
    const double ratio = number_or(src, wl.child("ratioKAlpha2KAlpha1"), -1);
    const pugi::xml_node tube = meas.child("incidentBeamPath").child("xRayTube");
    for (const pugi::xml_node scan : meas.children("scan")) {
      const pugi::xml_node dp = scan.child("dataPoints");
      if (!dp) fail_at(src, scan, "expected <dataPoints> in <scan>");
      pugi::xml_node pos;
      for (const pugi::xml_node p : dp.children("positions"))
        if (std::strcmp(p.attribute("axis").value(), "2Theta") == 0) pos = p;
      pugi::xml_node counts = dp.child("intensities");
      if (!counts) counts = dp.child("counts");
      if (!counts) fail_at(src, dp, "expected <intensities> or <counts> in <dataPoints>");
      std::vector<double> y = xml_number_list(src, counts);
      const std::size_t n = y.size();
      std::vector<double> x;
      if (!pos) fail_at(src, dp, "expected <positions axis=\"2Theta\"> in <dataPoints>");
      if (pos.child("commonPosition") && !pos.child("startPosition") &&
          !pos.child("listPositions")) {
        skipped.push_back("scan at line " + std::to_string(xml_line(src, scan)) + " (axis '" +
                          scan.attribute("scanAxis").value() + "', 2θ fixed)");
        continue;
      }
      if (const pugi::xml_node list = pos.child("listPositions")) {
        x = xml_number_list(src, list);
        if (x.size() != n)
          fail_at(src, list,
                  "expected " + std::to_string(n) + " 2θ positions, one per count, found " +
                      std::to_string(x.size()));
      } else {
        const auto start = xml_number(src, pos.child("startPosition"));
        const auto end = xml_number(src, pos.child("endPosition"));
        if (!start || !end) fail_at(src, pos, "expected <startPosition> and <endPosition> of 2θ");
        if (n < 2)
          fail_at(src, counts, "expected at least 2 counts in a scan, found " + std::to_string(n));
        x = stepped_axis(*start, (*end - *start) / static_cast<double>(n - 1), n);
      }
      for (std::size_t i = 1; i < x.size(); ++i)
        if (!(x[i] > x[i - 1]) && !(x[i] < x[i - 1]))
          fail_at(src, pos,
                  "expected distinct 2θ positions, found " + std::to_string(x[i]) + " twice");
      for (std::size_t i = 0; i < y.size(); ++i)
        if (y[i] < 0)
          fail_at(src, counts,
                  "expected non-negative counts, found " + std::to_string(y[i]) + " as value " +
                      std::to_string(i + 1));
      Measurement m = make_pattern(std::move(x), std::move(y), {}, "2Theta", counts.name());
      m.meta.format = "panalytical-xrdml";
      m.meta.index_in_file = out.size();
      m.meta.sample = sample_name;
      m.meta.technique_name = std::string(meas.attribute("measurementType").value());
      const std::string unit = counts.attribute("unit").value();
      m.meta.intensity_unit = unit == "cps" ? "counts/s" : (unit == "counts" ? "counts" : unit);
      if (n > 1)
        m.meta.two_theta_step_deg =
            (m.columns[0].values.back() - m.columns[0].values.front()) / static_cast<double>(n - 1);
      if (const auto t = xml_number(src, dp.child("commonCountingTime")); t && *t > 0)
        m.meta.time_per_step_s = *t;
      set_wavelengths(m.meta, a1, a2, ratio, "usedWavelength");
      add_header_text(m.meta, "intended_wavelength", wl.attribute("intended").value());
      add_header_text(m.meta, "anode", text_of(tube, "anodeMaterial"));
      if (const auto kv = xml_number(src, tube.child("tension")))
        add_header_number(m.meta, "generator_voltage", *kv, "kV");
      if (const auto ma = xml_number(src, tube.child("current")))
        add_header_number(m.meta, "generator_current", *ma, "mA");
      add_header_text(m.meta, "scan_mode", scan.attribute("mode").value());
      add_header_text(m.meta, "scan_axis", scan.attribute("scanAxis").value());
      add_header_text(m.meta, "status", scan.attribute("status").value());
      const pugi::xml_node header = scan.child("header");
      add_header_text(m.meta, "start", text_of(header, "startTimeStamp"));
      add_header_text(m.meta, "end", text_of(header, "endTimeStamp"));
      for (const pugi::xml_node e : root.child("comment").children("entry"))
        add_header_text(m.meta, "comment", e.child_value());
      for (const pugi::xml_node e : meas.child("comment").children("entry"))
        add_header_text(m.meta, "comment", e.child_value());
      if (const pugi::xml_node att = dp.child("beamAttenuationFactors")) {
        bool all_one = true;
        for (double f : xml_number_list(src, att)) all_one = all_one && f == 1.0;
        if (!all_one)
          m.meta.warnings.push_back(
              "beam attenuation factors other than 1 are in the file and "
              "were not applied to the counts");
      }
      if (std::strcmp(scan.attribute("status").value(), "Completed") != 0 &&
          scan.attribute("status"))
        m.meta.warnings.push_back(std::string("the scan's status is '") +
                                  scan.attribute("status").value() + "', not 'Completed'");
      out.push_back(std::move(m));
    }
  }
  return patterns_or_fail(std::move(out), skipped, file, "a 2θ scan in <xrdMeasurement>/<scan>");
}

}  // namespace solyte::io::detail
