package io.mcpiac.kubernetes.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The labels and annotations mcp-iac puts on every object it writes: who manages it, the id the
 * engine journalled for its create (so a create whose answer was lost is recognised), and the
 * deployment and resource it belongs to (for import and for finding objects by label). Resource and
 * deployment names may hold characters a label value may not ({@code web.app[1]}), so the exact
 * names are annotations and the labels carry a cleaned form for selectors.
 */
public final class Bookkeeping {
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "mcp-iac";
  public static final String ID = "mcp-iac.io/id";
  public static final String DEPLOYMENT = "mcp-iac.io/deployment";
  public static final String RESOURCE = "mcp-iac.io/resource";

  /** Keys the read and import leave out: they are ours, not the user's. */
  public static final Set<String> KEYS = Set.of(MANAGED_BY, ID, DEPLOYMENT, RESOURCE);

  private Bookkeeping() {}

  /** Writes the labels and annotations into {@code manifest}'s metadata. */
  public static void mark(ObjectNode manifest, String id, String deployment, String resource) {
    ObjectNode meta = Manifests.metadata(manifest);
    ObjectNode labels = object(meta, "labels");
    labels.put(MANAGED_BY, MANAGER);
    labels.put(ID, labelValue(id));
    ObjectNode annotations = object(meta, "annotations");
    annotations.put(RESOURCE, resource);
    if (deployment != null) {
      labels.put(DEPLOYMENT, labelValue(deployment));
      annotations.put(DEPLOYMENT, deployment);
    }
  }

  /** The id label of a live object, else its uid (an object mcp-iac never wrote). */
  public static String idOf(ObjectNode live) {
    JsonNode meta = live.path("metadata");
    String id = meta.path("labels").path(ID).asText("");
    return id.isEmpty() ? meta.path("uid").asText(null) : id;
  }

  /** The resource name recorded on the object, else the object's own name. */
  public static String resourceOf(ObjectNode live) {
    JsonNode meta = live.path("metadata");
    String name = meta.path("annotations").path(RESOURCE).asText("");
    return name.isEmpty() ? meta.path("name").asText() : name;
  }

  /** {@code value} as a valid label value: at most 63 of [A-Za-z0-9._-], alphanumeric ends. */
  static String labelValue(String value) {
    String v = value.replaceAll("[^A-Za-z0-9._-]", "-");
    if (v.length() > 63) {
      v = v.substring(0, 63);
    }
    return v.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
  }

  private static ObjectNode object(ObjectNode parent, String key) {
    return parent.get(key) instanceof ObjectNode o ? o : parent.putObject(key);
  }
}
