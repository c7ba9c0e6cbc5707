package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.KeptSecrets;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateDamagedException;
import io.mcpiac.engine.states.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One call to a provider for a batch of steps, journalled: the intents (and those of the
 * activations the call will run) in one transaction before it, then each outcome with its effect on
 * state in a transaction of its own. A call that fails as a whole leaves nothing known of its
 * changes: a live read finds out.
 */
final class JournalledCall {
  private final ProviderRegistry registry;
  private final StateStore store;
  private final String deployment;
  private final long version;
  private final StateDamage damage;
  private final Rollback rollback;
  private final KeptSecrets kept;

  JournalledCall(
      ProviderRegistry registry,
      StateStore store,
      String deployment,
      long version,
      StateDamage damage,
      Rollback rollback,
      KeptSecrets kept) {
    this.registry = registry;
    this.store = store;
    this.deployment = deployment;
    this.version = version;
    this.damage = damage;
    this.rollback = rollback;
    this.kept = kept;
  }

  /** Journals the steps' intents, calls the provider once, and records each outcome. */
  void run(Provider provider, List<Step> steps) {
    if (steps.isEmpty()) {
      return;
    }
    List<JournalEntry> intents = new ArrayList<>(steps.size());
    for (Step s : steps) {
      intents.add(
          JournalEntry.intent(
              deployment, version, JournalEntry.Phase.APPLY, s.change(), s.journalled()));
    }
    List<Change> changes = steps.stream().map(Step::change).toList();
    Activations.Batch journalled;
    try {
      journalled = Activations.journal(store, provider, intents, changes);
    } catch (StateDamagedException e) {
      // nothing was asked of the provider: these changes did not start
      damage.record(e);
      steps.forEach(s -> s.node().fail("not started: " + e.getMessage()));
      return;
    }
    List<JournalEntry> written = journalled.changes();
    List<ChangeResult> results;
    try {
      results = provider.apply(changes, kept);
      if (results.size() != steps.size()) {
        throw new IllegalStateException(
            "provider "
                + provider.name()
                + " answered "
                + results.size()
                + " results for "
                + steps.size()
                + " changes");
      }
    } catch (RuntimeException batchFailure) {
      // nothing is known of any change of the batch: find out with a live read
      new JournalRecovery(registry, store).reconcile(deployment, written);
      new Activations(registry, store).reactivate(journalled.activations(), deployment);
      steps.forEach(s -> s.node().fail(String.valueOf(batchFailure.getMessage())));
      return;
    }
    List<Outcome> outcomes = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      outcomes.add(outcome(steps.get(i), results.get(i), written.get(i)));
    }
    Runnable activationsDone =
        () ->
            new Activations(registry, store)
                .done(journalled.activations(), provider, changes, results, deployment, version);
    try {
      // the results came together: they are recorded together, in one commit
      store.atomically(
          () -> {
            activationsDone.run();
            outcomes.forEach(Outcome::write);
          });
    } catch (StateDamagedException e) {
      // nothing of the transaction was kept: one by one, what can still be written is, and every
      // change that could not be is named
      recordSafely(activationsDone, null);
      outcomes.forEach(o -> recordSafely(o::write, o.done()));
    }
    outcomes.forEach(Outcome::settle);
  }

  /** A step's result: what to write to the journal and state, then what the step learns. */
  private final class Outcome {
    private final Step step;
    private final ChangeResult result;
    private final JournalEntry entry;
    private final ResourceRecord put;

    Outcome(Step step, ChangeResult result, JournalEntry entry, ResourceRecord put) {
      this.step = step;
      this.result = result;
      this.entry = entry;
      this.put = put;
    }

    /** The change that happened on the system, or null when it failed there. */
    Change done() {
      return result.success() ? step.change() : null;
    }

    void write() {
      if (result.success()) {
        List<ResourceRecord> puts = new ArrayList<>(2);
        if (put != null) {
          puts.add(put);
        }
        if (step.deposedOnSuccess() != null) {
          puts.add(step.deposedOnSuccess());
        }
        store.journalFinishRecords(
            entry, JournalEntry.Status.DONE, null, puts, step.removeOnSuccess());
      } else {
        store.journalFinish(entry, JournalEntry.Status.FAILED, result.error(), null, null);
      }
    }

    /** After the write (or its failure): a failed step fails, a done one keeps its undo. */
    void settle() {
      if (result.success()) {
        rollback.completed(step.undo().after(step.change(), result));
      } else {
        step.node().fail(result.error());
      }
    }
  }

  private Outcome outcome(Step s, ChangeResult r, JournalEntry entry) {
    ResourceRecord put = r.success() && s.putOnSuccess() != null ? applied(s, r) : null;
    return new Outcome(s, r, entry, put);
  }

  /** The record as the provider left the object; the node learns its id and outputs. */
  private ResourceRecord applied(Step s, ChangeResult r) {
    ResourceRecord put = s.putOnSuccess();
    ActionNode n = s.node();
    // what the provider answers may carry the secrets it was given: they stay secret
    Set<String> secrets = Secrets.clearTexts(n.resolved);
    String salt = Values.salt(deployment, put.name());
    ObjectNode props =
        r.properties() == null
            ? put.properties()
            : Values.redact(n.type, salt, Secrets.taintObject(r.properties(), secrets));
    ObjectNode outputs =
        Secrets.taintObject(r.outputs() == null ? Json.object() : r.outputs(), secrets);
    put = put.withOutcome(r.id(), props, Values.redact(null, salt + "/outputs", outputs));
    n.outputs = outputs;
    n.id = put.id();
    return put;
  }

  /**
   * Records a result; when state is damaged the change still counts as done (it happened on the
   * system) and the report names it as not recorded.
   */
  private void recordSafely(Runnable write, Change done) {
    try {
      write.run();
    } catch (StateDamagedException e) {
      damage.record(e);
      if (done != null) {
        damage.unrecorded(
            done.kind().name().toLowerCase(Locale.ROOT)
                + " "
                + done.name()
                + " (id "
                + done.id()
                + ")");
      }
    }
  }
}
