// The PostgreSQL bulk writer, inside the loader's transaction. Into a database that holds videos:
// COPY … FROM STDIN into temporary staging tables, then one upsert per table. Into an empty one
// (the first load): COPY straight into the tables, a batch of videos and then their snapshots,
// since there is nothing to update or take over, and the rollups computed on the way
// (rollup_rows.hpp) instead of from the stored snapshots afterwards.
#include <future>
#include <string>
#include <variant>
#include <vector>

#include "db/load_sink.hpp"
#include "db/postgres_database.hpp"
#include "db/rollup_rows.hpp"
#include "db/table_columns.hpp"
#include "db/text_format.hpp"

namespace videobot::db {
namespace {

constexpr std::size_t kCopyChunkBytes = std::size_t{1} << 20;
constexpr std::size_t kVideoBufferBytes = std::size_t{8} << 20;
constexpr std::string_view kCardinalityViolation = "21000";

// A bulk load may run for minutes: the session's statement timeout (meant for questions) is
// lifted for this transaction only. Its commit waits for the WAL flush even on a server with
// synchronous_commit off: until then no reader (nor the VACUUM after the load) may set the hint
// bits of the new rows, so the pages could not be marked all-visible for index-only scans.
// Loads are serialised on the videos table (readers are not blocked): whether the database is
// empty stays true until this load commits.
constexpr std::string_view kLoadSettings =
    "SET LOCAL statement_timeout = 0;"
    "SET LOCAL synchronous_commit = on;"
    "LOCK TABLE videos IN SHARE ROW EXCLUSIVE MODE";
constexpr std::string_view kCreateStaging =
    "CREATE TEMP TABLE videobot_stage_videos (LIKE videos) ON COMMIT DROP;"
    "CREATE TEMP TABLE videobot_stage_snapshots (LIKE video_snapshots) ON COMMIT DROP";

// A first load keeps this many bytes of snapshot rows in memory before it writes them (after
// their videos), and writes one such batch while it parses the next: the memory stays flat
// whatever the size of the file.
constexpr std::size_t kDirectBatchBytes = std::size_t{16} << 20;
constexpr std::string_view kUniqueViolation = "23505";

std::string UpsertVideos() {
  return "INSERT INTO videos (" + VideoColumns() + ") SELECT " + VideoColumns() +
         " FROM videobot_stage_videos ON CONFLICT (id) DO UPDATE SET " + AssignFromExcluded(VideoColumns(), 1);
}

// A snapshot id already stored for another video is not taken over (see the row count check).
std::string UpsertSnapshots() {
  return "INSERT INTO video_snapshots (" + SnapshotColumns() + ") SELECT " + SnapshotColumns() +
         " FROM videobot_stage_snapshots ON CONFLICT (id) DO UPDATE SET " + AssignFromExcluded(SnapshotColumns(), 2) +
         " WHERE video_snapshots.video_id = EXCLUDED.video_id";
}

// A replacing load removes the stored snapshots of the file's videos that the file does not list.
constexpr std::string_view kDeleteUnlistedSnapshots =
    "DELETE FROM video_snapshots v USING videobot_stage_videos sv WHERE v.video_id = sv.id"
    " AND NOT EXISTS (SELECT 1 FROM videobot_stage_snapshots s WHERE s.id = v.id)";

// One field per metric in catalogue order, each followed by a tab.
void AppendCounters(std::string& out, const Counters& counters) {
  for (const std::int64_t value : counters) {
    AppendInteger(out, value);
    out += '\t';
  }
}

// The aggregates of a rollup row after its key, in the tables' column order, ending the line.
void AppendTotals(std::string& out, const DeltaTotals& totals) {
  AppendInteger(out, totals.snapshots);
  out += '\t';
  AppendCounters(out, totals.sums);
  AppendCounters(out, totals.positive);
  AppendCounters(out, totals.negative);
  out.back() = '\n';
}

[[noreturn]] void ThrowMalformed(std::string message) {
  throw InputError(Error{ErrorCode::kLoadMalformed, "/videos", "некорректный файл данных: " + std::move(message)});
}

class PostgresLoadSink final : public TransactionalLoadSink {
 public:
  PostgresLoadSink(PostgresDatabase& database, bool replace)
      : TransactionalLoadSink(database), database_(database), connection_(database.connection()), replace_(replace) {
    database_.Execute(kLoadSettings);
    direct_ = database_.Query(sql::Query{"SELECT 1 FROM videos LIMIT 1", {}}).empty();
    if (direct_) {
      copy_buffer_.reserve(kDirectBatchBytes + 4096);
      return;
    }
    database_.Execute(kCreateStaging);
    copy_buffer_.reserve(kCopyChunkBytes + 4096);
    StartSnapshotCopy();
  }

