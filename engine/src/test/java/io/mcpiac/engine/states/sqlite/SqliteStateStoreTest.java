package io.mcpiac.engine.states.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.LockedException;
import io.mcpiac.engine.states.StateLock;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStoreContract;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.engine.states.StoreSettings;
import io.mcpiac.engine.states.jdbc.JdbcStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a SQLite file, plus what only the lease-based locks of SQLite do. */
class SqliteStateStoreTest extends StateStoreContract {
  @TempDir Path directory;

  private Path file() {
    return directory.resolve("nested/dir/state.db");
  }

  @Override
  protected StateStore openStore(StoreSettings settings) {
    return JdbcStateStore.open(new SqliteDialect(file()), settings);
  }

  @Override
  protected String location() {
    return "sqlite:" + file();
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file());
  }

  @Test
  void theFileAndItsDirectoriesAreCreatedForTheOwnerOnly() throws IOException {
    assertThat(file()).isRegularFile();
    assertThat(store.location()).isEqualTo("sqlite:" + file());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
        .isEqualTo("rw-------");
  }

  @Test
  void migrationsRunOnce() throws SQLException {
    open().close();
    open().close();

    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT COUNT(*), MIN(success) FROM flyway_schema_history WHERE version = '1'")) {
      row.next();
      assertThat(row.getInt(1)).isEqualTo(1);
      assertThat(row.getInt(2)).isEqualTo(1);
    }
  }

  @Test
  void storesOpeningANewFileTogetherAllSucceed() throws Exception {
    String fresh = "sqlite:" + directory.resolve("fresh/state.db");
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> versions = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        versions.add(
            threads.submit(
                () -> {
                  start.await();
                  try (StateStore opened = StateStores.open(fresh, SETTINGS)) {
                    return opened.beginVersion(APP);
                  }
                }));
      }
      start.countDown();
      List<Long> began = new ArrayList<>();
      for (Future<Long> version : versions) {
        began.add(version.get(30, TimeUnit.SECONDS));
      }
      assertThat(began).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theFileIsInWriteAheadLogMode() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA journal_mode")) {
      row.next();
      assertThat(row.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void aLockFromAnotherHostHoldsWhileItsHeartbeatIsFresh() throws SQLException {
    LockInfo remote = new LockInfo("ci", "runner-7.example", 4242, Instant.now(), "apply");
    insertLockRow(APP, "remote-token", remote, Instant.now());

    assertThatThrownBy(() -> store.lock(APP, LockInfo.current("apply")))
        .isInstanceOf(LockedException.class)
        .hasMessageContaining("runner-7.example");
  }

  @Test
  void aLockFromAnotherHostIsTakenOverWhenItsLeaseRanOut() throws SQLException {
    LockInfo remote =
        new LockInfo("ci", "runner-7.example", 4242, Instant.now().minusSeconds(600), "apply");
    insertLockRow(
        APP, "remote-token", remote, Instant.now().minus(SETTINGS.lockLease()).minusSeconds(1));

    try (StateLock lock = store.lock(APP, LockInfo.current("apply"))) {
      assertThat(store.lockHolder(APP)).contains(lock.holder());
    }
  }

  @Test
  void aLiveProcessOnThisHostKeepsItsLockHoweverOldItsHeartbeat() throws SQLException {
    LockInfo self = LockInfo.current("apply");
    insertLockRow(APP, "own-token", self, Instant.now().minus(Duration.ofSeconds(5)));

    assertThatThrownBy(() -> store.lock(APP, LockInfo.current("apply")))
        .isInstanceOf(LockedException.class);
  }

  @Test
  void aReusedProcessIdDoesNotKeepALock() throws SQLException {
    // This JVM started long after the recorded holder's last heartbeat: it is not that holder.
    LockInfo before =
        new LockInfo(
            "old",
            LockInfo.current("x").host(),
            ProcessHandle.current().pid(),
            Instant.EPOCH,
            "apply");
    insertLockRow(APP, "old-token", before, Instant.EPOCH);

    try (StateLock lock = store.lock(APP, LockInfo.current("apply"))) {
      assertThat(store.lockHolder(APP).map(LockInfo::owner)).contains(lock.holder().owner());
    }
  }
}
