package io.mcpiac.kubernetes.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mcpiac.engine.json.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Manifests as the engine's JSON (Jackson 2) and as fabric8's objects (Jackson 3): they cross as
 * JSON text, so the two Jackson families never share a class. Also the merge of a {@code manifest}
 * property over generated fields, and the projection of a live object onto the fields we manage.
 */
public final class Manifests {
  /** Fields the API server sets on every object; never ours, never compared, never imported. */
  private static final List<String> SERVER_METADATA =
      List.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "managedFields",
          "selfLink",
          "ownerReferences",
          "finalizers");

  private Manifests() {}

  public static GenericKubernetesResource toFabric8(ObjectNode manifest) {
    return Serialization.unmarshal(Json.write(manifest), GenericKubernetesResource.class);
  }

  public static ObjectNode fromFabric8(Object resource) {
    return Json.parseObject(Serialization.asJson(resource));
  }

  /** The object's {@code metadata}, created empty when absent. */
  public static ObjectNode metadata(ObjectNode manifest) {
    JsonNode m = manifest.get("metadata");
    if (m instanceof ObjectNode o) {
      return o;
    }
    return manifest.putObject("metadata");
  }

  /**
   * {@code overlay} merged over {@code base}, in place: objects merge key by key; lists whose
   * elements are all objects with a {@code name} (containers, env, volumes) merge element by name,
   * as kubectl's strategic merge does; anything else replaces (as in a JSON merge patch); a null in
   * the overlay removes the key.
   */
  public static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
    if (overlay == null) {
      return base;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode mine = base.get(e.getKey());
      if (e.getValue().isNull()) {
        base.remove(e.getKey());
      } else if (mine instanceof ObjectNode m && e.getValue() instanceof ObjectNode o) {
        merge(m, o);
      } else if (mine instanceof ArrayNode m
          && e.getValue() instanceof ArrayNode o
          && named(m)
          && named(o)) {
        mergeByName(m, o);
      } else {
        base.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return base;
  }

  private static boolean named(ArrayNode list) {
    for (JsonNode e : list) {
      if (!e.isObject() || !e.path("name").isTextual()) {
        return false;
      }
    }
    return !list.isEmpty();
  }

  private static void mergeByName(ArrayNode base, ArrayNode overlay) {
    for (JsonNode o : overlay) {
      ObjectNode same = null;
      for (JsonNode b : base) {
        if (b.path("name").asText().equals(o.path("name").asText())) {
          same = (ObjectNode) b;
        }
      }
      if (same == null) {
        base.add(o.deepCopy());
      } else {
        merge(same, (ObjectNode) o);
      }
    }
  }

  /**
   * The part of {@code live} that {@code managed} sets: the fields we wrote, as the cluster holds
   * them now. Fields a controller or the API server added (status, defaults, other managers'
   * labels) are left out, so they are never drift; a field we wrote that is gone or changed shows.
   * Arrays are compared element by element when both have the same length; otherwise the live array
   * is kept whole (an element added or removed by hand is drift).
   */
  public static JsonNode project(JsonNode live, JsonNode managed) {
    if (live == null || live.isMissingNode()) {
      return null;
    }
    if (managed instanceof ObjectNode m && live instanceof ObjectNode l) {
      ObjectNode out = Json.object();
      for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        JsonNode v = project(l.get(key), m.get(key));
        if (v != null) {
          out.set(key, v);
        }
      }
      return out;
    }
    if (managed instanceof ArrayNode m && live instanceof ArrayNode l) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (int i = 0; i < l.size(); i++) {
        JsonNode v = m.size() == l.size() ? project(l.get(i), m.get(i)) : l.get(i);
        out.add(v == null ? l.get(i) : v);
      }
      return out;
    }
    return live;
  }

  /**
   * The object as a user would write it: without status, without what the server sets in metadata,
   * without the last-applied annotation and without the labels and annotations in {@code ours} (the
   * provider's bookkeeping). For import.
   */
  public static ObjectNode clean(ObjectNode live, java.util.Set<String> ours) {
    ObjectNode out = live.deepCopy();
    out.remove("status");
    ObjectNode meta = metadata(out);
    SERVER_METADATA.forEach(meta::remove);
    for (String key : List.of("labels", "annotations")) {
      if (meta.get(key) instanceof ObjectNode o) {
        o.remove("kubectl.kubernetes.io/last-applied-configuration");
        o.remove(ours);
        if (o.isEmpty()) {
          meta.remove(key);
        }
      }
    }
    return out;
  }
}
