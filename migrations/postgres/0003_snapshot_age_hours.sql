-- A rollup of video_snapshots per video and whole hour of the video's age at measurement:
-- age_hour = floor((created_at - video_created_at) / 1 hour), kept for the first week
-- (0 <= age_hour < 168). Columns after the key are those of video_snapshot_days. A window
-- «за первые N часов после публикации» (N <= 168, whole hours) is exactly age_hour < N, so such
-- questions read a few rows per young video instead of probing the snapshots of every video.
-- The loader recomputes the rows of every video it loads inside the load's transaction.
CREATE TABLE video_snapshot_age_hours (
  video_id             text    NOT NULL REFERENCES videos (id),
  age_hour             integer NOT NULL,
  snapshots            integer NOT NULL,
  delta_views_count    bigint  NOT NULL,
  delta_likes_count    bigint  NOT NULL,
  delta_comments_count bigint  NOT NULL,
  delta_reports_count  bigint  NOT NULL,
  positive_views       integer NOT NULL,
  positive_likes       integer NOT NULL,
  positive_comments    integer NOT NULL,
  positive_reports     integer NOT NULL,
  negative_views       integer NOT NULL,
  negative_likes       integer NOT NULL,
  negative_comments    integer NOT NULL,
  negative_reports     integer NOT NULL,
  PRIMARY KEY (video_id, age_hour),
  CHECK (age_hour >= 0 AND age_hour < 168)
);

-- «First N hours» over all videos.
CREATE INDEX video_snapshot_age_hours_age_idx ON video_snapshot_age_hours (age_hour);

-- A database loaded before this migration gets its rows now (in age order).
INSERT INTO video_snapshot_age_hours
SELECT s.video_id,
       floor((extract(epoch FROM s.created_at) - extract(epoch FROM v.video_created_at)) / 3600)::integer AS age,
       count(*),
       sum(s.delta_views_count), sum(s.delta_likes_count), sum(s.delta_comments_count), sum(s.delta_reports_count),
       count(*) FILTER (WHERE s.delta_views_count > 0), count(*) FILTER (WHERE s.delta_likes_count > 0),
       count(*) FILTER (WHERE s.delta_comments_count > 0), count(*) FILTER (WHERE s.delta_reports_count > 0),
       count(*) FILTER (WHERE s.delta_views_count < 0), count(*) FILTER (WHERE s.delta_likes_count < 0),
       count(*) FILTER (WHERE s.delta_comments_count < 0), count(*) FILTER (WHERE s.delta_reports_count < 0)
FROM video_snapshots s JOIN videos v ON v.id = s.video_id
WHERE s.created_at >= v.video_created_at AND s.created_at < v.video_created_at + interval '168 hours'
GROUP BY s.video_id, age
ORDER BY age, s.video_id;
