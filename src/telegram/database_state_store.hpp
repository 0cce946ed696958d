#pragma once
// The ledger in the bot_state table (name text primary key, value bigint not null):
//   'telegram_offset:<bot id>'             → the offset (smallest update id not handled)
//   'telegram_done:<bot id>:<update id>'    → an update handled above the offset
// Works on PostgreSQL and SQLite. A failed statement drops the connection; the next call opens a
// new one, so the store recovers by itself when the database comes back.

#include <functional>
#include <memory>
#include <set>

#include "db/database.hpp"
#include "telegram/state_store.hpp"

namespace videobot::telegram {

class DatabaseStateStore final : public StateStore {
 public:
  using Opener = std::function<std::unique_ptr<db::Database>()>;

  /// `open` is called lazily, and again after a failure.
  explicit DatabaseStateStore(Opener open);

  /// Throws db::DatabaseError (or another EnvironmentError from `open`).
  LedgerState Load(std::int64_t bot_id) override;
  /// Writes only what changed since the last successful Save. Throws db::DatabaseError.
  void Save(std::int64_t bot_id, const LedgerState& state) override;

 private:
  db::Database& Connection();
  void SaveIncrementally(db::Database& database, std::int64_t bot_id, const LedgerState& state);

  Opener open_;
  std::unique_ptr<db::Database> database_;
  bool synced_ = false;                  ///< persisted_done_ mirrors the table for synced_bot_
  std::int64_t synced_bot_ = 0;
  std::set<std::int64_t> persisted_done_;
};

}  // namespace videobot::telegram
