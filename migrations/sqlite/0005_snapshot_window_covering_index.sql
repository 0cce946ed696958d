-- The per-video time-window index also carries the four deltas (as trailing key columns: SQLite
-- has no INCLUDE), so growth questions over an arbitrary window for one creator's videos («с 10:00
-- до 15:00 28 ноября», «первые 3 часа после публикации») are answered from the index alone: one
-- short index range per video, no table pages. Rebuilt in place under the same name.
DROP INDEX video_snapshots_video_created_idx;
CREATE INDEX video_snapshots_video_created_idx ON video_snapshots
  (video_id, created_at, delta_views_count, delta_likes_count, delta_comments_count, delta_reports_count);
