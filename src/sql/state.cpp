#include "sql/state.hpp"

#include <fmt/format.h>

#include "common/metrics.hpp"
#include "sql/catalogue.hpp"

namespace videobot::sql {

std::string StateCounter(plan::Field field, std::string_view moment) {
  return fmt::format("COALESCE((SELECT {} FROM {} WHERE {} = {} AND {} < {} ORDER BY {} DESC LIMIT 1), 0)",
                     catalogue::NumericColumn(plan::Source::kSnapshots, field), catalogue::kSnapshots,
                     catalogue::kSnapshotVideoId, catalogue::kVideoId, catalogue::kMeasuredAt, moment,
                     catalogue::kMeasuredAt);
}

std::string ClickHouseStateCounter(plan::Field field) {
  const std::string_view column = catalogue::NumericColumn(plan::Source::kSnapshots, field);
  return fmt::format("st_{}", column.substr(2));
}

std::string ClickHouseStateJoin(std::string_view moment) {
  std::string columns;
  for (const metrics::Metric& metric : metrics::kAll) {
    columns += fmt::format(", argMax({0}, created_at) AS st_{0}", metric.counter);
  }
  return fmt::format(
      "ANY LEFT JOIN (SELECT video_id AS id{} FROM video_snapshots WHERE created_at < {} GROUP BY video_id)"
      " USING id",
      columns, moment);
}

std::string PublishedBeforeMoment(std::string_view moment) {
  return fmt::format("{} < {}", catalogue::kPublishedAt, moment);
}

}  // namespace videobot::sql
