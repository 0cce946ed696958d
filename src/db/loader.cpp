#include "db/loader.hpp"

#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "db/clickhouse_load.hpp"
#include "db/coverage.hpp"
#include "db/load_sink.hpp"
#include "db/replacement.hpp"
#include "db/rollups.hpp"
#include "db/video_parser.hpp"
#include "db/video_stream.hpp"

namespace videobot::db {
namespace {

// PostgreSQL plans questions from table statistics, which autovacuum refreshes only minutes after
// a bulk load (and the first questions would compete with it): the load refreshes them itself, in
// its own transaction, for every table it wrote. ANALYZE samples a fixed number of rows, so this
// costs about a second whatever the size of the load.
void AnalyzeLoadedTables(Database& database) {
  if (database.dialect() != sql::Dialect::kPostgres) return;
  database.Execute("ANALYZE videos, video_snapshots, video_snapshot_days, video_snapshot_age_hours, video_snapshot_day_totals,"
      " video_snapshot_creator_hours, data_coverage");
}

// Right after a bulk load no heap page is marked all-visible, so PostgreSQL cannot answer from an
// index alone (the covering indexes of migration 0005) and the first questions set hint bits on
// every page they read. VACUUM fixes both in about a second per million snapshots (it only reads
// what the load wrote). It runs after the commit (it cannot run inside a transaction), so the
// load's atomicity is untouched, and its failure is not the load's: the data is already in place
// and autovacuum does the same work later. The session's statement timeout (meant for questions)
// is lifted for it and then restored.
void VacuumLoadedTables(Database& database) {
  if (database.dialect() != sql::Dialect::kPostgres) return;
  try {
    const auto timeout = database.Query(sql::Query{"SHOW statement_timeout", {}});
    database.Execute("SET statement_timeout = 0");
    try {
      database.Execute("VACUUM video_snapshots, video_snapshot_days, video_snapshot_age_hours, video_snapshot_day_totals,"
                       " video_snapshot_creator_hours, videos");
    } catch (const DatabaseError&) {
      // Left to autovacuum.
    }
    if (!timeout.empty() && !timeout[0].empty()) {
      if (const auto* text = std::get_if<std::string>(&timeout[0][0])) {
        database.Execute(sql::Query{"SELECT set_config('statement_timeout', $1, false)", {*text}});
      }
    }
  } catch (const DatabaseError&) {
    // Left to autovacuum.
  }
}

// Progress is reported after every this many bytes of input.
constexpr std::int64_t kProgressEveryBytes = std::int64_t{4} << 20;

// Rolls back unless committed; a failing rollback must not hide the original failure.
class TransactionGuard {
 public:
  explicit TransactionGuard(Database& database) : database_(database) { database_.Begin(); }
  ~TransactionGuard() {
    if (open_) {
      try {
        database_.Rollback();
      } catch (const std::exception&) {
        // The connection is unusable; the server discards the transaction with it.
      }
    }
  }
  TransactionGuard(const TransactionGuard&) = delete;
  TransactionGuard& operator=(const TransactionGuard&) = delete;
  void Commit() {
    database_.Commit();
    open_ = false;
  }

