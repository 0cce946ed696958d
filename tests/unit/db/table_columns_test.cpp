// The loader's column lists come from the metric catalogue, in the tables' column order.
#include <gtest/gtest.h>

#include <algorithm>

#include "common/metrics.hpp"
#include "db/table_columns.hpp"

namespace videobot::db {
namespace {

TEST(MetricCatalogue, EachWritesThePatternOncePerMetricInColumnOrder) {
  EXPECT_EQ(metrics::Each("{counter}"), "views_count, likes_count, comments_count, reports_count");
  EXPECT_EQ(metrics::Each("positive_{name}", " + "),
            "positive_views + positive_likes + positive_comments + positive_reports");
  EXPECT_EQ(metrics::Each("s.{delta}"),
            "s.delta_views_count, s.delta_likes_count, s.delta_comments_count, "
            "s.delta_reports_count");
}

TEST(TableColumns, VideosAndSnapshotsListTheirMetricColumnsBetweenTheFixedOnes) {
  EXPECT_EQ(VideoColumns(),
            "id, creator_id, video_created_at, views_count, likes_count, comments_count, reports_count, created_at, "
            "updated_at");
  EXPECT_EQ(SnapshotColumns(),
            "id, video_id, views_count, likes_count, comments_count, reports_count, delta_views_count, "
            "delta_likes_count, delta_comments_count, delta_reports_count, created_at, updated_at");
}

TEST(TableColumns, AssignmentsSkipTheKeyColumns) {
  EXPECT_EQ(AssignFromExcluded("id, video_id, views_count, created_at", 2),
            "views_count = EXCLUDED.views_count, created_at = EXCLUDED.created_at");
  EXPECT_EQ(AssignFromExcluded("id", 1), "");
}

TEST(TableColumns, RollupAggregatesCountSumAndSignPerMetric) {
  const std::string& aggregates = RollupAggregates();
  EXPECT_EQ(aggregates.rfind("count(*), sum(s.delta_views_count), ", 0), 0u);
  EXPECT_NE(aggregates.find("count(*) FILTER (WHERE s.delta_reports_count < 0)"), std::string::npos);
  // count(*), then three aggregates per metric.
  EXPECT_EQ(std::count(aggregates.begin(), aggregates.end(), ','), static_cast<long>(3 * metrics::kAll.size()));
}

}  // namespace
}  // namespace videobot::db
