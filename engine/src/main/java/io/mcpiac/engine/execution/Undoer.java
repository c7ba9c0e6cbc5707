package io.mcpiac.engine.execution;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceState;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.Deposed;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateDamagedException;
import io.mcpiac.engine.states.StateStore;
import java.util.List;

/**
 * Runs one compensation of a rollback as a journalled call, like any change. When the state
 * database is full, the undo does not wait for a journal row it cannot write: it undoes, records
 * what it can, and the next run reconciles the rest with a live read.
 */
final class Undoer {
  private final ProviderRegistry registry;
  private final StateStore store;
  private final String deployment;
  private final long version;
  private final StateDamage damage;

  Undoer(
      ProviderRegistry registry,
      StateStore store,
      String deployment,
      long version,
      StateDamage damage) {
    this.registry = registry;
    this.store = store;
    this.deployment = deployment;
    this.version = version;
    this.damage = damage;
  }

  /** Null when undone, else why not. */
  String undo(Undo planned) {
    Undo u = checked(planned);
    Change c = u.change();
    ResourceRecord rec =
        u.put() != null
            ? u.put()
            : new ResourceRecord(
                c.name(),
                c.type().name(),
                u.provider().name(),
                c.id(),
                // the change carries secrets in clear for the provider; the journal never does
                Values.redact(c.type(), Values.salt(deployment, c.name()), c.prior()),
                Json.object(),
                List.of(),
                ResourceState.DELETING);
    Activations.Batch journalled = null;
    try {
      journalled =
          Activations.journal(
              store,
              u.provider(),
              List.of(JournalEntry.intent(deployment, version, JournalEntry.Phase.UNDO, c, rec)),
              List.of(c));
    } catch (StateDamagedException e) {
      damage.record(e);
    }
    Activations activations = new Activations(registry, store);
    ChangeResult r;
    try {
      r = u.provider().apply(List.of(c)).get(0);
    } catch (RuntimeException e) {
      if (journalled != null) {
        try {
          new JournalRecovery(registry, store).reconcile(deployment, journalled.changes());
          activations.reactivate(journalled.activations(), deployment);
        } catch (StateDamagedException d) {
          damage.record(d);
        }
      }
      return String.valueOf(e.getMessage());
    }
    if (journalled == null) {
      return r.success() ? null : r.error();
    }
    JournalEntry intent = journalled.changes().get(0);
    try {
      activations.done(
          journalled.activations(), u.provider(), List.of(c), List.of(r), deployment, version);
      if (!r.success()) {
        store.journalFinish(intent, JournalEntry.Status.FAILED, r.error(), null, null);
        return r.error();
      }
      ResourceRecord put = u.put();
      if (put != null) {
        // a re-create has a new id; a delete that puts a record back (undoing a
        // create-before-destroy create) restores the old object's record, id included
        put =
            put.withOutcome(
                c.kind() == Change.Kind.DELETE ? put.id() : r.id(),
                put.properties(),
                r.outputs() == null || r.outputs().isEmpty() ? put.outputs() : r.outputs());
      }
      store.journalFinish(intent, JournalEntry.Status.DONE, null, put, u.remove());
    } catch (StateDamagedException e) {
      damage.record(e);
    }
    return r.success() ? null : r.error();
  }

  /**
   * Undoing a create-before-destroy create puts the old object's record back only while state still
   * records it (deposed): when its delete happened anyway (an answer lost after it), nothing of the
   * resource is left once the new object goes.
   */
  private Undo checked(Undo u) {
    if (u.put() == null || u.remove() == null || Deposed.resourceOf(u.remove()).isEmpty()) {
      return u;
    }
    boolean oldRecorded = store.load(deployment).flatMap(s -> s.resource(u.remove())).isPresent();
    return oldRecorded ? u : new Undo(u.resource(), u.provider(), u.change(), null, u.put().name());
  }
}
