#include "telegram/state_persister.hpp"

#include <spdlog/logger.h>

#include "common/error.hpp"
#include "telegram/backoff.hpp"

namespace videobot::telegram {

StatePersister::StatePersister(StateStore& store, std::int64_t bot_id, std::shared_ptr<spdlog::logger> logger,
                               std::chrono::milliseconds retry_initial, std::chrono::milliseconds retry_max,
                               std::chrono::milliseconds busy_warn_after)
    : store_(store),
      bot_id_(bot_id),
      logger_(std::move(logger)),
      retry_initial_(retry_initial),
      retry_max_(retry_max),
      busy_warn_after_(busy_warn_after),
      thread_([this] { Run(); }) {}

StatePersister::~StatePersister() {
  if (thread_.joinable()) Flush(Clock::now());
}

void StatePersister::Submit(LedgerState state) {
  {
    std::lock_guard lock(mutex_);
    pending_ = std::move(state);
  }
  cv_.notify_all();
}

void StatePersister::AssumeSaved(LedgerState state) {
  std::lock_guard lock(mutex_);
  saved_ = std::move(state);
}

bool StatePersister::Flush(Clock::time_point deadline) {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    deadline_ = deadline;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mutex_);
  return !pending_.has_value();
}

void StatePersister::ReportFailure(const EnvironmentError& error, bool busy, FailureStreak& streak) {
  if (streak.warned) return;
  if (busy && Clock::now() - streak.since < busy_warn_after_) {
    // A load holds the database; the state stays in memory and is saved when the load ends.
    if (!streak.deferred_logged)
      logger_->info("event=state_save_deferred reason=database_busy error=\"{}\"", error.what());
    streak.deferred_logged = true;
    return;
  }
  logger_->warn("event=state_save_failed error=\"{}\"", error.what());
  streak.warned = true;
}

void StatePersister::Run() {
  Backoff backoff(retry_initial_, retry_max_);
  bool failing = false;
  FailureStreak streak;
  std::unique_lock lock(mutex_);
  while (true) {
    cv_.wait(lock, [this] { return pending_.has_value() || stopping_; });
    if (!pending_) return;  // stopping with nothing left to save
    if (pending_ == saved_) {
      pending_.reset();
      continue;
    }
    const LedgerState state = *pending_;
    lock.unlock();
    bool ok = false;
    try {
      store_.Save(bot_id_, state);
      ok = true;
    } catch (const EnvironmentError& error) {
      if (!failing) streak = FailureStreak{Clock::now()};
      failing = true;
      ReportFailure(error, dynamic_cast<const StateStoreBusy*>(&error) != nullptr, streak);
    }
    lock.lock();
    if (ok) {
      if (streak.warned || streak.deferred_logged) {
        logger_->info("event=state_saved offset={} (storage is back)", state.offset);
      }
      failing = false;
      streak = FailureStreak{};
      backoff.Reset();
      saved_ = state;
      if (pending_ == state) pending_.reset();
      continue;
    }
    if (stopping_ && Clock::now() >= deadline_) return;
    const auto retry_at = std::min(Clock::now() + backoff.Next(), stopping_ ? deadline_ : Clock::time_point::max());
    // Wait out the backoff; a shutdown shortens it to the deadline.
    cv_.wait_until(lock, retry_at, [this, retry_at] { return stopping_ && deadline_ < retry_at; });
  }
}

}  // namespace videobot::telegram
