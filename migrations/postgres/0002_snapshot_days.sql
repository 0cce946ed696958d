-- A rollup of video_snapshots per video and UTC calendar day of measurement: the number of
-- snapshots, the sums of their deltas, and per counter how many snapshots had a positive
-- (positive_*) or a negative (negative_*) delta. Growth and count questions over whole days,
-- months or all time read these rows (one per video per day) instead of the hourly snapshots.
-- The loader recomputes the rows of every video it loads inside the load's transaction, so they
-- always equal the aggregates of video_snapshots.
-- measured_day is the UTC midnight starting the day: when both ends of a range [from, to) are UTC
-- midnights, created_at lies in [from, to) exactly when its measured_day does.
CREATE TABLE video_snapshot_days (
  video_id             text        NOT NULL REFERENCES videos (id),
  measured_day         timestamptz NOT NULL,
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
  PRIMARY KEY (video_id, measured_day)
);

-- Day and month ranges over all videos.
CREATE INDEX video_snapshot_days_day_idx ON video_snapshot_days (measured_day);

-- A database loaded before this migration gets its rows now (in day order, so that a day's rows
-- sit together on disk).
INSERT INTO video_snapshot_days
SELECT video_id,
       date_trunc('day', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
       count(*),
       sum(delta_views_count), sum(delta_likes_count), sum(delta_comments_count), sum(delta_reports_count),
       count(*) FILTER (WHERE delta_views_count > 0), count(*) FILTER (WHERE delta_likes_count > 0),
       count(*) FILTER (WHERE delta_comments_count > 0), count(*) FILTER (WHERE delta_reports_count > 0),
       count(*) FILTER (WHERE delta_views_count < 0), count(*) FILTER (WHERE delta_likes_count < 0),
       count(*) FILTER (WHERE delta_comments_count < 0), count(*) FILTER (WHERE delta_reports_count < 0)
FROM video_snapshots
GROUP BY 1, 2
ORDER BY 2, 1;
