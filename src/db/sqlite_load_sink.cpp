// The SQLite bulk writer: prepared upserts inside the loader's transaction. A first load (into a
// database without videos) also writes the rollups it computes on the way (rollup_rows.hpp)
// instead of leaving them to be recomputed from the stored snapshots.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "db/id_arrays.hpp"
#include "db/load_sink.hpp"
#include "db/rollup_rows.hpp"
#include "db/sqlite_database.hpp"
#include "db/table_columns.hpp"

namespace videobot::db {
namespace {

// Parameters are numbered in column order (?1 the id): ColumnBinder binds them in that order.
std::string Parameters(std::size_t count) {
  std::string out;
  for (std::size_t i = 1; i <= count; ++i) out += (i > 1 ? ", ?" : "?") + std::to_string(i);
  return out;
}

std::size_t ColumnCount(std::string_view columns) {
  return static_cast<std::size_t>(std::count(columns.begin(), columns.end(), ',')) + 1;
}

std::string UpsertVideo() {
  return "INSERT INTO videos (" + VideoColumns() + ") VALUES (" + Parameters(ColumnCount(VideoColumns())) +
         ") ON CONFLICT (id) DO UPDATE SET " + AssignFromExcluded(VideoColumns(), 1);
}

// A snapshot id already stored for another video is not taken over: the WHERE clause leaves
// the row alone and the writer reports the conflict.
std::string UpsertSnapshot() {
  return "INSERT INTO video_snapshots (" + SnapshotColumns() + ") VALUES (" +
         Parameters(ColumnCount(SnapshotColumns())) + ") ON CONFLICT (id) DO UPDATE SET " +
         AssignFromExcluded(SnapshotColumns(), 2) + " WHERE video_snapshots.video_id = excluded.video_id";
}

// A replacing load removes the stored snapshots of the video that the document does not list.
constexpr std::string_view kDeleteUnlistedSnapshots =
    "DELETE FROM video_snapshots WHERE video_id = ?1 AND id NOT IN (SELECT value FROM json_each(?2))";

// Rollup rows: the key's two columns, then the aggregates in the tables' column order.
std::string InsertRollup(std::string_view table) {
  return "INSERT INTO " + std::string(table) + " VALUES (" + Parameters(2 + ColumnCount(RollupAggregates())) + ")";
}

void BindStatic(SqliteStatement& statement, int index, std::string_view text) {
  const int rc = sqlite3_bind_text64(statement.get(), index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
  if (rc != SQLITE_OK) ThrowSqliteError(sqlite3_db_handle(statement.get()), rc, "cannot bind a loader parameter");
}

// Binds a statement's parameters in column order, ?1 first, numbering them as the values come.
class ColumnBinder {
 public:
  explicit ColumnBinder(SqliteStatement& statement) : statement_(statement) {}

  ColumnBinder& Text(std::string_view text) {
    BindStatic(statement_, next_++, text);
    return *this;
  }
  ColumnBinder& Integer(std::int64_t value) {
    statement_.Bind(next_++, value);
    return *this;
  }
  /// One parameter per metric, in catalogue order.
  ColumnBinder& EachMetric(const Counters& counters) {
    for (const std::int64_t value : counters) Integer(value);
    return *this;
  }
  /// A rollup row's aggregates after its key (rollup_rows.hpp's DeltaTotals).
  ColumnBinder& Totals(const DeltaTotals& totals) {
    return Integer(totals.snapshots).EachMetric(totals.sums).EachMetric(totals.positive).EachMetric(totals.negative);
  }

 private:
  SqliteStatement& statement_;
  int next_ = 1;
};

class SqliteLoadSink final : public TransactionalLoadSink {
 public:
  SqliteLoadSink(SqliteDatabase& database, bool replace)
      : TransactionalLoadSink(database),
        database_(database),
        handle_(database.handle()),
        video_(handle_, UpsertVideo()),
        snapshot_(handle_, UpsertSnapshot()) {
    if (replace) delete_unlisted_.emplace(handle_, kDeleteUnlistedSnapshots);
    SqliteStatement any_video(handle_, "SELECT 1 FROM videos LIMIT 1");
    if (!any_video.Step()) {
      day_.emplace(handle_, InsertRollup("video_snapshot_days"));
      age_.emplace(handle_, InsertRollup("video_snapshot_age_hours"));
    }
    // Like SET LOCAL statement_timeout = 0 on PostgreSQL: the load's statements are not limited.
    database_.SuspendStatementTimeout(true);
    // Snapshot ids are random, so index inserts touch pages all over the tree: a large page cache
    // for the duration of the load keeps them in memory (the default is 2 MB).
    SqliteStatement current(handle_, "PRAGMA cache_size");
    if (current.Step()) previous_cache_size_ = sqlite3_column_int64(current.get(), 0);
    SetCacheSize(kLoadCacheSize);
  }

  ~SqliteLoadSink() override {
    database_.SuspendStatementTimeout(false);
    try {
      SetCacheSize(previous_cache_size_);
    } catch (const DatabaseError&) {
      // Only a cache size; the connection's next user is not affected otherwise.
    }
  }

  SqliteLoadSink(const SqliteLoadSink&) = delete;
  SqliteLoadSink& operator=(const SqliteLoadSink&) = delete;

  void Write(const VideoRecord& video, std::span<const SnapshotRecord> snapshots) override {
    ColumnBinder(video_)
        .Text(video.id)
        .Text(video.creator_id)
        .Integer(video.video_created_at)
        .EachMetric(video.counters)
        .Integer(video.created_at)
        .Integer(video.updated_at);
    video_.Step();
    video_.Reset();
    if (delete_unlisted_) DeleteUnlistedSnapshots(video, snapshots);
    for (const auto& snapshot : snapshots) {
      ColumnBinder(snapshot_)
          .Text(snapshot.id)
          .Text(snapshot.video_id)
          .EachMetric(snapshot.counters)
          .EachMetric(snapshot.deltas)
          .Integer(snapshot.created_at)
          .Integer(snapshot.updated_at);
      snapshot_.Step();
      snapshot_.Reset();
      if (sqlite3_changes(handle_) == 0) ThrowForeignSnapshot(video, snapshot);
    }
    if (first_load()) WriteRollups(video, snapshots);
  }

  void Finish() override {
    if (!first_load() || !creator_hours_.complete()) return;
    SqliteStatement insert(handle_, InsertRollup("video_snapshot_creator_hours"));
    for (const auto& row : creator_hours_.SortedRows()) {
      ColumnBinder(insert).Text(row.creator_id).Integer(row.hour).Totals(*row.totals);
      insert.Step();
      insert.Reset();
    }
  }

  WrittenRollups written_rollups() const override {
    return WrittenRollups{.per_video = first_load(), .creator_hours = first_load() && creator_hours_.complete()};
  }

 private:
  [[noreturn]] static void ThrowForeignSnapshot(const VideoRecord& video, const SnapshotRecord& snapshot) {
    const std::string path =
        "/videos/" + std::to_string(video.index) + "/snapshots/" + std::to_string(snapshot.index) + "/id";
    throw InputError(Error{ErrorCode::kLoadMalformed, path,
                           "некорректный файл данных: видео " + std::to_string(video.index) + ", замер " +
                               std::to_string(snapshot.index) + ", поле id, байт " + std::to_string(snapshot.offset) +
                               ": замер «" + std::string(snapshot.id) + "» уже записан для другого видео"});
  }

  bool first_load() const { return day_.has_value(); }

  // A first load's rollup rows of one video; its creator's hours are summed over the whole load.
  void WriteRollups(const VideoRecord& video, std::span<const SnapshotRecord> snapshots) {
    const VideoRollupRows rows = RollUpVideo(video, snapshots);
    for (const auto& [day, totals] : rows.days) WriteRollupRow(*day_, video.id, day, totals);
    for (const auto& [age, totals] : rows.age_hours) WriteRollupRow(*age_, video.id, age, totals);
    creator_hours_.Add(video.creator_id, snapshots);
  }

  static void WriteRollupRow(SqliteStatement& insert, std::string_view video_id, std::int64_t key,
                             const DeltaTotals& totals) {
    ColumnBinder(insert).Text(video_id).Integer(key).Totals(totals);
    insert.Step();
    insert.Reset();
  }

  void DeleteUnlistedSnapshots(const VideoRecord& video, std::span<const SnapshotRecord> snapshots) {
    listed_.clear();
    for (const auto& snapshot : snapshots) listed_.push_back(snapshot.id);
    const auto arrays = JsonIdArrays(listed_, listed_.size() + 1);
    BindStatic(*delete_unlisted_, 1, video.id);
    delete_unlisted_->Bind(2, arrays.empty() ? std::string_view("[]") : std::string_view(arrays[0]));
    delete_unlisted_->Step();
    delete_unlisted_->Reset();
  }

  void SetCacheSize(std::int64_t size) {
    SqliteStatement pragma(handle_, "PRAGMA cache_size = " + std::to_string(size));
    while (pragma.Step()) {
    }
  }

  // Negative sizes are in KiB: 64 MiB, a fixed bound whatever the file's size.
  static constexpr std::int64_t kLoadCacheSize = -65536;

  SqliteDatabase& database_;
  sqlite3* handle_;
  std::int64_t previous_cache_size_ = -2000;
  SqliteStatement video_;
  SqliteStatement snapshot_;
  std::optional<SqliteStatement> delete_unlisted_;  // set for a replacing load
  std::vector<std::string_view> listed_;            // the current video's snapshot ids
  std::optional<SqliteStatement> day_;              // set for a first load, with age_
  std::optional<SqliteStatement> age_;
  CreatorHourTotals creator_hours_;
};

}  // namespace

std::unique_ptr<LoadSink> MakeSqliteLoadSink(SqliteDatabase& database, bool replace) {
  return std::make_unique<SqliteLoadSink>(database, replace);
}

}  // namespace videobot::db
