#pragma once
// The bot's ledger kept in the database's bot_state table: db::BotStateStore behind the bot's
// StateStore interface. A database locked by another writer past its busy timeout is reported to
// the bot as a busy store, so the bot defers the save instead of warning.

#include <cstdint>

#include "db/bot_state_store.hpp"
#include "telegram/state_store.hpp"

namespace videobot::app {

class DatabaseStateStore final : public telegram::StateStore {
 public:
  /// `open` is called lazily, and again after a failure (db::BotStateStore).
  explicit DatabaseStateStore(db::BotStateStore::Opener open);

  /// Throws db::DatabaseError (or another EnvironmentError from the opener).
  telegram::LedgerState Load(std::int64_t bot_id) override;
  /// Throws telegram::StateStoreBusy when the database stays locked (db::DatabaseBusyError),
  /// db::DatabaseError for other failures.
  void Save(std::int64_t bot_id, const telegram::LedgerState& state) override;

 private:
  db::BotStateStore store_;
};

}  // namespace videobot::app
