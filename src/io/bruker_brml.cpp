// BRML layout (DIFFRAC.SUITE, "ExperimentV5"), as found in the corpus files:
//   Experiment0/DataContainer.xml  MeasurementInfo@SampleName, @UserName; RawDataReferenceList
//                                  /string: the RawData parts in order
//   Experiment0/RawDataN.xml       RawData/DataRoutes/DataRoute (RouteFlag "Measured"):
//     ScanInformation: ScanName, MeasurementPoints, TimePerStep, TimePerStepEffective,
//       ScanMode, ScanAxes/ScanAxisInfo (AxisId or AxisName "TwoTheta": Start, Stop, Increment)
//     DataViews: which fields of a Datum hold what — FixedRawDataView@LogicName
//       "MeasuredTime" at @Start, a VaryingRawDataView whose FieldDefinitions@FieldName list the
//       scan axes from @Start on ("TwoTheta", "Theta"), RecordedRawDataView@Start = the counts
//     Datum: one comma-separated row per step ("76.8,1,10.0001,5.0001,1493")
//   RawData/FixedInformation/…/Tube: WaveLengthAlpha1, WaveLengthAlpha2, WaveLengthRatio
//     (@Value, Å), TubeMaterial; Generator Voltage (kV), Current (mA)
// When a route has no DataViews, the fields are taken as time, absorption, 2θ, θ, …, counts
// (counts last), the layout of every file seen, with a warning.
#include "io/bruker_brml.hpp"

#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#include "core/number_parse.hpp"
#include "io/diffraction_record.hpp"
#include "io/text_table.hpp"
#include "io/xml_text.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

// Parts larger than this are refused: a damaged or hostile archive must not exhaust memory.
constexpr zip_uint64_t kMaxPart = zip_uint64_t{1} << 30;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

Zip open_zip(std::string_view bytes, const std::string& file) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    const std::string why = zip_error_strerror(&err);
    zip_error_fini(&err);
    throw ParseError(file, 0, 0, "expected a zip archive (.brml), but it cannot be opened: " + why);
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!z) {
    zip_source_free(src);
    const std::string why = zip_error_strerror(&err);
    zip_error_fini(&err);
    throw ParseError(file, 0, 0,
                     "expected a zip archive (.brml), but it is damaged or truncated: " + why);
  }
  zip_error_fini(&err);
  return Zip(z);
}

std::string read_part(zip_t* z, const std::string& name, const std::string& file) {
  const zip_int64_t index = zip_name_locate(z, name.c_str(), 0);
  if (index < 0) throw ParseError(file, 0, 0, "expected the part " + name + " in the archive");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPart)
    throw ParseError(file, 0, 0, name + ": expected a readable part of at most 1 GiB");
  zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(index), 0);
  if (!f)
    throw ParseError(file, 0, 0, name + ": cannot be opened in the archive: " + zip_strerror(z));
  std::string data(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t got = data.empty() ? 0 : zip_fread(f, data.data(), st.size);
  std::string why = got < 0 ? std::string(zip_file_strerror(f)) : std::string();
  zip_fclose(f);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size)
    throw ParseError(file, 0, 0,
                     name + ": expected " + std::to_string(st.size) + " bytes, " +
                         (got < 0 ? "the part is damaged (" + why + ")"
                                  : "got " + std::to_string(got) + " (truncated archive?)"));
  return data;
}

std::vector<std::string> part_names(zip_t* z) {
  std::vector<std::string> names;
  const zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i)
    if (const char* s = zip_get_name(z, static_cast<zip_uint64_t>(i), 0)) names.emplace_back(s);
  return names;
}

// "Experiment0/RawData12.xml" sorts after "…RawData2.xml".
bool natural_less(const std::string& a, const std::string& b) {
  auto number = [](const std::string& s) {
    const auto p = s.find("RawData");
    return p == std::string::npos ? 0L : std::strtol(s.c_str() + p + 7, nullptr, 10);
  };
  return number(a) != number(b) ? number(a) < number(b) : a < b;
}

bool is_raw_data_part(const std::string& name) {
  return name.find("RawData") != std::string::npos && name.size() > 4 &&
         name.compare(name.size() - 4, 4, ".xml") == 0;
}

std::optional<double> value_attribute(const XmlSource& src, const pugi::xml_node& n) {
  if (!n) return std::nullopt;
  double v = 0;
  const char* text = n.attribute("Value").value();
  if (!parse_field(text, false, v) || !std::isfinite(v))
    fail_at(src, n,
            "expected a number in the Value of <" + std::string(n.name()) + ">, found " +
                quote_for_message(text));
  return v;
}

struct Fields {
  int two_theta = -1, counts = -1, time = -1;
  bool described = false;  // from DataViews
};

