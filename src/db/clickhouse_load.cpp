#include "db/clickhouse_load.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/error.hpp"
#include "db/clickhouse_literal.hpp"
#include "db/clickhouse_migrations.hpp"
#include "db/table_columns.hpp"

namespace videobot::db {
namespace {

// Rows are sent in requests of about this many bytes (about 200,000 snapshots), so memory stays
// flat whatever the file's size. The buffer is reserved once: growing it by doubling would hold
// the old and the new copy at once.
constexpr std::size_t kBatchBytes = std::size_t{32} << 20;
// Room past the threshold for the video that crosses it (its snapshots are appended whole).
constexpr std::size_t kBatchSlack = std::size_t{4} << 20;

// ClickHouse's snapshots carry their video's creator and publication time.
const std::string& SnapshotColumns() {
  static const std::string columns =
      WithMetricColumns("id, video_id, creator_id, video_created_at, {counters}, {deltas}, created_at, updated_at");
  return columns;
}

void AppendField(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
}

void AppendNumber(std::string& out, std::int64_t value) { fmt::format_to(std::back_inserter(out), "\t{}", value); }

// One tab-led field per metric in catalogue order.
void AppendCounters(std::string& out, const Counters& counters) {
  for (const std::int64_t value : counters) AppendNumber(out, value);
}

// The video's creator and publication time, each tab-led: its row and its snapshots' rows carry
// them.
void AppendCreatorAndPublication(std::string& out, const VideoRecord& video) {
  out += '\t';
  AppendField(out, video.creator_id);
  AppendNumber(out, video.video_created_at);
}

// A row's last fields, when its record was created and last updated, and the end of the line.
void EndRow(std::string& out, Instant created_at, Instant updated_at) {
  AppendNumber(out, created_at);
  AppendNumber(out, updated_at);
  out += '\n';
}

// One line of videos (the columns of its table, in order).
void AppendVideoRow(std::string& out, const VideoRecord& video) {
  AppendField(out, video.id);
  AppendCreatorAndPublication(out, video);
  AppendCounters(out, video.counters);
  EndRow(out, video.created_at, video.updated_at);
}

// One line of video_snapshots (SnapshotColumns order).
void AppendSnapshotRow(std::string& out, const VideoRecord& video, const SnapshotRecord& snapshot) {
  AppendField(out, snapshot.id);
  out += '\t';
  AppendField(out, video.id);
  AppendCreatorAndPublication(out, video);
  AppendCounters(out, snapshot.counters);
  AppendCounters(out, snapshot.deltas);
  EndRow(out, snapshot.created_at, snapshot.updated_at);
}

std::int64_t IntOrZero(const Value& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
  return 0;
}

std::optional<std::int64_t> IntOrNull(const Value& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
  return std::nullopt;
}

std::string Nullable(const std::optional<std::int64_t>& value) { return value ? std::to_string(*value) : "NULL"; }

// Totals over every host of what the next tables hold.
struct CoverageTotals {
  std::int64_t videos = 0;
  std::int64_t snapshots = 0;
  std::optional<std::int64_t> first_measured, last_measured, first_published, last_published;

  void Merge(const Row& videos_row, const Row& snapshots_row) {
    videos += IntOrZero(videos_row.at(0));
    snapshots += IntOrZero(snapshots_row.at(0));
    MergeMin(first_published, IntOrNull(videos_row.at(1)));
    MergeMax(last_published, IntOrNull(videos_row.at(2)));
    MergeMin(first_measured, IntOrNull(snapshots_row.at(1)));
    MergeMax(last_measured, IntOrNull(snapshots_row.at(2)));
  }
  static void MergeMin(std::optional<std::int64_t>& into, std::optional<std::int64_t> value) {
    if (value && (!into || *value < *into)) into = value;
  }
  static void MergeMax(std::optional<std::int64_t>& into, std::optional<std::int64_t> value) {
    if (value && (!into || *value > *into)) into = value;
  }
};

class Sink final : public LoadSink {
 public:
  explicit Sink(ClickHouseDatabase& database) : database_(database) {
    Reserve();
    for (std::size_t host = 0; host < database_.hosts().size(); ++host) {
      DropWorkTables(host);
      Create(host, "videos_staging", "videos", "cityHash64(id)");
      Create(host, "video_snapshots_staging", "video_snapshots", "cityHash64(video_id)");
    }
  }

  ~Sink() override {
    if (switched_) return;
    // A failed load: its staging rows are not needed (the next load drops them anyway).
    for (std::size_t host = 0; host < database_.hosts().size(); ++host) {
      try {
        DropWorkTables(host);
      } catch (const std::exception&) {
        // Left for the next load to drop.
      }
    }
  }
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;

