package io.mcpiac.engine.states.sqlite;

import io.mcpiac.engine.states.StateStoreException;
import io.mcpiac.engine.states.jdbc.Database;
import io.mcpiac.engine.states.jdbc.DeploymentLocks;
import io.mcpiac.engine.states.jdbc.LeaseLocks;
import io.mcpiac.engine.states.jdbc.SqlDialect;
import io.mcpiac.engine.states.jdbc.StoreSettings;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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
 */
public final class SqliteDialect implements SqlDialect {
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path file;
  private final SQLiteDataSource dataSource;

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
  public DeploymentLocks locks(Database database, StoreSettings settings) {
    return new LeaseLocks(database, settings);
  }
}
