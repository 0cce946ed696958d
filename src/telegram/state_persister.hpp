#pragma once
// Saves the ledger state in the background: the newest submitted state wins, a failed save is
// retried with backoff (the database may be down), and the bot keeps serving meanwhile. A save
// that fails because the database is busy (SQLite locked by a load past its busy timeout) is
// logged as deferred and warned about only when the database stays busy past a limit.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <spdlog/fwd.h>

#include "common/error.hpp"
#include "telegram/state_store.hpp"

namespace videobot::telegram {

class StatePersister {
 public:
  using Clock = std::chrono::steady_clock;

  /// How long saves may keep failing with StateStoreBusy before a warning: longer than a
  /// daily load of a large file takes.
  static constexpr std::chrono::milliseconds kBusyWarnAfter = std::chrono::minutes(15);

  /// Saves the state of `bot_id` into `store`, which must outlive the persister. The thread
  /// starts at once. Other failures than a busy database are warned about at once.
  StatePersister(StateStore& store, std::int64_t bot_id, std::shared_ptr<spdlog::logger> logger,
                 std::chrono::milliseconds retry_initial = std::chrono::milliseconds(200),
                 std::chrono::milliseconds retry_max = std::chrono::seconds(5),
                 std::chrono::milliseconds busy_warn_after = kBusyWarnAfter);
  ~StatePersister();
  StatePersister(const StatePersister&) = delete;
  StatePersister& operator=(const StatePersister&) = delete;

  /// Marks `state` as the one to save next (replacing any state not saved yet).
  void Submit(LedgerState state);

  /// Records what the store holds already (the state loaded at start).
  void AssumeSaved(LedgerState state);

  /// Saves the newest state, retrying until `deadline`, then stops the thread. True when the
  /// newest submitted state is saved.
  bool Flush(Clock::time_point deadline);

 private:
  void Run();
  // What has been logged about the current streak of failed saves.
  struct FailureStreak {
    Clock::time_point since{};
    bool deferred_logged = false;
    bool warned = false;
  };
  // Logs one failed save of `streak`: a busy database is logged once as deferred until it has
  // been busy for busy_warn_after_; any failure is warned about once per streak.
  void ReportFailure(const EnvironmentError& error, bool busy, FailureStreak& streak);

  StateStore& store_;
  std::int64_t bot_id_;
  std::shared_ptr<spdlog::logger> logger_;
  std::chrono::milliseconds retry_initial_;
  std::chrono::milliseconds retry_max_;
  std::chrono::milliseconds busy_warn_after_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::optional<LedgerState> pending_;
  std::optional<LedgerState> saved_;
  bool stopping_ = false;
  Clock::time_point deadline_ = Clock::time_point::max();
  std::thread thread_;
};

}  // namespace videobot::telegram
