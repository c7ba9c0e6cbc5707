package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.LockedException;
import io.mcpiac.engine.states.StateLock;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks as rows with a lease, for databases without sessions that outlive a crash (SQLite). A
 * holder refreshes its heartbeat while it works; a lock is abandoned when its holder's process is
 * gone from this host, or, from another host, when the heartbeat is older than the lease.
 */
public final class LeaseLocks implements DeploymentLocks {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseLocks.class);
  private static final int CLAIM_ATTEMPTS = 3;

  private final Database database;
  private final LockTable table;
  private final StoreSettings settings;
  private final ScheduledExecutorService heartbeats;
  private final Set<HeldLock> held = ConcurrentHashMap.newKeySet();

  public LeaseLocks(Database database, StoreSettings settings) {
    this.database = database;
    this.table = new LockTable(database);
    this.settings = settings;
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "mcp-iac-state-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public StateLock acquire(String deployment, LockInfo who) {
    Instant now = settings.clock().instant();
    LockInfo holder =
        new LockInfo(
            who.owner(),
            who.host(),
            who.pid(),
            Millis.truncate(who.startedAt() == null ? now : who.startedAt()),
            who.operation());
    String token = UUID.randomUUID().toString();
    database.write(
        () -> {
          claim(deployment, token, holder, now);
          return null;
        });
    HeldLock lock = new HeldLock(deployment, holder, token, this::release);
    long interval = settings.heartbeatInterval().toMillis();
    lock.keepAliveWith(
        heartbeats.scheduleWithFixedDelay(
            () -> heartbeat(lock), interval, interval, TimeUnit.MILLISECONDS));
    held.add(lock);
    return lock;
  }

  @Override
  public Optional<LockInfo> holder(String deployment) {
    return database.read(() -> table.find(deployment).map(LockTable.Row::holder));
  }

  @Override
  public void forceUnlock(String deployment) {
    database.write(
        () -> {
          table.deleteAny(deployment);
          return null;
        });
  }

  @Override
  public void close() {
    try {
      for (HeldLock lock : List.copyOf(held)) {
        lock.close();
      }
    } finally {
      heartbeats.shutdownNow();
    }
  }

  private void claim(String deployment, String token, LockInfo who, Instant now)
      throws SQLException {
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      Optional<LockTable.Row> current = table.find(deployment);
      if (current.isEmpty()) {
        if (table.insertIfAbsent(deployment, token, who, now)) {
          return;
        }
        continue; // another writer inserted first: look at its row
      }
      LockTable.Row row = current.get();
      if (!abandoned(row, now)) {
        throw new LockedException(deployment, row.holder());
      }
      if (table.takeOver(deployment, row.token(), token, who, now)) {
        LOG.warn(
            "took over the abandoned lock of deployment '{}' from {}",
            deployment,
            row.holder().describe());
        return;
      }
    }
    throw new IllegalStateException(
        "the lock of deployment '" + deployment + "' kept changing hands; try again");
  }

  private boolean abandoned(LockTable.Row row, Instant now) {
    if (row.holder().host().equals(LocalProcesses.HOST)) {
      return !LocalProcesses.mayHold(row.holder().pid(), row.heartbeatAt());
    }
    return Duration.between(row.heartbeatAt(), now).compareTo(settings.lockLease()) > 0;
  }

  private void heartbeat(HeldLock lock) {
    try {
      boolean stillHeld =
          database.write(
              () -> table.heartbeat(lock.deployment(), lock.token(), settings.clock().instant()));
      if (!stillHeld) {
        LOG.warn(
            "the lock of deployment '{}' was taken over or forced open; no longer refreshing it",
            lock.deployment());
        lock.stopHeartbeat();
      }
    } catch (RuntimeException e) {
      // A busy or briefly failing database must not end the heartbeat: the lease is long enough
      // for the next one to succeed.
      LOG.warn("could not refresh the lock of deployment '{}'", lock.deployment(), e);
    }
  }

  private void release(HeldLock lock) {
    held.remove(lock);
    database.write(
        () -> {
          table.delete(lock.deployment(), lock.token());
          return null;
        });
  }
}
