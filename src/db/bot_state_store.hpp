#pragma once
// The ledger in the bot_state table (name text primary key, value bigint not null):
//   'telegram_offset:<bot id>'             → the offset (smallest update id not handled)
//   'telegram_done:<bot id>:<update id>'    → an update handled above the offset
// Works on PostgreSQL and SQLite. A failed statement drops the connection; the next call opens a
// new one, so the store recovers by itself when the database comes back. The bot sees it only
// through its own StateStore interface (telegram/state_store.hpp), which the CLI adapts.

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <vector>

#include "db/database.hpp"

namespace videobot::db {

/// One bot's update ledger as stored.
struct BotLedger {
  std::int64_t offset = 0;             ///< smallest update id not handled (0: nothing known)
  std::vector<std::int64_t> done_ids;  ///< handled update ids above `offset`, ascending
  friend bool operator==(const BotLedger&, const BotLedger&) = default;
};

/// The ledgers of the bots that share a database, per bot id.
class BotStateStore {
 public:
  using Opener = std::function<std::unique_ptr<Database>()>;

  /// `open` is called lazily, and again after a failure.
  explicit BotStateStore(Opener open);

  /// The last ledger saved for `bot_id` ({} when nothing was saved yet). Throws DatabaseError
  /// (or another EnvironmentError from `open`).
  BotLedger Load(std::int64_t bot_id);
  /// Replaces the saved ledger of `bot_id` atomically, writing only what changed since the last
  /// successful Save. Throws DatabaseError.
  void Save(std::int64_t bot_id, const BotLedger& state);

 private:
  Database& Connection();
  void SaveIncrementally(Database& database, std::int64_t bot_id, const BotLedger& state);

  Opener open_;
  std::unique_ptr<Database> database_;
  bool synced_ = false;  ///< persisted_done_ mirrors the table for synced_bot_
  std::int64_t synced_bot_ = 0;
  std::set<std::int64_t> persisted_done_;
};

}  // namespace videobot::db