 private:
  Database& database_;
  bool open_ = true;
};

// A replacing load of a document without videos would empty the database: most likely a
// truncated or failed export, so it needs an explicit permission.
Status RefuseEmptyReplacement() {
  return Fail(ErrorCode::kUsage,
              "the document holds no videos: replacing the data with it would remove every stored video; "
              "nothing was changed (pass --allow-empty to empty the database on purpose)",
              "/videos");
}

Result<LoadStats> LoadInTransaction(Database& database, std::istream& input, const ProgressCallback& progress,
                                    const LoadOptions& options) {
  LoadStats stats;
  TransactionGuard transaction(database);
  {
    auto* clickhouse = dynamic_cast<ClickHouseDatabase*>(&database);
    std::unique_ptr<ClickHouseLoadSink> clickhouse_sink;
    if (clickhouse != nullptr) clickhouse_sink = MakeClickHouseLoadSink(*clickhouse);
    std::unique_ptr<LoadSink> sql_sink;
    if (clickhouse == nullptr) sql_sink = MakeLoadSink(database, options.replace);
    LoadSink* sink = clickhouse != nullptr ? clickhouse_sink.get() : sql_sink.get();
    VideoStream stream(input);
    stream.set_padding(VideoParser::kPadding);
    VideoParser parser;
    // Video ids seen so far and where: a repeated id would silently merge two videos.
    std::unordered_map<std::string, std::int64_t> seen;
    std::int64_t next_progress = kProgressEveryBytes;
    while (true) {
      auto next = stream.Next();
      if (!next) return Unexpected{next.error()};
      if (!*next) break;
      auto parsed = parser.Parse(stream.object_data(), stream.object_size(), stream.object_capacity(),
                                 stream.object_offset(), stream.object_index());
      if (!parsed) return Unexpected{parsed.error()};
      const VideoRecord& video = parser.video();
      const auto [it, inserted] = seen.emplace(std::string(video.id), video.index);
      if (!inserted) {
        return Fail(ErrorCode::kLoadMalformed,
                    "некорректный файл данных: видео " + std::to_string(video.index) + ", поле id, байт " +
                        std::to_string(stream.object_offset()) + ": id «" + it->first +
                        "» уже встречался у видео " + std::to_string(it->second),
                    "/videos/" + std::to_string(video.index) + "/id");
      }
      sink->Write(video, parser.snapshots());
      ++stats.videos;
      stats.snapshots += static_cast<std::int64_t>(parser.snapshots().size());
      if (progress && stream.bytes_consumed() >= next_progress) {
        progress(LoadProgress{LoadPhase::kReading, stream.bytes_consumed(), stats.videos, stats.snapshots});
        next_progress = stream.bytes_consumed() + kProgressEveryBytes;
      }
    }
    sink->Finish();
    if (options.replace && stats.videos == 0 && !options.allow_empty) {
      return Unexpected{RefuseEmptyReplacement().error()};
    }
    if (clickhouse_sink) {
      // No transactions: the staged rows are switched in at once (clickhouse_load.hpp).
      if (progress) progress(LoadProgress{LoadPhase::kRollups, stream.bytes_consumed(), stats.videos, stats.snapshots});
      stats.removed_videos = clickhouse_sink->Switch(options.replace, SystemClock().Now());
      stats.bytes = stream.bytes_consumed();
      transaction.Commit();
      if (progress) progress(LoadProgress{LoadPhase::kDone, stats.bytes, stats.videos, stats.snapshots});
      return stats;
    }
    std::vector<std::string_view> loaded;
    loaded.reserve(seen.size());
    for (const auto& entry : seen) loaded.push_back(entry.first);
    if (options.replace) stats.removed_videos = RemoveVideosNotIn(database, loaded);
    if (progress) progress(LoadProgress{LoadPhase::kRollups, stream.bytes_consumed(), stats.videos, stats.snapshots});
    RefreshRollups(database, loaded, sink->written_rollups());
    RefreshCoverage(database, SystemClock().Now());
    AnalyzeLoadedTables(database);
    stats.bytes = stream.bytes_consumed();
  }
  transaction.Commit();
  VacuumLoadedTables(database);
  if (progress) progress(LoadProgress{LoadPhase::kDone, stats.bytes, stats.videos, stats.snapshots});
  return stats;
}

}  // namespace

Result<LoadStats> Load(Database& database, std::istream& input, const ProgressCallback& progress,
                       const LoadOptions& options) {
  try {
    return LoadInTransaction(database, input, progress, options);
  } catch (const InputError& error) {
    return Unexpected{error.error()};
  } catch (const ValueOutOfRangeError&) {
    // The parser keeps every sum over one video's snapshots in the file within range; snapshots
    // stored by earlier loads of the same video, or the sum of one day over all videos (or of one
    // hour over a creator's videos), can push a rollup sum past it.
    return Fail(ErrorCode::kValueOutOfRange,
                "некорректный файл данных: суммы приростов за день (по видео или по всем видео), за час "
                "возраста видео или за час по креатору выходят за диапазон 64-битного целого; ничего не записано",
                "/videos");
  }
}

}  // namespace videobot::db
