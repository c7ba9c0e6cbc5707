package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.StateLock;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A lock this store holds: kept alive by a heartbeat until closed, released once. */
final class HeldLock implements StateLock {
  private final String deployment;
  private final LockInfo holder;
  private final String token;
  private final RowLocks.LockSession session;
  private final Consumer<HeldLock> release;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Future<?> heartbeat;

  HeldLock(
      String deployment,
      LockInfo holder,
      String token,
      RowLocks.LockSession session,
      Consumer<HeldLock> release) {
    this.deployment = deployment;
    this.holder = holder;
    this.token = token;
    this.session = session;
    this.release = release;
  }

  @Override
  public String deployment() {
    return deployment;
  }

  @Override
  public LockInfo holder() {
    return holder;
  }

  String token() {
    return token;
  }

  RowLocks.LockSession session() {
    return session;
  }

  void keepAliveWith(Future<?> heartbeat) {
    this.heartbeat = heartbeat;
  }

  void stopHeartbeat() {
    Future<?> current = heartbeat;
    if (current != null) {
      current.cancel(false);
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      stopHeartbeat();
      release.accept(this);
    }
  }
}
