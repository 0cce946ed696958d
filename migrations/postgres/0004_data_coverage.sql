-- What the loaded data covers, in one row: how many videos and snapshots, the first and the last
-- measurement (snapshot created_at), the first and the last publication (video_created_at), and
-- when the last load committed. Questions read this row instead of scanning the tables; the
-- loader refreshes it inside every load's transaction. NULL where there is nothing to take an
-- instant from.
CREATE TABLE data_coverage (
  id                 integer     PRIMARY KEY CHECK (id = 1),
  videos             bigint      NOT NULL,
  snapshots          bigint      NOT NULL,
  first_measured_at  timestamptz,
  last_measured_at   timestamptz,
  first_published_at timestamptz,
  last_published_at  timestamptz,
  loaded_at          timestamptz
);

-- A database loaded before this migration gets its row now; when that load happened is unknown.
INSERT INTO data_coverage
SELECT 1,
       (SELECT count(*) FROM videos),
       (SELECT count(*) FROM video_snapshots),
       (SELECT min(created_at) FROM video_snapshots),
       (SELECT max(created_at) FROM video_snapshots),
       (SELECT min(video_created_at) FROM videos),
       (SELECT max(video_created_at) FROM videos),
       NULL;
