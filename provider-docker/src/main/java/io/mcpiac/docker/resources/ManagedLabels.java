package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Props;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The labels that mark what mcp-iac created: every object carries {@code io.mcpiac.managed=true},
 * the resource's id (chosen before the create, so a create whose answer was lost is found again),
 * its resource name, its type and, when the provider instance serves one deployment, the
 * deployment's name. Reads list by {@link #MANAGED} and match by {@link #ID} (ids are unique, and
 * an object made by an instance that served several deployments has no deployment label); imports
 * list the deployment's objects.
 */
public final class ManagedLabels {
  public static final String MANAGED = "io.mcpiac.managed";
  public static final String ID = "io.mcpiac.id";
  public static final String RESOURCE = "io.mcpiac.resource";
  public static final String TYPE = "io.mcpiac.type";
  public static final String DEPLOYMENT = "io.mcpiac.deployment";

  /** For image builds: digest of the build context and Dockerfile the image was built from. */
  public static final String CONTEXT_DIGEST = "io.mcpiac.context-digest";

  private static final String PREFIX = "io.mcpiac.";

  /** The deployment this provider instance serves; null when it serves several. */
  private final String deployment;

  public ManagedLabels(String deployment) {
    this.deployment = deployment;
  }

  /** The labels of a new object. */
  public Map<String, String> forNew(String type, String id, String resource) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED, "true");
    labels.put(ID, id);
    labels.put(RESOURCE, resource);
    labels.put(TYPE, type);
    if (deployment != null) {
      labels.put(DEPLOYMENT, deployment);
    }
    return labels;
  }

  /** What an import lists: the deployment's objects, or every managed one. */
  public Map<String, String> importFilter() {
    Map<String, String> filter = new LinkedHashMap<>();
    filter.put(MANAGED, "true");
    if (deployment != null) {
      filter.put(DEPLOYMENT, deployment);
    }
    return filter;
  }

  /** {@link #importFilter()} as {@code label=} filter values. */
  public List<String> importFilterValues() {
    return importFilter().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  /** The filter value of a list call ({@code label=io.mcpiac.managed=true}). */
  public static List<String> managedFilter() {
    return List.of(MANAGED + "=true");
  }

  /** The user's own labels: everything but ours. */
  public static Map<String, String> userLabels(Map<String, String> labels) {
    Map<String, String> out = new LinkedHashMap<>();
    if (labels != null) {
      labels.forEach(
          (k, v) -> {
            if (!k.startsWith(PREFIX)) {
              out.put(k, v);
            }
          });
    }
    return out;
  }

  /**
   * The {@code labels} property as a read reports it. Only the keys the configuration set count:
   * images and containers also inherit labels from their base image, which are no drift.
   */
  static JsonNode reported(Map<String, String> live, ObjectNode recorded) {
    if (!recorded.has("labels")) {
      return Json.MAPPER.valueToTree(userLabels(live));
    }
    Map<String, String> wanted = Props.map(recorded, "labels");
    Map<String, String> seen = new LinkedHashMap<>();
    Map<String, String> user = userLabels(live);
    wanted
        .keySet()
        .forEach(
            k -> {
              if (user.containsKey(k)) {
                seen.put(k, user.get(k));
              }
            });
    return seen.equals(wanted) ? recorded.get("labels").deepCopy() : Json.MAPPER.valueToTree(seen);
  }

  /**
   * Matches listed objects to the requested resources by their id label: one list call answers a
   * whole batched read. Requests whose object is not listed are absent (gone).
   */
  static <T> Map<String, LiveResource> matchById(
      List<T> listed,
      Function<T, Map<String, String>> labelsOf,
      List<ReadRequest> requests,
      BiFunction<ReadRequest, T, LiveResource> live) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T object : listed) {
      byId.put(idOf(labelsOf.apply(object)), object);
    }
    Map<String, LiveResource> out = new LinkedHashMap<>();
    for (ReadRequest r : requests) {
      T object = byId.get(r.id());
      if (object != null) {
        out.put(r.name(), live.apply(r, object));
      }
    }
    return out;
  }

  public static String idOf(Map<String, String> labels) {
    return labels == null ? null : labels.get(ID);
  }

  public static String resourceOf(Map<String, String> labels) {
    return labels == null ? null : labels.get(RESOURCE);
  }
}
