#include "study/results_store.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "study/schema.hpp"

namespace solyte::study::detail {

namespace {

class Db {
 public:
  explicit Db(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK)
      fail("cannot create " + path);
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      const std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      fail(msg + " in: " + sql.substr(0, 200));
    }
  }
  sqlite3* get() { return db_; }
  [[noreturn]] void fail(const std::string& what) {
    throw std::system_error(std::error_code(sqlite3_errcode(db_), std::generic_category()),
                            "results database: " + what);
  }

 private:
  sqlite3* db_ = nullptr;
};

std::string quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

void bind_value(Db& db, sqlite3_stmt* st, int k, const Json& v) {
  int rc = SQLITE_OK;
  if (v.is_null()) rc = sqlite3_bind_null(st, k);
  else if (v.is_boolean()) rc = sqlite3_bind_int(st, k, v.get<bool>() ? 1 : 0);
  else if (v.is_number_integer()) rc = sqlite3_bind_int64(st, k, v.get<long long>());
  else if (v.is_number_unsigned()) rc = sqlite3_bind_int64(st, k, static_cast<long long>(v.get<unsigned long long>()));
  else if (v.is_number()) rc = sqlite3_bind_double(st, k, v.get<double>());
  else if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    rc = sqlite3_bind_text(st, k, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  } else {
    const std::string s = v.dump();
    rc = sqlite3_bind_text(st, k, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  if (rc != SQLITE_OK) db.fail("cannot bind a value");
}

void check_columns(const TableDef& t, const Json& row) {
  for (const auto& [key, v] : row.items()) {
    if (key == "task" || key == "sample") continue;
    bool known = false;
    for (const auto& c : t.columns) known = known || c.name == key;
    if (!known)
      throw std::logic_error("results table '" + std::string(t.name) + "' has no column '" + key +
                             "'");
  }
}

std::string csv_cell(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  }
  if (v.is_number_float()) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", v.get<double>());
    return buf;
  }
  return v.dump();
}

}  // namespace

void write_sqlite(const std::string& path, const TableRows& rows) {
  Db db(path);
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;");
  for (const auto& t : result_tables()) {
    std::string sql = "CREATE TABLE " + quoted(t.name) + " (task TEXT, sample TEXT";
    for (const auto& c : t.columns) sql += ", " + quoted(c.name) + " " + std::string(c.type);
    db.exec(sql + ");");
  }
  for (const auto& [name, list] : rows) {
    const TableDef* t = find_table(name);
    if (!t) throw std::logic_error("no results table named '" + name + "'");
    std::string sql = "INSERT INTO " + quoted(t->name) + " VALUES (?, ?";
    for (std::size_t i = 0; i < t->columns.size(); ++i) sql += ", ?";
    sql += ");";
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      db.fail("cannot prepare " + sql);
    for (const Json& row : list) {
      check_columns(*t, row);
      sqlite3_reset(st);
      bind_value(db, st, 1, row.value("task", Json()));
      bind_value(db, st, 2, row.value("sample", Json()));
      for (std::size_t i = 0; i < t->columns.size(); ++i)
        bind_value(db, st, static_cast<int>(i) + 3, row.value(std::string(t->columns[i].name), Json()));
      if (sqlite3_step(st) != SQLITE_DONE) {
        sqlite3_finalize(st);
        db.fail("cannot insert into " + std::string(t->name));
      }
    }
    sqlite3_finalize(st);
  }
  db.exec("COMMIT;");
}

std::vector<std::string> write_csv_tables(const std::string& dir, const TableRows& rows) {
  std::vector<std::string> written;
  for (const auto& [name, list] : rows) {
    if (list.empty()) continue;
    const TableDef* t = find_table(name);
    if (!t) throw std::logic_error("no results table named '" + name + "'");
    const std::string path = dir + "/" + name + ".csv";
    std::ofstream f(path, std::ios::binary);
    if (!f) throw std::system_error(errno, std::generic_category(), "cannot write " + path);
    f << "task,sample";
    for (const auto& c : t->columns) f << "," << c.name;
    f << "\n";
    for (const Json& row : list) {
      check_columns(*t, row);
      f << csv_cell(row.value("task", Json())) << "," << csv_cell(row.value("sample", Json()));
      for (const auto& c : t->columns) f << "," << csv_cell(row.value(std::string(c.name), Json()));
      f << "\n";
    }
    if (!f) throw std::system_error(errno, std::generic_category(), "cannot write " + path);
    written.push_back(name + ".csv");
  }
  return written;
}

}  // namespace solyte::study::detail
