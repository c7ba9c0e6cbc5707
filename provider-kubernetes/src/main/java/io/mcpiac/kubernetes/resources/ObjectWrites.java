package io.mcpiac.kubernetes.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.kit.HandlerSet;
import io.mcpiac.engine.providers.kit.Outcome;
import io.mcpiac.kubernetes.objects.Bookkeeping;
import io.mcpiac.kubernetes.objects.Manifests;
import io.mcpiac.kubernetes.objects.ObjectRef;
import io.mcpiac.kubernetes.objects.ObjectStore;
import io.mcpiac.kubernetes.objects.Waits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write of one object, the same for every type: place it in its namespace, check a custom
 * resource against its CRD, label it, apply it, wait as asked. A write whose wait fails is undone
 * here before the change reports failure (a new object is deleted, an updated one gets its prior
 * manifest back), so the engine's rollback of the other changes leaves nothing half-rolled-out.
 */
final class ObjectWrites {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectWrites.class);

  private final String deployment;

  /**
   * @param deployment the deployment objects are labelled with (null when serving several)
   */
  ObjectWrites(String deployment) {
    this.deployment = deployment;
  }

  /** {@code manifest}'s reference with the namespace filled in, and the manifest to match. */
  static ObjectRef place(ObjectStore store, ObjectNode manifest) {
    ObjectRef ref = store.placed(ObjectRef.of(manifest));
    if (ref.namespace() != null) {
      Manifests.metadata(manifest).put("namespace", ref.namespace());
    } else {
      Manifests.metadata(manifest).remove("namespace");
    }
    return ref;
  }

  ChangeResult write(
      ObjectStore store,
      Change change,
      ObjectNode manifest,
      ObjectNode priorManifest,
      WaitSpec wait,
      boolean forceConflicts) {
    ObjectRef ref = place(store, manifest);
    Outcome fits = CustomResources.check(store, manifest);
    if (fits instanceof Outcome.Failed f) {
      return HandlerSet.failed(change, ref + " " + f.reason());
    }
    Bookkeeping.mark(manifest, change.id(), deployment, change.name());
    if (priorManifest != null) {
      place(store, priorManifest);
      Bookkeeping.mark(priorManifest, change.id(), deployment, change.name());
    }
    ObjectNode live = store.apply(manifest, priorManifest, forceConflicts);
    Outcome waited = waitFor(store, ref, wait);
    if (waited instanceof Outcome.Failed f) {
      undo(store, ref, priorManifest, manifest, wait);
      return HandlerSet.failed(change, f.reason());
    }
    return ChangeResult.ok(change.name(), change.id(), outputs(live));
  }

  private static Outcome waitFor(ObjectStore store, ObjectRef ref, WaitSpec wait) {
    if (wait.rollout()) {
      Outcome o = Waits.rollout(store, ref, wait.timeout());
      if (!o.done()) {
        return o;
      }
    }
    return wait.condition() == null
        ? Outcome.DONE
        : Waits.condition(store, ref, wait.condition(), wait.timeout());
  }

  /** Takes back a write whose wait failed: best effort, the failure is reported either way. */
  private static void undo(
      ObjectStore store, ObjectRef ref, ObjectNode prior, ObjectNode written, WaitSpec wait) {
    try {
      if (prior == null) {
        store.delete(ref, wait.timeout());
      } else {
        store.apply(prior, written, true);
      }
    } catch (RuntimeException e) {
      LOG.warn("{}: could not undo the write whose wait failed: {}", ref, e.getMessage());
    }
  }

  void delete(ObjectStore store, ObjectNode manifest, WaitSpec wait) {
    store.delete(place(store, manifest), wait.timeout());
  }

  /** What every object answers: where it is and its uid. */
  static ObjectNode outputs(ObjectNode live) {
    ObjectNode meta = Manifests.metadata(live);
    ObjectNode out = Json.object();
    out.put("name", meta.path("name").asText());
    if (meta.hasNonNull("namespace")) {
      out.put("namespace", meta.get("namespace").asText());
    }
    out.put("uid", meta.path("uid").asText(""));
    out.put("apiVersion", live.path("apiVersion").asText());
    out.put("kind", live.path("kind").asText());
    return out;
  }

  static final java.util.Map<String, String> OUTPUTS =
      java.util.Map.of(
          "name", "the object's name",
          "namespace", "its namespace (absent for cluster-scoped kinds)",
          "uid", "the uid the API server gave it",
          "apiVersion", "its apiVersion",
          "kind", "its kind");
}
