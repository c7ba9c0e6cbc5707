package io.mcpiac.engine.states;

import java.time.Clock;
import java.time.Duration;

/**
 * Tunables of a {@link JdbcStateStore}.
 *
 * @param lockLease how long a lock held from another host stays valid without a heartbeat
 * @param heartbeatInterval how often a held lock refreshes its heartbeat; well under the lease
 * @param clock the source of every timestamp the store writes
 */
public record StoreSettings(Duration lockLease, Duration heartbeatInterval, Clock clock) {

  public StoreSettings {
    if (heartbeatInterval.compareTo(lockLease) >= 0) {
      throw new IllegalArgumentException("the heartbeat must come more often than the lease ends");
    }
  }

  /** A two-minute lease refreshed every 30 seconds. */
  public static StoreSettings defaults() {
    return new StoreSettings(Duration.ofMinutes(2), Duration.ofSeconds(30), Clock.systemUTC());
  }
}
