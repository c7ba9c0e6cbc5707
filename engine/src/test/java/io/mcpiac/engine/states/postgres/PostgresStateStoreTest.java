package io.mcpiac.engine.states.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.LockedException;
import io.mcpiac.engine.states.StateLock;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStoreContract;
import io.mcpiac.engine.states.StateStoreException;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.engine.states.StoreSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract on a real PostgreSQL server, one database per test, plus its advisory locks. */
class PostgresStateStoreTest extends StateStoreContract {
  private String database;

  @Override
  protected StateStore openStore(StoreSettings settings) {
    return StateStores.open(location("postgres"), settings);
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:"
            + EmbeddedPostgresServer.server().getPort()
            + "/"
            + database(),
        "postgres",
        "");
  }

  @Override
  protected String location() {
    return location("postgres");
  }

  private String location(String userInfo) {
    return "postgresql://"
        + userInfo
        + "@localhost:"
        + EmbeddedPostgresServer.server().getPort()
        + "/"
        + database();
  }

  /** A fresh database for each test, created on first use. */
  private String database() {
    if (database == null) {
      database = EmbeddedPostgresServer.freshDatabase();
    }
    return database;
  }

  @Test
  void theLocationNamesUserHostAndDatabaseButNeverThePassword() {
    try (StateStore withPassword = StateStores.open(location("postgres:s3cret"))) {
      assertThat(withPassword.location()).isEqualTo(location("postgres")).doesNotContain("s3cret");
    }
  }

  @Test
  void anUnreachableServerFailsWithoutThePassword() {
    assertThatThrownBy(() -> StateStores.open("postgresql://ci:s3cret@127.0.0.1:1/state"))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("postgresql://ci@127.0.0.1:1/state")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void migrationsRunOnce() throws SQLException {
    open().close();
    open().close();

    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success")) {
      row.next();
      assertThat(row.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void aLockIsReleasedWhenItsHoldersSessionEnds() throws Exception {
    LockInfo crashed = new LockInfo("ci", "runner-7.example", 4242, Instant.now(), "apply");
    try (Connection holder = connect()) {
      holdAdvisoryLock(holder, APP);
      insertLockRow(APP, "crashed-token", crashed, Instant.now());

      assertThatThrownBy(() -> store.lock(APP, LockInfo.current("apply")))
          .isInstanceOfSatisfying(
              LockedException.class,
              e -> assertThat(e.holder().host()).isEqualTo("runner-7.example"));
      assertThat(store.lockHolder(APP).map(LockInfo::host)).contains("runner-7.example");
    }
    // The holder's connection is gone, as when its process dies: the server releases the lock
    // as soon as that session's backend has ended, a moment later.
    awaitNoHolder(APP);
    try (StateLock lock = store.lock(APP, LockInfo.current("apply"))) {
      assertThat(store.lockHolder(APP)).contains(lock.holder());
    }
  }

  @Test
  void aSessionWithoutItsRowIsNamedAsAnotherSession() throws SQLException {
    try (Connection holder = connect()) {
      holdAdvisoryLock(holder, APP);

      assertThatThrownBy(() -> store.lock(APP, LockInfo.current("apply")))
          .isInstanceOf(LockedException.class)
          .hasMessageContaining("another session");
    }
  }

  @Test
  void aStoreReconnectsAfterItsSessionWasEnded() throws SQLException {
    store.beginVersion(APP);
    try (Connection admin = connect();
        Statement statement = admin.createStatement()) {
      statement.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }

    long version = -1;
    for (int attempt = 0; attempt < 3 && version < 0; attempt++) {
      try {
        version = store.version(APP);
      } catch (StateStoreException e) {
        // The call that meets the dead connection fails; the store reconnects for the next.
      }
    }
    assertThat(version).isEqualTo(1);
  }

  @Test
  void deploymentsHaveDistinctKeys() {
    assertThat(AdvisoryLocks.key("app")).isNotEqualTo(AdvisoryLocks.key("app2"));
    assertThat(AdvisoryLocks.key("app")).isEqualTo(AdvisoryLocks.key("app"));
  }

  private void awaitNoHolder(String deployment) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (store.lockHolder(deployment).isPresent() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(store.lockHolder(deployment)).isEmpty();
  }

  private static void holdAdvisoryLock(Connection connection, String deployment)
      throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
      lock.setLong(1, AdvisoryLocks.key(deployment));
      lock.executeQuery().close();
    }
  }
}
