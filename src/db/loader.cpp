#include "db/loader.hpp"

#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "db/load_sink.hpp"
#include "db/video_parser.hpp"
#include "db/video_stream.hpp"

namespace videobot::db {
namespace {

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
  // Declared after the guard: a failed load's writer ends its work before the rollback.
  const std::unique_ptr<LoadSink> sink = database.MakeLoadSink(options.replace);
  {
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
                        std::to_string(stream.object_offset()) + ": id «" + it->first + "» уже встречался у видео " +
                        std::to_string(it->second),
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
    std::vector<std::string_view> loaded;
    loaded.reserve(seen.size());
    for (const auto& entry : seen) loaded.push_back(entry.first);
    if (progress) progress(LoadProgress{LoadPhase::kRollups, stream.bytes_consumed(), stats.videos, stats.snapshots});
    // Removal, rollups and coverage, or ClickHouse's switch of its staged tables (load_sink.hpp).
    stats.removed_videos = sink->Complete(loaded, options.replace, SystemClock().Now());
    stats.bytes = stream.bytes_consumed();
  }
  transaction.Commit();
  sink->AfterCommit();
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
