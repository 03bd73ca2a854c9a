// RelaxIS 3 project layout (SQLite; seen in RelaxIS 3.0.17, database format 1):
//   Projects(ID, name, comment, date), Properties(name, value)
//   Files(ID, project_id, groupname, datasource, fitted, lastweightmode, lasttransferfunction,
//         lowfreqlimit, highfreqlimit, dateadded, datefitted)        one row per spectrum
//   FileInformation(file_id, name, value)   Temperature (°C), Area (m²), Thickness (m), …
//   Datapoints(file_id, frequency, zreal, zimag)                      Z'' as measured (< 0)
//   Fitparameters(file_id, pindex, name, fixed, value, error, lowerlimit, upperlimit, isglobal)
// A fitted spectrum sits in a group named after its model, which is where RelaxIS keeps the
// model string.
#include "io/relaxis_eis3.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <system_error>

#include "solyte/error.hpp"
#include "solyte/io/relaxis_project.hpp"
#include "solyte/units.hpp"

namespace solyte::io {

namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;

struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

[[noreturn]] void fail(const std::string& file, sqlite3* db, const std::string& what) {
  throw ParseError(file, 0, 0,
                   "expected a RelaxIS 3 project (SQLite database): " + what +
                       (db ? std::string(" (SQLite: ") + sqlite3_errmsg(db) + ")" : std::string()));
}

Stmt prepare(sqlite3* db, const std::string& file, const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK)
    fail(file, db, std::string("cannot query '") + sql + "'");
  return Stmt(s);
}

// Steps one row; false at the end. Throws on an error (a damaged page).
bool step(sqlite3* db, sqlite3_stmt* s, const std::string& file) {
  const int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(file, db, "reading a table failed");
}

std::string text(sqlite3_stmt* s, int col) {
  const unsigned char* t = sqlite3_column_text(s, col);
  return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
}

std::optional<double> number(sqlite3_stmt* s, int col) {
  const int type = sqlite3_column_type(s, col);
  if (type == SQLITE_NULL) return std::nullopt;
  if (type == SQLITE_TEXT && sqlite3_column_bytes(s, col) == 0) return std::nullopt;
  const double v = sqlite3_column_double(s, col);
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

RelaxisProject read_db(sqlite3* db, const std::string& file) {
  RelaxisProject p;
  {
    auto s = prepare(db, file, "SELECT name FROM Projects ORDER BY ID LIMIT 1");
    if (step(db, s.get(), file)) p.name = text(s.get(), 0);
  }
  {
    auto s = prepare(db, file, "SELECT value FROM Properties WHERE name = 'RelaxISVersion'");
    if (step(db, s.get(), file)) p.relaxis_version = text(s.get(), 0);
  }
  std::map<std::int64_t, std::size_t> by_id;
  {
    auto s = prepare(db, file,
                     "SELECT ID, groupname, datasource, fitted, lastweightmode, "
                     "lasttransferfunction, lowfreqlimit, highfreqlimit, datefitted FROM Files "
                     "ORDER BY ID");
    while (step(db, s.get(), file)) {
      RelaxisSpectrum e;
      e.file_id = sqlite3_column_int64(s.get(), 0);
      e.group = text(s.get(), 1);
      e.name = text(s.get(), 2);
      if (sqlite3_column_int(s.get(), 3) != 0) {
        RelaxisFit f;
        f.model = e.group;
        f.weighting = text(s.get(), 4);
        f.transfer_function = text(s.get(), 5);
        f.f_low_hz = number(s.get(), 6);
        f.f_high_hz = number(s.get(), 7);
        f.date_fitted = text(s.get(), 8);
        e.fit = std::move(f);
      }
      e.spectrum.meta.format = "relaxis-eis3";
      e.spectrum.meta.sample = e.name;
      e.spectrum.meta.index_in_file = p.spectra.size();
      by_id[e.file_id] = p.spectra.size();
      p.spectra.push_back(std::move(e));
    }
  }
  {
    auto s = prepare(db, file, "SELECT file_id, name, value FROM FileInformation ORDER BY ID");
    std::map<std::int64_t, std::pair<double, double>> geometry;  // area, thickness
    while (step(db, s.get(), file)) {
      const auto it = by_id.find(sqlite3_column_int64(s.get(), 0));
      if (it == by_id.end()) continue;
      RelaxisSpectrum& e = p.spectra[it->second];
      const std::string key = text(s.get(), 1);
      const auto v = number(s.get(), 2);
      e.spectrum.meta.header.emplace_back(key, text(s.get(), 2));
      if (!v) continue;
      if (key == "Temperature" && celsius_to_kelvin(*v) > 0) {
        e.spectrum.meta.temperature_k = celsius_to_kelvin(*v);
        e.spectrum.meta.temperature_source = TemperatureSource::file;
      } else if (key == "Area") {
        geometry[e.file_id].first = *v;
      } else if (key == "Thickness") {
        geometry[e.file_id].second = *v;
      }
    }
    for (const auto& [id, g] : geometry)
      if (g.first > 0 && g.second > 0)
        p.spectra[by_id[id]].spectrum.meta.geometry = PelletGeometry{g.first, g.second};
  }
  {
    auto s = prepare(
        db, file, "SELECT file_id, frequency, zreal, zimag FROM Datapoints ORDER BY file_id, ID");
    while (step(db, s.get(), file)) {
      const std::int64_t id = sqlite3_column_int64(s.get(), 0);
      const auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      const auto f = number(s.get(), 1), re = number(s.get(), 2), im = number(s.get(), 3);
      if (!f || !re || !im)
        fail(file, nullptr,
             "a data point of file " + std::to_string(id) +
                 " has a missing or non-finite frequency or impedance");
      Spectrum& sp = p.spectra[it->second].spectrum;
      sp.frequency_hz.push_back(*f);
      sp.impedance_ohm.emplace_back(*re, *im);
    }
  }
  {
    auto s = prepare(db, file,
                     "SELECT file_id, pindex, name, fixed, value, error, lowerlimit, upperlimit, "
                     "isglobal FROM Fitparameters ORDER BY file_id, pindex");
    while (step(db, s.get(), file)) {
      const auto it = by_id.find(sqlite3_column_int64(s.get(), 0));
      if (it == by_id.end()) continue;
      RelaxisSpectrum& e = p.spectra[it->second];
      if (!e.fit) e.fit = RelaxisFit{.model = e.group};
      RelaxisParameter q;
      q.index = sqlite3_column_int(s.get(), 1);
      q.name = text(s.get(), 2);
      q.fixed = sqlite3_column_int(s.get(), 3) != 0;
      const auto v = number(s.get(), 4);
      if (!v)
        fail(file, nullptr,
             "fit parameter '" + q.name + "' of file " + std::to_string(e.file_id) +
                 " has no finite value");
      q.value = *v;
      q.error = number(s.get(), 5);
      q.lower_limit = number(s.get(), 6);
      q.upper_limit = number(s.get(), 7);
      q.global = sqlite3_column_int(s.get(), 8) != 0;
      e.fit->parameters.push_back(std::move(q));
    }
  }
  return p;
}

// A file path as an SQLite URI: characters with a meaning in URIs are percent-encoded.
std::string file_uri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      uri += buf;
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

const RelaxisParameter* RelaxisFit::find(std::string_view name) const {
  for (const auto& p : parameters)
    if (p.name == name) return &p;
  return nullptr;
}

RelaxisProject read_relaxis_project(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw std::system_error(std::make_error_code(std::errc::no_such_file_or_directory),
                            path + ": cannot open the RelaxIS project");
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file_uri(path).c_str(), &raw,
                                 SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) fail(path, raw, "cannot open it read-only");
  return read_db(db.get(), path);
}

