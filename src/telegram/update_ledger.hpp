#pragma once
// Which updates are fetched, in progress and done, and hence the offset to confirm and persist.
//
// Telegram forgets every update below the offset of a getUpdates call, so the offset sent to it
// (and persisted) is the smallest update id not yet fully handled: an update in progress is
// fetched again by every poll until its reply is sent (the ledger filters these repeats out),
// and a crash re-fetches it. Updates finished above that offset are remembered as "done" (and
// persisted with it), so a restart does not answer them twice.
//
// Not thread-safe: the bot guards it with its own mutex.

#include <cstdint>
#include <map>
#include <vector>

#include "telegram/bot_api_types.hpp"

namespace videobot::telegram {

/// The persisted part of the ledger.
struct LedgerState {
  std::int64_t offset = 0;             ///< smallest update id not handled (0: nothing known)
  std::vector<std::int64_t> done_ids;  ///< handled update ids above `offset`, ascending
  friend bool operator==(const LedgerState&, const LedgerState&) = default;
};

class UpdateLedger {
 public:
  /// Starts from a persisted state (or from nothing).
  explicit UpdateLedger(const LedgerState& restored = {});

  /// Takes a getUpdates batch (ascending ids, as Telegram sends them) and returns the updates that
  /// are new: not in progress, not done, not below the offset. The returned ones are now in progress.
  std::vector<Update> Admit(std::vector<Update> batch);

  /// Marks an update in progress as done (its reply was sent, or it needed none).
  void Complete(std::int64_t update_id);

  /// The offset to pass to getUpdates and to persist: the smallest id in progress, else the id
  /// after the last one seen, else the restored offset.
  std::int64_t Offset() const;

  /// Number of updates in progress.
  std::size_t InProgress() const { return in_progress_; }

  /// The state to persist.
  LedgerState Snapshot() const;

 private:
  void Prune();

  std::int64_t seen_until_ = 0;           ///< every id below this was seen (or confirmed before)
  std::map<std::int64_t, bool> entries_;  ///< ids >= Offset(): true = done, false = in progress
  std::size_t in_progress_ = 0;
};

}  // namespace videobot::telegram
