// Layout of .mpr files. BioLogic publishes no specification; what is read here
// follows the public descriptions in the galvani (echemdata/galvani,
// BioLogic.py) and yadg (dgbowl/yadg, extractors/eclab/mpr.py and
// mpr_columns.py) projects, checked against the .mpt exports of the same
// measurements in the test corpus.
//
//   0      "BIO-LOGIC MODULAR FILE\x1a" padded with blanks to 48 bytes, then 4
//   zero bytes 52     modules, each "MODULE" + header + data:
//          short name (10 bytes), long name (25), then either
//            old header (before EC-Lab 11.50): length u32, version u32, date
//            (8) new header (from 11.50; marked by 0xFFFFFFFF): max length u32,
//            length u32,
//                        version u32, version2 u32, date (8); version = version
//                        + version2
//   "VMP Set"  settings: technique ID (byte 0), comments (Pascal string at
//   0x07), active
//              material mass f32 (0x107), electrode material (0x11E),
//              electrolyte (0x1C0), electrode area f32 (0x211, in the unit
//              chosen in EC-Lab, not stored here), reference electrode (0x215)
//   "VMP data" points u32, columns u8, column IDs (u16 little-endian for
//   versions 2 and 3,
//              big-endian for 10 and 11, one byte each for version 0), then the
//              points from offset 405 (v2), 406 (v3), 1007 (v10, v11) or 100
//              (v0), each point the columns in ID order; IDs 1, 2, 3, 21, 31,
//              65 are bits of one flag byte
//   "VMP LOG"  acquisition start as an OLE date f64 (0x249), EC-Lab version
//   (0x3B7) "VMP loop" loop count u32 and the index where each loop starts
#include "io/biologic_mpr.hpp"

#include <cmath>
#include <cstdio>
#include <optional>

#include "io/binary_reader.hpp"
#include "io/date_text.hpp"
#include "io/eclab_columns.hpp"
#include "io/impedance_records.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

constexpr std::string_view kMagic = "BIO-LOGIC MODULAR FILE\x1a";
constexpr std::size_t kFirstModule = 52;

enum class Type : std::uint8_t { u1, u2, u4, f4, f8 };
std::size_t width(Type t) {
  switch (t) {
    case Type::u1:
      return 1;
    case Type::u2:
      return 2;
    case Type::u4:
      return 4;
    case Type::f4:
      return 4;
    case Type::f8:
      return 8;
  }
  return 0;
}

struct ColumnId {
  std::uint16_t id;
  std::string_view name;  // as the .mpt export names it
  Type type;
};

