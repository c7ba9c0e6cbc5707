package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.LockedException;
import io.mcpiac.engine.states.StoreSettings;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks that are only rows, with a lease, for databases whose sessions do not outlive a crash in a
 * way others can see (SQLite). A lock is abandoned when its holder's process is gone from this
 * host, or, held from another host, when its heartbeat is older than the lease.
 */
public final class LeaseLocks extends RowLocks {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseLocks.class);
  private static final int CLAIM_ATTEMPTS = 3;

  public LeaseLocks(Database database, StoreSettings settings) {
    super(database, settings);
  }

  @Override
  protected LockSession claim(String deployment, String token, LockInfo holder, Instant now) {
    database.write(
        () -> {
          claimRow(deployment, token, holder, now);
          return null;
        });
    return LockSession.NONE;
  }

  /**
   * Insert if absent, else take over if abandoned: conditional writes, safe under any isolation.
   */
  private void claimRow(String deployment, String token, LockInfo holder, Instant now)
      throws SQLException {
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      Optional<LockTable.Row> current = table.find(deployment);
      if (current.isEmpty()) {
        if (table.insertIfAbsent(deployment, token, holder, now)) {
          return;
        }
        continue; // another writer inserted first: look at its row
      }
      LockTable.Row row = current.get();
      if (!abandoned(row, now)) {
        throw new LockedException(deployment, row.holder());
      }
      if (table.takeOver(deployment, row.token(), token, holder, now)) {
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
}
