#pragma once
// Where the update ledger is persisted between runs.

#include <cstdint>

#include "telegram/update_ledger.hpp"

namespace videobot::telegram {

/// Loads and saves the ledger state of one bot (update ids are per bot, so the state is kept
/// per bot id: another token on the same database starts from scratch). Implementations throw
/// EnvironmentError (e.g. db::DatabaseError) when the storage is unavailable; the caller retries.
class StateStore {
 public:
  virtual ~StateStore() = default;
  /// The last state saved for `bot_id` ({} when nothing was saved yet).
  virtual LedgerState Load(std::int64_t bot_id) = 0;
  /// Replaces the saved state of `bot_id` atomically.
  virtual void Save(std::int64_t bot_id, const LedgerState& state) = 0;
};

}  // namespace videobot::telegram
