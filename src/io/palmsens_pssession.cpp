// Layout of PalmSens session files (.pssession), as PSTrace and MultiTrace write them: one
// JSON document in UTF-16 LE with a byte-order mark, followed by a second byte-order mark.
// PalmSens documents the objects in its SDK (PalmSens.Data namespace); what is read here was
// checked on pyimpspec's data.pssession and on the example sessions of PalmSens' SDK
// repository (EIS, CV, DPV; keys are capitalised in newer files, lower case in older ones,
// so they are matched without regard to case).
//
//   {"Type":"PalmSens.DataFiles.SessionFile", "CoreVersion":"5.9…",
//    "Measurements":[{"Title":…, "TimeStamp":<.NET ticks, local time>, "DeviceSerial":…,
//      "Method":"#PSTrace…\r\nMETHOD_ID=eis\r\n…",      ← KEY=VALUE lines
//      "DataSet":{"Type":"PalmSens.Data.DataSetEIS" (or DataSetCommon),
//        "Values":[{"Type":"PalmSens.Data.DataArray…", "ArrayType":5,
//                   "Description":"Frequency",
//                   "Unit":{"Type":"PalmSens.Units.Hertz", "S":"Hz", …},
//                   "DataValues":[{"V":10000.0}, …]}, …]},
//      "Curves":[…], "EISDataList":[…]}]}      ← plot copies of the data set (not read)
//
// ArrayType: 0 time, 1 potential, 2 current, 3 charge, 5 frequency, 6 phase, 7 Z', 8 Z''
// (stored as −Z''), 10 |Z|; others (Iac, Eac, admittance, capacitance …) are kept under their
// descriptions, and 16383 and up are instrument diagnostics (not read). The phase is stored
// with the sign of −Z'' (positive for a capacitive sample) and is negated like Z''. In a CV
// data set each scan adds a potential, current (and charge) array; a scan ends where an
// array type repeats.
#include "io/palmsens_pssession.hpp"

#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/number_parse.hpp"
#include "io/date_text.hpp"
#include "io/impedance_records.hpp"
#include "io/text_decode.hpp"
#include "io/text_table.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

using nlohmann::json;
using solyte::detail::trim;

constexpr int kFirstDiagnosticArray = 16383;

bool equal_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

const json* member(const json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  for (auto it = obj.begin(); it != obj.end(); ++it)
    if (equal_ci(it.key(), key)) return &it.value();
  return nullptr;
}

std::string text_member(const json& obj, std::string_view key) {
  const json* v = member(obj, key);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

[[noreturn]] void fail_at(const std::string& file, const std::string& path,
                          const std::string& expected) {
  throw ParseError(file, 0, 0, "at " + path + ": expected " + expected);
}

const json& require(const json& obj, std::string_view key, const std::string& path,
                    const std::string& file, bool array) {
  const json* v = member(obj, key);
  if (!v || (array ? !v->is_array() : !v->is_object()))
    fail_at(file, path,
            "a" + std::string(array ? "n array" : "n object") + " '" + std::string(key) + "'");
  return *v;
}

// PalmSens.Units.MicroAmpere → factor 1e-6, base "Ampere", symbol "µA" (the "S" field holds the
// symbol without its prefix).
struct Unit {
  double factor = 1.0;
  std::string base;
  std::string symbol;
};

Unit unit_of_array(const json& array) {
  Unit u;
  const json* unit = member(array, "Unit");
  if (!unit) return u;
  std::string type = text_member(*unit, "Type");
  if (const std::size_t dot = type.rfind('.'); dot != std::string::npos) type.erase(0, dot + 1);
  struct Prefix {
    std::string_view name, symbol;
    double factor;
  };
  constexpr Prefix kPrefixes[] = {{"Pico", "p", 1e-12},      {"Nano", "n", 1e-9},
                                  {"Micro", "\u00B5", 1e-6}, {"Milli", "m", 1e-3},
                                  {"Kilo", "k", 1e3},        {"Mega", "M", 1e6}};
  std::string_view prefix_symbol;
  u.base = type;
  for (const Prefix& p : kPrefixes)
    if (type.size() > p.name.size() && type.compare(0, p.name.size(), p.name) == 0 &&
        std::isupper(static_cast<unsigned char>(type[p.name.size()]))) {
      u.factor = p.factor;
      u.base = type.substr(p.name.size());
      prefix_symbol = p.symbol;
    }
  u.symbol = std::string(prefix_symbol) + text_member(*unit, "S");
  return u;
}

struct Array {
  std::string description;
  int array_type = -1;
  Unit unit;
  Quantity quantity = Quantity::other;
  bool negated = false;
  std::vector<double> values;  // in unit_of(quantity), or as stored for Quantity::other
};

void classify(Array& a) {
  struct Known {
    int type;
    std::string_view base;
    Quantity quantity;
    bool negated;
  };
  constexpr Known kKnown[] = {
      {0, "Time", Quantity::time, false},       {1, "Volt", Quantity::potential, false},
      {2, "Ampere", Quantity::current, false},  {3, "Coulomb", Quantity::charge, false},
      {5, "Hertz", Quantity::frequency, false}, {6, "Phase", Quantity::z_phase, true},
      {7, "ZRe", Quantity::z_real, false},      {8, "ZIm", Quantity::z_imag, true},
      {10, "Z", Quantity::z_modulus, false}};
  for (const Known& k : kKnown)
    if (a.array_type == k.type && a.unit.base == k.base) {
      a.quantity = k.quantity;
      a.negated = k.negated;
    }
}

Array read_array(const json& obj, const std::string& path, const std::string& file) {
  Array a;
  a.description = text_member(obj, "Description");
  if (const json* t = member(obj, "ArrayType"); t && t->is_number_integer())
    a.array_type = t->get<int>();
  a.unit = unit_of_array(obj);
  classify(a);
  const json& values = require(obj, "DataValues", path, file, true);
  const double scale =
      (a.quantity == Quantity::other ? 1.0 : a.unit.factor) * (a.negated ? -1.0 : 1.0);
  a.values.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const json* v = member(values[i], "V");
    if (!v || !v->is_number() || !std::isfinite(v->get<double>()))
      fail_at(file, path + ".DataValues[" + std::to_string(i) + "]",
              "a finite number 'V' in array '" + a.description + "'");
    a.values.push_back(scale * v->get<double>());
  }
  return a;
}

