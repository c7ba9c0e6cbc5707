package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.Deposed;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds journal intents that never got a result (a crash, a lost answer) and makes state true again
 * with a live read of exactly those objects: a create that happened is recorded, one that did not
 * is forgotten; a delete that happened removes the record; a replaced object that was left behind
 * is deleted. Before any of that, every activation a crash left unrecorded runs again. Afterwards
 * the next plan converges without duplicates.
 *
 * <p>The caller holds the deployment's lock.
 */
public final class JournalRecovery {
  private final ProviderRegistry registry;
  private final StateStore store;

  public JournalRecovery(ProviderRegistry registry, StateStore store) {
    this.registry = registry;
    this.store = store;
  }

  /** Reconciles every unfinished entry of the deployment; returns one line per entry. */
  public List<String> recover(String deployment) {
    List<JournalEntry> unfinished = store.unfinished(deployment);
    if (unfinished.isEmpty()) {
      return List.of();
    }
    // written but never activated changes become active first: whatever is reconciled below is
    // then what really runs, not only what the system has saved
    List<JournalEntry> activations =
        unfinished.stream().filter(JournalEntry::isActivation).toList();
    List<String> report =
        new ArrayList<>(new Activations(registry, store).reactivate(activations, deployment));
    List<JournalEntry> changes = unfinished.stream().filter(e -> !e.isActivation()).toList();
    if (!changes.isEmpty()) {
      report.addAll(reconcile(deployment, changes));
    }
    return report;
  }

  public List<String> reconcile(String deployment, List<JournalEntry> entries) {
    Map<String, List<JournalEntry>> groups = new LinkedHashMap<>();
    for (JournalEntry e : entries) {
      groups.computeIfAbsent(e.provider() + "\u0000" + e.type(), k -> new ArrayList<>()).add(e);
    }
    List<String> report = new ArrayList<>();
    long version = store.version(deployment);
    for (List<JournalEntry> group : groups.values()) {
      JournalEntry first = group.get(0);
      Provider provider = registry.providerFor(first.type(), first.provider());
      ResourceType type =
          provider
              .resourceType(first.type())
              .orElseThrow(() -> new IllegalStateException("unknown type " + first.type()));
      List<ReadRequest> requests = new ArrayList<>();
      for (JournalEntry e : group) {
        ResourceRecord rec = e.recorded();
        requests.add(
            new ReadRequest(
                "#" + e.id(),
                e.resourceId(),
                Json.copy(rec.properties()),
                Json.copy(rec.outputs())));
      }
      Map<String, LiveResource> live = provider.read(type, requests);
      for (JournalEntry e : group) {
        report.add(reconcileOne(deployment, version, provider, type, e, live.get("#" + e.id())));
      }
    }
    return report;
  }