Fields fields_of(const pugi::xml_node& route) {
  Fields f;
  for (const pugi::xml_node view : route.child("DataViews").children("RawDataView")) {
    const std::string type = view.attribute("xsi:type").value();
    const int start = view.attribute("Start").as_int(-1);
    if (type == "FixedRawDataView" &&
        std::strcmp(view.attribute("LogicName").value(), "MeasuredTime") == 0) {
      f.time = start;
    } else if (type == "VaryingRawDataView") {
      int k = start;
      for (const pugi::xml_node def : view.child("Varying").children("FieldDefinitions")) {
        if (std::strcmp(def.attribute("FieldName").value(), "TwoTheta") == 0) f.two_theta = k;
        ++k;
      }
    } else if (type == "RecordedRawDataView" && f.counts < 0) {
      f.counts = start;
    }
  }
  f.described = f.two_theta >= 0 && f.counts >= 0;
  return f;
}

void read_route(const XmlSource& src, const pugi::xml_node& root, const pugi::xml_node& route,
                std::vector<Measurement>& out) {
  const pugi::xml_node scan = route.child("ScanInformation");
  Fields f = fields_of(route);
  std::vector<std::vector<double>> rows;
  std::vector<pugi::xml_node> nodes;
  for (const pugi::xml_node d : route.children("Datum")) {
    rows.push_back(xml_number_list(src, d, ','));
    nodes.push_back(d);
  }
  if (rows.empty()) return;
  const std::size_t width = rows.front().size();
  bool guessed = false;
  if (!f.described) {
    if (width < 4) fail_at(src, nodes.front(), "expected at least 4 fields in a <Datum>");
    f.two_theta = 2;
    f.counts = static_cast<int>(width) - 1;
    f.time = 0;
    guessed = true;
  }
  const auto need = static_cast<std::size_t>(std::max(f.two_theta, f.counts)) + 1;
  std::vector<double> x, y;
  x.reserve(rows.size());
  y.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() < need || rows[i].size() != width)
      fail_at(src, nodes[i],
              "expected " + std::to_string(width) + " comma-separated values in <Datum> " +
                  std::to_string(i + 1) + " as in the first, found " +
                  std::to_string(rows[i].size()));
    x.push_back(rows[i][static_cast<std::size_t>(f.two_theta)]);
    y.push_back(rows[i][static_cast<std::size_t>(f.counts)]);
    if (i > 0 && !(x[i] > x[i - 1]))
      fail_at(src, nodes[i],
              "expected increasing 2θ, found " + std::to_string(x[i]) + " after " +
                  std::to_string(x[i - 1]) + " in <Datum> " + std::to_string(i + 1));
    if (y[i] < 0)
      fail_at(src, nodes[i], "expected non-negative counts in <Datum> " + std::to_string(i + 1));
  }
  Measurement m = make_pattern(std::move(x), std::move(y), {}, "TwoTheta", "Counts");
  m.meta.format = "bruker-brml";
  m.meta.intensity_unit = "counts";
  m.meta.technique_name = scan.attribute("VisibleName").value();
  if (m.meta.technique_name.empty()) m.meta.technique_name = scan.attribute("ScanName").value();
  const std::size_t n = m.size();
  if (const auto pts = xml_number(src, scan.child("MeasurementPoints")); pts && *pts != n)
    m.meta.warnings.push_back("the scan describes " + std::to_string(static_cast<long>(*pts)) +
                              " points; " + std::to_string(n) + " were measured");
  for (const pugi::xml_node axis : scan.child("ScanAxes").children("ScanAxisInfo")) {
    const std::string id = axis.attribute("AxisId") ? axis.attribute("AxisId").value()
                                                    : axis.attribute("AxisName").value();
    if (id != "TwoTheta") continue;
    if (const auto inc = xml_number(src, axis.child("Increment")); inc && *inc != 0)
      m.meta.two_theta_step_deg = *inc;
    if (const auto s = xml_number(src, axis.child("Start")))
      add_header_number(m.meta, "two_theta_start", *s, "deg");
    if (const auto s = xml_number(src, axis.child("Stop")))
      add_header_number(m.meta, "two_theta_stop", *s, "deg");
  }
  // The effective time per step (PSD: channels × planned time) is what each count took.
  if (const auto t = xml_number(src, scan.child("TimePerStepEffective")); t && *t > 0)
    m.meta.time_per_step_s = *t;
  else if (const auto t2 = xml_number(src, scan.child("TimePerStep")); t2 && *t2 > 0)
    m.meta.time_per_step_s = *t2;
  add_header_text(m.meta, "scan", scan.attribute("ScanName").value());
  add_header_text(m.meta, "scan_mode",
                  std::string(solyte::detail::trim(scan.child_value("ScanMode"))));
  add_header_text(m.meta, "status",
                  std::string(solyte::detail::trim(root.child_value("MeasurementStatus"))));
  add_header_text(m.meta, "started",
                  std::string(solyte::detail::trim(root.child_value("TimeStampStarted"))));
  add_header_text(m.meta, "finished",
                  std::string(solyte::detail::trim(root.child_value("TimeStampFinished"))));
  const pugi::xml_node tube = find_descendant(root.child("FixedInformation"), "Tube");
  const auto a1 = value_attribute(src, find_descendant(tube, "WaveLengthAlpha1"));
  const auto a2 = value_attribute(src, find_descendant(tube, "WaveLengthAlpha2"));
  const auto ratio = value_attribute(src, find_descendant(tube, "WaveLengthRatio"));
  set_wavelengths(m.meta, a1.value_or(0), a2.value_or(0), ratio.value_or(-1), src.part);
  add_header_text(
      m.meta, "anode",
      std::string(solyte::detail::trim(find_descendant(tube, "TubeMaterial").child_value())));
  if (const auto kv = value_attribute(src, find_descendant(tube, "Voltage")))
    add_header_number(m.meta, "generator_voltage", *kv, "kV");
  if (const auto ma = value_attribute(src, find_descendant(tube, "Current")))
    add_header_number(m.meta, "generator_current", *ma, "mA");
  if (std::strcmp(root.child_value("MeasurementStatus"), "Measured") != 0)
    m.meta.warnings.push_back(std::string("the measurement status is '") +
                              root.child_value("MeasurementStatus") + "', not 'Measured'");
  if (guessed)
    m.meta.warnings.push_back(src.part +
                              ": no DataViews describe the <Datum> fields; field 3 "
                              "taken as 2θ and the last as counts");
  add_header_text(m.meta, "part", src.part);
  out.push_back(std::move(m));
}

}  // namespace

