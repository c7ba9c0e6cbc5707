package io.mcpiac.engine.states.jdbc;

import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What differs between the databases a {@link JdbcStateStore} runs on. Everything else (the
 * migrations, every query, the upserts with {@code ON CONFLICT}, {@code RETURNING}) is SQL that
 * SQLite and PostgreSQL both accept, so a dialect stays small.
 */
public interface SqlDialect {

  /** The store's location for messages, credentials removed: {@code sqlite:/path/state.db}. */
  String location();

  /** Where Flyway and the store get their connections. */
  DataSource dataSource();

  /** Values for the migrations' placeholders, such as {@code journal_id}. */
  Map<String, String> migrationPlaceholders();

  /**
   * The statement that starts a transaction that will write, or empty to leave it to the driver
   * ({@code setAutoCommit(false)}), which PostgreSQL's sends along with the first statement, one
   * round trip fewer. SQLite needs {@code BEGIN IMMEDIATE}: a deferred transaction that reads and
   * then writes cannot wait for another writer, it fails at once.
   */
  Optional<String> beginWrite();

  /** Starts a transaction that only reads, for a consistent view across several queries. */
  String beginRead();

  /**
   * Whether a failed migration may simply be run again: SQLite's, when another process migrated the
   * same new file at the same moment (Flyway's transactions there cannot wait their turn).
   */
  default boolean isTransient(Throwable migrationFailure) {
    return false;
  }

  /** How this database guards a deployment's write lock. */
  DeploymentLocks locks(Database database, StoreSettings settings);
}