  void Write(const VideoRecord& video, std::span<const SnapshotRecord> snapshots) override {
    AppendVideoRow(videos_, video);
    for (const auto& snapshot : snapshots) AppendSnapshotRow(snapshots_, video, snapshot);
    if (videos_.size() + snapshots_.size() >= kBatchBytes) Flush();
  }

  void Finish() override { Flush(); }

  // The staged rows are switched in at once: ClickHouse has no transactions. The ids are not
  // needed: the staging tables hold exactly the document's videos.
  std::int64_t Complete(const std::vector<std::string_view>& loaded, bool replace, Instant loaded_at) override {
    static_cast<void>(loaded);
    Flush();
    RefuseMovedSnapshots(replace);
    std::int64_t removed = 0;
    CoverageTotals totals;
    for (std::size_t host = 0; host < database_.hosts().size(); ++host) {
      BuildNext(host, replace);
      if (replace) removed += CountRemoved(host);
      totals.Merge(One(host,
                       "SELECT count(), if(count() = 0, NULL, min(video_created_at)), if(count() = 0, NULL, "
                       "max(video_created_at)) FROM " +
                           Local("videos_next")),
                   One(host,
                       "SELECT count(), if(count() = 0, NULL, min(created_at)), if(count() = 0, NULL, max(created_at))"
                       " FROM " +
                           Local("video_snapshots_next")));
    }
    for (std::size_t host = 0; host < database_.hosts().size(); ++host) WriteCoverage(host, totals, loaded_at);
    for (std::size_t host = 0; host < database_.hosts().size(); ++host) Rename(host);
    switched_ = true;
    for (std::size_t host = 0; host < database_.hosts().size(); ++host) DropWorkTables(host);
    return removed;
  }

 private:
  std::string Local(std::string_view table) const { return LocalTable(database_, table); }

  void Run(std::size_t host, const std::string& statement) { database_.ExecuteOn(host, statement); }

  Row One(std::size_t host, const std::string& query) {
    auto rows = database_.QueryOn(host, query);
    if (rows.size() != 1) throw DatabaseError("ClickHouse: an unexpected answer while switching a load in");
    return std::move(rows[0]);
  }

  // The local table `name` shaped like `like`, and on a cluster its Distributed table.
  void Create(std::size_t host, std::string_view name, std::string_view like, std::string_view key) {
    Run(host, fmt::format("CREATE TABLE {} AS {}", Local(name), Local(like)));
    if (database_.is_cluster()) {
      Run(host, fmt::format("CREATE TABLE {0} AS {0}_local ENGINE = Distributed({1}, {2}, {0}_local, {3})", name,
                            database_.cluster(), database_.database(), key));
    }
  }

  void DropWorkTables(std::size_t host) {
    for (const std::string_view name : {"videos_staging", "video_snapshots_staging"}) {
      if (database_.is_cluster()) Run(host, fmt::format("DROP TABLE IF EXISTS {}", name));
      Run(host, fmt::format("DROP TABLE IF EXISTS {}", Local(name)));
    }
    for (const std::string_view name : {"videos_next", "video_snapshots_next", "videos_old", "video_snapshots_old"}) {
      Run(host, fmt::format("DROP TABLE IF EXISTS {}", Local(name)));
    }
    Run(host, "DROP TABLE IF EXISTS data_coverage_next");
    Run(host, "DROP TABLE IF EXISTS data_coverage_old");
  }

  void Flush() {
    database_.InsertTabSeparated("videos_staging", std::move(videos_));
    database_.InsertTabSeparated("video_snapshots_staging", std::move(snapshots_));
    videos_.clear();
    snapshots_.clear();
    Reserve();
  }

  void Reserve() {
    videos_.reserve(kBatchBytes / 16);
    snapshots_.reserve(kBatchBytes + kBatchSlack);
  }

  // A snapshot id stored for one video and listed in the file under another is refused, as on
  // SQLite and PostgreSQL (whose upserts never move a snapshot between videos): the load fails
  // and the stored answers stay. A replacing load first drops the stored snapshots of the file's
  // videos, so there only a snapshot of a video the file does not list counts. On a cluster the
  // stored and the staged copy may sit on different shards (both are sharded by the video id): the
  // staged ids are sent to every shard (GLOBAL IN). The sets hold 64-bit hashes of the staged ids
  // and videos (24 bytes a snapshot, not the ids' text), and each candidate they let through is
  // checked against the staged row itself, so a hash collision cannot refuse a valid file.
  void RefuseMovedSnapshots(bool replace) {
    if (IntOrZero(database_.Query(sql::Query{"SELECT count() FROM video_snapshots", {}}).at(0).at(0)) == 0) return;
    const std::string_view global = database_.is_cluster() ? "GLOBAL " : "";
    std::string query = fmt::format(
        "SELECT id, video_id FROM video_snapshots WHERE cityHash64(id) {0}IN (SELECT cityHash64(id) FROM"
        " video_snapshots_staging) AND (cityHash64(id), cityHash64(video_id)) {0}NOT IN (SELECT cityHash64(id),"
        " cityHash64(video_id) FROM video_snapshots_staging)",
        global);
    if (replace) query += fmt::format(" AND video_id {}NOT IN (SELECT id FROM videos_staging)", global);
    for (const Row& candidate : database_.Query(sql::Query{query + " LIMIT 16", {}})) {
      const std::string id = Text(candidate.at(0)), stored_video = Text(candidate.at(1));
      const auto staged = database_.Query(sql::Query{
          "SELECT video_id FROM video_snapshots_staging WHERE id = ?1 AND video_id != ?2 LIMIT 1", {id, stored_video}});
      if (staged.empty()) continue;
      throw InputError(Error{ErrorCode::kLoadMalformed, "/videos",
                             fmt::format("некорректный файл данных: замер «{}» видео «{}» уже записан для видео «{}»",
                                         id, Text(staged.at(0).at(0)), stored_video)});
    }
  }

