package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.StateLock;
import java.util.Optional;

/** One database's way of guarding deployments' write locks. */
public interface DeploymentLocks extends AutoCloseable {

  /** See {@link io.mcpiac.engine.states.StateStore#lock}. */
  StateLock acquire(String deployment, LockInfo who);

  Optional<LockInfo> holder(String deployment);

  void forceUnlock(String deployment);

  /** Releases every lock this store still holds. */
  @Override
  void close();
}
