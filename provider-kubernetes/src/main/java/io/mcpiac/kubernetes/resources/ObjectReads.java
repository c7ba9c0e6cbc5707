package io.mcpiac.kubernetes.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.kubernetes.objects.Bookkeeping;
import io.mcpiac.kubernetes.objects.ObjectRef;
import io.mcpiac.kubernetes.objects.ObjectStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batched read: one list call per kind for the objects mcp-iac labelled, and a get by name only
 * for what the list did not hold (an imported object, not labelled until its first apply).
 */
final class ObjectReads {
  private final ObjectStore store;
  private final Map<String, Map<String, ObjectNode>> byKind = new HashMap<>();

  ObjectReads(ObjectStore store) {
    this.store = store;
  }

  /**
   * The live object at {@code ref} (namespace placed) when it is the one recorded with {@code id};
   * null when there is none, or when another object took its name (deleted and made again by hand,
   * or by a replacement): that one is not what state recorded.
   */
  ObjectNode find(ObjectRef ref, String id) {
    Map<String, ObjectNode> listed =
        byKind.computeIfAbsent(ref.apiVersion() + " " + ref.kind(), k -> list(ref));
    ObjectNode live = listed.get(key(ref.namespace(), ref.name()));
    if (live == null) {
      live = store.get(ref);
    }
    return live == null || (id != null && !id.equals(Bookkeeping.idOf(live))) ? null : live;
  }

  private Map<String, ObjectNode> list(ObjectRef ref) {
    Map<String, ObjectNode> out = new HashMap<>();
    List<ObjectNode> items;
    try {
      items = store.listLabelled(ref.apiVersion(), ref.kind());
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      if (e.getCode() == 404) {
        return out; // the kind is not served (its CRD is gone): nothing of it exists
      }
      throw e;
    }
    for (ObjectNode o : items) {
      ObjectNode meta = (ObjectNode) o.path("metadata");
      out.put(key(meta.path("namespace").asText(null), meta.path("name").asText()), o);
    }
    return out;
  }

  private static String key(String namespace, String name) {
    return (namespace == null ? "" : namespace) + "/" + name;
  }
}
