package io.mcpiac.docker.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels that mark what mcp-iac created: every object carries {@code io.mcpiac.managed=true},
 * the resource's id (chosen before the create, so a create whose answer was lost is found again),
 * its resource name and its type. Reads list by {@link #MANAGED} and match by {@link #ID}.
 */
public final class ManagedLabels {
  public static final String MANAGED = "io.mcpiac.managed";
  public static final String ID = "io.mcpiac.id";
  public static final String RESOURCE = "io.mcpiac.resource";
  public static final String TYPE = "io.mcpiac.type";

  /** For image builds: digest of the build context and Dockerfile the image was built from. */
  public static final String CONTEXT_DIGEST = "io.mcpiac.context-digest";

  private static final String PREFIX = "io.mcpiac.";

  private ManagedLabels() {}

  /** The labels of a new object. */
  public static Map<String, String> of(String type, String id, String resource) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED, "true");
    labels.put(ID, id);
    labels.put(RESOURCE, resource);
    labels.put(TYPE, type);
    return labels;
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

  public static String idOf(Map<String, String> labels) {
    return labels == null ? null : labels.get(ID);
  }

  public static String resourceOf(Map<String, String> labels) {
    return labels == null ? null : labels.get(RESOURCE);
  }
}
