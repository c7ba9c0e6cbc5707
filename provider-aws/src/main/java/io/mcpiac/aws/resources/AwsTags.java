package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.kit.Props;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags that mark what mcp-iac created: every object carries the id chosen before its create
 * ({@code mcp-iac:id}, so a create whose answer was lost is found again by a describe filtered on
 * it), its resource name and type, the deployment when the instance serves one, and a {@code Name}
 * (the resource name) unless the user's own tags set one. Reads match by the id tag; imports list
 * the deployment's objects.
 */
public final class AwsTags {
  public static final String PREFIX = "mcp-iac:";
  public static final String ID = PREFIX + "id";
  public static final String RESOURCE = PREFIX + "resource";
  public static final String TYPE = PREFIX + "type";
  public static final String DEPLOYMENT = PREFIX + "deployment";
  public static final String NAME = "Name";

  /** The deployment this provider instance serves; null when it serves several. */
  private final String deployment;

  public AwsTags(String deployment) {
    this.deployment = deployment;
  }

  /** Every tag of a new object: the user's {@code tags} and ours. */
  public Map<String, String> forNew(String type, String id, String resource, ObjectNode props) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(NAME, resource);
    tags.putAll(Props.map(props, "tags"));
    tags.put(ID, id);
    tags.put(RESOURCE, resource);
    tags.put(TYPE, type);
    if (deployment != null) {
      tags.put(DEPLOYMENT, deployment);
    }
    return tags;
  }

  /** The tag key and value an import filters on: the deployment's, or every managed object's. */
  public Map.Entry<String, String> importFilter() {
    return deployment != null ? Map.entry(DEPLOYMENT, deployment) : Map.entry(ID, "*");
  }

  /** Whether an object's tags put it in what {@link #importFilter()} selects. */
  public boolean imports(Map<String, String> tags) {
    return tags.containsKey(ID) && (deployment == null || deployment.equals(tags.get(DEPLOYMENT)));
  }

  /**
   * The {@code tags} property as a read reports it: the user's tags, without ours, and without the
   * {@code Name} we add unless the record sets one (a Name changed by hand is drift only where the
   * file manages it).
   */
  public static ObjectNode reported(Map<String, String> live, ObjectNode recorded) {
    JsonNode wanted = recorded == null ? null : recorded.get("tags");
    boolean managesName = wanted != null && wanted.has(NAME);
    ObjectNode out = Json.object();
    live.forEach(
        (k, v) -> {
          if (!k.startsWith(PREFIX) && (managesName || !k.equals(NAME))) {
            out.put(k, v);
          }
        });
    return out;
  }

  /** The user's tags of a record: what an update compares. */
  public static Map<String, String> user(ObjectNode props) {
    return Props.map(props, "tags");
  }
}
