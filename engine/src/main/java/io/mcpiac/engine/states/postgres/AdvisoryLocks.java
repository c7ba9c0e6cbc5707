package io.mcpiac.engine.states.postgres;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.LockedException;
import io.mcpiac.engine.states.StateStoreException;
import io.mcpiac.engine.states.StoreSettings;
import io.mcpiac.engine.states.jdbc.Database;
import io.mcpiac.engine.states.jdbc.LockTable;
import io.mcpiac.engine.states.jdbc.RowLocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL session advisory locks, each on a connection of its own held for the lock's lifetime:
 * when a writer dies, its connection ends and the server releases the lock, so there is no lease to
 * wait out. The {@code locks} row only names the holder for messages.
 */
final class AdvisoryLocks extends RowLocks {
  private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?)";

  /**
   * A writer whose machine vanished (no connection reset) must not keep its lock until the server's
   * default keepalive (hours) gives up on it: probe an idle lock session's client after 30 s,
   * declare it dead after three unanswered probes 10 s apart. Plain session settings.
   */
  private static final String PROBE_THE_CLIENT =
      "SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10;"
          + " SET tcp_keepalives_count = 3";

  private static final String UNLOCK = "SELECT pg_advisory_unlock(?)";

  /** Sessions holding the lock; a bigint key shows as classid (high half), objid (low half). */
  private static final String HOLDING_SESSIONS =
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
          + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
          + " AND classid::bigint = ? AND objid::bigint = ?";

  private static final String TERMINATE = "SELECT pg_terminate_backend(?)";
  private static final Duration TERMINATION_WAIT = Duration.ofSeconds(10);

  AdvisoryLocks(Database database, StoreSettings settings) {
    super(database, settings);
  }

  /**
   * The advisory lock key of a deployment: 64 bits of a SHA-256 over a prefix and the name, so that
   * neither two deployments nor other applications' advisory locks collide in practice.
   */
  static long key(String deployment) {
    return HexFormat.fromHexDigitsToLong(Json.sha256("mcp-iac:deployment:" + deployment), 0, 16);
  }

  @Override
  protected LockSession claim(String deployment, String token, LockInfo holder, Instant now) {
    long key = key(deployment);
    Connection session = openSession();
    boolean won;
    try (Statement configure = session.createStatement();
        PreparedStatement tryLock = session.prepareStatement(TRY_LOCK)) {
      configure.execute(PROBE_THE_CLIENT);
      tryLock.setLong(1, key);
      try (ResultSet row = tryLock.executeQuery()) {
        row.next();
        won = row.getBoolean(1);
      }
    } catch (SQLException e) {
      closeQuietly(session);
      throw new StateStoreException("cannot take the lock of deployment '" + deployment + "'", e);
    }
    if (!won) {
      closeQuietly(session);
      throw new LockedException(deployment, namedHolder(deployment, now));
    }
    try {
      // Any row left here belongs to a session that has ended: the lock was free.
      database.write(
          () -> {
            table.claim(deployment, token, holder, now);
            return null;
          });
    } catch (RuntimeException e) {
      closeQuietly(session);
      throw e;
    }
    return new AdvisorySession(session, key);
  }

  @Override
  public Optional<LockInfo> holder(String deployment) {
    return database.read(
        () ->
            holdingSessions(deployment).isEmpty()
                ? Optional.empty()
                : table.find(deployment).map(LockTable.Row::holder));
  }

  /** Ends the holder's session (which releases its advisory lock) and removes its row. */
  @Override
  public void forceUnlock(String deployment) {
    List<Integer> sessions =
        database.write(
            () -> {
              List<Integer> holding = holdingSessions(deployment);
              for (int pid : holding) {
                PreparedStatement terminate = database.statement(TERMINATE);
                terminate.setInt(1, pid);
                terminate.executeQuery().close();
              }
              table.deleteAny(deployment);
              return holding;
            });
    if (!sessions.isEmpty()) {
      awaitRelease(deployment);
    }
  }

  /** A session ends a moment after it is told to: wait, so the next claim finds the lock free. */
  private void awaitRelease(String deployment) {
    long deadline = System.nanoTime() + TERMINATION_WAIT.toNanos();
    while (!database.read(() -> holdingSessions(deployment)).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the session holding deployment '" + deployment + "' did not end");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while forcing a lock open", e);
      }
    }
  }

  private List<Integer> holdingSessions(String deployment) throws SQLException {
    long key = key(deployment);
    PreparedStatement select = database.statement(HOLDING_SESSIONS);
    select.setLong(1, key >>> 32);
    select.setLong(2, key & 0xFFFF_FFFFL);
    List<Integer> sessions = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        sessions.add(row.getInt(1));
      }
    }
    return sessions;
  }

  /** The row's holder, or a stand-in when the winner has not written its row yet. */
  private LockInfo namedHolder(String deployment, Instant now) {
    return database
        .read(() -> table.find(deployment).map(LockTable.Row::holder))
        .orElseGet(() -> new LockInfo("another session", "unknown host", 0, now, "unknown"));
  }

  private Connection openSession() {
    try {
      return database.openConnection();
    } catch (SQLException e) {
      throw new StateStoreException("cannot open a lock session: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing ends the session, which releases the lock either way.
    }
  }

  /** The connection that holds one advisory lock. */
  private record AdvisorySession(Connection connection, long key) implements LockSession {
    private static final int VALIDITY_TIMEOUT_SECONDS = 5;

    @Override
    public boolean isAlive() {
      try {
        return connection.isValid(VALIDITY_TIMEOUT_SECONDS);
      } catch (SQLException e) {
        return false;
      }
    }

    @Override
    public void close() {
      try (PreparedStatement unlock = connection.prepareStatement(UNLOCK)) {
        unlock.setLong(1, key);
        unlock.executeQuery().close();
      } catch (SQLException e) {
        // The session may be gone already (forced open); closing it releases the lock anyway.
      } finally {
        closeQuietly(connection);
      }
    }
  }
}
