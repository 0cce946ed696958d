-- Two small rollups that answer questions over all videos, or per creator, without reading one
-- row per video:
--  - video_snapshot_day_totals: one row per UTC day of measurement (measured_day as in
--    video_snapshot_days), the aggregates of that day's rows of video_snapshot_days summed over all
--    videos, and distinct-video counts: `videos` (videos with a snapshot that day) and per counter
--    the videos with at least one snapshot whose delta was positive (videos_positive_*) or
--    negative (videos_negative_*) that day;
--  - video_snapshot_creator_hours: one row per creator and UTC hour of measurement
--    (measured_hour, the instant starting the hour), the aggregates of the snapshots of that
--    creator's videos in that hour, with the columns of video_snapshot_days.
-- The loader recomputes both for every UTC day a load touches, inside the load's transaction.
CREATE TABLE video_snapshot_day_totals (
  measured_day             timestamptz NOT NULL PRIMARY KEY,
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
  videos                   bigint      NOT NULL,
  videos_positive_views    bigint      NOT NULL,
  videos_positive_likes    bigint      NOT NULL,
  videos_positive_comments bigint      NOT NULL,
  videos_positive_reports  bigint      NOT NULL,
  videos_negative_views    bigint      NOT NULL,
  videos_negative_likes    bigint      NOT NULL,
  videos_negative_comments bigint      NOT NULL,
  videos_negative_reports  bigint      NOT NULL
);

CREATE TABLE video_snapshot_creator_hours (
  creator_id           text        NOT NULL,
  measured_hour        timestamptz NOT NULL,
  snapshots            integer     NOT NULL,
  delta_views_count    bigint      NOT NULL,
  delta_likes_count    bigint      NOT NULL,
  delta_comments_count bigint      NOT NULL,
  delta_reports_count  bigint      NOT NULL,
  positive_views       integer     NOT NULL,
  positive_likes       integer     NOT NULL,
  positive_comments    integer     NOT NULL,
  positive_reports     integer     NOT NULL,
  negative_views       integer     NOT NULL,
  negative_likes       integer     NOT NULL,
  negative_comments    integer     NOT NULL,
  negative_reports     integer     NOT NULL,
  PRIMARY KEY (creator_id, measured_hour)
);

-- Hour ranges over all creators.
CREATE INDEX video_snapshot_creator_hours_hour_idx ON video_snapshot_creator_hours (measured_hour);

-- A database loaded before this migration gets its rows now (in key order).
INSERT INTO video_snapshot_day_totals
SELECT measured_day, sum(snapshots),
       sum(delta_views_count), sum(delta_likes_count), sum(delta_comments_count), sum(delta_reports_count),
       sum(positive_views), sum(positive_likes), sum(positive_comments), sum(positive_reports),
       sum(negative_views), sum(negative_likes), sum(negative_comments), sum(negative_reports),
       count(*),
       count(*) FILTER (WHERE positive_views > 0), count(*) FILTER (WHERE positive_likes > 0),
       count(*) FILTER (WHERE positive_comments > 0), count(*) FILTER (WHERE positive_reports > 0),
       count(*) FILTER (WHERE negative_views > 0), count(*) FILTER (WHERE negative_likes > 0),
       count(*) FILTER (WHERE negative_comments > 0), count(*) FILTER (WHERE negative_reports > 0)
FROM video_snapshot_days
GROUP BY measured_day
ORDER BY measured_day;

INSERT INTO video_snapshot_creator_hours
SELECT v.creator_id,
       date_trunc('hour', s.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour,
       count(*),
       sum(s.delta_views_count), sum(s.delta_likes_count), sum(s.delta_comments_count), sum(s.delta_reports_count),
       count(*) FILTER (WHERE s.delta_views_count > 0), count(*) FILTER (WHERE s.delta_likes_count > 0),
       count(*) FILTER (WHERE s.delta_comments_count > 0), count(*) FILTER (WHERE s.delta_reports_count > 0),
       count(*) FILTER (WHERE s.delta_views_count < 0), count(*) FILTER (WHERE s.delta_likes_count < 0),
       count(*) FILTER (WHERE s.delta_comments_count < 0), count(*) FILTER (WHERE s.delta_reports_count < 0)
FROM video_snapshots s JOIN videos v ON v.id = s.video_id
GROUP BY v.creator_id, hour
ORDER BY v.creator_id, hour;
