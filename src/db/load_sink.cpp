#include "db/load_sink.hpp"

#include "db/coverage.hpp"
#include "db/postgres_database.hpp"
#include "db/replacement.hpp"
#include "db/sqlite_database.hpp"

namespace videobot::db {

std::int64_t TransactionalLoadSink::Complete(const std::vector<std::string_view>& loaded, bool replace,
                                             Instant loaded_at) {
  const std::int64_t removed = replace ? RemoveVideosNotIn(target_, loaded) : 0;
  RefreshRollups(target_, loaded, written_rollups());
  RefreshCoverage(target_, loaded_at);
  return removed;
}

std::unique_ptr<LoadSink> SqliteDatabase::MakeLoadSink(bool replace) { return MakeSqliteLoadSink(*this, replace); }

std::unique_ptr<LoadSink> PostgresDatabase::MakeLoadSink(bool replace) { return MakePostgresLoadSink(*this, replace); }

}  // namespace videobot::db
