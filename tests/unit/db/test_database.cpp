#include "test_database.hpp"

#include <sstream>

namespace videobot::db::testing {

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

void PrintTo(Backend backend, std::ostream* out) { *out << (backend == Backend::kSqlite ? "sqlite" : "postgres"); }

FreshDatabase::FreshDatabase(Backend backend) : backend_(backend) {
  if (backend == Backend::kSqlite) {
    dir_.emplace();
    url_ = "sqlite:" + dir_->path() + "/test.db";
  } else {
    scratch_.emplace();
    url_ = scratch_->url();
  }
  database_ = Open(url_);
}

void BackendTest::SetUp() {
  if (GetParam() == Backend::kPostgres) VIDEOBOT_REQUIRE_POSTGRES();
  fresh_.emplace(GetParam());
}

std::string Text(const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) return "NULL";
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  if (const auto* real = std::get_if<double>(&value)) {
    std::ostringstream out;
    out << *real;
    return out.str();
  }
  return std::get<std::string>(value);
}

std::string MicrosExpr(const Database& database, const std::string& column) {
  if (database.dialect() != sql::Dialect::kPostgres) return column;
  return "(extract(epoch from " + column + ") * 1000000)::bigint";
}

std::vector<std::string> DumpTables(Database& database) {
  const auto t = [&](const std::string& column) { return MicrosExpr(database, column); };
  std::vector<std::string> out;
  const std::string videos = "SELECT id, creator_id, " + t("video_created_at") +
                             ", views_count, likes_count, comments_count, reports_count, " + t("created_at") + ", " +
                             t("updated_at") + " FROM videos ORDER BY id";
  const std::string snapshots =
      "SELECT id, video_id, views_count, likes_count, comments_count, reports_count,"
      " delta_views_count, delta_likes_count, delta_comments_count, delta_reports_count, " +
      t("created_at") + ", " + t("updated_at") + " FROM video_snapshots ORDER BY id";
  for (const auto& sql : {videos, snapshots}) {
    for (const auto& row : database.Query(sql::Query{sql, {}})) {
      std::string line;
      for (const auto& value : row) line += Text(value) + "|";
      out.push_back(line);
    }
  }
  return out;
}

std::int64_t QueryInt(Database& database, const std::string& sql) {
  const auto rows = database.Query(sql::Query{sql, {}});
  if (rows.size() != 1 || rows[0].size() != 1) throw std::runtime_error("one value expected from " + sql);
  if (const auto* number = std::get_if<std::int64_t>(&rows[0][0])) return *number;
  if (const auto* real = std::get_if<double>(&rows[0][0])) return static_cast<std::int64_t>(*real);
  if (std::holds_alternative<std::monostate>(rows[0][0])) return 0;
  return std::stoll(std::get<std::string>(rows[0][0]));
}

}  // namespace videobot::db::testing