// IDs from 256 on repeat lower IDs in newer EC-Lab versions (434 = 178 + 256,
// …); both are listed where a file or one of the sources above confirms them.
constexpr ColumnId kColumns[] = {
    {4, "time/s", Type::f8},
    {5, "control/V/mA", Type::f4},
    {6, "Ewe/V", Type::f4},
    {7, "dq/mA.h", Type::f8},
    {8, "I/mA", Type::f4},
    {9, "Ece/V", Type::f4},
    {11, "<I>/mA", Type::f8},
    {13, "(Q-Qo)/mA.h", Type::f8},
    {15, "Phase(Z1)/deg", Type::f4},
    {16, "Analog IN 1/V", Type::f4},
    {17, "Analog IN 2/V", Type::f4},
    {19, "control/V", Type::f4},
    {20, "control/mA", Type::f4},
    {23, "dQ/mA.h", Type::f8},
    {24, "cycle number", Type::f8},
    {26, "Rapp/Ohm", Type::f4},
    {27, "Ewe-Ece/V", Type::f4},
    {32, "freq/Hz", Type::f4},
    {33, "|Ewe|/V", Type::f4},
    {34, "|I|/A", Type::f4},
    {35, "Phase(Z)/deg", Type::f4},
    {36, "|Z|/Ohm", Type::f4},
    {37, "Re(Z)/Ohm", Type::f4},
    {38, "-Im(Z)/Ohm", Type::f4},
    {39, "I Range", Type::u2},
    {45, "|Z1|/Ohm", Type::f4},
    {46, "|Z2|/Ohm", Type::f4},
    {69, "R/Ohm", Type::f4},
    {70, "P/W", Type::f4},
    {74, "|Energy|/W.h", Type::f8},
    {75, "Analog OUT/V", Type::f4},
    {76, "<I>/mA", Type::f4},
    {77, "<Ewe>/V", Type::f4},
    {78, "Cs-2/\u00B5F-2", Type::f4},
    {96, "|Ece|/V", Type::f4},
    {98, "Phase(Zce)/deg", Type::f4},
    {99, "|Zce|/Ohm", Type::f4},
    {100, "Re(Zce)/Ohm", Type::f4},
    {101, "-Im(Zce)/Ohm", Type::f4},
    {105, "-Im(Z1)/Ohm", Type::f4},
    {106, "-Im(Z2)/Ohm", Type::f4},
    {110, "Energy ce/W.h", Type::f8},
    {112, "Energy we/W.h", Type::f8},
    {115, "Energy ce charge/W.h", Type::f8},
    {116, "Energy ce discharge/W.h", Type::f8},
    {123, "Energy charge/W.h", Type::f8},
    {124, "Energy discharge/W.h", Type::f8},
    {125, "Capacitance charge/\u00B5F", Type::f8},
    {126, "Capacitance discharge/\u00B5F", Type::f8},
    {131, "Ns", Type::u2},
    {135, "<E1>/V", Type::f4},
    {136, "<E2>/V", Type::f4},
    {163, "|Estack|/V", Type::f4},
    {166, "Phase(Zstack)/deg", Type::f4},
    {167, "|Zstack|/Ohm", Type::f4},
    {168, "Rcmp/Ohm", Type::f4},
    {169, "Cs/\u00B5F", Type::f4},
    {172, "Cp/\u00B5F", Type::f4},
    {173, "Cp-2/\u00B5F-2", Type::f4},
    {174, "<Ewe>/V", Type::f4},  // Phase(Zwe-ce)/deg when 6 or 77 is present, see below
    {175, "|Zwe-ce|/Ohm", Type::f4},
    {176, "Re(Zwe-ce)/Ohm", Type::f4},
    {177, "-Im(Zwe-ce)/Ohm", Type::f4},
    {178, "(Q-Qo)/C", Type::f4},
    {179, "dQ/C", Type::f4},
    {182, "step time/s", Type::f8},
    {185, "<Ece>/V", Type::f4},
    {206, "Temperature/\u00B0C", Type::f4},
    {211, "Q charge/discharge/mA.h", Type::f8},
    {212, "half cycle", Type::u4},
    {213, "z cycle", Type::u4},
    {215, "<Ece>/V", Type::f4},
    {217, "THD Ewe/%", Type::f4},
    {218, "THD I/%", Type::f4},
    {219, "THD Ece/%", Type::f4},
    {220, "NSD Ewe/%", Type::f4},
    {221, "NSD I/%", Type::f4},
    {222, "NSD Ece/%", Type::f4},
    {223, "NSR Ewe/%", Type::f4},
    {224, "NSR I/%", Type::f4},
    {225, "NSR Ece/%", Type::f4},
    {230, "|Ewe h2|/V", Type::f4},
    {231, "|Ewe h3|/V", Type::f4},
    {232, "|Ewe h4|/V", Type::f4},
    {233, "|Ewe h5|/V", Type::f4},
    {234, "|Ewe h6|/V", Type::f4},
    {235, "|Ewe h7|/V", Type::f4},
    {236, "|I h2|/A", Type::f4},
    {237, "|I h3|/A", Type::f4},
    {238, "|I h4|/A", Type::f4},
    {239, "|I h5|/A", Type::f4},
    {240, "|I h6|/A", Type::f4},
    {241, "|I h7|/A", Type::f4},
    {248, "Rac/Ohm", Type::f4},
    {249, "Rdc/Ohm", Type::f4},
    {253, "Acir/Dcir Control", Type::u1},
    {271, "Phase(Z1)/deg", Type::f4},
    {272, "Phase(Z2)/deg", Type::f4},
    {301, "|Z1|/Ohm", Type::f4},
    {302, "|Z2|/Ohm", Type::f4},
    {326, "P/W", Type::f4},
    {331, "Re(Z1)/Ohm", Type::f4},
    {332, "Re(Z2)/Ohm", Type::f4},
    {352, "|Ece|/V", Type::f4},
    {361, "-Im(Z1)/Ohm", Type::f4},
    {362, "-Im(Z2)/Ohm", Type::f4},
    {391, "<E1>/V", Type::f4},
    {392, "<E2>/V", Type::f4},
    {422, "Phase(Zstack)/deg", Type::f4},
    {423, "|Zstack|/Ohm", Type::f4},
    {424, "Re(Zstack)/Ohm", Type::f4},
    {425, "-Im(Zstack)/Ohm", Type::f4},
    {426, "<Estack>/V", Type::f4},
    {430, "Phase(Zwe-ce)/deg", Type::f4},
    {431, "|Zwe-ce|/Ohm", Type::f4},
    {432, "Re(Zwe-ce)/Ohm", Type::f4},
    {433, "-Im(Zwe-ce)/Ohm", Type::f4},
    {434, "(Q-Qo)/C", Type::f4},
    {435, "dQ/C", Type::f4},
    {438, "step time/s", Type::f8},
    {441, "<Ece>/V", Type::f4},
    {462, "Temperature/\u00B0C", Type::f4},
    {467, "Q charge/discharge/mA.h", Type::f8},
    {468, "half cycle", Type::u4},
    {469, "z cycle", Type::u4},
    {471, "<Ece>/V", Type::f4},
    {473, "THD Ewe/%", Type::f4},
    {474, "THD I/%", Type::f4},
    {476, "NSD Ewe/%", Type::f4},
    {477, "NSD I/%", Type::f4},
    {479, "NSR Ewe/%", Type::f4},
    {480, "NSR I/%", Type::f4},
    {486, "|Ewe h2|/V", Type::f4},
    {487, "|Ewe h3|/V", Type::f4},
    {488, "|Ewe h4|/V", Type::f4},
    {489, "|Ewe h5|/V", Type::f4},
    {490, "|Ewe h6|/V", Type::f4},
    {491, "|Ewe h7|/V", Type::f4},
    {492, "|I h2|/A", Type::f4},
    {493, "|I h3|/A", Type::f4},
    {494, "|I h4|/A", Type::f4},
    {495, "|I h5|/A", Type::f4},
    {496, "|I h6|/A", Type::f4},
    {497, "|I h7|/A", Type::f4},
    {498, "Q charge/mA.h", Type::f8},
    {499, "Q discharge/mA.h", Type::f8},
    {500, "step time/s", Type::f8},
    {501, "Efficiency/%", Type::f8},
    {502, "Capacity/mA.h", Type::f8},
    {505, "Rdc/Ohm", Type::f4},
    {509, "Acir/Dcir Control", Type::u1},
};

