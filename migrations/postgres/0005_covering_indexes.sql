-- Indexes that answer the window and one-day questions from the index alone (an index-only scan
-- once the visibility map is set, which VACUUM or autovacuum does after a load):
--  - one video's snapshots in a time window, with the deltas the growth questions sum, replace the
--    plain (video_id, created_at) index (same key, same uses: window sums, state look-ups, the
--    loader's per-video recomputation of the rollups);
--  - one day's rollup rows, with the columns the one-day growth and «videos with new views»
--    questions read, replace the plain (measured_day) index.
CREATE INDEX video_snapshots_video_created_cover_idx ON video_snapshots (video_id, created_at)
  INCLUDE (delta_views_count, delta_likes_count, delta_comments_count, delta_reports_count);
DROP INDEX video_snapshots_video_created_idx;

CREATE INDEX video_snapshot_days_day_cover_idx ON video_snapshot_days (measured_day)
  INCLUDE (video_id, delta_views_count, positive_views);
DROP INDEX video_snapshot_days_day_idx;
