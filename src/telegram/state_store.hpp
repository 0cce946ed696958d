#pragma once
// Where the update ledger is persisted between runs.

#include "telegram/update_ledger.hpp"

namespace videobot::telegram {

/// Loads and saves the ledger state. Implementations throw EnvironmentError (e.g.
/// db::DatabaseError) when the storage is unavailable; the caller retries.
class StateStore {
 public:
  virtual ~StateStore() = default;
  /// The last saved state ({} when nothing was saved yet).
  virtual LedgerState Load() = 0;
  /// Replaces the saved state atomically.
  virtual void Save(const LedgerState& state) = 0;
};

}  // namespace videobot::telegram
