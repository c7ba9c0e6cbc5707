package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.StateDamagedException;
import io.mcpiac.engine.states.StoreSettings;
import java.sql.SQLException;
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
   * Where a new database may get the current schema without Flyway ({@link FreshSchema}): how to
   * count its tables and how Flyway creates its history table here. Empty: Flyway always migrates.
   */
  default Optional<FreshSchema.HistoryTable> historyTable() {
    return Optional.empty();
  }

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

  /**
   * Whether a failure means the database itself is damaged (corrupt, failing disk, full) rather
   * than a passing problem. By SQLSTATE: PostgreSQL's disk_full, io_error, data_corrupted and
   * index_corrupted.
   */
  default Optional<StateDamagedException.Damage> damage(SQLException e) {
    String state = String.valueOf(e.getSQLState());
    return switch (state) {
      case "53100" -> Optional.of(StateDamagedException.Damage.FULL);
      case "58030" -> Optional.of(StateDamagedException.Damage.IO_ERROR);
      case "XX001", "XX002" -> Optional.of(StateDamagedException.Damage.CORRUPT);
      default -> Optional.empty();
    };
  }

  /**
   * Checks the database's own structure and throws {@link StateDamagedException} when it is
   * damaged; {@code thorough} for a full check (slower), else a quick one. Nothing by default: a
   * server checks its own pages.
   */
  default void check(Database database, boolean thorough) {}

  /** Checks done when a store opens, before anything is migrated or read. */
  default void checkOnOpen() {}

  /** How this database guards a deployment's write lock. */
  DeploymentLocks locks(Database database, StoreSettings settings);
}
