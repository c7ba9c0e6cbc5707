-- The state schema, shared by every dialect (SQLite and PostgreSQL): only TEXT, BIGINT, plain
-- indexes and partial indexes, which both understand. The one difference, how a column numbers
-- itself, is the placeholder ${journal_id}, filled in by the dialect.
-- Timestamps are epoch milliseconds (UTC). JSON values are TEXT.

CREATE TABLE deployments (
  name TEXT NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  status TEXT NOT NULL
);

-- One row per version of a deployment: when it began and when it was last written. updated_at is
-- settled when the next version begins; until then the deployment's updated_at is the one kept
-- current, so that a write touches one row fewer.
CREATE TABLE versions (
  deployment TEXT NOT NULL,
  version BIGINT NOT NULL,
  started_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (deployment, version)
);

-- Temporal: a row is the resource as it was from version valid_from (inclusive) until valid_to
-- (exclusive; NULL while it is the current row). A write closes the current row and inserts a new
-- one, so every version stays readable and no write touches more than one resource.
CREATE TABLE resources (
  deployment TEXT NOT NULL,
  name TEXT NOT NULL,
  valid_from BIGINT NOT NULL,
  valid_to BIGINT,
  type TEXT,
  provider TEXT,
  resource_id TEXT,
  properties TEXT,
  outputs TEXT,
  dependencies TEXT NOT NULL,
  state TEXT,
  PRIMARY KEY (deployment, name, valid_from)
);

-- The latest view, and the rule that a resource has at most one current row.
CREATE UNIQUE INDEX resources_current ON resources (deployment, name) WHERE valid_to IS NULL;

CREATE TABLE journal (
  id ${journal_id},
  deployment TEXT NOT NULL,
  version BIGINT NOT NULL,
  phase TEXT NOT NULL,
  kind TEXT NOT NULL,
  resource TEXT NOT NULL,
  type TEXT,
  provider TEXT,
  resource_id TEXT,
  record TEXT,
  status TEXT NOT NULL,
  error TEXT,
  started_at BIGINT NOT NULL,
  finished_at BIGINT
);

CREATE INDEX journal_by_version ON journal (deployment, version, id);

CREATE INDEX journal_unfinished ON journal (deployment, id) WHERE status = 'INTENT';

-- token identifies one holding of the lock, so that a holder that lost it (taken over, forced)
-- can neither refresh nor delete its successor's row.
CREATE TABLE locks (
  deployment TEXT NOT NULL PRIMARY KEY,
  token TEXT NOT NULL,
  owner TEXT NOT NULL,
  host TEXT NOT NULL,
  pid BIGINT NOT NULL,
  started_at BIGINT NOT NULL,
  operation TEXT NOT NULL,
  heartbeat_at BIGINT NOT NULL
);

-- seq orders a deployment's checkpoints even when two share a millisecond.
CREATE TABLE checkpoints (
  id TEXT NOT NULL PRIMARY KEY,
  deployment TEXT NOT NULL,
  seq BIGINT NOT NULL,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  description TEXT,
  resources TEXT NOT NULL
);

CREATE UNIQUE INDEX checkpoints_by_deployment ON checkpoints (deployment, seq);