  ~PostgresLoadSink() override {
    // The batch in flight ends first: it is the only other user of the connection.
    try {
      WaitForDirectBatch();
    } catch (const std::exception&) {
      // Its failure was the load's, or the load failed otherwise: the transaction rolls back.
    }
    // Abandoned mid-load: end the COPY with an error so the connection can roll back.
    if (copying_) {
      PQputCopyEnd(connection_, "load aborted");
      while (PGresult* result = PQgetResult(connection_)) PQclear(result);
    }
  }

  PostgresLoadSink(const PostgresLoadSink&) = delete;
  PostgresLoadSink& operator=(const PostgresLoadSink&) = delete;

  void Write(const VideoRecord& video, std::span<const SnapshotRecord> snapshots) override {
    AppendVideo(video);
    if (direct_) {
      for (const auto& snapshot : snapshots) AppendSnapshot(snapshot);
      AppendRollups(video, snapshots);
      if (copy_buffer_.size() >= kDirectBatchBytes || video_buffer_.size() >= kVideoBufferBytes) WriteDirectBatch();
      return;
    }
    for (const auto& snapshot : snapshots) {
      AppendSnapshot(snapshot);
      if (copy_buffer_.size() >= kCopyChunkBytes) SendCopyBuffer();
    }
    staged_snapshots_ += static_cast<std::int64_t>(snapshots.size());
    if (video_buffer_.size() >= kVideoBufferBytes) {
      EndSnapshotCopy();
      CopyVideos();
      StartSnapshotCopy();
    }
  }

  void Finish() override {
    if (direct_) {
      WriteDirectBatch();
      WaitForDirectBatch();
      WriteCreatorHours();
      return;
    }
    EndSnapshotCopy();
    CopyVideos();
    if (replace_) database_.Execute(kDeleteUnlistedSnapshots);
    database_.Execute(UpsertVideos());
    PgResult result(PQexec(connection_, UpsertSnapshots().c_str()));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK &&
        PostgresDatabase::SqlState(result.get()) == kCardinalityViolation) {
      ThrowMalformed("один и тот же id замера встречается в файле у разных видео");
    }
    result = database_.Check(result.release());
    const std::int64_t written = std::stoll(PQcmdTuples(result.get()));
    if (written != staged_snapshots_) ReportForeignSnapshot();
  }

  WrittenRollups written_rollups() const override {
    return WrittenRollups{.per_video = direct_, .creator_hours = direct_ && creator_hours_.complete()};
  }

  // PostgreSQL plans questions from table statistics, which autovacuum refreshes only minutes
  // after a bulk load (and the first questions would compete with it): the load refreshes them
  // itself, in its own transaction, for every table it wrote. ANALYZE samples a fixed number of
  // rows, so this costs about a second whatever the size of the load.
  std::int64_t Complete(const std::vector<std::string_view>& loaded, bool replace, Instant loaded_at) override {
    const std::int64_t removed = TransactionalLoadSink::Complete(loaded, replace, loaded_at);
    database_.Execute(
        "ANALYZE videos, video_snapshots, video_snapshot_days, video_snapshot_age_hours, video_snapshot_day_totals,"
        " video_snapshot_creator_hours, data_coverage");
    return removed;
  }

