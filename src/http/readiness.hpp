#pragma once
// Readiness: can this process answer questions right now? DatabaseProbe answers for the
// database (it answers, it has a schema, data is loaded) and keeps the data gauges up to date.

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "db/database.hpp"
#include "observe/process_metrics.hpp"

namespace videobot::http {

/// The verdict of a readiness check; `reason` is short English for operators (no driver text).
struct Readiness {
  bool ready = false;
  std::string reason;
};

/// Reads the coverage row on a connection of its own (opened on first use, reopened after a
/// failure) and sets videobot_data_* and videobot_database_up. Thread-safe.
class DatabaseProbe {
 public:
  using Opener = std::function<std::unique_ptr<db::Database>()>;

  /// `open` opens the existing database (throws db::DatabaseError / NotInitialisedError);
  /// `metrics` may be null. Each read is limited by `statement_timeout`.
  DatabaseProbe(Opener open, std::shared_ptr<observe::ProcessMetrics> metrics,
                std::chrono::milliseconds statement_timeout = std::chrono::seconds(2));

  /// Ready when the coverage row reads and says data is loaded. Never throws.
  Readiness Check();

 private:
  Readiness CheckLocked();

  Opener open_;
  std::shared_ptr<observe::ProcessMetrics> metrics_;
  std::chrono::milliseconds statement_timeout_;
  std::mutex mutex_;
  std::unique_ptr<db::Database> database_;
};

}  // namespace videobot::http
