#pragma once
// The process's metric families, registered once with their fixed names (docs/monitoring.md
// explains each one). Adapters hold a pointer to ProcessMetrics; a null pointer means no metrics.

#include <chrono>
#include <optional>
#include <string_view>

#include "observe/metrics.hpp"

namespace videobot::observe {

class ProcessMetrics {
  // First member: the family references below point into it.
  Registry registry_;

 public:
  /// Registers every family; sets build info and the process start time.
  ProcessMetrics();
  ProcessMetrics(const ProcessMetrics&) = delete;
  ProcessMetrics& operator=(const ProcessMetrics&) = delete;

  Registry& registry() { return registry_; }

  /// One answered question (any outcome) and how long the Answerer took.
  void RecordQuestion(std::string_view outcome, std::string_view planner, std::chrono::duration<double> elapsed);
  /// One Bot API call: `code` is the HTTP status, or "network" when no response arrived.
  void RecordBotApiCall(std::string_view method, std::string_view code);
  /// One HTTP request served: its route ("/v1/ask", "other" …) and status.
  void RecordHttpRequest(std::string_view route, int status);
  /// A successful getUpdates, stamped with the wall clock.
  void MarkGetUpdatesSuccess();
  /// Seconds since the epoch of the last successful getUpdates, or nullopt when none yet.
  std::optional<double> LastGetUpdatesSuccess() const;

  Counter& questions;               ///< videobot_questions_total{outcome,planner}
  Histogram& answer_duration;       ///< videobot_answer_duration_seconds
  Counter& bot_api_requests;        ///< videobot_bot_api_requests_total{method,code}
  Histogram& db_query_duration;     ///< videobot_db_query_duration_seconds
  Counter& http_requests;           ///< videobot_http_requests_total{route,code}
  Gauge& data_videos;               ///< videobot_data_videos
  Gauge& data_snapshots;            ///< videobot_data_snapshots
  Gauge& data_last_load;            ///< videobot_data_last_load_timestamp_seconds
  Gauge& database_up;               ///< videobot_database_up
  Gauge& build_info;                ///< videobot_build_info{version}
  Gauge& last_get_updates_success;  ///< videobot_last_get_updates_success_timestamp_seconds
  Gauge& start_time;                ///< process_start_time_seconds
};

/// Seconds since the Unix epoch, from the system clock.
double WallClockSeconds();

}  // namespace videobot::observe