  // Right after a bulk load no heap page is marked all-visible, so PostgreSQL cannot answer from
  // an index alone (the covering indexes of migration 0005) and the first questions set hint bits
  // on every page they read. VACUUM fixes both in about a second per million snapshots (it only
  // reads what the load wrote). It runs after the commit (it cannot run inside a transaction), so
  // the load's atomicity is untouched, and its failure is not the load's: the data is already in
  // place and autovacuum does the same work later. The session's statement timeout (meant for
  // questions) is lifted for it and then restored.
  void AfterCommit() override {
    try {
      const auto timeout = database_.Query(sql::Query{"SHOW statement_timeout", {}});
      database_.Execute("SET statement_timeout = 0");
      try {
        database_.Execute(
            "VACUUM video_snapshots, video_snapshot_days, video_snapshot_age_hours, video_snapshot_day_totals,"
            " video_snapshot_creator_hours, videos");
      } catch (const DatabaseError&) {
        // Left to autovacuum.
      }
      if (!timeout.empty() && !timeout[0].empty()) {
        if (const auto* text = std::get_if<std::string>(&timeout[0][0])) {
          database_.Execute(sql::Query{"SELECT set_config('statement_timeout', $1, false)", {*text}});
        }
      }
    } catch (const DatabaseError&) {
      // Left to autovacuum.
    }
  }

 private:
  void AppendVideo(const VideoRecord& video) {
    std::string& out = video_buffer_;
    out.append(video.id);
    out += '\t';
    out.append(video.creator_id);
    out += '\t';
    AppendInstant(out, video.video_created_at);
    out += '\t';
    AppendCounters(out, video.counters);
    AppendInstant(out, video.created_at);
    out += '\t';
    AppendInstant(out, video.updated_at);
    out += '\n';
  }

  void AppendSnapshot(const SnapshotRecord& snapshot) {
    std::string& out = copy_buffer_;
    out.append(snapshot.id);
    out += '\t';
    out.append(snapshot.video_id);
    out += '\t';
    AppendCounters(out, snapshot.counters);
    AppendCounters(out, snapshot.deltas);
    AppendInstant(out, snapshot.created_at);
    out += '\t';
    AppendInstant(out, snapshot.updated_at);
    out += '\n';
  }

  // A first load's rollup rows of one video; its creator's hours are summed over the whole load.
  void AppendRollups(const VideoRecord& video, std::span<const SnapshotRecord> snapshots) {
    const VideoRollupRows rows = RollUpVideo(video, snapshots);
    for (const auto& [day, totals] : rows.days) {
      day_buffer_.append(video.id);
      day_buffer_ += '\t';
      AppendInstant(day_buffer_, day);
      day_buffer_ += '\t';
      AppendTotals(day_buffer_, totals);
    }
    for (const auto& [age, totals] : rows.age_hours) {
      age_buffer_.append(video.id);
      age_buffer_ += '\t';
      AppendInteger(age_buffer_, age);
      age_buffer_ += '\t';
      AppendTotals(age_buffer_, totals);
    }
    creator_hours_.Add(video.creator_id, snapshots);
  }

  void WriteCreatorHours() {
    if (!creator_hours_.complete()) return;
    std::string buffer;
    for (const auto& row : creator_hours_.SortedRows()) {
      buffer.append(row.creator_id);
      buffer += '\t';
      AppendInstant(buffer, row.hour);
      buffer += '\t';
      AppendTotals(buffer, *row.totals);
    }
    CopyBuffer("video_snapshot_creator_hours", "", buffer);
  }

  void StartCopy(std::string_view table, std::string_view columns) {
    const std::string sql =
        "COPY " + std::string(table) + (columns.empty() ? "" : " (" + std::string(columns) + ")") + " FROM STDIN";
    PgResult result(PQexec(connection_, sql.c_str()));
    if (PQresultStatus(result.get()) != PGRES_COPY_IN) database_.Fail(result.get(), "COPY failed");
    copying_ = true;
  }

  void Send(std::string_view data) {
    if (!data.empty() && PQputCopyData(connection_, data.data(), static_cast<int>(data.size())) != 1) {
      database_.Fail(nullptr, "COPY failed");
    }
  }

  void SendCopyBuffer() {
    Send(copy_buffer_);
    copy_buffer_.clear();
  }

  void EndCopy() {
    if (PQputCopyEnd(connection_, nullptr) != 1) database_.Fail(nullptr, "COPY failed");
    copying_ = false;
    // The COPY's own result, then the end of the command.
    CheckCopy(PQgetResult(connection_));
    while (PGresult* rest = PQgetResult(connection_)) CheckCopy(rest);
  }