bool is_brml(std::string_view bytes) {
  if (bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return false;
  // The central directory, with every part's name, is at the end of the archive; the first
  // local header names the first part.
  const std::size_t tail = bytes.size() > 65536 ? bytes.size() - 65536 : 0;
  return bytes.substr(tail).find("RawData") != std::string_view::npos ||
         bytes.substr(0, 512).find("Experiment") != std::string_view::npos;
}

std::vector<Measurement> read_brml(std::string_view bytes, const std::string& file) {
  Zip z = open_zip(bytes, file);
  const std::vector<std::string> names = part_names(z.get());
  std::vector<std::string> raw_parts;
  std::string sample, user;
  const auto container = std::find_if(names.begin(), names.end(), [](const std::string& n) {
    return n.size() >= 17 && n.compare(n.size() - 17, 17, "DataContainer.xml") == 0;
  });
  if (container != names.end()) {
    const std::string text = read_part(z.get(), *container, file);
    XmlSource src{&file, *container, text};
    pugi::xml_document doc;
    load_xml(doc, src);
    const pugi::xml_node dc = doc.child("DataContainer");
    for (const pugi::xml_node s : dc.child("RawDataReferenceList").children("string"))
      raw_parts.emplace_back(solyte::detail::trim(s.child_value()));
    const pugi::xml_node info = dc.child("MeasurementInfo");
    sample = info.attribute("SampleName").value();
    user = info.attribute("UserName").value();
  }
  if (raw_parts.empty()) {
    for (const auto& n : names)
      if (is_raw_data_part(n)) raw_parts.push_back(n);
    std::sort(raw_parts.begin(), raw_parts.end(), natural_less);
  }
  if (raw_parts.empty())
    throw ParseError(file, 0, 0,
                     "expected a RawData part (Experiment0/RawData0.xml) in the archive");

  std::vector<Measurement> out;
  std::vector<std::string> missing;
  for (const auto& part : raw_parts) {
    // DIFFRAC lists parts it planned as well as those it wrote (File062.brml names a
    // RawData1.xml that is not in the archive).
    if (std::find(names.begin(), names.end(), part) == names.end()) {
      missing.push_back(part);
      continue;
    }
    const std::string text = read_part(z.get(), part, file);
    XmlSource src{&file, part, text};
    pugi::xml_document doc;
    load_xml(doc, src);
    const pugi::xml_node root = doc.child("RawData");
    if (!root) throw ParseError(file, 0, 0, part + ": expected a <RawData> root element");
    std::vector<pugi::xml_node> routes;
    for (const pugi::xml_node r : root.child("DataRoutes").children("DataRoute"))
      if (std::strcmp(r.attribute("RouteFlag").value(), "Measured") == 0) routes.push_back(r);
    if (routes.empty())
      for (const pugi::xml_node r : root.child("DataRoutes").children("DataRoute"))
        routes.push_back(r);
    for (const auto& r : routes) read_route(src, root, r, out);
  }
  if (out.empty()) {
    Measurement m = make_pattern({}, {});
    m.meta.format = "bruker-brml";
    m.meta.warnings.push_back("the archive's RawData parts hold no <Datum>: no data");
    out.push_back(std::move(m));
  }
  for (const auto& part : missing)
    out.front().meta.warnings.push_back("the data container lists " + part +
                                        ", which is not in the archive");
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].meta.index_in_file = i;
    out[i].meta.sample = sample;
    add_header_text(out[i].meta, "user", user);
  }
  return out;
}

}  // namespace solyte::io::detail