std::string column_source(const Array& a) {
  std::string s = a.description;
  if (!a.unit.symbol.empty()) s += "/" + a.unit.symbol;
  if (a.negated) s += " (negated)";
  return s;
}

void add_column(Measurement& m, const Array& a) {
  if (a.quantity != Quantity::other && !m.has(a.quantity)) {
    m.add(a.quantity, a.values, column_source(a));
    return;
  }
  Column& c = m.add(Quantity::other, a.values, column_source(a));
  c.name = a.description;
  c.unit = a.quantity == Quantity::other ? a.unit.symbol : std::string(unit_of(a.quantity));
}

// "charge 'scan1'" or "Iac 'Iac'": what an array holds and how the file names it.
std::string label(const Array& a) {
  const std::string what =
      a.quantity != Quantity::other ? std::string(to_string(a.quantity)) : a.unit.symbol;
  return what.empty() ? "'" + a.description + "'" : what + " '" + a.description + "'";
}

std::string list_text(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

// EIS data set: every array as long as the frequency array is a column.
Measurement impedance_record(const std::vector<Array>& arrays, const std::string& path,
                             const std::string& file) {
  const Array* f = nullptr;
  for (const Array& a : arrays)
    if (!f && a.quantity == Quantity::frequency) f = &a;
  if (!f) fail_at(file, path, "a frequency array (ArrayType 5, unit Hertz) in an EIS data set");
  Measurement m;
  std::vector<std::string> skipped;
  for (const Array& a : arrays) {
    if (a.values.size() != f->values.size()) {
      skipped.push_back(label(a));
      continue;
    }
    add_column(m, a);
  }
  if (!is_impedance_record(m))
    fail_at(file, path,
            "Z' and Z'' arrays (ArrayType 7 and 8) or |Z| and phase (10 and 6) "
            "of the length of "
            "the frequency array (" +
                std::to_string(f->values.size()) + ")");
  if (!skipped.empty())
    m.meta.warnings.push_back(
        std::to_string(skipped.size()) + " arrays of another length than the " +
        std::to_string(f->values.size()) + " frequencies are left out: " + list_text(skipped));
  m.meta.technique = Technique::impedance;
  return m;
}

// Common data set (CV, LSV, DPV, CA …): scans of potential/current/charge arrays; a scan ends where
// an array type repeats. Several scans become one record with a cycle column.
Measurement scan_record(const std::vector<Array>& arrays) {
  std::vector<const Array*> times;
  std::vector<std::vector<const Array*>> scans(1);
  for (const Array& a : arrays) {
    if (a.quantity == Quantity::time) {
      times.push_back(&a);
      continue;
    }
    for (const Array* b : scans.back())
      if (b->array_type == a.array_type) {
        scans.emplace_back();
        break;
      }
    scans.back().push_back(&a);
  }
  if (scans.back().empty()) scans.pop_back();
  Measurement m;
  std::vector<std::string> skipped;
  if (scans.empty()) {  // time only
    for (const Array* t : times) add_column(m, *t);
    return m;
  }
  // Time arrays belong to the scans one by one when there is one per scan.
  const bool time_per_scan = times.size() == scans.size();
  if (!time_per_scan)
    for (const Array* t : times)
      skipped.push_back(label(*t) + " (one time array for " + std::to_string(scans.size()) +
                        " scans)");
  // Columns of a scan: arrays as long as its potential array (else its first array).
  std::vector<std::vector<const Array*>> columns(scans.size());
  for (std::size_t s = 0; s < scans.size(); ++s) {
    const Array* ref = scans[s].front();
    for (const Array* a : scans[s])
      if (a->quantity == Quantity::potential) {
        ref = a;
        break;
      }
    if (time_per_scan) scans[s].insert(scans[s].begin(), times[s]);
    for (const Array* a : scans[s]) {
      if (a->values.size() == ref->values.size())
        columns[s].push_back(a);
      else
        skipped.push_back(label(*a) + " (" + std::to_string(a->values.size()) + " values for " +
                          std::to_string(ref->values.size()) + " points)");
    }
  }
  // One record: the columns every scan has (same array type, in the first scan's order).
  for (const Array* a : columns.front()) {
    Column* target = nullptr;
    for (std::size_t s = 0; s < columns.size(); ++s) {
      const Array* match = nullptr;
      for (const Array* b : columns[s])
        if (b->array_type == a->array_type && b->quantity == a->quantity) match = b;
      if (!match) {
        if (target) m.columns.pop_back();
        target = nullptr;
        skipped.push_back(label(*a) + " (not in every scan)");
        break;
      }
      if (!target) {
        Array first = *match;
        first.description = a->description;
        add_column(m, first);
        target = &m.columns.back();
      } else {
        target->values.insert(target->values.end(), match->values.begin(), match->values.end());
      }
    }
  }
  if (scans.size() > 1 && !m.columns.empty()) {
    std::vector<double> cycle;
    for (std::size_t s = 0; s < columns.size(); ++s)
      cycle.insert(cycle.end(), columns[s].front()->values.size(), static_cast<double>(s + 1));
    m.add(Quantity::cycle, std::move(cycle), "scan number");
  }
  if (!skipped.empty()) m.meta.warnings.push_back("left out: " + list_text(skipped));
  return m;
}

Technique technique_of(std::string_view method_id) {
  if (method_id == "eis") return Technique::impedance;
  if (method_id == "cv" || method_id == "fcv") return Technique::cyclic_voltammetry;
  if (method_id == "lsv") return Technique::linear_sweep;
  if (method_id == "ca") return Technique::chronoamperometry;
  if (method_id == "cp") return Technique::chronopotentiometry;
  if (method_id == "ocp") return Technique::open_circuit;
  return Technique::other;
}

// The file offset of a position in the decoded UTF-8 text, for messages.
std::size_t file_offset(std::string_view raw, const DecodedText& d, std::size_t utf8_pos) {
  utf8_pos = std::min(utf8_pos, d.text.size());
  std::size_t units = 0;  // UTF-16 code units (or Latin-1 characters) before utf8_pos
  for (std::size_t i = 0; i < utf8_pos; ++i) {
    const auto c = static_cast<unsigned char>(d.text[i]);
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
  }
  const bool bom16 = raw.size() >= 2 && ((raw[0] == '\xFF' && raw[1] == '\xFE') ||
                                         (raw[0] == '\xFE' && raw[1] == '\xFF'));
  switch (d.encoding) {
    case TextEncoding::utf16le:
    case TextEncoding::utf16be:
      return (bom16 ? 2 : 0) + 2 * units;
    case TextEncoding::latin1:
      return units;
    case TextEncoding::utf8_bom:
      return 3 + utf8_pos;
    case TextEncoding::utf8:
      return utf8_pos;
  }
  return utf8_pos;
}

json parse_session(std::string_view raw, const std::string& file) {
  const DecodedText d = decode_text(raw);
  std::string_view text = d.text;
  // NULs, byte-order marks (U+FEFF) and replacement characters (U+FFFD: an odd final byte of
  // UTF-16) after the document are not part of it; blanks the JSON parser skips itself.
  while (!text.empty()) {
    if (text.back() == '\0') {
      text.remove_suffix(1);
    } else if (text.size() >= 3 && (text.substr(text.size() - 3) == "\xEF\xBB\xBF" ||
                                    text.substr(text.size() - 3) == "\xEF\xBF\xBD")) {
      text.remove_suffix(3);
    } else {
      break;
    }
  }
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    const std::size_t pos = e.byte > 0 ? e.byte - 1 : 0;
    // The parser's reason without its position (given here as a file offset) and without its
    // quote of the last token (which can be a whole method text); a short quote instead.
    std::string reason = e.what();
    if (const std::size_t p = reason.find(": "); p != std::string::npos) reason.erase(0, p + 2);
    if (const std::size_t p = reason.find("; last read:"); p != std::string::npos) reason.erase(p);
    std::size_t from = pos - std::min<std::size_t>(pos, 30);
    while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
    const bool at_end = pos + 1 >= text.size();
    throw ParseError(file, 0, 0,
                     "at byte " + std::to_string(file_offset(raw, d, pos)) +
                         ": expected a complete JSON document (PalmSens session)" +
                         (at_end ? ", but the text ends (truncated?)" : "") + "; " + reason +
                         ", near " + quote_for_message(text.substr(from)));
  } catch (const json::out_of_range& e) {
    // A number beyond the range of a double ("1e99999"): the parser names the token, not
    // where it is, so it is looked up.
    const std::string what = e.what();
    const std::size_t q = what.find("parsing '");
    const std::string token =
        q == std::string::npos ? std::string() : what.substr(q + 9, what.size() - q - 10);
    const std::size_t pos = token.empty() ? std::string_view::npos : text.find(token);
    throw ParseError(file, 0, 0,
                     (pos == std::string_view::npos
                          ? std::string()
                          : "at byte " + std::to_string(file_offset(raw, d, pos)) + ": ") +
                         "expected a number within the range of a double, found " +
                         quote_for_message(token));
  }
}

