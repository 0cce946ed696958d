-- Videos with their final counters, and hourly snapshots with deltas. Every timestamp is an
-- INTEGER holding microseconds since 1970-01-01T00:00:00Z (exact, sortable, cheap arithmetic).
CREATE TABLE videos (
  id               TEXT    PRIMARY KEY NOT NULL,
  creator_id       TEXT    NOT NULL,
  video_created_at INTEGER NOT NULL,
  views_count      INTEGER NOT NULL,
  likes_count      INTEGER NOT NULL,
  comments_count   INTEGER NOT NULL,
  reports_count    INTEGER NOT NULL,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
) STRICT;

CREATE TABLE video_snapshots (
  id                   TEXT    PRIMARY KEY NOT NULL,
  video_id             TEXT    NOT NULL REFERENCES videos (id),
  views_count          INTEGER NOT NULL,
  likes_count          INTEGER NOT NULL,
  comments_count       INTEGER NOT NULL,
  reports_count        INTEGER NOT NULL,
  delta_views_count    INTEGER NOT NULL,
  delta_likes_count    INTEGER NOT NULL,
  delta_comments_count INTEGER NOT NULL,
  delta_reports_count  INTEGER NOT NULL,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL
) STRICT;

-- Per-creator publication filters; publication periods; measurement periods; per-video windows.
CREATE INDEX videos_creator_published_idx ON videos (creator_id, video_created_at);
CREATE INDEX videos_published_idx ON videos (video_created_at);
CREATE INDEX video_snapshots_created_idx ON video_snapshots (created_at);
CREATE INDEX video_snapshots_video_created_idx ON video_snapshots (video_id, created_at);

-- Small named integers the services persist (the Telegram update offset).
CREATE TABLE bot_state (
  name  TEXT    PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
) STRICT;
