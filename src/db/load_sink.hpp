#pragma once
// Where the loader writes parsed rows: a backend-specific bulk writer working inside the
// loader's transaction (internal).

#include <memory>
#include <span>

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
  /// The rollups this sink wrote itself (after Finish); the loader computes the others.
  virtual WrittenRollups written_rollups() const { return {}; }
};

/// The bulk writer for `database` (SQLite: prepared upserts; PostgreSQL: COPY into staging
/// tables, then upserts). Must be called inside an open transaction. With `replace`, stored
/// snapshots of a written video that the document does not list for it are removed as well
/// (LoadOptions::replace). Throws DatabaseError.
std::unique_ptr<LoadSink> MakeLoadSink(Database& database, bool replace = false);

/// The SQLite and PostgreSQL writers (defined next to their backends).
std::unique_ptr<LoadSink> MakeSqliteLoadSink(SqliteDatabase& database, bool replace);
std::unique_ptr<LoadSink> MakePostgresLoadSink(PostgresDatabase& database, bool replace);

}  // namespace videobot::db