struct FlagId {
  std::uint16_t id;
  std::string_view name;
  std::uint8_t mask;
};
constexpr FlagId kFlags[] = {{1, "mode", 0x03},        {2, "ox/red", 0x04},
                             {3, "error", 0x08},       {21, "control changes", 0x10},
                             {31, "Ns changes", 0x20}, {65, "counter inc.", 0x80}};

struct TechniqueId {
  std::uint8_t id;
  std::string_view name;
};
constexpr TechniqueId kTechniqueIds[] = {
    {0x04, "GCPL"}, {0x06, "CV"},   {0x0B, "OCV"},  {0x16, "MP"},   {0x18, "CA"},  {0x19, "CP"},
    {0x1C, "WAIT"}, {0x1D, "PEIS"}, {0x1E, "GEIS"}, {0x30, "CV"},   {0x32, "ZIR"}, {0x33, "CVA"},
    {0x6C, "LSV"},  {0x75, "coV"},  {0x76, "coC"},  {0x77, "GCPL"}, {0x7F, "MB"},  {0x88, "BCD"}};

struct Module {
  std::string name;        // short name, blanks trimmed ("VMP data")
  std::size_t header = 0;  // offset of "MODULE"
  std::size_t data = 0;    // offset of the module data
  std::size_t length = 0;
  std::uint32_t version = 0;
  bool new_header = false;
  std::string date;
};

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return std::string(s);
}

