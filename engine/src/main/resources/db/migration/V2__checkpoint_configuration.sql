-- Checkpoints keep the configuration they restore (issue 13): the resources as written, with their
-- references unresolved, and the non-secret provider settings they were applied with.
-- A deployment's latest applied configuration is kept in configurations (one row per deployment,
-- written after each successful apply) and copied into each checkpoint made after it. Checkpoints
-- made before this migration have none (NULL) and are restored the old way, from their records.
ALTER TABLE checkpoints ADD COLUMN configuration TEXT;

CREATE TABLE configurations (
  deployment TEXT NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  configuration TEXT NOT NULL
);
