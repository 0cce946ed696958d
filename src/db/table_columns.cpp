#include "db/table_columns.hpp"

#include <fmt/format.h>

#include "common/metrics.hpp"

namespace videobot::db {

std::string WithMetricColumns(std::string_view pattern) {
  return fmt::format(fmt::runtime(pattern), fmt::arg("counters", metrics::Each("{counter}")),
                     fmt::arg("deltas", metrics::Each("{delta}")));
}

const std::string& VideoColumns() {
  static const std::string columns =
      WithMetricColumns("id, creator_id, video_created_at, {counters}, created_at, updated_at");
  return columns;
}

const std::string& SnapshotColumns() {
  static const std::string columns = WithMetricColumns("id, video_id, {counters}, {deltas}, created_at, updated_at");
  return columns;
}

std::string AssignFromExcluded(std::string_view columns, std::size_t skip) {
  std::string out;
  std::size_t index = 0;
  while (!columns.empty()) {
    const std::size_t comma = columns.find(',');
    std::string_view column = columns.substr(0, comma);
    columns = comma == std::string_view::npos ? std::string_view() : columns.substr(comma + 1);
    while (!column.empty() && column.front() == ' ') column.remove_prefix(1);
    if (index++ < skip) continue;
    if (!out.empty()) out += ", ";
    out += fmt::format("{0} = EXCLUDED.{0}", column);
  }
  return out;
}

const std::string& RollupAggregates() {
  static const std::string aggregates = "count(*), " + metrics::Each("sum(s.{delta})") + ", " +
                                        metrics::Each("count(*) FILTER (WHERE s.{delta} > 0)") + ", " +
                                        metrics::Each("count(*) FILTER (WHERE s.{delta} < 0)");
  return aggregates;
}

const std::string& RollupTotalsOfRows() {
  static const std::string totals = "sum(snapshots), " + metrics::Each("sum({delta})") + ", " +
                                    metrics::Each("sum(positive_{name})") + ", " +
                                    metrics::Each("sum(negative_{name})") + ", count(*), " +
                                    metrics::Each("count(*) FILTER (WHERE positive_{name} > 0)") + ", " +
                                    metrics::Each("count(*) FILTER (WHERE negative_{name} > 0)");
  return totals;
}

}  // namespace videobot::db