std::vector<Module> read_modules(const ByteReader& r) {
  std::vector<Module> modules;
  std::size_t at = kFirstModule;
  while (at < r.size()) {
    r.need(at, 6, "the 'MODULE' keyword of the next module");
    if (r.bytes().substr(at, 6) != "MODULE")
      r.fail(at,
             "expected the 'MODULE' keyword of the next module, found "
             "other bytes");
    Module m;
    m.header = at;
    const std::size_t h = at + 6;
    r.need(h, 43, "a module header");
    m.name = trimmed(r.bytes().substr(h, 10));
    if (r.u32le(h + 35, "module length") == 0xFFFFFFFFu) {
      m.new_header = true;
      r.need(h, 59, "a module header of EC-Lab 11.50 or later");
      m.length = r.u32le(h + 39, "module length");
      m.version = r.u32le(h + 43, "module version") + r.u32le(h + 47, "module version");
      m.date = trimmed(r.bytes().substr(h + 51, 8));
      m.data = h + 59;
    } else {
      r.need(h, 51, "a module header");
      m.length = r.u32le(h + 35, "module length");
      m.version = r.u32le(h + 39, "module version");
      m.date = trimmed(r.bytes().substr(h + 43, 8));
      m.data = h + 51;
    }
    r.need(m.data, m.length,
           "the " + std::to_string(m.length) + "-byte data of module '" + m.name +
               "' (as its header at byte " + std::to_string(at) + " says)");
    at = m.data + m.length;
    modules.push_back(std::move(m));
  }
  return modules;
}

const Module* find_module(const std::vector<Module>& modules, std::string_view name) {
  for (const auto& m : modules)
    if (m.name == name) return &m;
  return nullptr;
}

std::string number_text(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// Technique and cell characteristics from the settings module; offsets outside
// a short module are skipped rather than failed (older EC-Lab versions write
// fewer fields).
std::string read_settings(const ByteReader& r, const Module& set, Measurement& proto) {
  const std::size_t end = set.data + set.length;
  std::string technique;
  if (set.length > 0) {
    const std::uint8_t id = r.u8(set.data, "technique ID");
    for (const auto& t : kTechniqueIds)
      if (t.id == id) technique = std::string(t.name);
    if (technique.empty()) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "technique ID 0x%02X", id);
      technique = buf;
    }
  }
  auto pascal_at = [&](std::size_t off, const char* key) {
    if (set.data + off >= end) return;
    const std::size_t n = r.u8(set.data + off, key);
    if (set.data + off + 1 + n > end || n == 0) return;
    proto.meta.header.emplace_back(key, trimmed(r.pascal(set.data + off, key)));
  };
  auto float_at = [&](std::size_t off, const char* key) -> std::optional<double> {
    if (set.data + off + 4 > end) return std::nullopt;
    const double v = r.f32le(set.data + off, key);
    if (!std::isfinite(v)) return std::nullopt;
    proto.meta.header.emplace_back(key, number_text(v));
    return v;
  };
  pascal_at(0x07, "Comments");
  float_at(0x107, "Mass of active material (unit as set in EC-Lab)");
  pascal_at(0x11E, "Electrode material");
  pascal_at(0x1C0, "Electrolyte");
  float_at(0x211, "Electrode surface area (unit as set in EC-Lab)");
  pascal_at(0x215, "Reference electrode");
  return technique;
}

// OLE automation date (days since 1899-12-30) as "YYYY-MM-DD hh:mm:ss".
std::string ole_date_text(double days) {
  return unix_time_text(days * 86400.0 + kOleEpochUnixSeconds);
}

void read_log(const ByteReader& r, const Module& log, Measurement& proto) {
  const std::size_t end = log.data + log.length;
  if (log.data + 0x249 + 8 <= end) {
    const double ole = r.f64le(log.data + 0x249, "acquisition start");
    // Plausible dates only (1990–2100): the field moves in some versions.
    if (std::isfinite(ole) && ole > 32874 && ole < 73051)
      proto.meta.header.emplace_back("Acquisition started on", ole_date_text(ole));
  }
  if (log.data + 0x3B7 < end) {
    const std::size_t n = r.u8(log.data + 0x3B7, "EC-Lab version");
    if (n > 0 && n < 16 && log.data + 0x3B7 + 1 + n <= end)
      proto.meta.header.emplace_back("EC-Lab version",
                                     trimmed(r.pascal(log.data + 0x3B7, "EC-Lab version")));
  }
}

struct Layout {
  std::vector<std::uint16_t> ids;
  std::size_t ids_at = 0;
  std::size_t points_at = 0;
};

