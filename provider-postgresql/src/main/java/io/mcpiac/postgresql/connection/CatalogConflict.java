package io.mcpiac.postgresql.connection;

import java.sql.SQLException;

/**
 * A transaction that lost a race with another session's change of the same catalog rows and was
 * rolled back whole: a deadlock (40P01), a serialization failure (40001), or, because PostgreSQL's
 * catalog writes are not MVCC, {@code tuple concurrently updated/deleted} or {@code cache lookup
 * failed for relation N} (XX000: the row was there when the statement looked, gone when it wrote).
 * A role's {@code DROP OWNED} and a {@code DROP SCHEMA ... CASCADE} of the tables it may read, run
 * by one apply in parallel, meet this way. PostgreSQL's advice is to run the transaction again; the
 * other session has finished by then.
 */
final class CatalogConflict {
  /** Runs after the first: enough for a few sessions racing on the same rows. */
  static final int RETRIES = 4;

  private CatalogConflict() {}

  static boolean is(SQLException e) {
    String state = e.getSQLState();
    if ("40P01".equals(state) || "40001".equals(state)) {
      return true;
    }
    String message = e.getMessage();
    return "XX000".equals(state)
        && message != null
        && (message.contains("tuple concurrently") || message.contains("cache lookup failed"));
  }

  /** A short pause, longer each time and never the same for two sessions, before the next run. */
  static void pause(int attempt) {
    long ms = 50L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextLong(50);
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
