package io.mcpiac.kubernetes.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Iterator;

/**
 * The write for servers without server-side apply: a create when the object is new; otherwise the
 * live object with the fields we stopped setting removed and ours merged over it, replaced with the
 * live resource version (a 409 from a concurrent writer is retried once on a fresh read). Fields
 * other writers set and we never did stay, as with a three-way client-side apply.
 */
final class ClientSideApply {
  private ClientSideApply() {}

  static ObjectNode write(
      KubernetesClient client, ObjectRef ref, ObjectNode manifest, ObjectNode prior) {
    for (int attempt = 0; ; attempt++) {
      Resource<GenericKubernetesResource> r =
          ref.namespace() == null
              ? client.genericKubernetesResources(ref.apiVersion(), ref.kind()).withName(ref.name())
              : client
                  .genericKubernetesResources(ref.apiVersion(), ref.kind())
                  .inNamespace(ref.namespace())
                  .withName(ref.name());
      GenericKubernetesResource current = r.get();
      try {
        if (current == null) {
          return Manifests.fromFabric8(client.resource(Manifests.toFabric8(manifest)).create());
        }
        ObjectNode live = Manifests.fromFabric8(current);
        ObjectNode next = live.deepCopy();
        next.remove("status");
        if (prior != null) {
          removeDropped(next, prior, manifest);
        }
        Manifests.merge(next, manifest);
        Manifests.metadata(next)
            .put("resourceVersion", live.path("metadata").path("resourceVersion").asText());
        return Manifests.fromFabric8(client.resource(Manifests.toFabric8(next)).update());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt > 0) {
          throw e;
        }
      }
    }
  }

  /** Removes from {@code target} what {@code prior} set and {@code desired} no longer sets. */
  private static void removeDropped(ObjectNode target, ObjectNode prior, ObjectNode desired) {
    for (Iterator<String> it = prior.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      JsonNode was = prior.get(key);
      JsonNode now = desired.get(key);
      if (now == null || now.isNull()) {
        target.remove(key);
      } else if (was instanceof ObjectNode w
          && now instanceof ObjectNode n
          && target.get(key) instanceof ObjectNode t) {
        removeDropped(t, w, n);
      }
    }
  }
}