RelaxisProject read_relaxis_project_from_bytes(std::string_view bytes, const std::string& name) {
  if (!detail::is_sqlite(bytes)) fail(name, nullptr, "the SQLite 3 header is missing");
  sqlite3* raw = nullptr;
  // An in-memory connection that receives a read-only copy of the bytes.
  if (sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    throw std::system_error(std::make_error_code(std::errc::not_enough_memory),
                            name + ": cannot open an SQLite connection");
  }
  Db db(raw);
  auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(bytes.size()));
  if (!copy && !bytes.empty())
    throw std::system_error(std::make_error_code(std::errc::not_enough_memory), name);
  std::memcpy(copy, bytes.data(), bytes.size());
  if (sqlite3_deserialize(db.get(), "main", copy, static_cast<sqlite3_int64>(bytes.size()),
                          static_cast<sqlite3_int64>(bytes.size()),
                          SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) !=
      SQLITE_OK)
    fail(name, db.get(), "the database cannot be loaded");
  return read_db(db.get(), name);
}

namespace detail {

bool is_sqlite(std::string_view bytes) {
  return bytes.size() >= 16 && std::memcmp(bytes.data(), "SQLite format 3\0", 16) == 0;
}

std::vector<Measurement> read_relaxis_records(std::string_view bytes, const std::string& file) {
  RelaxisProject p = read_relaxis_project_from_bytes(bytes, file);
  std::vector<Measurement> out;
  out.reserve(p.spectra.size());
  for (RelaxisSpectrum& e : p.spectra) {
    Measurement m = to_measurement(e.spectrum);
    m.meta.header.emplace(m.meta.header.begin(), "Group", e.group);
    m.meta.header.emplace(m.meta.header.begin(), "RelaxIS file ID", std::to_string(e.file_id));
    if (e.fit) {
      m.meta.header.emplace_back("Fit model", e.fit->model);
      m.meta.header.emplace_back("Fit weighting", e.fit->weighting);
      m.meta.header.emplace_back("Fitted parameters", std::to_string(e.fit->parameters.size()));
    }
    if (e.spectrum.size() == 0)
      m.meta.warnings.push_back("spectrum '" + e.name + "' holds no points");
    out.push_back(std::move(m));
  }
  if (out.empty()) {
    Measurement m;
    m.meta.format = "relaxis-eis3";
    m.meta.technique = Technique::impedance;
    m.meta.warnings.push_back("the project holds no spectra");
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace detail

}  // namespace solyte::io
