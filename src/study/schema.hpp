// The results database of a study: every table, its columns and what they hold. The runner
// writes exactly these (an analysis row with another column is a programming error), and
// docs/study.md is generated from the same list (`solyte study --schema`).
#pragma once

#include <string_view>
#include <vector>

namespace solyte::study::detail {

struct ColumnDef {
  std::string_view name;
  std::string_view type;  ///< SQLite affinity: TEXT, REAL, INTEGER
  std::string_view doc;
};

struct TableDef {
  std::string_view name;
  std::string_view doc;
  std::vector<ColumnDef> columns;  ///< besides `task` and `sample`, which every table has
};

const std::vector<TableDef>& result_tables();
const TableDef* find_table(std::string_view name);

}  // namespace solyte::study::detail