Layout data_layout(const ByteReader& r, const Module& data) {
  Layout l;
  const std::size_t n_columns = r.u8(data.data + 4, "the column count of the data module");
  l.ids_at = data.data + 5;
  std::size_t points_offset = 0;
  switch (data.version) {
    case 0:
      for (std::size_t k = 0; k < n_columns; ++k) l.ids.push_back(r.u8(l.ids_at + k, "column ID"));
      points_offset = 100;
      break;
    case 2:
    case 3:
      for (std::size_t k = 0; k < n_columns; ++k)
        l.ids.push_back(r.u16le(l.ids_at + 2 * k, "column ID"));
      points_offset = data.version == 2 ? 405 : 406;
      break;
    case 10:
    case 11:
      for (std::size_t k = 0; k < n_columns; ++k)
        l.ids.push_back(r.u16be(l.ids_at + 2 * k, "column ID"));
      points_offset = 1007;
      break;
    default:
      r.fail(data.header, "expected a data module of version 0, 2, 3, 10 or 11, found version " +
                              std::to_string(data.version));
  }
  l.points_at = data.data + points_offset;
  if (points_offset > data.length)
    r.fail(data.data, "expected the data module to hold its " + std::to_string(points_offset) +
                          "-byte column header, but it has " + std::to_string(data.length) +
                          " bytes");
  return l;
}

struct Field {
  std::string_view name;  // empty: skipped bytes
  Type type = Type::u1;
  std::size_t offset = 0;  // within a point
  std::size_t bytes = 0;
  std::uint8_t mask = 0;  // flag fields
  std::uint16_t id = 0;
};

double read_value(const ByteReader& r, std::size_t at, Type t) {
  switch (t) {
    case Type::u1:
      return r.u8(at, "a data value");
    case Type::u2:
      return r.u16le(at, "a data value");
    case Type::u4:
      return r.u32le(at, "a data value");
    case Type::f4:
      return static_cast<double>(r.f32le(at, "a data value"));
    case Type::f8:
      return r.f64le(at, "a data value");
  }
  return 0;
}

}  // namespace

bool is_biologic_mpr(std::string_view bytes) { return bytes.substr(0, kMagic.size()) == kMagic; }

