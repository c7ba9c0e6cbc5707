-- Who wrote each version (issue 22's state history: who, when, what): the holder of the
-- deployment's write lock when the version began, and the operation it named. Versions written
-- before this migration, or without a lock, have none (NULL).
ALTER TABLE versions ADD COLUMN written_by TEXT;

ALTER TABLE versions ADD COLUMN operation TEXT;
