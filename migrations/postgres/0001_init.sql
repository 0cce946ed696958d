-- Videos with their final counters, and hourly snapshots with deltas. Sessions run in UTC.
CREATE TABLE videos (
  id               text        PRIMARY KEY,
  creator_id       text        NOT NULL,
  video_created_at timestamptz NOT NULL,
  views_count      bigint      NOT NULL,
  likes_count      bigint      NOT NULL,
  comments_count   bigint      NOT NULL,
  reports_count    bigint      NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);

CREATE TABLE video_snapshots (
  id                   text        PRIMARY KEY,
  video_id             text        NOT NULL REFERENCES videos (id),
  views_count          bigint      NOT NULL,
  likes_count          bigint      NOT NULL,
  comments_count       bigint      NOT NULL,
  reports_count        bigint      NOT NULL,
  delta_views_count    bigint      NOT NULL,
  delta_likes_count    bigint      NOT NULL,
  delta_comments_count bigint      NOT NULL,
  delta_reports_count  bigint      NOT NULL,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL
);

-- Per-creator publication filters; publication periods; measurement periods; per-video windows.
CREATE INDEX videos_creator_published_idx ON videos (creator_id, video_created_at);
CREATE INDEX videos_published_idx ON videos (video_created_at);
CREATE INDEX video_snapshots_created_idx ON video_snapshots (created_at);
CREATE INDEX video_snapshots_video_created_idx ON video_snapshots (video_id, created_at);

-- Small named integers the services persist (the Telegram update offset).
CREATE TABLE bot_state (
  name  text   PRIMARY KEY,
  value bigint NOT NULL
);