  static std::string Text(const Value& value) {
    const auto* text = std::get_if<std::string>(&value);
    return text != nullptr ? *text : std::string();
  }

  // The next tables of one host: the staged rows, plus (an upsert) the stored rows the document
  // does not replace, their video columns taken from the document's version of the video.
  void BuildNext(std::size_t host, bool replace) {
    const std::string videos = Local("videos"), snapshots = Local("video_snapshots");
    const std::string staged_videos = Local("videos_staging"), staged_snapshots = Local("video_snapshots_staging");
    Run(host, fmt::format("CREATE TABLE {} AS {}", Local("videos_next"), videos));
    Run(host, fmt::format("CREATE TABLE {} AS {}", Local("video_snapshots_next"), snapshots));
    Run(host, fmt::format("INSERT INTO {} SELECT * FROM {}", Local("videos_next"), staged_videos));
    Run(host, fmt::format("INSERT INTO {} SELECT * FROM {}", Local("video_snapshots_next"), staged_snapshots));
    if (replace) return;
    Run(host, fmt::format("INSERT INTO {} SELECT * FROM {} WHERE id NOT IN (SELECT id FROM {})", Local("videos_next"),
                          videos, staged_videos));
    Run(host,
        fmt::format("INSERT INTO {0} ({1}) SELECT id, video_id, if(relisted = 1, new_creator_id, creator_id),"
                    " if(relisted = 1, new_video_created_at, video_created_at), {5}, created_at, updated_at"
                    " FROM {2} ANY LEFT JOIN (SELECT id AS video_id,"
                    " creator_id AS new_creator_id, video_created_at AS new_video_created_at, toUInt8(1) AS relisted"
                    " FROM {3}) USING video_id WHERE id NOT IN (SELECT id FROM {4})",
                    Local("video_snapshots_next"), SnapshotColumns(), snapshots, staged_videos, staged_snapshots,
                    WithMetricColumns("{counters}, {deltas}")));
  }

  std::int64_t CountRemoved(std::size_t host) {
    return IntOrZero(One(host, fmt::format("SELECT count() FROM {} WHERE id NOT IN (SELECT id FROM {})",
                                           Local("videos"), Local("videos_staging")))
                         .at(0));
  }

  void WriteCoverage(std::size_t host, const CoverageTotals& totals, Instant loaded_at) {
    Run(host, "CREATE TABLE data_coverage_next AS data_coverage");
    Run(host, fmt::format("INSERT INTO data_coverage_next VALUES (1, {}, {}, {}, {}, {}, {}, {})", totals.videos,
                          totals.snapshots, Nullable(totals.first_measured), Nullable(totals.last_measured),
                          Nullable(totals.first_published), Nullable(totals.last_published), loaded_at));
  }

  // One RENAME per host swaps the three tables under the server's lock.
  void Rename(std::size_t host) {
    Run(host, fmt::format("RENAME TABLE {0} TO {1}, {2} TO {0}, {3} TO {4}, {5} TO {3},"
                          " data_coverage TO data_coverage_old, data_coverage_next TO data_coverage",
                          Local("videos"), Local("videos_old"), Local("videos_next"), Local("video_snapshots"),
                          Local("video_snapshots_old"), Local("video_snapshots_next")));
  }

  ClickHouseDatabase& database_;
  std::string videos_;
  std::string snapshots_;
  bool switched_ = false;
};

}  // namespace

std::unique_ptr<LoadSink> MakeClickHouseLoadSink(ClickHouseDatabase& database) {
  return std::make_unique<Sink>(database);
}

std::unique_ptr<LoadSink> ClickHouseDatabase::MakeLoadSink(bool replace) {
  static_cast<void>(replace);  // applied by the switch (LoadSink::Complete)
  return MakeClickHouseLoadSink(*this);
}

}  // namespace videobot::db
