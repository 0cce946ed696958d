#include "http/readiness.hpp"

#include "db/coverage.hpp"

namespace videobot::http {

DatabaseProbe::DatabaseProbe(Opener open, std::shared_ptr<observe::ProcessMetrics> metrics,
                             std::chrono::milliseconds statement_timeout)
    : open_(std::move(open)), metrics_(std::move(metrics)), statement_timeout_(statement_timeout) {}

Readiness DatabaseProbe::Check() {
  std::lock_guard lock(mutex_);
  Readiness readiness = CheckLocked();
  if (!readiness.ready && readiness.reason != "no data loaded") database_.reset();
  return readiness;
}

Readiness DatabaseProbe::CheckLocked() {
  db::Coverage coverage;
  try {
    if (!database_) {
      database_ = open_();
      database_->SetStatementTimeout(statement_timeout_);
    }
    coverage = db::ReadCoverage(*database_);
  } catch (const db::NotInitialisedError&) {
    if (metrics_) metrics_->database_up.Set(0);
    return {false, "database not initialised (run videobot load FILE)"};
  } catch (const std::exception&) {
    if (metrics_) metrics_->database_up.Set(0);
    return {false, "database unavailable"};
  }
  if (metrics_) {
    metrics_->database_up.Set(1);
    metrics_->data_videos.Set(static_cast<double>(coverage.videos));
    metrics_->data_snapshots.Set(static_cast<double>(coverage.snapshots));
    if (coverage.loaded_at) {
      metrics_->data_last_load.Set(static_cast<double>(*coverage.loaded_at) / 1e6);  // Instant: µs
    }
  }
  if (coverage.Empty()) return {false, "no data loaded"};
  return {true, "ok"};
}

}  // namespace videobot::http