void method_header(const std::string& method, Measurement& m, std::string& method_id) {
  for (const TextLine& line : split_lines(method)) {
    const std::string_view t = trim(line.text);
    if (t.empty() || t.front() == '#') continue;
    const std::size_t eq = t.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    const std::string key(trim(t.substr(0, eq)));
    const std::string value(trim(t.substr(eq + 1)));
    if (key == "METHOD_ID") method_id = ascii_lower(value);
    m.meta.header.emplace_back(key, value);
  }
}

}  // namespace

bool is_palmsens_session(const std::vector<TextLine>& lines) {
  for (const TextLine& line : lines) {
    const std::string_view t = trim(line.text);
    if (t.empty()) continue;
    if (t.front() != '{') return false;
    return ascii_lower(t.substr(0, 300)).find("\"palmsens.datafiles.") != std::string::npos;
  }
  return false;
}

std::vector<Measurement> read_palmsens_session(std::string_view bytes, const std::string& file) {
  const json doc = parse_session(bytes, file);
  const json& measurements = require(doc, "Measurements", "the document", file, true);
  const std::string core = text_member(doc, "CoreVersion");
  std::vector<Measurement> out;
  for (std::size_t k = 0; k < measurements.size(); ++k) {
    const std::string path = "Measurements[" + std::to_string(k) + "]";
    const json& meas = measurements[k];
    if (!meas.is_object()) fail_at(file, path, "an object");
    const json& set = require(meas, "DataSet", path, file, false);
    const json& values = require(set, "Values", path + ".DataSet", file, true);
    std::vector<Array> arrays;
    for (std::size_t i = 0; i < values.size(); ++i) {
      const std::string apath = path + ".DataSet.Values[" + std::to_string(i) + "]";
      if (!values[i].is_object()) fail_at(file, apath, "an object");
      const json* type = member(values[i], "ArrayType");
      if (type && type->is_number_integer() && type->get<long long>() >= kFirstDiagnosticArray)
        continue;
      arrays.push_back(read_array(values[i], apath, file));
    }
    const bool eis = ascii_lower(text_member(set, "Type")).find("eis") != std::string::npos;
    Measurement m = eis ? impedance_record(arrays, path + ".DataSet", file) : scan_record(arrays);
    m.meta.format = "palmsens-pssession";
    std::vector<std::pair<std::string, std::string>> head;
    if (const std::string t = text_member(meas, "Title"); !t.empty()) head.emplace_back("Title", t);
    if (const json* ts = member(meas, "TimeStamp"); ts && ts->is_number()) {
      const double ticks = ts->get<double>();  // 100 ns since 0001-01-01, local time
      if (ticks > 0 && ticks < 1e19)
        head.emplace_back("TimeStamp", unix_time_text(ticks * 1e-7 + kDotNetEpochUnixSeconds));
    }
    for (const char* key : {"DeviceSerial", "DeviceFW"})
      if (const std::string v = text_member(meas, key); !v.empty()) head.emplace_back(key, v);
    if (!core.empty()) head.emplace_back("CoreVersion", core);
    m.meta.header = std::move(head);
    std::string method_id;
    method_header(text_member(meas, "Method"), m, method_id);
    m.meta.technique_name = method_id;
    if (!eis) m.meta.technique = technique_of(method_id);
    if (m.size() == 0) m.meta.warnings.push_back("the measurement holds no points");
    for (Measurement& r : records_of(std::move(m))) out.push_back(std::move(r));
  }
  if (out.empty())
    throw ParseError(file, 0, 0, "expected at least one measurement in the PalmSens session");
  for (std::size_t k = 0; k < out.size(); ++k) out[k].meta.index_in_file = k;
  return out;
}

}  // namespace solyte::io::detail