  private String reconcileOne(
      String deployment,
      long version,
      Provider provider,
      ResourceType type,
      JournalEntry e,
      LiveResource live) {
    ResourceRecord intended = e.recorded();
    ResourceRecord current =
        store.load(deployment).flatMap(s -> s.resource(e.resource())).orElse(null);
    boolean currentIsThis = current != null && e.resourceId().equals(current.id());
    String what = e.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + e.resource();
    switch (e.kind()) {
      case CREATE, UPDATE -> {
        if (live != null) {
          ResourceRecord put = merged(intended, live);
          if (e.kind() == Change.Kind.CREATE
              && type.createBeforeDestroy()
              && current != null
              && !currentIsThis) {
            // a create-before-destroy replacement's new object: the old one is still recorded
            // under the name, and stays recorded, deposed, until the next plan deletes it
            ResourceRecord deposed = Deposed.of(current);
            store.journalFinishRecords(
                e.id(),
                JournalEntry.Status.RECONCILED,
                null,
                deployment,
                version,
                List.of(put, deposed),
                null);
            return what + ": found on the system, recorded; the old object is " + deposed.name();
          }
          finish(e, deployment, version, put, null);
          return what + ": found on the system, recorded";
        }
        String removed = e.kind() == Change.Kind.UPDATE && currentIsThis ? e.resource() : null;
        String swept = e.kind() == Change.Kind.CREATE ? sweep(provider, type, e, intended) : "";
        finish(e, deployment, version, null, removed);
        return what
            + ": not on the system"
            + (removed != null ? ", record removed" : ", nothing to record")
            + swept;
      }
      case DELETE -> {
        // the old object of a create-before-destroy replacement is recorded under its own name
        String deposed = currentIsThis ? null : deposedRecord(deployment, e);
        String record = currentIsThis ? e.resource() : deposed;
        if (live == null) {
          String swept = sweep(provider, type, e, intended);
          finish(e, deployment, version, null, record);
          return what
              + ": gone from the system"
              + (record != null ? ", record removed" : "")
              + swept;
        }
        if (currentIsThis || current == null && e.phase() == JournalEntry.Phase.UNDO) {
          finish(e, deployment, version, currentIsThis ? null : merged(intended, live), null);
          return what + ": still on the system, kept";
        }
        if (deposed != null) {
          // what still uses it may not have moved yet: the next plan deletes it after them
          finish(e, deployment, version, null, null);
          return what + ": still on the system, kept as " + deposed + " for the next plan";
        }
        // an object left behind by a replacement: its successor is recorded, so it goes
        ChangeResult r = provider.apply(List.of(deleteOf(type, e, intended))).get(0);
        finish(e, deployment, version, null, null);
        return what
            + ": an old object left behind by a replacement"
            + (r.success() ? ", deleted" : ", could not be deleted: " + r.error());
      }
      default -> throw new IllegalStateException(e.kind().name());
    }
  }

  /** The name of the deposed record of the entry's object, when state keeps one. */
  private String deposedRecord(String deployment, JournalEntry e) {
    String name = Deposed.name(e.resource(), e.resourceId());
    return store.load(deployment).flatMap(s -> s.resource(name)).isPresent() ? name : null;
  }

  /**
   * A create or delete that was cut short may have left parts behind that the live read does not
   * show as the object (a provider that writes an object in several calls: OPNsense's backend and
   * the servers it keeps). Deleting the id again, which finds the object gone, removes them; a
   * failure is only reported, the object itself is not there.
   */
  private static String sweep(
      Provider provider, ResourceType type, JournalEntry e, ResourceRecord intended) {
    try {
      ChangeResult r = provider.apply(List.of(deleteOf(type, e, intended))).get(0);
      return r.success() ? "" : " (leftovers could not be removed: " + r.error() + ")";
    } catch (RuntimeException ex) {
      return " (leftovers could not be removed: " + ex.getMessage() + ")";
    }
  }

  /** Deleting the journalled object, by its id, with what it was meant to be. */
  private static Change deleteOf(ResourceType type, JournalEntry e, ResourceRecord intended) {
    return new Change(
        Change.Kind.DELETE,
        e.resource(),
        type,
        e.resourceId(),
        Records.withoutStandIns(intended.properties()),
        null,
        intended.outputs());
  }

  private static ResourceRecord merged(ResourceRecord intended, LiveResource live) {
    ObjectNode props = Json.copy(intended.properties());
    if (live.properties() != null) {
      for (Iterator<String> it = intended.properties().fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (live.properties().has(key)
            && !io.mcpiac.engine.resources.Values.isSensitive(intended.properties().get(key))) {
          props.set(key, live.properties().get(key));
        }
      }
    }
    return intended.withOutcome(
        live.id(), props, live.outputs() != null ? live.outputs() : intended.outputs());
  }

  private void finish(
      JournalEntry e, String deployment, long version, ResourceRecord put, String removed) {
    store.journalFinish(
        e.id(), JournalEntry.Status.RECONCILED, null, deployment, version, put, removed);
  }
}