std::vector<Measurement> read_biologic_mpr(std::string_view bytes, const std::string& file,
                                           std::vector<std::string>& warnings) {
  const ByteReader r(bytes, file);
  if (!is_biologic_mpr(bytes)) r.fail(0, "expected the 'BIO-LOGIC MODULAR FILE' banner");
  r.need(0, kFirstModule, "the file banner");
  const auto modules = read_modules(r);
  const Module* data = find_module(modules, "VMP data");
  if (!data)
    r.fail(r.size(), "expected a 'VMP data' module; the file has " +
                         std::to_string(modules.size()) + " other modules");

  Measurement proto;
  std::string technique;
  if (const Module* set = find_module(modules, "VMP Set"))
    technique = read_settings(r, *set, proto);
  else
    warnings.push_back("no settings module: the technique is not known");
  if (const Module* log = find_module(modules, "VMP LOG")) read_log(r, *log, proto);
  if (const Module* loop = find_module(modules, "VMP loop"); loop && loop->length >= 4)
    proto.meta.header.emplace_back("Loops", std::to_string(r.u32le(loop->data, "the loop count")));
  proto.meta.header.emplace_back("Data module version", std::to_string(data->version));
  proto.meta.technique_name = technique;

  const std::uint32_t n_points = r.u32le(data->data, "the point count of the data module");
  const Layout layout = data_layout(r, *data);
  const bool has_e = [&] {
    for (auto id : layout.ids)
      if (id == 6 || id == 77) return true;
    return false;
  }();

  // Fields of one point; unknown IDs are collected as one run whose width is
  // inferred.
  std::vector<Field> fields;
  std::size_t point_bytes = 0;
  bool flag_byte = false;
  std::size_t flag_field = 0;
  std::vector<std::uint16_t> unknown;
  std::size_t unknown_field = 0;
  bool unknown_run_closed = false;
  for (std::size_t k = 0; k < layout.ids.size(); ++k) {
    const std::uint16_t id = layout.ids[k];
    const FlagId* flag = nullptr;
    for (const auto& f : kFlags)
      if (f.id == id) flag = &f;
    if (flag) {
      // Every flag reads the same byte, placed where the first flag ID stands.
      if (!flag_byte) {
        flag_byte = true;
        flag_field = fields.size();
        fields.push_back({"", Type::u1, point_bytes, 1, 0, id});
        point_bytes += 1;
      }
      fields.push_back({flag->name, Type::u1, 0, 0, flag->mask, id});
      continue;
    }
    const ColumnId* col = nullptr;
    for (const auto& c : kColumns)
      if (c.id == id) col = &c;
    if (!col) {
      if (!unknown.empty() && unknown_run_closed)
        r.fail(layout.ids_at, "column IDs " + std::to_string(unknown.front()) + " and " +
                                  std::to_string(id) +
                                  " are not known and not adjacent: the width of each cannot "
                                  "be inferred, so the points cannot be read");
      if (unknown.empty()) {
        unknown_field = fields.size();
        fields.push_back({"", Type::u1, point_bytes, 0, 0, id});
      }
      unknown.push_back(id);
      continue;
    }
    if (!unknown.empty()) unknown_run_closed = true;
    std::string_view name = col->name;
    if (id == 174 && has_e) name = "Phase(Zwe-ce)/deg";
    fields.push_back({name, col->type, point_bytes, width(col->type), 0, id});
    point_bytes += width(col->type);
  }

  const std::size_t available = data->data + data->length - layout.points_at;
  if (!unknown.empty()) {
    std::string ids;
    for (auto id : unknown) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    if (n_points == 0) {
      warnings.push_back("unknown column ID" + std::string(unknown.size() > 1 ? "s " : " ") + ids +
                         " (no points, nothing to skip)");
    } else {
      if (available % n_points != 0 || available / n_points <= point_bytes)
        r.fail(layout.ids_at, "unknown column ID" + std::string(unknown.size() > 1 ? "s " : " ") +
                                  ids + ": their width cannot be inferred from the " +
                                  std::to_string(available) + " data bytes of " +
                                  std::to_string(n_points) + " points");
      const std::size_t extra = available / n_points - point_bytes;
      warnings.push_back("unknown column ID" + std::string(unknown.size() > 1 ? "s " : " ") + ids +
                         " (" + std::to_string(extra) + " bytes) skipped");
      for (std::size_t k = unknown_field + 1; k < fields.size(); ++k) fields[k].offset += extra;
      fields[unknown_field].bytes = extra;
      point_bytes += extra;
    }
  }
  if (static_cast<std::size_t>(n_points) * point_bytes > available)
    r.fail(layout.points_at + available,
           "expected " + std::to_string(n_points) + " points of " + std::to_string(point_bytes) +
               " bytes (" + std::to_string(n_points * point_bytes) +
               " bytes) in the data module, found " + std::to_string(available));
  if (n_points == 0)
    warnings.push_back("the data module holds no points (the measurement recorded nothing)");

  for (auto& f : fields)
    if (f.mask != 0) f.offset = fields[flag_field].offset;

  std::vector<std::string> names;
  std::vector<std::vector<double>> values;
  std::vector<const Field*> read;
  for (const auto& f : fields) {
    if (f.name.empty()) continue;
    names.emplace_back(f.name);
    read.push_back(&f);
  }
  values.assign(read.size(), std::vector<double>(n_points));
  for (std::size_t k = 0; k < read.size(); ++k) {
    const Field& f = *read[k];
    std::vector<double>& v = values[k];
    std::size_t at = layout.points_at + f.offset;
    if (f.mask != 0) {
      const int shift = std::countr_zero(f.mask);
      for (std::size_t i = 0; i < n_points; ++i, at += point_bytes)
        v[i] = static_cast<double>((static_cast<unsigned char>(bytes[at]) & f.mask) >> shift);
    } else {
      for (std::size_t i = 0; i < n_points; ++i, at += point_bytes)
        v[i] = read_value(r, at, f.type);
    }
  }
  // Rename duplicates ("<Ece>/V" twice) so that every column can be told apart.
  for (std::size_t k = 0; k < names.size(); ++k)
    for (std::size_t j = 0; j < k; ++j)
      if (names[j] == names[k]) {
        names[k] += " (ID " + std::to_string(read[k]->id) + ")";
        break;
      }

  Measurement m = eclab_record(names, std::move(values), eclab_technique(technique));
  m.meta.header = std::move(proto.meta.header);
  m.meta.technique_name = technique;
  m.meta.format = "biologic-mpr";
  // Measured values are finite in every file seen; a NaN in a quantity column
  // is damage.
  for (const Column& c : m.columns) {
    if (c.quantity == Quantity::other) continue;
    for (std::size_t i = 0; i < c.values.size(); ++i)
      if (!std::isfinite(c.values[i]))
        r.fail(layout.points_at + i * point_bytes,
               "expected a finite " + c.source_name + " in point " + std::to_string(i + 1));
  }
  return records_of(std::move(m));
}

}  // namespace solyte::io::detail
