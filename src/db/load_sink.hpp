#pragma once
// Where the loader writes parsed rows: a backend-specific bulk writer working inside the
// loader's transaction (internal). Each backend makes its own (Database::MakeLoadSink).

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "common/time.hpp"
#include "db/database.hpp"
#include "db/load_records.hpp"
#include "db/rollups.hpp"

namespace videobot::db {

class SqliteDatabase;
class PostgresDatabase;

class LoadSink {
 public:
  virtual ~LoadSink() = default;
  /// Queues (or writes) one video and its snapshots. Throws DatabaseError, or InputError
  /// (kLoadMalformed) when the rows contradict what the database already holds.
  virtual void Write(const VideoRecord& video, std::span<const SnapshotRecord> snapshots) = 0;
  /// Writes everything still queued. Same failures as Write.
  virtual void Finish() = 0;
  /// After Finish, still inside the load's transaction: makes the written rows what questions
  /// read. `loaded` are the document's video ids; with `replace`, stored videos absent from them
  /// go. The coverage row records `loaded_at`. Returns how many stored videos a replacing load
  /// removed. Throws DatabaseError, or InputError (kLoadMalformed).
  virtual std::int64_t Complete(const std::vector<std::string_view>& loaded, bool replace, Instant loaded_at) = 0;
  /// After the load's commit: the backend's housekeeping, whose failure is not the load's (the
  /// data is already in place). Never throws. The default does nothing.
  virtual void AfterCommit() {}
};

/// The writer of a backend with transactions (SQLite, PostgreSQL): Complete removes the videos a
/// replacing load drops, rebuilds the rollups the sink did not write itself and the coverage row,
/// all in the load's transaction.
class TransactionalLoadSink : public LoadSink {
 public:
  explicit TransactionalLoadSink(Database& target) : target_(target) {}
  std::int64_t Complete(const std::vector<std::string_view>& loaded, bool replace, Instant loaded_at) override;

 protected:
  /// The rollups this sink wrote itself (known after Finish); Complete computes the others.
  virtual WrittenRollups written_rollups() const { return {}; }

 private:
  Database& target_;
};

/// The SQLite and PostgreSQL writers (defined next to their backends): prepared upserts; COPY
/// into staging tables, then upserts. With `replace`, stored snapshots of a written video that
/// the document does not list for it are removed as well (LoadOptions::replace).
std::unique_ptr<LoadSink> MakeSqliteLoadSink(SqliteDatabase& database, bool replace);
std::unique_ptr<LoadSink> MakePostgresLoadSink(PostgresDatabase& database, bool replace);

}  // namespace videobot::db
