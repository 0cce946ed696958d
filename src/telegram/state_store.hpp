#pragma once
// Where the update ledger is persisted between runs.

#include <cstdint>

#include "common/error.hpp"

#include "telegram/update_ledger.hpp"

namespace videobot::telegram {

/// Thrown by a StateStore whose storage is busy with another writer (a load holding the
/// database's write lock past the busy timeout): the save is deferred, not failed, and is warned
/// about only when it lasts (StatePersister::kBusyWarnAfter).
class StateStoreBusy : public EnvironmentError {
 public:
  using EnvironmentError::EnvironmentError;
};

/// Loads and saves the ledger state of one bot (update ids are per bot, so the state is kept
/// per bot id: another token on the same database starts from scratch). Implementations throw
/// EnvironmentError when the storage is unavailable (StateStoreBusy when it is busy); the caller
/// retries.
class StateStore {
 public:
  virtual ~StateStore() = default;
  /// The last state saved for `bot_id` ({} when nothing was saved yet).
  virtual LedgerState Load(std::int64_t bot_id) = 0;
  /// Replaces the saved state of `bot_id` atomically.
  virtual void Save(std::int64_t bot_id, const LedgerState& state) = 0;
};

}  // namespace videobot::telegram
