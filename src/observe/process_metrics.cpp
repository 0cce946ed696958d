#include "observe/process_metrics.hpp"

#include "common/version.hpp"

namespace videobot::observe {

double WallClockSeconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

ProcessMetrics::ProcessMetrics()
    : questions(registry_.AddCounter("videobot_questions_total",
                                     "Questions answered, by outcome code and by the plan source that answered.",
                                     {"outcome", "planner"})),
      answer_duration(registry_.AddHistogram("videobot_answer_duration_seconds",
                                             "Time from a question to its reply text (planning and the query).",
                                             LatencyBuckets())),
      bot_api_requests(registry_.AddCounter("videobot_bot_api_requests_total",
                                            "Telegram Bot API calls by method and HTTP status (network: no response).",
                                            {"method", "code"})),
      db_query_duration(registry_.AddHistogram("videobot_db_query_duration_seconds",
                                               "Time the database took to run the query of one question.",
                                               LatencyBuckets())),
      http_requests(registry_.AddCounter("videobot_http_requests_total",
                                         "Requests to the HTTP endpoints by route and status.", {"route", "code"})),
      data_videos(registry_.AddGauge("videobot_data_videos", "Videos in the database (read at scrape time).")),
      data_snapshots(registry_.AddGauge("videobot_data_snapshots", "Snapshots in the database (read at scrape time).")),
      data_last_load(registry_.AddGauge("videobot_data_last_load_timestamp_seconds",
                                        "When the last data load committed, seconds since the epoch.")),
      database_up(registry_.AddGauge("videobot_database_up",
                                     "1 when the database answered the last scrape's coverage read, 0 otherwise.")),
      build_info(registry_.AddGauge("videobot_build_info", "Always 1; the version is a label.", {"version"})),
      last_get_updates_success(
          registry_.AddGauge("videobot_last_get_updates_success_timestamp_seconds",
                             "When getUpdates last succeeded, seconds since the epoch (bot mode).")),
      start_time(registry_.AddGauge("process_start_time_seconds", "Start time of the process since the epoch.")) {
  build_info.Set(1, {std::string(kVersion)});
  start_time.Set(WallClockSeconds());
}

void ProcessMetrics::RecordQuestion(std::string_view outcome, std::string_view planner,
                                    std::chrono::duration<double> elapsed) {
  questions.Increment({std::string(outcome.empty() ? "-" : outcome), std::string(planner.empty() ? "-" : planner)});
  answer_duration.Observe(elapsed.count());
}

void ProcessMetrics::RecordBotApiCall(std::string_view method, std::string_view code) {
  bot_api_requests.Increment({std::string(method), std::string(code)});
}

void ProcessMetrics::RecordHttpRequest(std::string_view route, int status) {
  http_requests.Increment({std::string(route), std::to_string(status)});
}

void ProcessMetrics::MarkGetUpdatesSuccess() { last_get_updates_success.Set(WallClockSeconds()); }

std::optional<double> ProcessMetrics::LastGetUpdatesSuccess() const {
  if (!last_get_updates_success.Has()) return std::nullopt;
  return last_get_updates_success.Value();
}

}  // namespace videobot::observe
