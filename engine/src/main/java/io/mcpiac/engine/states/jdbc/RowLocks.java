package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.StateLock;
import io.mcpiac.engine.states.StoreSettings;
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
 * Locks whose holder is a row of {@code locks} (the name in a {@link
 * io.mcpiac.engine.states.LockedException}), refreshed by a heartbeat on a daemon thread while held
 * and deleted on release. A subclass decides how a lock is claimed, and what else a holding keeps
 * open (PostgreSQL: the session of its advisory lock).
 */
public abstract class RowLocks implements DeploymentLocks {
  private static final Logger LOG = LoggerFactory.getLogger(RowLocks.class);

  protected final Database database;
  protected final LockTable table;
  protected final StoreSettings settings;
  private final ScheduledExecutorService heartbeats;
  private final Set<HeldLock> held = ConcurrentHashMap.newKeySet();

  protected RowLocks(Database database, StoreSettings settings) {
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

  /**
   * Claims the lock for {@code holder} under {@code token}, writing its row, or throws {@link
   * io.mcpiac.engine.states.LockedException}.
   *
   * @return what the holding keeps open until it is released
   */
  protected abstract LockSession claim(
      String deployment, String token, LockInfo holder, Instant now);

  @Override
  public final StateLock acquire(String deployment, LockInfo who) {
    Instant now = settings.clock().instant();
    LockInfo holder =
        new LockInfo(
            who.owner(),
            who.host(),
            who.pid(),
            Millis.truncate(who.startedAt() == null ? now : who.startedAt()),
            who.operation());
    String token = UUID.randomUUID().toString();
    LockSession session = claim(deployment, token, holder, now);
    HeldLock lock = new HeldLock(deployment, holder, token, session, this::release);
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
      awaitHeartbeats();
    }
  }

  /** Lets a heartbeat under way finish, so that it does not meet a closed connection. */
  private void awaitHeartbeats() {
    try {
      heartbeats.awaitTermination(settings.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void heartbeat(HeldLock lock) {
    try {
      if (!lock.session().isAlive()) {
        LOG.warn(
            "the lock session of deployment '{}' is gone; another writer may take the lock",
            lock.deployment());
      }
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
    try {
      database.write(
          () -> {
            table.delete(lock.deployment(), lock.token());
            return null;
          });
    } finally {
      lock.session().close();
    }
  }

  /** What a holding keeps open besides its row. */
  public interface LockSession {
    /** Nothing: the row is the whole lock. */
    LockSession NONE =
        new LockSession() {
          @Override
          public boolean isAlive() {
            return true;
          }

          @Override
          public void close() {}
        };

    /** Whether the holding still stands as far as the session can tell. */
    boolean isAlive();

    void close();
  }
}
