-- A rollup of video_snapshots per video and whole hour of the video's age at measurement:
-- age_hour = (created_at - video_created_at) / 3600000000 (microseconds, so whole hours), kept
-- for the first week (0 <= age_hour < 168). Columns after the key are those of
-- video_snapshot_days. A window «за первые N часов после публикации» (N <= 168, whole hours) is
-- exactly age_hour < N, so such questions read a few rows per young video instead of probing the
-- snapshots of every video. The loader recomputes the rows of every video it loads inside the
-- load's transaction.
CREATE TABLE video_snapshot_age_hours (
  video_id             TEXT    NOT NULL REFERENCES videos (id),
  age_hour             INTEGER NOT NULL CHECK (age_hour >= 0 AND age_hour < 168),
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
  PRIMARY KEY (age_hour, video_id)
) STRICT, WITHOUT ROWID;

-- The table is clustered by age («first N hours» over all videos reads one contiguous stretch);
-- this index serves per-video look-ups and the loader's recomputation.
CREATE INDEX video_snapshot_age_hours_video_idx ON video_snapshot_age_hours (video_id, age_hour);

-- A database loaded before this migration gets its rows now.
INSERT INTO video_snapshot_age_hours
SELECT s.video_id,
       (s.created_at - v.video_created_at) / 3600000000 AS age,
       count(*),
       sum(s.delta_views_count), sum(s.delta_likes_count), sum(s.delta_comments_count), sum(s.delta_reports_count),
       count(*) FILTER (WHERE s.delta_views_count > 0), count(*) FILTER (WHERE s.delta_likes_count > 0),
       count(*) FILTER (WHERE s.delta_comments_count > 0), count(*) FILTER (WHERE s.delta_reports_count > 0),
       count(*) FILTER (WHERE s.delta_views_count < 0), count(*) FILTER (WHERE s.delta_likes_count < 0),
       count(*) FILTER (WHERE s.delta_comments_count < 0), count(*) FILTER (WHERE s.delta_reports_count < 0)
FROM video_snapshots s JOIN videos v ON v.id = s.video_id
WHERE s.created_at >= v.video_created_at AND s.created_at < v.video_created_at + 168 * 3600000000
GROUP BY s.video_id, age;
