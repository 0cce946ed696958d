-- A rollup of video_snapshots per video and UTC calendar day of measurement: the number of
-- snapshots, the sums of their deltas, and per counter how many snapshots had a positive
-- (positive_*) or a negative (negative_*) delta. Growth and count questions over whole days,
-- months or all time read these rows (one per video per day) instead of the hourly snapshots.
-- The loader recomputes the rows of every video it loads inside the load's transaction, so they
-- always equal the aggregates of video_snapshots.
-- measured_day is the UTC midnight starting the day, in microseconds since the epoch like every
-- instant here: when both ends of a range [from, to) are UTC midnights, created_at lies in
-- [from, to) exactly when its measured_day does.
CREATE TABLE video_snapshot_days (
  video_id             TEXT    NOT NULL REFERENCES videos (id),
  measured_day         INTEGER NOT NULL,
  snapshots            INTEGER NOT NULL,
  delta_views_count    INTEGER NOT NULL,
  delta_likes_count    INTEGER NOT NULL,
  delta_comments_count INTEGER NOT NULL,
  delta_reports_count  INTEGER NOT NULL,
  positive_views       INTEGER NOT NULL,
  positive_likes       INTEGER NOT NULL,
  positive_comments    INTEGER NOT NULL,
  positive_reports     INTEGER NOT NULL,
  negative_views       INTEGER NOT NULL,
  negative_likes       INTEGER NOT NULL,
  negative_comments    INTEGER NOT NULL,
  negative_reports     INTEGER NOT NULL,
  PRIMARY KEY (measured_day, video_id)
) STRICT, WITHOUT ROWID;

-- The table is clustered by day (day and month ranges over all videos read one contiguous
-- stretch); this index serves per-video look-ups and the loader's recomputation.
CREATE INDEX video_snapshot_days_video_idx ON video_snapshot_days (video_id, measured_day);

-- A database loaded before this migration gets its rows now. The day start is computed with a
-- floor modulo, so instants before 1970 land on their own day too.
INSERT INTO video_snapshot_days
SELECT video_id,
       created_at - ((created_at % 86400000000) + 86400000000) % 86400000000 AS day,
       count(*),
       sum(delta_views_count), sum(delta_likes_count), sum(delta_comments_count), sum(delta_reports_count),
       count(*) FILTER (WHERE delta_views_count > 0), count(*) FILTER (WHERE delta_likes_count > 0),
       count(*) FILTER (WHERE delta_comments_count > 0), count(*) FILTER (WHERE delta_reports_count > 0),
       count(*) FILTER (WHERE delta_views_count < 0), count(*) FILTER (WHERE delta_likes_count < 0),
       count(*) FILTER (WHERE delta_comments_count < 0), count(*) FILTER (WHERE delta_reports_count < 0)
FROM video_snapshots
GROUP BY video_id, day;
