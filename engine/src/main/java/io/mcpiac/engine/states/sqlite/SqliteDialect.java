package io.mcpiac.engine.states.sqlite;

import io.mcpiac.engine.states.StateDamagedException;
import io.mcpiac.engine.states.StateStoreException;
import io.mcpiac.engine.states.StoreSettings;
import io.mcpiac.engine.states.jdbc.Database;
import io.mcpiac.engine.states.jdbc.DeploymentLocks;
import io.mcpiac.engine.states.jdbc.FreshSchema;
import io.mcpiac.engine.states.jdbc.LeaseLocks;
import io.mcpiac.engine.states.jdbc.SqlDialect;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * State in one SQLite file: write-ahead log (readers never block the writer), {@code
 * synchronous=NORMAL} (a commit is durable once the log is checkpointed; a power cut loses at most
 * the last commits, never consistency), and a busy timeout so that writers of other processes wait
 * their turn instead of failing.
 *
 * <p>Damage is told apart from passing failures by SQLite's result codes (corrupt, not a database,
 * I/O error, full). A file opened with a write-ahead log left behind (its last writer did not close
 * it: a crash, a kill, a power cut — or another process has it open now) gets a full {@code
 * integrity_check} first; an apply ends with a {@code quick_check}.
 */
public final class SqliteDialect implements SqlDialect {
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path file;
  private final SQLiteDataSource dataSource;
  private final boolean logLeftBehind;

  /**
   * A dialect for {@code file}; creates its parent directories, and the file itself readable by its
   * owner only (state holds the infrastructure's layout; SQLite gives its log files the same
   * permissions).
   */
  public SqliteDialect(Path file) {
    this.file = file.toAbsolutePath().normalize();
    try {
      Path parent = this.file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      createPrivately(this.file);
      Path wal = this.file.resolveSibling(this.file.getFileName() + "-wal");
      logLeftBehind = Files.exists(wal) && Files.size(wal) > 0;
    } catch (IOException e) {
      throw new StateStoreException("cannot create " + location(), e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + this.file);
  }

  /** An empty file is an empty SQLite database. */
  private static void createPrivately(Path file) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      // Another store created it first: fine.
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public String location() {
    return "sqlite:" + file;
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public Map<String, String> migrationPlaceholders() {
    // AUTOINCREMENT: ids are never reused, even after the newest entries were deleted.
    return Map.of("journal_id", "INTEGER PRIMARY KEY AUTOINCREMENT");
  }

  /** Flyway's history table as Flyway 13 creates it on SQLite ({@code MigrationsTest} compares). */
  @Override
  public Optional<FreshSchema.HistoryTable> historyTable() {
    return Optional.of(
        new FreshSchema.HistoryTable(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            List.of(
                """
                CREATE TABLE "flyway_schema_history" (
                    "installed_rank" INT NOT NULL PRIMARY KEY,
                    "version" VARCHAR(50),
                    "description" VARCHAR(200) NOT NULL,
                    "type" VARCHAR(20) NOT NULL,
                    "script" VARCHAR(1000) NOT NULL,
                    "checksum" INT,
                    "installed_by" VARCHAR(100) NOT NULL,
                    "installed_on" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
                    "execution_time" INT NOT NULL,
                    "success" BOOLEAN NOT NULL
                )""",
                "CREATE INDEX \"flyway_schema_history_s_idx\" ON \"flyway_schema_history\""
                    + " (\"success\")")));
  }

  @Override
  public Optional<String> beginWrite() {
    return Optional.of("BEGIN IMMEDIATE");
  }

  @Override
  public String beginRead() {
    return "BEGIN DEFERRED";
  }

  @Override
  public boolean isTransient(Throwable migrationFailure) {
    for (Throwable cause = migrationFailure; cause != null; cause = cause.getCause()) {
      if (String.valueOf(cause.getMessage()).contains("SQLITE_BUSY")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<StateDamagedException.Damage> damage(SQLException e) {
    return switch (e.getErrorCode() & 0xff) {
      case 11, 26 -> Optional.of(StateDamagedException.Damage.CORRUPT); // CORRUPT, NOTADB
      case 10 -> Optional.of(StateDamagedException.Damage.IO_ERROR);
      case 13 -> Optional.of(StateDamagedException.Damage.FULL);
      default -> Optional.empty();
    };
  }

  @Override
  public void checkOnOpen() {
    if (!logLeftBehind) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      check(s, "integrity_check");
    } catch (SQLException e) {
      throw classify(e);
    }
  }

  /**
   * On a connection of its own, whose empty page cache reads what is really on disk (the store's
   * connection may hold every page in its cache and never notice the file changed under it).
   */
  @Override
  public void check(Database database, boolean thorough) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      check(s, thorough ? "integrity_check" : "quick_check");
    } catch (SQLException e) {
      throw classify(e);
    }
  }

  private void check(Statement s, String pragma) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (ResultSet rows = s.executeQuery("PRAGMA " + pragma + "(5)")) {
      while (rows.next()) {
        problems.add(rows.getString(1));
      }
    }
    if (!problems.equals(List.of("ok"))) {
      throw new StateDamagedException(
          StateDamagedException.Damage.CORRUPT,
          location(),
          pragma + " found " + String.join("; ", problems),
          null);
    }
  }

  private StateStoreException classify(SQLException e) {
    return damage(e)
        .<StateStoreException>map(d -> new StateDamagedException(d, location(), e.getMessage(), e))
        .orElseGet(() -> new StateStoreException("cannot check " + location(), e));
  }

  @Override
  public DeploymentLocks locks(Database database, StoreSettings settings) {
    return new LeaseLocks(database, settings);
  }
}
