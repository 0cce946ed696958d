-- Two small rollups that answer questions over all videos, or per creator, without reading one
-- row per video:
--  - video_snapshot_day_totals: one row per UTC day of measurement (measured_day as in
--    video_snapshot_days), the aggregates of that day's rows of video_snapshot_days summed over all
--    videos, and distinct-video counts: `videos` (videos with a snapshot that day) and per counter
--    the videos with at least one snapshot whose delta was positive (videos_positive_*) or
--    negative (videos_negative_*) that day;
--  - video_snapshot_creator_hours: one row per creator and UTC hour of measurement
--    (measured_hour, the instant starting the hour, microseconds), the aggregates of the snapshots
--    of that creator's videos in that hour, with the columns of video_snapshot_days.
-- The loader recomputes both for every UTC day a load touches, inside the load's transaction.
CREATE TABLE video_snapshot_day_totals (
  measured_day             INTEGER NOT NULL PRIMARY KEY,
  snapshots                INTEGER NOT NULL,
  delta_views_count        INTEGER NOT NULL,
  delta_likes_count        INTEGER NOT NULL,
  delta_comments_count     INTEGER NOT NULL,
  delta_reports_count      INTEGER NOT NULL,
  positive_views           INTEGER NOT NULL,
  positive_likes           INTEGER NOT NULL,
  positive_comments        INTEGER NOT NULL,
  positive_reports         INTEGER NOT NULL,
  negative_views           INTEGER NOT NULL,
  negative_likes           INTEGER NOT NULL,
  negative_comments        INTEGER NOT NULL,
  negative_reports         INTEGER NOT NULL,
  videos                   INTEGER NOT NULL,
  videos_positive_views    INTEGER NOT NULL,
  videos_positive_likes    INTEGER NOT NULL,
  videos_positive_comments INTEGER NOT NULL,
  videos_positive_reports  INTEGER NOT NULL,
  videos_negative_views    INTEGER NOT NULL,
  videos_negative_likes    INTEGER NOT NULL,
  videos_negative_comments INTEGER NOT NULL,
  videos_negative_reports  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE video_snapshot_creator_hours (
  creator_id           TEXT    NOT NULL,
  measured_hour        INTEGER NOT NULL,
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
  PRIMARY KEY (measured_hour, creator_id)
) STRICT, WITHOUT ROWID;

-- The table is clustered by hour (ranges over all creators read one stretch); this index serves
-- one creator's ranges.
CREATE INDEX video_snapshot_creator_hours_creator_idx ON video_snapshot_creator_hours (creator_id, measured_hour);

-- A database loaded before this migration gets its rows now.
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
       s.created_at - ((s.created_at % 3600000000) + 3600000000) % 3600000000 AS hour,
       count(*),
       sum(s.delta_views_count), sum(s.delta_likes_count), sum(s.delta_comments_count), sum(s.delta_reports_count),
       count(*) FILTER (WHERE s.delta_views_count > 0), count(*) FILTER (WHERE s.delta_likes_count > 0),
       count(*) FILTER (WHERE s.delta_comments_count > 0), count(*) FILTER (WHERE s.delta_reports_count > 0),
       count(*) FILTER (WHERE s.delta_views_count < 0), count(*) FILTER (WHERE s.delta_likes_count < 0),
       count(*) FILTER (WHERE s.delta_comments_count < 0), count(*) FILTER (WHERE s.delta_reports_count < 0)
FROM video_snapshots s JOIN videos v ON v.id = s.video_id
GROUP BY hour, v.creator_id
ORDER BY hour, v.creator_id;
