// ClickHouse's SQL in db/'s own statements: placeholders are ?N (inlined by clickhouse_literal.hpp
// before sending) and instants Int64 microseconds. It has no transactional part: its backend
// migrates every host itself (clickhouse_migrations.cpp) and loads through staged tables
// (clickhouse_load.cpp).

#include "db/engine_sql.hpp"

namespace videobot::db {
namespace {

class ClickHouseEngineSql final : public EngineSql {
 public:
  sql::Dialect dialect() const override { return sql::Dialect::kClickHouse; }
  std::string_view migration_folder() const override { return "migrations/clickhouse/"; }
  std::string Placeholder(int index) const override { return "?" + std::to_string(index); }
  std::string_view TableExistsQuery() const override {
    return "SELECT 1 FROM system.tables WHERE database = currentDatabase() AND name = ?1";
  }
  std::string InstantAsMicros(std::string_view column) const override { return std::string(column); }
};

}  // namespace

const EngineSql& ClickHouseEngine() {
  static const ClickHouseEngineSql engine;
  return engine;
}

}  // namespace videobot::db
