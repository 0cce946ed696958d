-- What the loaded data covers, in one row: how many videos and snapshots, the first and the last
-- measurement (snapshot created_at), the first and the last publication (video_created_at), and
-- when the last load committed. Questions read this row instead of scanning the tables; the
-- loader refreshes it inside every load's transaction. Instants are INTEGER microseconds since
-- the epoch (UTC) like everywhere here; NULL when there is nothing to take them from.
CREATE TABLE data_coverage (
  id                 INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
  videos             INTEGER NOT NULL,
  snapshots          INTEGER NOT NULL,
  first_measured_at  INTEGER,
  last_measured_at   INTEGER,
  first_published_at INTEGER,
  last_published_at  INTEGER,
  loaded_at          INTEGER
) STRICT;

-- A database loaded before this migration gets its row now; when that load happened is unknown.
-- Each min/max is its own subquery, so each reads one end of an index.
INSERT INTO data_coverage
SELECT 1,
       (SELECT count(*) FROM videos),
       (SELECT count(*) FROM video_snapshots),
       (SELECT min(created_at) FROM video_snapshots),
       (SELECT max(created_at) FROM video_snapshots),
       (SELECT min(video_created_at) FROM videos),
       (SELECT max(video_created_at) FROM videos),
       NULL;