  void CheckCopy(PGresult* raw) {
    PgResult result(raw);
    const auto status = result != nullptr ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK) return;
    // Only a first load copies into the tables themselves; video ids are unique in the file
    // (checked by the loader), so a repeated key is a snapshot id.
    if (direct_ && PostgresDatabase::SqlState(result.get()) == kUniqueViolation) {
      ThrowMalformed("один и тот же id замера встречается в файле дважды");
    }
    database_.Fail(result.get(), "COPY failed");
  }

  void StartSnapshotCopy() { StartCopy("videobot_stage_snapshots", SnapshotColumns()); }

  void EndSnapshotCopy() {
    SendCopyBuffer();
    EndCopy();
  }

  void CopyVideos() { CopyBuffer("videobot_stage_videos", VideoColumns(), video_buffer_); }

  // The rows of a first load, written straight into the tables: the videos first, as their
  // snapshots and rollup rows refer to them. The rollups' columns are in table order.
  struct DirectBatch {
    std::string videos;
    std::string snapshots;
    std::string days;
    std::string ages;
  };

  // Hands the buffered rows to a second thread, which writes them while this one parses the next
  // batch. One batch is in flight at a time, so the connection has one user at a time.
  void WriteDirectBatch() {
    WaitForDirectBatch();
    DirectBatch batch{std::move(video_buffer_), std::move(copy_buffer_), std::move(day_buffer_),
                      std::move(age_buffer_)};
    for (std::string* buffer : {&video_buffer_, &copy_buffer_, &day_buffer_, &age_buffer_}) buffer->clear();
    copy_buffer_.reserve(kDirectBatchBytes + 4096);
    in_flight_ = std::async(std::launch::async, [this, batch = std::move(batch)]() mutable {
      CopyBuffer("videos", VideoColumns(), batch.videos);
      CopyBuffer("video_snapshots", SnapshotColumns(), batch.snapshots);
      CopyBuffer("video_snapshot_days", "", batch.days);
      CopyBuffer("video_snapshot_age_hours", "", batch.ages);
    });
  }

  // Waits for the batch in flight; its failure is rethrown here.
  void WaitForDirectBatch() {
    if (in_flight_.valid()) in_flight_.get();
  }

  void CopyBuffer(std::string_view table, std::string_view columns, std::string& buffer) {
    if (buffer.empty()) return;
    StartCopy(table, columns);
    for (std::size_t at = 0; at < buffer.size(); at += kCopyChunkBytes) {
      Send(std::string_view(buffer).substr(at, kCopyChunkBytes));
    }
    buffer.clear();
    EndCopy();
  }

  // Some staged snapshot was not written: its id belongs to another video in the database.
  [[noreturn]] void ReportForeignSnapshot() {
    const auto rows = database_.Query(sql::Query{
        "SELECT s.id, s.video_id, v.video_id FROM videobot_stage_snapshots s JOIN video_snapshots v USING (id)"
        " WHERE v.video_id <> s.video_id LIMIT 1",
        {}});
    if (rows.empty() || rows[0].size() != 3)
      ThrowMalformed("часть замеров не записана: их id принадлежат другим видео");
    const auto text = [](const Value& value) { return std::get<std::string>(value); };
    ThrowMalformed("замер «" + text(rows[0][0]) + "» видео «" + text(rows[0][1]) + "» уже записан для видео «" +
                   text(rows[0][2]) + "»");
  }

  PostgresDatabase& database_;
  PGconn* connection_;
  bool replace_;
  std::string copy_buffer_;
  std::string video_buffer_;
  std::string day_buffer_;  ///< a first load's rollup rows, written with their videos
  std::string age_buffer_;
  CreatorHourTotals creator_hours_;
  std::future<void> in_flight_;  ///< a first load's batch being written
  std::int64_t staged_snapshots_ = 0;
  bool copying_ = false;
  bool direct_ = false;  ///< a first load: rows go straight into the tables
};

}  // namespace

std::unique_ptr<LoadSink> MakePostgresLoadSink(PostgresDatabase& database, bool replace) {
  return std::make_unique<PostgresLoadSink>(database, replace);
}

}  // namespace videobot::db
