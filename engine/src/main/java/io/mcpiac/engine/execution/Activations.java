package io.mcpiac.engine.execution;

import io.mcpiac.engine.plans.PendingActivation;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.StateStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The activation step of provider calls, journalled with the batch it belongs to: one entry per
 * scope, written as an intent in the same transaction as the batch's change intents and finished
 * once the call returned. An entry still an intent after a crash means the scope may hold written
 * but inactive changes: recovery activates it again before it reconciles anything else.
 */
final class Activations {
  private final ProviderRegistry registry;
  private final StateStore store;

  Activations(ProviderRegistry registry, StateStore store) {
    this.registry = registry;
    this.store = store;
  }

  /** Intents (not yet written) for the scopes {@code batch} will activate on {@code instance}. */
  static List<JournalEntry> intents(
      Provider provider, String instance, List<Change> batch, String deployment, long version) {
    List<JournalEntry> out = new ArrayList<>();
    for (String scope : provider.activationScopes(batch)) {
      out.add(JournalEntry.activation(deployment, version, instance, scope));
    }
    return out;
  }

  /** A batch's journal entries as written: its changes, and the activations of its scopes. */
  record Batch(List<JournalEntry> changes, List<JournalEntry> activations) {}

  /**
   * Writes the intents of a batch's changes and of the activations it will run, in one transaction,
   * before the provider is called.
   */
  static Batch journal(
      StateStore store, Provider provider, List<JournalEntry> changeIntents, List<Change> batch) {
    JournalEntry first = changeIntents.get(0);
    List<JournalEntry> all = new ArrayList<>(changeIntents);
    all.addAll(intents(provider, first.provider(), batch, first.deployment(), first.version()));
    List<JournalEntry> written = store.journalIntents(all);
    int n = changeIntents.size();
    return new Batch(
        List.copyOf(written.subList(0, n)), List.copyOf(written.subList(n, written.size())));
  }

  /**
   * Records that the call these entries belong to returned: the activation of a scope ran ({@code
   * DONE}) unless the provider said it could not activate it (a successful change {@link
   * ChangeResult#notActivated}) or every change of the batch in that scope failed. Then it is
   * finished {@code FAILED}: the provider may have failed to activate the scope and taken its
   * writes back by writes that are not active either, which cannot be told apart from changes
   * refused before anything was written; the scope stays {@code activate} drift (activating again
   * is harmless) until an activation of it succeeds.
   */
  void done(
      List<JournalEntry> entries,
      Provider provider,
      List<Change> batch,
      List<ChangeResult> results,
      String deployment,
      long version) {
    for (JournalEntry e : entries) {
      finish(
          List.of(e),
          JournalEntry.Status.DONE,
          notActivated(e.resource(), provider, batch, results),
          deployment,
          version);
    }
  }

  /**
   * Why {@code scope} may not be active after the batch; null when a change of it succeeded and was
   * activated.
   */
  private static String notActivated(
      String scope, Provider provider, List<Change> batch, List<ChangeResult> results) {
    String error = null;
    for (int i = 0; i < batch.size(); i++) {
      if (provider.activationScopes(List.of(batch.get(i))).contains(scope)) {
        if (results.get(i).success() && results.get(i).notActivated() != null) {
          return results.get(i).notActivated();
        }
        if (results.get(i).success()) {
          return null;
        }
        error = error == null ? results.get(i).error() : error;
      }
    }
    return error == null ? null : "every change of " + scope + " failed: " + error;
  }

  /** Finishes entries as {@code ok}, or as failed with {@code error} when there is one. */
  private void finish(
      List<JournalEntry> entries,
      JournalEntry.Status ok,
      String error,
      String deployment,
      long version) {
    for (JournalEntry e : entries) {
      store.journalFinish(
          e.id(),
          error == null ? ok : JournalEntry.Status.FAILED,
          error,
          deployment,
          version,
          null,
          null);
    }
  }

  /**
   * Activates the scopes of entries whose call did not record its activation (a crash, a batch that
   * failed as a whole), one call per provider instance, and finishes the entries: {@code
   * RECONCILED} when it worked, {@code FAILED} with the reason when not (the next plan then shows
   * the scope as drift to activate). Returns one line per instance.
   */
  List<String> reactivate(List<JournalEntry> entries, String deployment) {
    Map<String, List<JournalEntry>> byInstance = new LinkedHashMap<>();
    for (JournalEntry e : entries) {
      byInstance.computeIfAbsent(e.provider(), k -> new ArrayList<>()).add(e);
    }
    List<String> report = new ArrayList<>();
    long version = store.version(deployment);
    byInstance.forEach(
        (instance, group) -> {
          List<String> scopes = group.stream().map(JournalEntry::resource).distinct().toList();
          String error = activate(instance, scopes);
          finish(group, JournalEntry.Status.RECONCILED, error, deployment, version);
          report.add(
              "activate "
                  + instance
                  + " "
                  + String.join(", ", scopes)
                  + (error == null ? ": activated again" : ": could not be activated: " + error));
        });
    return report;
  }

  /**
   * Runs the plan's {@code activate} drift, journalled like any call: intent, activation, result.
   *
   * @throws ProviderException when a scope could not be activated
   */
  void runPending(List<PendingActivation> pending, String deployment, long version) {
    Map<String, List<String>> byInstance = new LinkedHashMap<>();
    for (PendingActivation p : pending) {
      byInstance.computeIfAbsent(p.provider(), k -> new ArrayList<>()).add(p.scope());
    }
    for (Map.Entry<String, List<String>> e : byInstance.entrySet()) {
      List<JournalEntry> intents = new ArrayList<>();
      for (String scope : e.getValue()) {
        intents.add(JournalEntry.activation(deployment, version, e.getKey(), scope));
      }
      List<JournalEntry> written = store.journalIntents(intents);
      String error = activate(e.getKey(), e.getValue());
      finish(written, JournalEntry.Status.DONE, error, deployment, version);
      if (error != null) {
        throw new ProviderException(
            "could not activate "
                + e.getKey()
                + " "
                + String.join(", ", e.getValue())
                + ": "
                + error);
      }
    }
  }

  /** Null when the scopes are active now, else why not. */
  private String activate(String instance, List<String> scopes) {
    Provider provider =
        registry
            .instance(instance)
            .orElseThrow(
                () -> new IllegalStateException("no provider instance '" + instance + "'"));
    try {
      provider.activate(scopes);
      return null;
    } catch (RuntimeException e) {
      return String.valueOf(e.getMessage());
    }
  }
}
