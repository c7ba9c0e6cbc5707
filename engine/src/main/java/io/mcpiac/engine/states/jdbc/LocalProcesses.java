package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.LockInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What this host can tell about a lock holder that claims to run on it. */
final class LocalProcesses {
  /** The host name locks record, spelled exactly as {@link LockInfo#current} spells it. */
  static final String HOST = LockInfo.current("host").host();

  /** Slack for the process start time, which Linux derives from the boot time in whole seconds. */
  private static final Duration START_TIME_SLACK = Duration.ofMinutes(1);

  private LocalProcesses() {}

  /**
   * Whether process {@code pid} may still be the holder that last showed life at {@code lastSeen}.
   * A process id is reused after its process ends (or after a reboot), so a live process that
   * started after the holder's last heartbeat is not the holder.
   */
  static boolean mayHold(long pid, Instant lastSeen) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return false;
    }
    Optional<Instant> started = process.get().info().startInstant();
    return started.isEmpty() || !started.get().isAfter(lastSeen.plus(START_TIME_SLACK));
  }
}
