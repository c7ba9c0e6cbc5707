package io.mcpiac.engine.refresh;

import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateStore;
import java.util.List;

/**
 * Writes a refresh plan to state as one new version, each resource journalled like an apply's step.
 * The caller holds the deployment's lock and made the plan under it.
 */
public final class RefreshWriter {
  private RefreshWriter() {}

  /** Returns the new state version; the current one when there is nothing to write. */
  public static long write(StateStore store, RefreshPlan plan) {
    String deployment = plan.deployment();
    if (!plan.hasChanges()) {
      return plan.stateVersion();
    }
    long version = store.beginVersion(deployment);
    for (RefreshPlan.Entry e : plan.entries()) {
      ResourceRecord r = e.recorded();
      JournalEntry entry =
          store
              .journalIntents(
                  List.of(
                      JournalEntry.intent(
                          deployment, version, JournalEntry.Phase.REFRESH, Change.Kind.UPDATE, r)))
              .get(0);
      store.journalFinish(
          entry, JournalEntry.Status.DONE, null, e.updated(), e.gone() ? r.name() : null);
    }
    return version;
  }
}
