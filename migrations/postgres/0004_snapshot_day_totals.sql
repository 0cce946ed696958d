-- Per UTC day of measurement, over all videos: the totals of video_snapshot_days (how many videos
-- were measured, the snapshot count, the delta sums, the positive/negative snapshot counts) and
-- per counter how many videos had at least one positive (videos_positive_*) or negative
-- (videos_negative_*) delta that day. Day, month and all-time totals without a per-video filter
-- read one row per day, whatever the number of videos; «сколько разных видео получали новые
-- просмотры 27 ноября» is videos_positive_views of that one day. The loader recomputes the days
-- its videos touch (before and after the load) inside the load's transaction.
CREATE TABLE video_snapshot_day_totals (
  measured_day             timestamptz PRIMARY KEY,
  videos                   integer     NOT NULL,
  snapshots                bigint      NOT NULL,
  delta_views_count        bigint      NOT NULL,
  delta_likes_count        bigint      NOT NULL,
  delta_comments_count     bigint      NOT NULL,
  delta_reports_count      bigint      NOT NULL,
  positive_views           bigint      NOT NULL,
  positive_likes           bigint      NOT NULL,
  positive_comments        bigint      NOT NULL,
  positive_reports         bigint      NOT NULL,
  negative_views           bigint      NOT NULL,
  negative_likes           bigint      NOT NULL,
  negative_comments        bigint      NOT NULL,
  negative_reports         bigint      NOT NULL,
  videos_positive_views    integer     NOT NULL,
  videos_positive_likes    integer     NOT NULL,
  videos_positive_comments integer     NOT NULL,
  videos_positive_reports  integer     NOT NULL,
  videos_negative_views    integer     NOT NULL,
  videos_negative_likes    integer     NOT NULL,
  videos_negative_comments integer     NOT NULL,
  videos_negative_reports  integer     NOT NULL
);

-- A database loaded before this migration gets its rows now.
INSERT INTO video_snapshot_day_totals
SELECT measured_day, count(*), sum(snapshots),
       sum(delta_views_count), sum(delta_likes_count), sum(delta_comments_count), sum(delta_reports_count),
       sum(positive_views), sum(positive_likes), sum(positive_comments), sum(positive_reports),
       sum(negative_views), sum(negative_likes), sum(negative_comments), sum(negative_reports),
       count(*) FILTER (WHERE positive_views > 0), count(*) FILTER (WHERE positive_likes > 0),
       count(*) FILTER (WHERE positive_comments > 0), count(*) FILTER (WHERE positive_reports > 0),
       count(*) FILTER (WHERE negative_views > 0), count(*) FILTER (WHERE negative_likes > 0),
       count(*) FILTER (WHERE negative_comments > 0), count(*) FILTER (WHERE negative_reports > 0)
FROM video_snapshot_days
GROUP BY measured_day;
