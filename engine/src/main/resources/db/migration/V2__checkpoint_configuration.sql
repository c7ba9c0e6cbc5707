-- Checkpoints keep the configuration they restore (issue 13): the resources as written, with their
-- references unresolved, and the non-secret provider settings they were applied with.
-- A deployment's latest applied configuration is kept on its row (written after each successful
-- apply) and copied into each checkpoint made after it. Checkpoints made before this migration
-- have none (NULL) and are restored the old way, from their records.
ALTER TABLE deployments ADD COLUMN configuration TEXT;

ALTER TABLE checkpoints ADD COLUMN configuration TEXT;
