package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.opnsense.emulator.api.EmulatorCore;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.config.Subsystem;
import io.mcpiac.opnsense.emulator.model.Collections;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 26.1 rollback timer ({@code rollback_timer.php}): started by {@code apply/<rev>}, one at a
 * time; unless {@code cancelRollback/<rev>} comes within the timeout (60 s, shorter through the
 * control API) it restores the {@code <Filter>} subtree of that revision — MVC rules, source NAT,
 * one-to-one and NPT, not aliases or port forwards — saves and reloads the firewall.
 */
public final class SavepointTimer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SavepointTimer.class);

  /** The lists {@code Filter::rollback()} replaces. */
  static final List<String> FILTER_SUBTREE =
      List.of(
          Collections.FILTER_RULES,
          Collections.SNAT_RULES,
          Collections.ONE_TO_ONE,
          Collections.NPT);

  private final EmulatorCore core;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "opnsense-rollback-timer");
            t.setDaemon(true);
            return t;
          });
  private volatile Duration timeout = Duration.ofSeconds(60);
  private String pendingRevision;
  private ScheduledFuture<?> pending;

  public SavepointTimer(EmulatorCore core) {
    this.core = core;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }

  /** The revision a running timer will restore, or null. */
  public synchronized String pendingRevision() {
    return pending != null && !pending.isDone() ? pendingRevision : null;
  }

  /** {@code flock -n}: a second timer while one runs is silently skipped. */
  public synchronized void start(String revision) {
    String rev = revision.replaceAll("[^0-9.]", "");
    if (pendingRevision() != null) {
      return;
    }
    pendingRevision = rev;
    pending = scheduler.schedule(() -> fire(rev), timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Removes the lock file: true when a timer for this revision was waiting. */
  public synchronized boolean cancel(String revision) {
    String rev = revision.replaceAll("[^0-9.]", "");
    if (pending != null && !pending.isDone() && rev.equals(pendingRevision)) {
      pending.cancel(false);
      pending = null;
      pendingRevision = null;
      return true;
    }
    return false;
  }

  private void fire(String rev) {
    synchronized (this) {
      pending = null;
      pendingRevision = null;
    }
    if (!rollback(rev, "(system)", "rollback to " + rev)) {
      LOG.warn("unable to revert to unexisting revision : {}", rev);
    }
  }

  /** Whether the backup of a revision exists ({@code /conf/backup/config-<rev>.xml}). */
  public boolean hasRevision(String revision) {
    return core.store().revision(revision.replaceAll("[^0-9.]", "")) != null;
  }

  /** {@code Filter::rollback()}: false when the revision's backup does not exist. */
  public boolean rollback(String revision, String user, String description) {
    Config old = core.store().revision(revision.replaceAll("[^0-9.]", ""));
    if (old == null) {
      return false;
    }
    core.store()
        .replace(
            c -> {
              for (String list : FILTER_SUBTREE) {
                JsonNode restored = old.collection(list).deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) c.json().get("collections"))
                    .set(list, restored);
              }
              return c;
            },
            user,
            description);
    core.store().apply(Subsystem.FILTER);
    LOG.info("firewall rules rolled back to revision {}", revision);
    return true;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
