-- Videos with their final counters, and hourly snapshots with deltas. Ids are lowercase text
-- (validated by the loader). Instants are Int64 microseconds since the Unix epoch (UTC): the data
-- has microseconds and every bound the compiler emits is a whole second, so comparing integers is
-- exact over the product's whole range (years 1…9999), where DateTime (seconds, 1970…2106) would
-- cut off microseconds and years, and 18.16 has no DateTime64. Each snapshot carries its video's
-- creator and publication time, so no question needs a join. On a cluster each table is a local
-- MergeTree on every shard plus a Distributed table of the same name sharded by the video id.
CREATE TABLE IF NOT EXISTS {local:videos} (
  id               String,
  creator_id       String,
  video_created_at Int64,
  views_count      Int64,
  likes_count      Int64,
  comments_count   Int64,
  reports_count    Int64,
  created_at       Int64,
  updated_at       Int64
) ENGINE = MergeTree ORDER BY id;

{distributed:videos:cityHash64(id)};

CREATE TABLE IF NOT EXISTS {local:video_snapshots} (
  id                   String,
  video_id             String,
  creator_id           String,
  video_created_at     Int64,
  views_count          Int64,
  likes_count          Int64,
  comments_count       Int64,
  reports_count        Int64,
  delta_views_count    Int64,
  delta_likes_count    Int64,
  delta_comments_count Int64,
  delta_reports_count  Int64,
  created_at           Int64,
  updated_at           Int64
) ENGINE = MergeTree ORDER BY (video_id, created_at);

{distributed:video_snapshots:cityHash64(video_id)};

-- What the loaded data covers, in one row (see the SQLite migration 0004): written by every load
-- on every host, with the totals of the whole cluster.
CREATE TABLE IF NOT EXISTS data_coverage (
  id                 Int64,
  videos             Int64,
  snapshots          Int64,
  first_measured_at  Nullable(Int64),
  last_measured_at   Nullable(Int64),
  first_published_at Nullable(Int64),
  last_published_at  Nullable(Int64),
  loaded_at          Nullable(Int64)
) ENGINE = TinyLog;

-- Every statement may run again after an interrupted migrate (ClickHouse has no transactions).
INSERT INTO data_coverage
SELECT 1, 0, 0, NULL, NULL, NULL, NULL, NULL FROM system.one WHERE (SELECT count() FROM data_coverage) = 0;
